import ProcDef

extension JSONSchemaRenderer {
    static var policy: SchemaObject {
        var policy = SchemaObject(
            "An organisation-wide rule over processes, kept in Policies/.",
            KeyTable.policy,
            shapes: [
                "applies-to": SchemaObject("The processes the policy applies to.", KeyTable.appliesTo).schema,
                "when": SchemaShape.ref("runCondition"),
                "unless": SchemaShape.ref("runCondition"),
                "require": listOrOne("requirements"),
            ]
        )
        // `when: ~` says nothing about the runs: the decoder reports it as a missing condition.
        for index in policy.properties.indices where ["when", "unless"].contains(policy.properties[index].key) {
            policy.properties[index].allowsNull = false
        }
        return policy
    }

    /// `when` and `unless`: exactly one of `passes` and `takes`.
    static var runCondition: SchemaObject {
        let exactlyOne = KeyTable.runCondition.names.map { key -> JSONValue in
            .object([("required", .array([.string(key)]))])
        }
        return SchemaObject(
            "What a run of the case does: it passes an activity that matches a selector, or takes a transition.",
            KeyTable.runCondition,
            shapes: ["takes": SchemaObject("{from: ID, to: ID}", KeyTable.takes, allowsNull: false).schema],
            allowsNull: false,
            extra: [("oneOf", .array(exactlyOne))]
        )
    }

    /// The process fields `process: {has: [...]}` may name: every top-level key but `kind`.
    static let processFields = KeyTable.process.names.filter { $0 != "kind" }

    static var requirements: SchemaObject {
        let selector = SchemaShape.ref("selector")
        return SchemaObject(
            "Requirements of a policy, all of which must hold.",
            KeyTable.requirements,
            shapes: [
                "before": SchemaObject("{first: SEL, then: SEL}", KeyTable.before).schema,
                "all": SchemaObject("{of: SEL, match: SEL}", KeyTable.allOf).schema,
                "separate": .object([
                    ("type", .string("array")),
                    ("items", selector),
                    ("minItems", .integer(2)),
                    ("maxItems", .integer(2)),
                ]),
                "process": SchemaObject(
                    "{has: [FIELD...]}", KeyTable.processRequirement,
                    shapes: [
                        "has": SchemaShape.wordList(processFields)
                    ]
                ).schema,
                "max": maxLimits,
            ],
            // A requirement written with no value is a missing selector or mapping (`schema/missing-field`).
            allowsNull: false
        )
    }

    /// `max` needs at least one of its counts.
    private static var maxLimits: JSONValue {
        let atLeastOne = KeyTable.max.names.map { key -> JSONValue in
            .object([
                ("required", .array([.string(key)])),
                ("properties", .object([(key, SchemaShape.count)])),
            ])
        }
        return SchemaObject("{consulted: N, informed: N, activities: N}", KeyTable.max, extra: [("anyOf", .array(atLeastOne))]).schema
    }

    static var selector: SchemaObject {
        let kinds = SchemaShape.wordList(RoleKind.allCases.map(\.rawValue))
        return SchemaObject(
            "Picks activities: an activity matches when every key holds; a list value holds when any of its items does.",
            KeyTable.selector,
            shapes: [
                "responsible-kind": kinds, "informs-kind": kinds, "type": SchemaShape.wordList(ActivityType.allCases.map(\.rawValue)),
            ]
        )
    }
}
