import ProcDef

extension JSONSchemaRenderer {
    var config: SchemaObject {
        SchemaObject(
            "The optional .procdef.yaml at the repository root.",
            KeyTable.config,
            shapes: [
                "rules": ruleSettings, "limits": Self.limitSettings.schema,
                "overrides": .object([("type", .string("array")), ("items", override.schema)]),
            ]
        )
    }

    /// One entry of `overrides`: globs, and rule settings as under `rules`.
    private var override: SchemaObject {
        SchemaObject("Rule settings for the files some globs match.", KeyTable.override, shapes: ["rules": ruleSettings])
    }

    /// Each limit up to its default: an editor flags a raised one as `procdef check` does (`schema/type`).
    private static var limitSettings: SchemaObject {
        SchemaObject(
            "Safety limits, each at most its default.",
            InputLimit.all.map { limit in
                let defaultValue = limit.syntax.format(limit.defaultValue)
                // A size may carry a unit, which only the decoder can weigh: `minimum` and `maximum` bound plain numbers.
                let pattern = limit.syntax == .size ? "^[+]?[0-9]+(K|KB|KiB|M|MB|MiB)?$" : "^[+]?[0-9]+$"
                let shape = JSONValue.object([
                    ("type", .array([.string("integer"), .string("string")])),
                    ("minimum", .integer(1)),
                    ("maximum", .integer(limit.defaultValue)),
                    ("pattern", .string(pattern)),
                ])
                return SchemaProperty(limit.name, "\(limit.summary) (default: \(defaultValue), the most the config may set).", shape)
            })
    }

    private static var levels: [String] { RuleSetting.Level.allCases.map(\.rawValue) }

    /// Every rule by id, with its own options, so an editor completes rule ids and option names and flags a
    /// misspelt one (`config/unknown-rule`, `schema/unknown-key`).
    private var ruleSettings: JSONValue {
        // `policy/*` is a family even when no built-in rule is in it: every policy is a rule `policy/<id>`.
        let families = Set(rules.map(\.family) + ["policy"]).sorted()
        let familyPattern = "^(" + families.joined(separator: "|") + ")/\\*$"
        let policyPattern = "^policy/" + SchemaShape.idPattern.dropFirst()
        return .object([
            ("type", .string("object")),
            (
                "properties",
                .object(
                    rules.map { rule in
                        (rule.id, setting(Self.ruleDescription(rule), options: rule.options))
                    })
            ),
            (
                "patternProperties",
                .object([
                    (familyPattern, setting("Every rule of the family; a rule's own entry takes precedence.", options: [])),
                    (policyPattern, setting("The findings of the policy with this id.", options: [])),
                ])
            ),
            ("additionalProperties", .bool(false)),
        ])
    }

    private static func ruleDescription(_ rule: RuleDescriptor) -> String {
        let summary = rule.summary.split(whereSeparator: \.isNewline).joined(separator: " ")
        let level = rule.defaultSeverity?.rawValue ?? "off"
        return "\(sentenceCased(summary)) (default: \(level))."
    }

    /// Summaries are written to follow a rule id on a line (`procdef rules`); a description starts a sentence.
    private static func sentenceCased(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `rule: warning`, or `rule: {severity: warning, max: 3}`.
    private func setting(_ description: String, options: [RuleOptionDescriptor]) -> JSONValue {
        let level = SchemaShape.oneOf(Self.levels)
        let properties =
            [SchemaProperty("severity", "The rule's severity, or off.", level)]
            + options.map { option in
                var range: [(key: String, value: JSONValue)] = [("type", .string("number"))]
                if option.allowed.lowerBound.isFinite { range.append(("minimum", .number(option.allowed.lowerBound))) }
                if option.allowed.upperBound.isFinite { range.append(("maximum", .number(option.allowed.upperBound))) }
                let text =
                    "\(Self.sentenceCased(option.summary)) (default: \(JSONValue.number(option.defaultValue).rendered().dropLast()))."
                return SchemaProperty(option.name, text, .object(range), allowsNull: false)
            }
        return .object([
            ("description", .string(description)),
            ("anyOf", .array([level, SchemaObject("The severity and the rule's options.", properties).schema])),
        ])
    }
}
