/// How the handoff rules name the two sides of a handoff point, so every message reads the same way.
enum HandoffWording {
    /// `'diagnose' (Investigate and diagnose)`, or for a trigger
    /// `'record' (Record the problem) in process 'problem-management' (Problem Management)`.
    /// A process defined elsewhere is `external process 'agency-incident-response' (Agency Incident Response)`.
    static func target(_ point: HandoffPoint, _ context: ProcessContext) -> String {
        if let external = point.target.external { return externalProcess(external) }
        guard let target = point.target.activity else { return "'\(point.target.id.value)'" }
        let activity = context.describe(target)
        guard let process = point.target.process, point.isTrigger else { return activity }
        return "\(activity) in process '\(process.id.value)' (\(process.name.value))"
    }

    /// `external process 'agency-incident-response' (Agency Incident Response)`.
    static func externalProcess(_ external: ExternalProcess) -> String {
        "external process '\(external.id.value)' (\(external.name.value))"
    }

    /// `from 'categorize' (Categorize and prioritize) to 'diagnose' (Investigate and diagnose)`.
    static func edge(_ point: HandoffPoint, _ context: ProcessContext) -> String {
        "from \(context.describe(point.sourceActivity)) to \(target(point, context))"
    }

    /// `'service-desk' (Service Desk Analyst)`, or `'a' (A) and 'b' (B)` for several roles.
    static func roles(_ roles: [ResolvedRole]) -> String {
        list(roles.map(role))
    }

    /// The target's responsible roles, or "the receiver" when it names none.
    static func receiver(_ point: HandoffPoint) -> String {
        point.target.roles.isEmpty ? "the receiver" : roles(point.target.roles)
    }

    static func role(_ role: ResolvedRole) -> String {
        guard let known = role.role else { return "'\(role.id.value)'" }
        return "'\(role.id.value)' (\(known.name.value))"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Help for an artifact missing from an activity's `outputs` or `inputs`: a did-you-mean when one declared name is
    /// a plausible typo of it, and the declared names either way.
    static func declaredHelp(_ artifact: String, declared: [Located<String>], by activity: String, field: String) -> String {
        let names = declared.map(\.value)
        let listed = "\(activity) declares \(field): \(names.joined(separator: ", "))"
        if let suggestion = Suggestion.didYouMean(artifact, among: names) {
            return "\(suggestion) \(listed)"
        }
        return "\(listed); hand over one of them, or add '\(artifact)' to its `\(field)`"
    }

    /// Where a handoff for this point is written, for help texts.
    static func placement(_ point: HandoffPoint) -> String {
        switch point.kind {
        case .branch: "to this `next` entry"
        case .trigger: "to this trigger"
        case .fork(let route) where route.decision == nil && route.isTopLevel:
            "to this branch of the fork, or to activity '\(point.sourceActivity.id.value)' for every branch"
        case .fork: "to this branch of the fork"
        case .cancel: "to this `cancel` entry"
        case .timeout: "to this `timeout` entry"
        case .single: "to activity '\(point.sourceActivity.id.value)' (it applies to its `next`)"
        case .fallThrough:
            "to activity '\(point.sourceActivity.id.value)' (it applies to its fall-through to '\(point.target.id.value)')"
        }
    }
}

/// The names an activity declares (its `outputs` or `inputs`). A short list is searched in place; a long one becomes a
/// set built once per activity however many edges lead from or to it, so checks stay linear in the size of the process.
struct DeclaredNames {
    private struct ActivityKey: Hashable {
        var process: String?
        var index: Int
    }

    private var sets: [ActivityKey: Set<String>] = [:]
    /// Up to this many names, comparing each beats hashing the name and building a set.
    private static let linearSearchLimit = 8

    /// Whether `list`, of the activity at `index` of `process` (nil: the process being checked), holds `name`.
    mutating func contains(_ name: String, in list: [Located<String>], process: ProcessDefinition?, index: Int) -> Bool {
        if list.count <= Self.linearSearchLimit {
            return list.contains { $0.value == name }
        }
        let key = ActivityKey(process: process?.id.value, index: index)
        if let known = sets[key] { return known.contains(name) }
        let names = Set(list.map(\.value))
        sets[key] = names
        return names.contains(name)
    }
}
