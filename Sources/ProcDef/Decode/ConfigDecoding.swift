import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/).
    static let configKeys = KeyTable.config.names
    static let limitKeys = KeyTable.limits.names
    static let overrideKeys = KeyTable.override.names

    func decodeConfig(_ map: FieldMap, document: YAMLDocument) {
        let context = "the config"
        checkKeys(map, allowed: Self.configKeys, in: context)
        var config = Config(
            paths: texts(map, "paths", in: context, item: "a path"),
            out: text(map, "out", in: context, expected: "a path"),
            reviewEvery: duration(map, "review-every", in: context, atLeastADay: true),
            file: file, range: document.range
        )
        config.businessDay = businessDay(map, in: context)
        config.maxSilence = duration(map, "max-silence", in: context)
        config.extends = texts(map, "extends", in: context, item: "a path")
        config.exclude = globs(map, "exclude", in: context)
        config.baseline = text(map, "baseline", in: context, expected: "a path")
        if let written = text(map, "docs-url", in: context, expected: "an http or https address") {
            if Self.isWebAddress(written.value) {
                config.docsURL = written
            } else {
                report(
                    WrongType.self, at: written.range,
                    "'docs-url' in \(context) must be an http or https address, found \(Quoting.quoted(written.value))",
                    help: "write the address where docs/rules.md is published, such as https://example.org/procdef/docs/rules.md")
            }
        }
        config.rules = ruleSettings(map, in: context)
        if let overrides = map.value("overrides") {
            if let items = overrides.sequence {
                config.overrides = items.enumerated().compactMap { decodeOverride($1, index: $0) }
            } else if !overrides.isNull {
                reportType(overrides, "'overrides' in \(context)", expected: "a list of overrides, each with 'paths' and 'rules'")
            }
        }
        if let limits = map.value("limits"),
            let limitsMap = fields(of: limits, "'limits' in \(context)", expected: "a mapping from limit name to value")
        {
            checkKeys(limitsMap, allowed: Self.limitKeys, in: "'limits' of \(context)")
            // A repeated key is a `yaml/duplicate-key` finding already; as everywhere, the first one counts.
            var seen: Set<String> = []
            config.limits = limitsMap.fields.filter { seen.insert($0.key).inserted }.compactMap(decodeLimitSetting)
        }
        decoded.configs.append(config)
    }

    /// The `rules` mapping of the config or of one of its overrides.
    private func ruleSettings(_ map: FieldMap, in context: String) -> [RuleSetting] {
        guard let rules = map.value("rules"),
            let rulesMap = fields(of: rules, "'rules' in \(context)", expected: "a mapping from rule id to setting")
        else { return [] }
        checkKeysAreText(rulesMap, in: "'rules' of \(context)")
        return rulesMap.fields.compactMap(decodeRuleSetting)
    }

    /// Globs as `PathGlob` reads them; one it cannot read is a `schema/type` finding, and left out.
    private func globs(_ map: FieldMap, _ key: String, in context: String) -> [Located<String>] {
        texts(map, key, in: context, item: "a glob").filter { glob in
            if let problem = PathGlob.problem(in: glob.value) {
                report(WrongType.self, at: glob.range, "'\(key)' in \(context): \(problem)", help: PathGlob.syntaxHelp)
                return false
            }
            return true
        }
    }

    /// `{paths: [GLOB, ...], rules: {RULE: LEVEL, ...}}`.
    private func decodeOverride(_ node: Node, index: Int) -> RuleOverride? {
        let context = "override \(index + 1) of the config"
        guard let map = fields(of: node, "\(context)", expected: "a mapping with 'paths' and 'rules'") else {
            if node.isNull { reportType(node, context, expected: "a mapping with 'paths' and 'rules'") }
            return nil
        }
        checkKeys(map, allowed: Self.overrideKeys, in: context)
        requireFields(map, KeyTable.override.requiredNames, in: context, at: node.range)
        let paths = globs(map, "paths", in: context)
        return RuleOverride(paths: paths, rules: ruleSettings(map, in: context), file: file, range: node.range)
    }

    /// `max-depth: 32`, `max-file-size: 2MiB`: the flags' syntax, and at most the default. Raising a limit is left to
    /// the command line, which sits in the CI script rather than in the repository a pull request changes.
    private func decodeLimitSetting(_ field: FieldMap.Field) -> LimitSetting? {
        // An unknown key was reported with the others; null reads as absent, like every other key of the format.
        guard let limit = InputLimit.named(field.key), !field.value.isNull else { return nil }
        guard let text = field.value.scalarText, let value = limit.syntax.parse(text) else {
            reportType(field.value, "'\(field.key)' in 'limits' of the config", expected: limit.syntax.expected)
            return nil
        }
        let ceiling = limit.defaultValue
        guard value <= ceiling else {
            let format = limit.syntax.format
            report(
                WrongType.self, at: field.value.range,
                "\(limit.name) \(format(value)) is above the default \(format(ceiling)): the config may only lower a limit; raise it on the command line with \(limit.flag)",
                help:
                    "a pull request can change the config, so the config cannot weaken the protection against hostile YAML (docs/security.md)"
            )
            return nil
        }
        return LimitSetting(limit: limit, name: Located(field.key, at: field.keyNode.range), value: Located(value, at: field.value.range))
    }

    /// `rule: warning`, or `rule: {severity: warning, max: 3}` where every key but `severity` is an option of the rule.
    private func decodeRuleSetting(_ field: FieldMap.Field) -> RuleSetting? {
        let pattern = Located(field.key, at: field.keyNode.range)
        let context = "the setting of rule \(Quoting.quoted(field.key))"
        let levels = Quoting.alternatives(RuleSetting.Level.allCases.map(\.rawValue))
        let expected = "one of \(levels), or a mapping with 'severity' and the rule's options"
        if field.value.scalar != nil && !field.value.isNull {
            guard let level = choice(field.value, context, RuleSetting.Level.self) else { return nil }
            return RuleSetting(pattern: pattern, level: level)
        }
        if field.value.isNull {
            reportType(field.value, context, expected: expected)
            return nil
        }
        guard let map = fields(of: field.value, context, expected: expected) else { return nil }
        checkKeysAreText(map, in: context)
        var setting = RuleSetting(pattern: pattern, level: choice(map, "severity", in: context, RuleSetting.Level.self))
        for option in map.fields where option.key != "severity" {
            let value = option.value
            let decodedValue: RuleOption.Value
            if let bool = value.plainBool {
                decodedValue = .bool(bool)
            } else if let number = value.plainNumber {
                decodedValue = .number(number)
            } else if let scalar = value.scalar, !value.isNull {
                decodedValue = .string(scalar.text)
            } else {
                reportType(value, "option '\(option.key)' in \(context)", expected: "a number, true or false, or a string")
                continue
            }
            setting.options.append(
                RuleOption(name: Located(option.key, at: option.keyNode.range), value: Located(decodedValue, at: value.range)))
        }
        return setting
    }
}
