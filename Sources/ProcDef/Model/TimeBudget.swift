import YAMLTree

/// A duration written once (`4h`) or per priority (`{p1: 10m, default: 30m}`): a step's `target`, a handoff's `within`,
/// a service target's `within`.
///
/// A priority that a per-priority mapping does not list, when the mapping has no `default`, has no budget: for that
/// priority the step is untimed, as a step without `target` is.
public struct TimeBudget: Sendable {
    /// One `priority: duration` entry of a per-priority mapping.
    public struct Entry: Sendable {
        /// The priority as written: the mapping's key.
        public var priority: Located<String>
        public var duration: Located<TimeTarget>

        public init(priority: Located<String>, duration: Located<TimeTarget>) {
            self.priority = priority
            self.duration = duration
        }
    }

    /// The key of a per-priority mapping that holds the duration of every priority it does not name.
    public static let defaultKey = "default"

    /// The one value, or the `default` of a per-priority mapping; nil for a mapping without `default`.
    public var fallback: Located<TimeTarget>?
    /// The entries of a per-priority mapping other than `default`, in the order written; empty for one value.
    public var entries: [Entry]
    /// True when the budget was written as a mapping, even one with `default` only.
    public var isPerPriority: Bool
    /// The whole value: the duration, or the mapping.
    public var range: SourceRange

    /// One duration for every priority.
    public init(_ duration: Located<TimeTarget>) {
        self.fallback = duration
        self.entries = []
        self.isPerPriority = false
        self.range = duration.range
    }

    /// A per-priority mapping.
    public init(entries: [Entry], fallback: Located<TimeTarget>?, range: SourceRange) {
        self.fallback = fallback
        self.entries = entries
        self.isPerPriority = true
        self.range = range
    }

    /// The budget of cases of `priority`: its own entry, else `default`; nil when neither is written.
    public func duration(for priority: String) -> Located<TimeTarget>? {
        entries.first { $0.priority.value == priority }?.duration ?? fallback
    }

    /// The one value where a single value is needed (a diagram's label, a sum with no priority): the single duration
    /// or `default`; nil for a mapping without `default`.
    public var single: Located<TimeTarget>? { fallback }

    /// `4h`; `p1: 10m, otherwise 30m`; `p1: 10m, p2: 1h` (no `default`): how outputs show the budget.
    public var text: String {
        guard isPerPriority else { return fallback?.value.text ?? "" }
        var parts = entries.map { "\($0.priority.value): \($0.duration.value.text)" }
        if let fallback {
            parts.append(entries.isEmpty ? fallback.value.text : "otherwise \(fallback.value.text)")
        }
        return parts.joined(separator: ", ")
    }
}

/// A process's service or operational level target (`targets:`): the time from one activity's start or end to
/// another's, within a budget.
public struct ServiceTarget: Sendable {
    /// Where the clock starts or stops: an activity's start or its end.
    public struct End: Sendable {
        public enum Moment: String, Sendable, Hashable {
            case start, end
        }

        public var activity: Located<String>
        public var moment: Moment
        /// True when written as a mapping (`{end: X}`, `{start: X}`), not a plain activity id.
        public var isMapping: Bool

        public init(activity: Located<String>, moment: Moment, isMapping: Bool) {
            self.activity = activity
            self.moment = moment
            self.isMapping = isMapping
        }

        /// `log` for the default moment, `end of log` for the other.
        public var text: String { "\(moment.rawValue) of \(activity.value)" }
    }

    /// How a target's time is counted.
    public enum Clock: String, Sendable, Hashable, CaseIterable {
        /// Business time: `bd` counts `business-day` hours.
        case business
    }

    public var id: Located<String>
    public var name: Located<String>?
    /// Default: the start of the activity.
    public var from: End?
    /// Default: the end of the activity.
    public var to: End?
    public var within: TimeBudget?
    /// `when`, as written: a label, or a declared priority.
    public var when: Located<String>?
    /// The priority `when` names, in the case `priorities` declares it (`when: P1` is `p1`), at `when`'s range: the
    /// target holds for that priority only; nil when `when` is a label or absent.
    public var priority: Located<String>?
    public var clock: Located<Clock>?
    /// The entry's whole mapping.
    public var range: SourceRange

    public init(
        id: Located<String>, name: Located<String>? = nil, from: End? = nil, to: End? = nil, within: TimeBudget? = nil,
        when: Located<String>? = nil, priority: Located<String>? = nil, clock: Located<Clock>? = nil, range: SourceRange
    ) {
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.within = within
        self.when = when
        self.priority = priority
        self.clock = clock
        self.range = range
    }
}
