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
            "contact", "text or contact details",
            "how to reach it: text (a Slack channel, a mail alias), or `{pager, phone, channel, rota}`; shown in runbooks; quote a value that starts with `#` (`\"#service-desk\"`)"
        ),
        FormatKey(
            "max-silence", "duration", invalid: InvalidDuration.self,
            "the longest this role may go without news of an open case (a regulator's daily updates)"),
        FormatKey(
            "shift", "duration", invalid: InvalidDuration.self,
            "how long one person holds the role before the next takes over; a role with a shift says how in `handover`"),
        FormatKey(
            "stage", oneOf: ServiceStage.allCases.map(\.rawValue),
            "the role's row in the service blueprint: `customer` (the customer's own actions), `front` (what the customer sees or talks to), `back` (behind the counter) or `support` (other teams, suppliers, systems); default `customer` for a customer, `support` for a supplier or a system, else `back`"
        ),
        FormatKey(
            "handover", "handover",
            "`{artifact, expectation}`: how one person of the shift hands the case to the next (see [Time](#time))"),
    ])

    /// A role's `contact` written as a mapping.
    package static let contact = KeyTable([
        FormatKey("pager", "text", "how to page the role (a pager service, a page alias)"),
        FormatKey("phone", "text", "a phone number or a bridge line"),
        FormatKey("channel", "text", "a chat channel or a mail alias"),
        FormatKey("rota", "text", "where the current rota is (who holds the role now)"),
    ])

    /// A role's `handover`.
    package static let handover = KeyTable([
        FormatKey("artifact", "name", .required, "what one shift hands to the next (`shift-log`)"),
        FormatKey("expectation", "text", .required, "what the next shift commits to"),
    ])
}
