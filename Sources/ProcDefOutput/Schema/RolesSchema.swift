import ProcDef

extension JSONSchemaRenderer {
    static var catalogue: SchemaObject {
        SchemaObject(
            "The organisation's role catalogue. Every process in the repository can use its roles; a role id is defined once.",
            [
                kindProperty("roles", "roles: this document is a role catalogue."),
                SchemaProperty("roles", "Maps each role id (kebab-case) to a role.", roleMap, required: true),
            ]
        )
    }

    /// Role ids are the keys of a mapping, under `roles:` of a catalogue or of a process.
    static var roleMap: JSONValue {
        .object([
            ("type", .string("object")),
            ("propertyNames", .object([("pattern", .string(SchemaShape.idPattern)), ("maxLength", .integer(Identifier.maxLength))])),
            ("additionalProperties", SchemaShape.ref("role")),
        ])
    }

    static var role: SchemaObject {
        SchemaObject(
            "A role: who does the work, not which person.",
            [
                SchemaProperty("name", "What people call the role.", SchemaShape.text, required: true),
                SchemaProperty("kind", """
                    What part the role plays: owner (a Process Owner, accountable for a process's design, policies and \
                    results), manager (runs a process day to day, or leads a team), practitioner (does the work), \
                    customer (receives the service; never accountable), supplier (an outside party under contract; \
                    never accountable, and a handoff to it names the agreement) or stakeholder (consulted or informed).
                    """, SchemaShape.oneOf(RoleKind.allCases.map(\.rawValue)), required: true),
                SchemaProperty("team", "The team that staffs the role.", SchemaShape.text),
                SchemaProperty("contact", """
                    How to reach the role (a Slack channel, a mail alias); shown in runbooks. Quote a value with a \
                    #, such as "#service-desk": unquoted, it would start a comment.
                    """, SchemaShape.text),
            ]
        )
    }
}
