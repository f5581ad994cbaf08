extension KeyTable {
    /// A `kind: external-process` document.
    package static let externalProcess = KeyTable([
        .kind("external-process", "`external-process`: this document is a process defined elsewhere"),
        FormatKey(
            "id", "id", .required, invalid: InvalidID.self,
            "unique across the repository, shared with processes; used by `triggers`"),
        FormatKey("name", "text", .required, "the process's title, as its owner calls it"),
        FormatKey("link", "URL", "where the process is described: an `http` or `https` address, linked from runbooks and the index"),
        FormatKey("owner", "role reference", invalid: UnknownRole.self, "who governs the process on the other side"),
        FormatKey(
            "receiver", "role reference", .optionalReported(by: ExternalWithoutReceiver.self, when: "at each trigger"),
            invalid: UnknownRole.self,
            "the role that takes a case in; a trigger into the process is then checked as a handoff to it"),
    ])
}
