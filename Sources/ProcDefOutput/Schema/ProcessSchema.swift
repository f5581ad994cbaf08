import ProcDef

extension JSONSchemaRenderer {
    static var process: SchemaObject {
        SchemaObject(
            "One ITSM process: incident, problem, change, service request and so on.",
            KeyTable.process,
            shapes: [
                "defaults": SchemaObject("Defaults for the process's activities.", KeyTable.defaults).schema,
                "roles": roleMap,
                "activities": .object([
                    ("type", .string("array")),
                    ("items", SchemaShape.ref("activity")),
                ]),
                "waivers": listOrOne("waiver"),
            ]
        )
    }

    /// A list of mappings, where a single mapping counts as a list of one (`triggers: {process: x}`).
    static func listOrOne(_ definition: String) -> JSONValue {
        .object([
            (
                "anyOf",
                .array([
                    SchemaShape.ref(definition),
                    .object([("type", .string("array")), ("items", SchemaShape.ref(definition))]),
                ])
            )
        ])
    }

    static var activity: SchemaObject {
        SchemaObject(
            "One step of the process.",
            KeyTable.activity,
            shapes: [
                // The decoder reads a list here too, so that `raci/single-accountable` can say what is wrong with two.
                "accountable": SchemaShape.idList,
                "next": next,
                "triggers": listOrOne("trigger"),
            ]
        )
    }

    /// `next: confirm`, `next: [a, b]`, `next: [{to: a, when: ...}, b]`, or a single `{to, when}` mapping.
    static var next: JSONValue {
        let branch = JSONValue.object([("anyOf", .array([SchemaShape.id, SchemaShape.ref("branch")]))])
        return .object([
            (
                "anyOf",
                .array([
                    SchemaShape.id,
                    SchemaShape.ref("branch"),
                    .object([("type", .string("array")), ("items", branch)]),
                ])
            )
        ])
    }

    static var branch: SchemaObject {
        SchemaObject("A branch of next: its target, the condition for taking it, and its handoff.", KeyTable.branch)
    }

    static var handoff: SchemaObject {
        SchemaObject(
            "What is handed over on a transition where responsibility changes, and what the receiver commits to.",
            KeyTable.handoff
        )
    }

    static var trigger: SchemaObject {
        SchemaObject("Another process this activity starts: a cross-process handoff.", KeyTable.trigger)
    }

    static var waiver: SchemaObject {
        SchemaObject("An exemption of the process from one policy.", KeyTable.waiver)
    }
}
