import YAMLTree

/// A `timeout` entry on an activity: a timer on the step (a BPMN boundary timer event). When `after` has passed
/// since the step started (or since `from` started), the case goes to `to`; an interrupting timer (the default) leaves
/// the step, a non-interrupting one starts `to` beside it, as a fork would.
public struct Timeout: Sendable {
    /// How long the timer runs: one duration, or one per priority.
    public var after: TimeBudget?
    /// The activity the timer leads to; nil when the entry has no `to` (`schema/missing-field`).
    public var to: Located<String>?
    public var handoff: Handoff?
    /// `from`: the activity whose start starts the clock; default the step's own start.
    public var from: Located<String>?
    /// `interrupting`, as written; `isInterrupting` applies the default.
    public var interrupting: Located<Bool>?
    /// `when`, as written: a label, or a declared priority.
    public var when: Located<String>?
    /// The entry's whole mapping.
    public var range: SourceRange
    /// Where a fix writes a `handoff:` into this entry as written; nil when it has one, or its layout is not certain.
    package var handoffInsertion: KeyInsertion?

    public init(
        after: TimeBudget?, to: Located<String>?, handoff: Handoff? = nil, from: Located<String>? = nil,
        interrupting: Located<Bool>? = nil, when: Located<String>? = nil, range: SourceRange
    ) {
        self.after = after
        self.to = to
        self.handoff = handoff
        self.from = from
        self.interrupting = interrupting
        self.when = when
        self.range = range
    }

    /// The priority `when` names among `declared` (`when: P1` is `p1`); nil when `when` is a label or absent.
    public func priority(among declared: [Located<String>]) -> String? {
        when.flatMap { when in declared.first { $0.value == when.value.lowercased() }?.value }
    }

    /// True unless `interrupting: false`: the case leaves the step by `to`.
    public var isInterrupting: Bool { interrupting?.value ?? true }

    /// `after 4h to escalate`, `after p1: 1h, otherwise 4h from log to escalate (not interrupting) when p1`: how the
    /// diff shows the entry.
    public var text: String {
        var text = "after \(after?.text ?? "-")"
        if let from { text += " from \(from.value)" }
        text += " to \(to?.value ?? "-")"
        if !isInterrupting { text += " (not interrupting)" }
        if let when { text += " when \(when.value)" }
        return text
    }
}

/// One interval of a cadence (`every` on an activity): the step repeats every `every`, for the first `for` of the
/// cadence when that is given, for the priority `when` names when it names one.
public struct CadenceEntry: Sendable {
    public var every: TimeBudget
    /// `for`: how long from the cadence's first occurrence this entry applies.
    public var duration: Located<TimeTarget>?
    /// `when`, as written: a label, or a declared priority.
    public var when: Located<String>?
    /// The entry's mapping, or the duration when `every` is written as one value.
    public var range: SourceRange

    public init(
        every: TimeBudget, duration: Located<TimeTarget>? = nil, when: Located<String>? = nil,
        range: SourceRange
    ) {
        self.every = every
        self.duration = duration
        self.when = when
        self.range = range
    }

    /// The priority `when` names among `declared` (`when: P1` is `p1`); nil when `when` is a label or absent.
    public func priority(among declared: [Located<String>]) -> String? {
        when.flatMap { when in declared.first { $0.value == when.value.lowercased() }?.value }
    }

    /// `1h`; `20m for 2h`; `1h when p1`: how outputs show the entry.
    public var text: String {
        var text = every.text
        if let duration { text += " for \(duration.value.text)" }
        if let when { text += " when \(when.value)" }
        return text
    }
}

/// A role's `handover`: how one person of a shift hands the case to the next.
public struct ShiftHandover: Sendable {
    public var artifact: Located<String>?
    public var expectation: Located<String>?
    public var range: SourceRange

    public init(artifact: Located<String>?, expectation: Located<String>?, range: SourceRange) {
        self.artifact = artifact
        self.expectation = expectation
        self.range = range
    }
}
