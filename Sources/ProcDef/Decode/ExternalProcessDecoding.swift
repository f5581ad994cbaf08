import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/), so a lookup costs what it did as a literal.
    static let externalProcessKeys = KeyTable.externalProcess.names
    static let externalProcessRequiredKeys = KeyTable.externalProcess.requiredNames

    func decodeExternalProcess(_ map: FieldMap, document: YAMLDocument, header: SourceRange) {
        // Its findings name no process as their subject: `procdef diff` and the per-process counts are about this
        // repository's processes, and this one is someone else's.
        let id = identifier(map, in: "the external process", kind: "process")
        let context = id.map { "external process \(Quoting.quoted($0.value))" } ?? "the external process"
        checkKeys(map, allowed: Self.externalProcessKeys, in: context)
        requireFields(map, Self.externalProcessRequiredKeys, in: context, at: header)

        let name = text(map, "name", in: context)
        var link = text(map, "link", in: context, expected: "an http or https address")
        if let written = link, !Self.isWebAddress(written.value) {
            report(
                WrongType.self, at: written.range,
                "'link' in \(context) must be an http or https address, found \(Quoting.quoted(written.value))",
                help: "write the full address, such as https://example.org/incident-response")
            link = nil
        }
        let owner = reference(map, "owner", in: context, kind: "role")
        let receiver = reference(map, "receiver", in: context, kind: "role")
        guard let id else { return }
        decoded.externalProcesses.append(
            ExternalProcess(
                id: id, name: name ?? Located("", at: header), link: link, owner: owner, receiver: receiver, file: file,
                range: document.range, headerRange: header))
    }

    /// `http://` or `https://`, a host, and no white space: what a runbook can link to.
    static func isWebAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let rest = text.dropFirst(scheme.count)
        guard let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty else {
            return false
        }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
    }
}
