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
                "cancel": listOrOne("cancel"),
                "targets": listOrOne("target"),
                "waivers": listOrOne("waiver"),
                "review": SchemaShape.ref("review"),
            ]
        )
    }

    static var target: SchemaObject {
        SchemaObject(
            "A service or operational level target: the time from one activity's start (or end) to another's end (or start), within a budget.",
            KeyTable.target)
    }

    static var review: SchemaObject {
        SchemaObject("The owner's review cycle: the day of the last review and the time between reviews.", KeyTable.review)
    }

    static var externalProcess: SchemaObject {
        SchemaObject("A process another organisation or unit defines and governs, which triggers start.", KeyTable.externalProcess)
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
                "join": SchemaShape.oneOf(JoinMode.allCases.map(\.rawValue)),
                "triggers": listOrOne("trigger"),
                "consulted": involvementList,
                "informed": involvementList,
                "timeout": listOrOne("timeout"),
                "every": .object([
                    (
                        "anyOf",
                        .array([
                            SchemaShape.budget,
                            .object([("type", .string("array")), ("minItems", .integer(1)), ("items", SchemaShape.ref("cadence"))]),
                        ])
                    )
                ]),
            ]
        )
    }

    /// `consulted` and `informed`: role ids, any of which may be `{role, when}`.
    static var involvementList: JSONValue {
        let entry = JSONValue.object([("anyOf", .array([SchemaShape.id, SchemaShape.ref("involvement")]))])
        return .object([("anyOf", .array([entry, .object([("type", .string("array")), ("items", entry)])]))])
    }

    static var involvement: SchemaObject {
        SchemaObject("A role consulted or informed only under a condition.", KeyTable.involvement)
    }

    /// `next: confirm`, `next: [a, b]`, `next: [{to: a, when: ...}, b]`, a single `{to, when}` mapping, or a fork,
    /// `next: {all: [a, b]}`, which is a branch with nothing but `all`.
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
        branchObject(
            "A branch of next: its target or its fork, the condition for taking it, and its handoff.", KeyTable.branch)
    }

    static var forkBranch: SchemaObject {
        branchObject(
            "A branch of a fork (all): its target or its own fork, and its handoff. Every branch runs, so none has a condition.",
            KeyTable.forkBranch)
    }

    /// A branch goes to one activity or forks: `to` (not null) or `all`, never both, which the decoder reports as
    /// `schema/missing-field` and `schema/type`. `all` is never null: `all: ~` is a fork of no branch.
    private static func branchObject(_ description: String, _ table: KeyTable) -> SchemaObject {
        let exactlyOne = JSONValue.array([
            .object([
                ("required", .array([.string("to")])),
                ("properties", .object([("to", .object([("not", .object([("type", .string("null"))]))]))])),
            ]),
            .object([("required", .array([.string("all")]))]),
        ])
        var object = SchemaObject(description, table, shapes: ["all": forkBranches], extra: [("oneOf", exactlyOne)])
        for index in object.properties.indices where object.properties[index].key == "all" {
            object.properties[index].allowsNull = false
        }
        return object
    }

    /// The branches of a fork: two or more, each an activity id or a fork branch.
    static var forkBranches: JSONValue {
        .object([
            ("type", .string("array")),
            ("minItems", .integer(2)),
            ("items", .object([("anyOf", .array([SchemaShape.id, SchemaShape.ref("forkBranch")]))])),
        ])
    }

    static var cancel: SchemaObject {
        SchemaObject(
            "A way to cut the case short from many activities at once: every running branch ends and the case goes to its target.",
            KeyTable.cancel,
            // `from: []` would interrupt nothing, which the decoder reports.
            shapes: ["from": SchemaShape.nonEmptyIDList])
    }

    static var handoff: SchemaObject {
        SchemaObject(
            "What is handed over on a transition where responsibility changes, and what the receiver commits to.",
            KeyTable.handoff
        )
    }

    static var timeout: SchemaObject {
        SchemaObject(
            "A timer on a step: when its time has passed, the case goes to its target (a BPMN boundary timer event).", KeyTable.timeout)
    }

    static var cadence: SchemaObject {
        SchemaObject("One interval of a cadence: how often the step repeats, for how long, for which priority.", KeyTable.cadence)
    }

    static var trigger: SchemaObject {
        SchemaObject("Another process this activity starts: a cross-process handoff.", KeyTable.trigger)
    }

    static var waiver: SchemaObject {
        // A permanent waiver names its approver, as the decoder requires (`schema/missing-field`).
        let permanent = JSONValue.object([
            ("properties", .object([("until", .object([("const", .string(WaiverEnd.permanentKeyword))]))])),
            ("required", .array([.string("until")])),
        ])
        return SchemaObject(
            "An exemption of the process from one policy.", KeyTable.waiver,
            extra: [("if", permanent), ("then", .object([("required", .array([.string("approved-by")]))]))])
    }
}
