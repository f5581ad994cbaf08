import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/), so a lookup costs what it did as a literal.
    static let policyKeys = KeyTable.policy.names
    static let scopeKeys = KeyTable.appliesTo.names
    static let policyRequiredKeys = KeyTable.policy.requiredNames
    static let requirementKeys = KeyTable.requirements.names
    static let runConditionKeys = KeyTable.runCondition.names
    static let takesKeys = KeyTable.takes.names
    static let takesRequiredKeys = KeyTable.takes.requiredNames
    /// The keys of `before: {first, then}`, `all: {of, match}`, `process: {has}` and `max: {...}`; all but `max`'s
    /// are required.
    static let beforeKeys = KeyTable.before.names
    static let allKeys = KeyTable.allOf.names
    static let processRequirementKeys = KeyTable.processRequirement.names
    static let processRequirementRequiredKeys = KeyTable.processRequirement.requiredNames
    static let maxKeys = KeyTable.max.names
    /// The severities a policy may have: a policy is a rule the organisation enforces, not a remark.
    enum PolicySeverity: String, CaseIterable, Sendable {
        case error, warning

        var severity: Severity { self == .error ? .error : .warning }
    }

    func decodePolicy(_ map: FieldMap, document: YAMLDocument, header: SourceRange) {
        let id = identifier(map, in: "the policy", kind: "policy")
        let context = id.map { "policy \(Quoting.quoted($0.value))" } ?? "the policy"
        checkKeys(map, allowed: Self.policyKeys, in: context)
        requireFields(map, Self.policyRequiredKeys, in: context, at: header)

        let title = text(map, "title", in: context) ?? Located("", at: header)
        let rationale = text(map, "rationale", in: context)
        let severity =
            choice(map, "severity", in: context, PolicySeverity.self).map { Located($0.value.severity, at: $0.range) }
            ?? Located(.error, at: header)
        var scope: PolicyScope?
        if let node = map.value("applies-to"), let scopeMap = fields(of: node, "'applies-to' in \(context)") {
            let scopeContext = "'applies-to' of \(context)"
            checkKeys(scopeMap, allowed: Self.scopeKeys, in: scopeContext)
            scope = PolicyScope(
                tags: texts(scopeMap, "tags", in: scopeContext, item: "a tag"),
                ids: references(scopeMap, "ids", in: scopeContext, kind: "process"),
                all: flag(scopeMap, "all", in: scopeContext)?.value ?? false,
                range: node.range
            )
        }
        let when = map.field("when").flatMap { runCondition($0, policyContext: context) }
        let unless = map.field("unless").flatMap { runCondition($0, policyContext: context) }
        let requirements = map.value("require").map { decodeRequirements($0, policyContext: context) } ?? []
        guard let id else { return }
        decoded.policies.append(
            Policy(
                id: id, title: title, rationale: rationale, severity: severity, appliesTo: scope, when: when, unless: unless,
                requirements: requirements, file: file, range: document.range, headerRange: header
            ))
    }

    /// `when` or `unless`: a mapping with one key, `passes` (a selector) or `takes` (`{from, to}`).
    private func runCondition(_ field: FieldMap.Field, policyContext: String) -> RunCondition? {
        let context = "'\(field.key)' of \(policyContext)"
        let expected = "a mapping with 'passes' or 'takes' such as {passes: {tag: confirmed}}"
        guard let map = requiredFields(field, in: context, expected: expected) else { return nil }
        checkKeys(map, allowed: Self.runConditionKeys, in: context)
        let given = Self.runConditionKeys.compactMap(map.field)
        guard let condition = given.first else {
            report(MissingField.self, at: field.keyNode.range, "\(context) has neither 'passes' nor 'takes'")
            return nil
        }
        if given.count > 1 {
            report(
                WrongType.self, at: given[1].keyNode.range, "\(context) must have one of 'passes' or 'takes', found both",
                help: "write one policy for each condition")
            return nil
        }
        let conditionContext = "'\(condition.key)' of \(context)"
        switch condition.key {
        case "passes":
            if condition.value.isNull {
                report(
                    MissingField.self, at: condition.keyNode.range,
                    "\(conditionContext) is empty: it needs a selector such as {tag: confirmed}")
                return nil
            }
            return selector(condition.value, "the selector of \(conditionContext)").map {
                RunCondition(.passes($0), range: field.value.range)
            }
        default:
            guard let takes = requiredFields(condition, in: conditionContext, expected: "a mapping with 'from' and 'to'") else {
                return nil
            }
            checkKeys(takes, allowed: Self.takesKeys, in: conditionContext)
            requireFields(takes, Self.takesRequiredKeys, in: conditionContext, at: condition.keyNode.range)
            let from = reference(takes, "from", in: conditionContext, kind: "activity")
            let to = reference(takes, "to", in: conditionContext, kind: "activity")
            guard let from, let to else { return nil }
            return RunCondition(.takes(from: from, to: to), range: field.value.range)
        }
    }

    /// `require` is a mapping of requirements, or a list of such mappings when one kind of requirement is needed twice.
    private func decodeRequirements(_ node: Node, policyContext: String) -> [Located<Requirement>] {
        let groups: [Node]
        if node.mapping != nil {
            groups = [node]
        } else if let items = node.sequence {
            groups = Array(items)
        } else {
            reportType(node, "'require' in \(policyContext)", expected: "a mapping of requirements such as {exists: {records: incident}}")
            return []
        }
        var requirements: [Located<Requirement>] = []
        for group in groups {
            guard let map = fields(of: group, "each item of 'require' in \(policyContext)", expected: "a mapping of requirements") else {
                if group.isNull { reportType(group, "each item of 'require' in \(policyContext)", expected: "a mapping of requirements") }
                continue
            }
            checkKeys(map, allowed: Self.requirementKeys, in: "'require' of \(policyContext)")
            for field in map.fields where Self.requirementKeys.contains(field.key) {
                if let requirement = decodeRequirement(field, policyContext: policyContext) {
                    requirements.append(Located(requirement, at: SourceRange(from: field.keyNode.range, through: field.value.range)))
                }
            }
        }
        return requirements
    }

    private func decodeRequirement(_ field: FieldMap.Field, policyContext: String) -> Requirement? {
        let context = "requirement '\(field.key)' of \(policyContext)"
        let value = field.value
        switch field.key {
        case "exists", "visits":
            if value.isNull {
                report(MissingField.self, at: field.keyNode.range, "\(context) is empty: it needs a selector such as {records: incident}")
                return nil
            }
            guard let selector = selector(value, "the selector of \(context)") else { return nil }
            return field.key == "exists" ? .exists(selector) : .visits(selector)
        case "before":
            return selectorPair(field, keys: Self.beforeKeys, in: context).map { .before(first: $0.0, then: $0.1) }
        case "all":
            return selectorPair(field, keys: Self.allKeys, in: context).map { .all(of: $0.0, match: $0.1) }
        case "separate":
            guard let items = value.sequence, items.count == 2 else {
                let found = value.sequence.map { "a list of \($0.count)" } ?? value.shapeDescription
                report(WrongType.self, at: value.range, "\(context) must be a list of two selectors, found \(found)")
                return nil
            }
            let first = selector(items[0], "the first selector of \(context)")
            let second = selector(items[1], "the second selector of \(context)")
            guard let first, let second else { return nil }
            return .separate(first, second)
        case "process":
            guard let map = requiredFields(field, in: context, expected: "a mapping with 'has'") else { return nil }
            checkKeys(map, allowed: Self.processRequirementKeys, in: context)
            requireFields(map, Self.processRequirementRequiredKeys, in: context, at: field.keyNode.range)
            let fields = texts(map, "has", in: context, item: "a process field")
            let known = Self.processKeys.filter { $0 != "kind" }
            for name in fields where !known.contains(name.value) {
                let help = Suggestion.didYouMean(name.value, among: known) ?? "process fields: \(known.joined(separator: ", "))"
                report(
                    WrongType.self, at: name.range, "\(Quoting.quoted(name.value)) in 'has' of \(context) is not a process field",
                    help: help)
            }
            return map.has("has") ? .processHas(fields) : nil
        case "max":
            guard let map = requiredFields(field, in: context, expected: "a mapping with 'consulted', 'informed' or 'activities'") else {
                return nil
            }
            let keys = Self.maxKeys
            checkKeys(map, allowed: keys, in: context)
            guard keys.contains(where: map.has) else {
                report(MissingField.self, at: field.keyNode.range, "\(context) has none of 'consulted', 'informed' or 'activities'")
                return nil
            }
            return .max(
                consulted: integer(map, "consulted", in: context),
                informed: integer(map, "informed", in: context),
                activities: integer(map, "activities", in: context)
            )
        default:
            return nil
        }
    }

    /// The mapping under a requirement key; a null or missing value is a missing field at the key.
    private func requiredFields(_ field: FieldMap.Field, in context: String, expected: String) -> FieldMap? {
        if field.value.isNull {
            report(MissingField.self, at: field.keyNode.range, "\(context) is empty: it needs \(expected)")
            return nil
        }
        return fields(of: field.value, context, expected: expected)
    }

    /// The two selectors of `before` or `all`, under the two `keys` in order.
    private func selectorPair(_ field: FieldMap.Field, keys: [String], in context: String) -> (ActivitySelector, ActivitySelector)? {
        let first = keys[0]
        let second = keys[1]
        guard let map = requiredFields(field, in: context, expected: "a mapping with '\(first)' and '\(second)'") else { return nil }
        checkKeys(map, allowed: [first, second], in: context)
        requireFields(map, [first, second], in: context, at: field.keyNode.range)
        let a = map.value(first).flatMap { selector($0, "selector '\(first)' of \(context)") }
        let b = map.value(second).flatMap { selector($0, "selector '\(second)' of \(context)") }
        guard let a, let b else { return nil }
        return (a, b)
    }
}
