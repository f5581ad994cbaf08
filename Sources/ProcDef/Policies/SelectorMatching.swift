/// Decides which activities of one process an `ActivitySelector` matches, with every per-activity set computed once.
struct SelectorMatcher {
    let context: ProcessContext
    private let isEnd: [Bool]

    init(context: ProcessContext) {
        self.context = context
        var isEnd = Array(repeating: false, count: context.graph.activityCount)
        for end in context.graph.ends { isEnd[end] = true }
        self.isEnd = isEnd
    }

    /// The positions of the activities the selector matches, as a lookup table.
    func matches(_ selector: ActivitySelector) -> [Bool] {
        context.activities.indices.map { matches(selector, at: $0) }
    }

    func matches(_ selector: ActivitySelector, at index: Int) -> Bool {
        let activity = context.activities[index]
        if let ids = selector.ids, !ids.contains(where: { $0.value == activity.id.value }) { return false }
        if let tags = selector.tags, !Self.overlaps(tags, activity.tags) { return false }
        if let records = selector.records, !Self.overlaps(records, activity.records) { return false }
        if let types = selector.types, !types.contains(where: { $0.value == activity.stepType }) { return false }
        if let roles = selector.responsible, !Self.overlaps(roles, activity.responsible) { return false }
        if let roles = selector.accountable, !Self.overlaps(roles, context.accountable(activity)) { return false }
        if let roles = selector.informs, !Self.overlaps(roles, activity.informed) { return false }
        if let roles = selector.consults, !Self.overlaps(roles, activity.consulted) { return false }
        if let kinds = selector.responsibleKinds, !hasKind(kinds, among: activity.responsible) { return false }
        if let kinds = selector.informsKinds, !hasKind(kinds, among: activity.informed) { return false }
        if let end = selector.end, isEnd[index] != end { return false }
        if let start = selector.start, (index == 0) != start { return false }
        return true
    }

    private static func overlaps(_ wanted: [Located<String>], _ present: [Located<String>]) -> Bool {
        wanted.contains { w in present.contains { $0.value == w.value } }
    }

    private func hasKind(_ kinds: [Located<RoleKind>], among roles: [Located<String>]) -> Bool {
        roles.contains { role in
            guard let kind = context.role(role.value)?.kind.value else { return false }
            return kinds.contains { $0.value == kind }
        }
    }
}

extension ActivitySelector {
    /// `an approval`, `a task`: the type with its article, as a condition reads it.
    static func article(_ type: ActivityType) -> String {
        type == .approval || type == .automated ? "an \(type.rawValue)" : "a \(type.rawValue)"
    }

    /// The selector as a reader would write it, for messages: `an activity that records 'incident'`.
    package var phrase: String {
        let condition = condition
        return condition.isEmpty ? "any activity" : "an activity that " + condition.text
    }

    /// What a matching activity does, as a verb phrase: `records 'incident' and informs a customer role`.
    var condition: SelectorCondition {
        var parts: [String] = []
        func list(_ values: [Located<String>]) -> String {
            values.map { "'\($0.value)'" }.joined(separator: " or ")
        }
        func kinds(_ values: [Located<RoleKind>]) -> String {
            values.map { $0.value.rawValue }.joined(separator: " or ")
        }
        if let ids { parts.append("is \(list(ids))") }
        if let tags { parts.append("is tagged \(list(tags))") }
        if let records { parts.append("records \(list(records))") }
        if let types { parts.append("is \(types.map { Self.article($0.value) }.joined(separator: " or ")) step") }
        if let responsible { parts.append("has \(list(responsible)) responsible") }
        if let responsibleKinds { parts.append("has a \(kinds(responsibleKinds)) role responsible") }
        if let accountable { parts.append("has \(list(accountable)) accountable") }
        if let informs { parts.append("informs \(list(informs))") }
        if let informsKinds { parts.append("informs a \(kinds(informsKinds)) role") }
        if let consults { parts.append("consults \(list(consults))") }
        if let end { parts.append(end ? "ends the process" : "does not end the process") }
        if let start { parts.append(start ? "starts the process" : "does not start the process") }
        return SelectorCondition(parts: parts)
    }
}

/// The verb phrases of a selector, joined for messages.
struct SelectorCondition {
    var parts: [String]

    var isEmpty: Bool { parts.isEmpty }
    var text: String { isEmpty ? "is any activity" : parts.joined(separator: " and ") }

    /// The condition after "does not": `record 'incident' and inform a customer role`.
    var negatable: String {
        guard !isEmpty else { return "match" }
        return parts.map { part in
            let words = part.split(separator: " ", maxSplits: 1)
            guard let verb = words.first else { return part }
            let rest = words.count > 1 ? " " + words[1] : ""
            let base: String
            switch verb {
            case "is": base = "be"
            case "has": base = "have"
            case "does": return String(words.count > 1 ? words[1].dropFirst(4) : "")
            default: base = verb.hasSuffix("s") ? String(verb.dropLast()) : String(verb)
            }
            return base + rest
        }.joined(separator: " and ")
    }
}
