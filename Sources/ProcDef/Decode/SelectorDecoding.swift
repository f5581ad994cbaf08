import YAMLTree

extension ModelDecoder {
    /// Derived once from the format's description (Format/).
    static let selectorKeys = KeyTable.selector.names

    /// A selector over activities (`{records: incident}`); a null item of a list counts as a type error.
    func selector(_ node: Node, _ context: String) -> ActivitySelector? {
        guard let map = fields(of: node, context, expected: "a selector (a mapping such as {records: incident})") else {
            if node.isNull { reportType(node, context, expected: "a selector (a mapping such as {records: incident})") }
            return nil
        }
        checkKeys(map, allowed: Self.selectorKeys, in: context)
        func optionalTexts(_ key: String, item: String = "a string") -> [Located<String>]? {
            map.has(key) ? texts(map, key, in: context, item: item) : nil
        }
        func optionalReferences(_ key: String, kind: String) -> [Located<String>]? {
            map.has(key) ? references(map, key, in: context, kind: kind) : nil
        }
        func choices<Choice: RawRepresentable & CaseIterable & Sendable>(_ key: String, _ what: String, _ type: Choice.Type)
            -> [Located<Choice>]? where Choice.RawValue == String
        {
            guard let value = map.value(key) else { return nil }
            let items = value.sequence.map(Array.init) ?? [value]
            if value.sequence == nil && value.scalar == nil {
                reportType(value, "'\(key)' in \(context)", expected: "\(what) or a list of them")
                return []
            }
            return items.compactMap { choice($0, "'\(key)' in \(context)", Choice.self) }
        }
        func kinds(_ key: String) -> [Located<RoleKind>]? { choices(key, "a role kind", RoleKind.self) }
        return ActivitySelector(
            any: flag(map, "any", in: context)?.value ?? false,
            ids: optionalReferences("id", kind: "activity"),
            tags: optionalTexts("tag", item: "a tag"),
            records: optionalTexts("records"),
            types: choices("type", "a step type", ActivityType.self),
            responsible: optionalReferences("responsible", kind: "role"),
            responsibleKinds: kinds("responsible-kind"),
            accountable: optionalReferences("accountable", kind: "role"),
            informs: optionalReferences("informs", kind: "role"),
            informsKinds: kinds("informs-kind"),
            consults: optionalReferences("consults", kind: "role"),
            end: flag(map, "end", in: context)?.value,
            start: flag(map, "start", in: context)?.value,
            range: node.range
        )
    }
}
