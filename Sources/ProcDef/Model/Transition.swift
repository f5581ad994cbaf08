import YAMLTree

/// Where the flow goes after an activity, as written.
public enum NextClause: Sendable {
    /// `next: target`
    case single(Located<String>)
    /// `next: [{to, when, handoff}, ...]`: a decision, one branch taken; the range is the whole list's.
    case branches([Branch], range: SourceRange)
    /// `next: {all: [...]}`: a fork, every branch taken.
    case fork(Fork)
}

extension NextClause {
    /// The handoffs declared on the branches, through nested forks, in the order written.
    public var branchHandoffs: [Handoff] {
        func collect(_ branches: [Branch]) -> [Handoff] {
            branches.flatMap { branch in (branch.handoff.map { [$0] } ?? []) + (branch.fork.map { collect($0.branches) } ?? []) }
        }
        switch self {
        case .single: return []
        case .branches(let branches, _): return collect(branches)
        case .fork(let fork): return collect(fork.branches)
        }
    }
}

/// `all: [branch, ...]`: parallel work. Every branch starts when the activity ends.
public struct Fork: Sendable {
    public var branches: [Branch]
    /// The `all` list.
    public var range: SourceRange

    public init(branches: [Branch], range: SourceRange) {
        self.branches = branches
        self.range = range
    }
}

/// One entry of a `next` list or of a fork's `all` list: a target activity (`to`) or a fork (`all`), never both.
public struct Branch: Sendable {
    /// The target activity; nil when the branch forks.
    public var to: Located<String>?
    /// The branch's own fork (`all`); nil when it goes to one activity.
    public var fork: Fork?
    /// The condition, in a decision; a fork branch has none.
    public var when: Located<String>?
    /// `outcome`, on a branch of an approval: whether the approver said yes or no.
    public var outcome: Located<ApprovalOutcome>?
    /// `priorities`, in a decision: only cases of these priorities take the branch; empty: every case may.
    public var priorities: [Located<String>] = []
    public var handoff: Handoff?
    /// The entry's whole mapping: where a gap on this branch is reported.
    public var range: SourceRange
    /// Where a fix writes a `handoff:` into this branch as written (a bare id becomes a mapping); nil when it has one, or its layout is not certain.
    package var handoffInsertion: KeyInsertion?

    public init(
        to: Located<String>, when: Located<String>? = nil, outcome: Located<ApprovalOutcome>? = nil, handoff: Handoff? = nil,
        range: SourceRange
    ) {
        self.to = to
        self.fork = nil
        self.when = when
        self.outcome = outcome
        self.handoff = handoff
        self.range = range
    }

    public init(
        fork: Fork, when: Located<String>? = nil, outcome: Located<ApprovalOutcome>? = nil, handoff: Handoff? = nil,
        range: SourceRange
    ) {
        self.to = nil
        self.fork = fork
        self.when = when
        self.outcome = outcome
        self.handoff = handoff
        self.range = range
    }

    /// Every activity id the branch leads to, through its nested forks, in the order written.
    public var targets: [Located<String>] {
        if let to { return [to] }
        return fork?.branches.flatMap(\.targets) ?? []
    }
}

/// What the approver decided on a branch of an `approval` step (`outcome: approved`).
public enum ApprovalOutcome: String, Sendable, Hashable, CaseIterable {
    case approved, rejected
}

/// What a `join` waits for.
public enum JoinMode: String, Sendable, Hashable, CaseIterable {
    /// Every branch of the fork the activity closes.
    case all
}

/// One entry of a process's `cancel` list: a way to cut the case short from any of several activities, ending every
/// running branch.
public struct Cancellation: Sendable {
    public var when: Located<String>?
    public var to: Located<String>
    /// The activities it interrupts, as written; nil: the default (every activity that is not an end, other than `to`
    /// and those only reachable after it).
    public var from: [Located<String>]?
    /// One handoff for all of the entry's branches.
    public var handoff: Handoff?
    /// The entry's whole mapping.
    public var range: SourceRange
    /// Where a fix writes a `handoff:` into this entry as written; nil when it has one, or its layout is not certain.
    package var handoffInsertion: KeyInsertion?

    public init(
        when: Located<String>?, to: Located<String>, from: [Located<String>]? = nil, handoff: Handoff? = nil, range: SourceRange
    ) {
        self.when = when
        self.to = to
        self.from = from
        self.handoff = handoff
        self.range = range
    }
}

/// How an escalation moves: to another team (functional) or up the line (hierarchic).
public enum Escalation: String, Sendable, Hashable, CaseIterable {
    case functional, hierarchic
}

/// What passes between two responsible parties, and what the receiver commits to.
///
/// Copy-on-write like `Activity`: most activities and branches have no handoff, and an absent one then costs a
/// pointer rather than the fields' space.
public struct Handoff: Sendable {
    /// Written only while uniquely referenced (`writable()`).
    private final class Storage: @unchecked Sendable {
        var artifact: Located<String>?
        var expectation: Located<String>?
        var informed: [Located<String>]
        var escalation: Located<Escalation>?
        var agreement: Located<String>?
        var within: TimeBudget?
        var range: SourceRange

        init(
            artifact: Located<String>?, expectation: Located<String>?, informed: [Located<String>], escalation: Located<Escalation>?,
            agreement: Located<String>?, within: TimeBudget?, range: SourceRange
        ) {
            self.artifact = artifact
            self.expectation = expectation
            self.informed = informed
            self.escalation = escalation
            self.agreement = agreement
            self.within = within
            self.range = range
        }

        func copy() -> Storage {
            Storage(
                artifact: artifact, expectation: expectation, informed: informed, escalation: escalation, agreement: agreement,
                within: within, range: range
            )
        }
    }

    private var storage: Storage

    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var artifact: Located<String>? {
        get { storage.artifact }
        set { writable().artifact = newValue }
    }
    public var expectation: Located<String>? {
        get { storage.expectation }
        set { writable().expectation = newValue }
    }
    public var informed: [Located<String>] {
        get { storage.informed }
        set { writable().informed = newValue }
    }
    public var escalation: Located<Escalation>? {
        get { storage.escalation }
        set { writable().escalation = newValue }
    }
    public var agreement: Located<String>? {
        get { storage.agreement }
        set { writable().agreement = newValue }
    }
    /// `within`: the receiver's commitment as a duration, one or per priority.
    public var within: TimeBudget? {
        get { storage.within }
        set { writable().within = newValue }
    }
    /// The `handoff` mapping.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }

    public init(
        artifact: Located<String>? = nil, expectation: Located<String>? = nil, informed: [Located<String>] = [],
        escalation: Located<Escalation>? = nil, agreement: Located<String>? = nil, within: TimeBudget? = nil, range: SourceRange
    ) {
        storage = Storage(
            artifact: artifact, expectation: expectation, informed: informed, escalation: escalation, agreement: agreement,
            within: within, range: range)
    }
}

/// Starts another process; the current flow goes on.
public struct Trigger: Sendable {
    public var process: Located<String>
    /// The entry activity in the other process; its start when nil.
    public var activity: Located<String>?
    public var when: Located<String>?
    public var handoff: Handoff?
    public var range: SourceRange
    /// Where a fix writes a `handoff:` into this entry as written; nil when it has one, or its layout is not certain.
    package var handoffInsertion: KeyInsertion?

    public init(
        process: Located<String>, activity: Located<String>? = nil, when: Located<String>? = nil, handoff: Handoff? = nil,
        range: SourceRange
    ) {
        self.process = process
        self.activity = activity
        self.when = when
        self.handoff = handoff
        self.range = range
    }
}
