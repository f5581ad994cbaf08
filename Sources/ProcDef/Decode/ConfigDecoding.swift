import YAMLTree

extension ModelDecoder {
    static let configKeys = ["kind", "paths", "out", "rules"]

    func decodeConfig(_ map: FieldMap, document: YAMLDocument) {
        let context = "the config"
        checkKeys(map, allowed: Self.configKeys, in: context)
        var config = Config(
            paths: texts(map, "paths", in: context, item: "a path"),
            out: text(map, "out", in: context, expected: "a path"),
            file: file, range: document.range
        )
        if let rules = map.value("rules"), let rulesMap = fields(of: rules, "'rules' in \(context)", expected: "a mapping from rule id to setting") {
            checkKeysAreText(rulesMap, in: "'rules' of \(context)")
            config.rules = rulesMap.fields.compactMap(decodeRuleSetting)
        }
        decoded.configs.append(config)
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
            setting.options.append(RuleOption(name: Located(option.key, at: option.keyNode.range), value: Located(decodedValue, at: value.range)))
        }
        return setting
    }
}
