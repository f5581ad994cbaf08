import YAMLTree

/// A `kind: policy` document: an organisation-wide rule over the processes it applies to.
public struct Policy: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    public var rationale: Located<String>?
    public var severity: Located<Severity>
    public var appliesTo: PolicyScope?
    /// `when`: the runs the requirements are about; nil for every run.
    public var when: RunCondition?
    /// `unless`: the runs the requirements are not about.
    public var unless: RunCondition?
    public var requirements: [Located<Requirement>]
    public var file: String
    public var range: SourceRange
    public var headerRange: SourceRange

    public init(
        id: Located<String>, title: Located<String>, rationale: Located<String>? = nil, severity: Located<Severity>,
        appliesTo: PolicyScope? = nil, when: RunCondition? = nil, unless: RunCondition? = nil, requirements: [Located<Requirement>] = [],
        file: String, range: SourceRange, headerRange: SourceRange
    ) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.severity = severity
        self.appliesTo = appliesTo
        self.when = when
        self.unless = unless
        self.requirements = requirements
        self.file = file
        self.range = range
        self.headerRange = headerRange
    }
}

/// Which processes a policy applies to without their opting in (`applies-to`).
public struct PolicyScope: Sendable {
    public var tags: [Located<String>]
    public var ids: [Located<String>]
    public var all: Bool
    public var range: SourceRange

    public init(tags: [Located<String>] = [], ids: [Located<String>] = [], all: Bool = false, range: SourceRange) {
        self.tags = tags
        self.ids = ids
        self.all = all
        self.range = range
    }
}

/// A policy's `when` or `unless`: what a run of the case does that puts it in (or out of) the policy's scope.
public struct RunCondition: Sendable {
    public enum Event: Sendable {
        /// The run passes an activity that matches.
        case passes(ActivitySelector)
        /// The run takes the transition from the activity `from` to the activity `to` (a branch, a fork branch, or a
        /// plain `next`).
        case takes(from: Located<String>, to: Located<String>)
    }

    public var event: Event
    /// The `when` or `unless` value.
    public var range: SourceRange

    public init(_ event: Event, range: SourceRange) {
        self.event = event
        self.range = range
    }
}

/// One entry under a policy's `require`; all of them must hold.
public enum Requirement: Sendable {
    /// At least one activity matches.
    case exists(ActivitySelector)
    /// Every path from the start to an end passes a matching activity.
    case visits(ActivitySelector)
    /// Every path from the start to an activity matching `then` passes one matching `first` before it.
    case before(first: ActivitySelector, then: ActivitySelector)
    /// Every activity that matches `of` also matches `match`.
    case all(of: ActivitySelector, match: ActivitySelector)
    /// No role is responsible both for an activity matching the first and one matching the second.
    case separate(ActivitySelector, ActivitySelector)
    /// The process sets these top-level fields.
    case processHas([Located<String>])
    /// No activity (or process, for `activities`) exceeds these counts.
    case max(consulted: Located<Int>?, informed: Located<Int>?, activities: Located<Int>?)
}

/// A selector over activities: every key given must hold; a list value holds when any item does.
public struct ActivitySelector: Sendable {
    public var any: Bool
    public var ids: [Located<String>]?
    public var tags: [Located<String>]?
    public var records: [Located<String>]?
    /// `type`: the step types, of which the activity's (with the default `task`) must be one.
    public var types: [Located<ActivityType>]?
    public var responsible: [Located<String>]?
    public var responsibleKinds: [Located<RoleKind>]?
    public var accountable: [Located<String>]?
    public var informs: [Located<String>]?
    public var informsKinds: [Located<RoleKind>]?
    public var consults: [Located<String>]?
    public var end: Bool?
    public var start: Bool?
    public var range: SourceRange

    public init(
        any: Bool = false, ids: [Located<String>]? = nil, tags: [Located<String>]? = nil, records: [Located<String>]? = nil,
        types: [Located<ActivityType>]? = nil, responsible: [Located<String>]? = nil, responsibleKinds: [Located<RoleKind>]? = nil,
        accountable: [Located<String>]? = nil,
        informs: [Located<String>]? = nil, informsKinds: [Located<RoleKind>]? = nil, consults: [Located<String>]? = nil,
        end: Bool? = nil, start: Bool? = nil, range: SourceRange
    ) {
        self.any = any
        self.ids = ids
        self.tags = tags
        self.records = records
        self.types = types
        self.responsible = responsible
        self.responsibleKinds = responsibleKinds
        self.accountable = accountable
        self.informs = informs
        self.informsKinds = informsKinds
        self.consults = consults
        self.end = end
        self.start = start
        self.range = range
    }
}
