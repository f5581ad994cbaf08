import ProcDef

extension JSONSchemaRenderer {
    static var policy: SchemaObject {
        SchemaObject(
            "An organisation-wide rule over processes, kept in Policies/.",
            [
                kindProperty("policy", "policy: this document is a policy."),
                SchemaProperty("id", "The policy id (kebab-case): unique across the repository; findings use the rule id policy/<id>.", SchemaShape.id, required: true),
                SchemaProperty("title", "The rule in one line.", SchemaShape.text, required: true),
                SchemaProperty("rationale", "Why the organisation has the rule; shown when it fails.", SchemaShape.text),
                SchemaProperty("severity", "The severity of its findings.", SchemaShape.oneOf(policySeverities), required: true),
                SchemaProperty("applies-to", "The processes the policy applies to, besides those that list it under policies.", SchemaObject(
                    "The processes the policy applies to.",
                    [
                        SchemaProperty("tags", "Processes with any of these tags.", SchemaShape.textList),
                        SchemaProperty("ids", "These processes.", SchemaShape.idList),
                        SchemaProperty("all", "true: every process.", SchemaShape.flag),
                    ]
                ).schema),
                SchemaProperty("require", """
                    One or more requirements, all of which must hold; to use one kind of requirement twice, write a \
                    list of such mappings.
                    """, listOrOne("requirements"), required: true),
            ]
        )
    }

    /// A policy is a rule the organisation enforces, not a remark: no `note`.
    static let policySeverities = ["error", "warning"]

    /// The process fields `process: {has: [...]}` may name: every top-level key but `kind`.
    static let processFields = [
        "id", "name", "version", "purpose", "owner", "manager", "case-owner", "tags", "trigger", "outcome", "defaults",
        "roles", "activities", "policies", "waivers",
    ]

    static var requirements: SchemaObject {
        let selector = SchemaShape.ref("selector")
        return SchemaObject(
            "Requirements of a policy, all of which must hold.",
            [
                SchemaProperty("exists", "Holds when at least one activity matches the selector.", selector, allowsNull: false),
                SchemaProperty("visits", "Holds when every path from the start to an end passes an activity that matches the selector.", selector, allowsNull: false),
                SchemaProperty("before", """
                    Holds when every path from the start to an activity matching then passes an activity matching \
                    first before it (an activity matching both is fine).
                    """, SchemaObject("{first: SEL, then: SEL}", [
                        SchemaProperty("first", "The activities that must come first.", selector, required: true),
                        SchemaProperty("then", "The activities they must come before.", selector, required: true),
                    ]).schema, allowsNull: false),
                SchemaProperty("all", "Holds when every activity that matches of also matches match.", SchemaObject("{of: SEL, match: SEL}", [
                    SchemaProperty("of", "The activities checked.", selector, required: true),
                    SchemaProperty("match", "What each of them must match.", selector, required: true),
                ]).schema, allowsNull: false),
                SchemaProperty("separate", """
                    Holds when no role is responsible both for an activity matching the first selector and for one \
                    matching the second (separation of duties: requester and approver; firefighting and communication).
                    """, .object([
                        ("type", .string("array")),
                        ("items", selector),
                        ("minItems", .integer(2)),
                        ("maxItems", .integer(2)),
                    ]), allowsNull: false),
                SchemaProperty("process", "Holds when the process sets these top-level fields (e.g. case-owner, manager).", SchemaObject("{has: [FIELD...]}", [
                    SchemaProperty("has", "The process fields that must be set.", SchemaShape.wordList(processFields), required: true),
                ]).schema, allowsNull: false),
                SchemaProperty("max", """
                    Holds when no activity has more consulted or informed roles than the count, and the process has \
                    no more activities than it.
                    """, maxLimits, allowsNull: false),
            ]
        )
    }

    /// `max` needs at least one of its counts.
    private static var maxLimits: JSONValue {
        let keys = ["consulted", "informed", "activities"]
        let descriptions = [
            "The most consulted roles an activity may have.",
            "The most informed roles an activity may have.",
            "The most activities the process may have.",
        ]
        let atLeastOne = keys.map { key -> JSONValue in
            .object([
                ("required", .array([.string(key)])),
                ("properties", .object([(key, SchemaShape.count)])),
            ])
        }
        return SchemaObject(
            "{consulted: N, informed: N, activities: N}",
            zip(keys, descriptions).map { SchemaProperty($0, $1, SchemaShape.count) },
            extra: [("anyOf", .array(atLeastOne))]
        ).schema
    }

    static var selector: SchemaObject {
        let kinds = SchemaShape.wordList(RoleKind.allCases.map(\.rawValue))
        return SchemaObject(
            "Picks activities: an activity matches when every key holds; a list value holds when any of its items does.",
            [
                SchemaProperty("any", "true: every activity.", SchemaShape.flag),
                SchemaProperty("id", "The activity has this id.", SchemaShape.idList),
                SchemaProperty("tag", "The activity has this tag.", SchemaShape.textList),
                SchemaProperty("records", "The activity records this.", SchemaShape.textList),
                SchemaProperty("responsible", "The activity has this role responsible.", SchemaShape.idList),
                SchemaProperty("responsible-kind", "The activity has a responsible role of this kind.", kinds),
                SchemaProperty("accountable", "The activity has this role accountable (its own or the default).", SchemaShape.idList),
                SchemaProperty("informs", "The activity has this role informed.", SchemaShape.idList),
                SchemaProperty("informs-kind", "The activity has an informed role of this kind.", kinds),
                SchemaProperty("consults", "The activity has this role consulted.", SchemaShape.idList),
                SchemaProperty("end", "true: the activity ends the process.", SchemaShape.flag),
                SchemaProperty("start", "true: the activity is the start.", SchemaShape.flag),
            ]
        )
    }
}
