extension KeyTable {
    /// A `kind: roles` document: the role catalogue.
    package static let roles = KeyTable([
        .kind("roles", "`roles`: this document is a role catalogue"),
        FormatKey("roles", "map of role id to role", .required, invalid: InvalidID.self, "the roles, each under its id"),
    ])

    /// One role, in the catalogue or under a process's `roles`.
    package static let role = KeyTable([
        FormatKey("name", "text", .required, "what people call the role"),
        FormatKey("kind", oneOf: RoleKind.allCases.map(\.rawValue), .required, "what part the role plays (below)"),
        FormatKey("team", "text", "the team that staffs the role"),
        FormatKey(
            "contact", "text",
            "how to reach it (a Slack channel, a mail alias); shown in runbooks; quote a value that starts with `#` (`\"#service-desk\"`)"),
        FormatKey(
            "max-silence", "duration", invalid: InvalidDuration.self,
            "the longest this role may go without news of an open case (a regulator's daily updates)"),
        FormatKey(
            "shift", "duration", invalid: InvalidDuration.self,
            "how long one person holds the role before the next takes over; a role with a shift says how in `handover`"),
        FormatKey(
            "handover", "handover",
            "`{artifact, expectation}`: how one person of the shift hands the case to the next (see [Time](#time))"),
    ])

    /// A role's `handover`.
    package static let handover = KeyTable([
        FormatKey("artifact", "name", .required, "what one shift hands to the next (`shift-log`)"),
        FormatKey("expectation", "text", .required, "what the next shift commits to"),
    ])
}
