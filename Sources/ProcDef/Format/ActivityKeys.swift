extension KeyTable {
    /// One item of a process's `activities`.
    package static let activity = KeyTable([
        FormatKey("id", "id", .required, invalid: InvalidID.self, "unique in the process; the target of `next`"),
        FormatKey("name", "text", .required, "the step's title"),
        FormatKey(
            "responsible", "role list", .optionalReported(by: ResponsibleRequired.self), invalid: UnknownRole.self,
            "who does the work (R); one or more roles"),
        FormatKey(
            "accountable", "role reference", invalid: UnknownRole.self,
            "who answers for it (A): exactly one role; falls back to `defaults.accountable`"),
        FormatKey(
            "consulted", "role list", invalid: UnknownRole.self,
            "asked before or during the work (C); two-way; an entry may be `{role: ROLE, when: TEXT}` (see [Conditional involvement](#conditional-involvement))"
        ),
        FormatKey(
            "informed", "role list", invalid: UnknownRole.self,
            "told of the result (I); one-way; an entry may be `{role: ROLE, when: TEXT}`"),
        FormatKey(
            "type", oneOf: ActivityType.allCases.map(\.rawValue),
            "the kind of step, after BPMN's task types (default `task`; see [Kinds of steps](#kinds-of-steps))"),
        FormatKey(
            "other-person-than", "activity id", invalid: UnknownActivity.self,
            "four eyes: a different person must do this step than did that activity, even in the same role"),
        FormatKey(
            "same-person-as", "activity id", invalid: UnknownActivity.self,
            "the person who did that activity also does this one: no handoff between the two"),
        FormatKey("records", "list of names", "what the activity records (`incident`, `problem`...); policies select on it"),
        FormatKey("inputs", "list of names", "the artifacts the activity needs"),
        FormatKey("outputs", "list of names", "the artifacts it produces"),
        FormatKey(
            "target", "duration or per-priority durations", invalid: InvalidDuration.self,
            "the step's own time budget: one duration, or one per priority (see [Time](#time))"),
        FormatKey("tags", "list of names", "free labels; policies select on them"),
        FormatKey("procedure", "list of text", "the steps a practitioner follows, in order"),
        FormatKey(
            "next", "activity id, list of branches, or fork", invalid: UnknownActivity.self,
            "where the flow goes next (see [Flow](#flow)): one activity id, a list of branches (a decision), or `{all: [...]}`, a fork, whose branches all run"
        ),
        FormatKey("end", "boolean", "`true`: the case closes here, and every branch still running closes with it"),
        FormatKey(
            "join", oneOf: JoinMode.allCases.map(\.rawValue),
            "`all`: the activity waits for every branch of the fork it closes (see [Parallel work](#parallel-work))"),
        FormatKey(
            "handoff", "handoff",
            "the handoff on the fall-through, the single `next` target, or every branch of a `next: {all: ...}` fork that changes hands"),
        FormatKey("triggers", "list of triggers", "other processes this activity starts"),
        FormatKey(
            "timeout", "timeout or list of timeouts", invalid: UnknownActivity.self,
            "a timer on the step: after a time, the case goes to `to` (see [Timers](#timers))"),
        FormatKey(
            "every", "duration, per-priority durations, or list of intervals", invalid: InvalidDuration.self,
            "a cadence: the step repeats at this interval until its `until` activity has ended (see [Cadences](#cadences))"),
        FormatKey(
            "until", "activity id", .optionalReported(by: MissingField.self, when: "with `every`"), invalid: UnknownActivity.self,
            "with `every`, the activity whose end stops the cadence; without it, a continuous duty: the role stays engaged until that activity ends"
        ),
    ])

    /// A `timeout` entry of an activity.
    package static let timeout = KeyTable([
        FormatKey(
            "after", "duration or per-priority durations", .required, invalid: InvalidDuration.self,
            "how long the timer runs before it fires"),
        FormatKey("to", "activity id", .required, invalid: UnknownActivity.self, "where the case goes when the timer fires"),
        FormatKey(
            "handoff", "handoff", .optionalReported(by: HandoffGap.self, when: "when responsibility changes"),
            "the handoff to `to`"),
        FormatKey(
            "from", "activity id", invalid: UnknownActivity.self,
            "the activity whose start starts the clock; default the step's own start"),
        FormatKey(
            "interrupting", "boolean",
            "`false`: the step goes on, and `to` starts beside it, as a fork would (default `true`: the case leaves the step)"),
        FormatKey("when", "text", "a declared priority limits the timer to it; other text is a label"),
    ])

    /// One interval of a cadence list (`every` as a list).
    package static let cadence = KeyTable([
        FormatKey(
            "every", "duration or per-priority durations", .required, invalid: InvalidDuration.self, "the interval"),
        FormatKey(
            "for", "duration", invalid: InvalidDuration.self, "how long from the cadence's first occurrence this interval applies"),
        FormatKey("when", "text", "a declared priority limits the interval to it; other text is a label"),
    ])

    /// One branch of a `next` list (a decision), written as a mapping.
    package static let branch = KeyTable([
        FormatKey(
            "to", "activity id", .optionalReported(by: MissingField.self, when: "unless the branch has `all`"),
            invalid: UnknownActivity.self,
            "the target"),
        FormatKey(
            "all", "list of fork branches", invalid: WrongType.self, "instead of `to`: the branch forks, and every one of these runs"),
        FormatKey(
            "when", "text", .optionalReported(by: UnconditionedBranch.self, when: "in a decision"), "the condition for taking this branch"),
        FormatKey(
            "outcome", oneOf: ApprovalOutcome.allCases.map(\.rawValue),
            "on a branch of an `approval` step: the approver's answer that takes it; once one branch says it, both answers need a branch (see [Kinds of steps](#kinds-of-steps))"
        ),
        FormatKey(
            "priorities", "list of priority ids", invalid: UnknownPriority.self,
            "only cases of these priorities take the branch (see [Time](#time))"),
        FormatKey(
            "handoff", "handoff", .optionalReported(by: HandoffGap.self, when: "when responsibility changes"), "the handoff on this branch"),
    ])

    /// One branch of a fork's `all` list: a decision branch without `when`, since every branch runs.
    package static let forkBranch = KeyTable([
        FormatKey(
            "to", "activity id", .optionalReported(by: MissingField.self, when: "unless the branch has `all`"),
            invalid: UnknownActivity.self,
            "the activity this branch starts"),
        FormatKey("all", "list of fork branches", invalid: WrongType.self, "instead of `to`: the branch forks again"),
        FormatKey(
            "handoff", "handoff", .optionalReported(by: HandoffGap.self, when: "when responsibility changes"), "the handoff on this branch"),
    ])

    /// A handoff block, on an activity, a branch or a trigger.
    package static let handoff = KeyTable([
        FormatKey(
            "artifact", "name", .optionalReported(by: MissingArtifact.self), "what is handed over (`incident-record`, `resolution-notes`)"),
        FormatKey(
            "expectation", "text", .optionalReported(by: MissingExpectation.self, when: "as a warning"),
            "what the receiver commits to, with a time where there is one"),
        FormatKey("informed", "role list", invalid: UnknownRole.self, "who is told of the handoff"),
        FormatKey(
            "escalation", oneOf: Escalation.allCases.map(\.rawValue),
            "a functional escalation moves the case to a team with more expertise; a hierarchic one moves it up the management line"),
        FormatKey(
            "agreement", "text", .optionalReported(by: SupplierAgreement.self, when: "towards a supplier"),
            "the OLA or underpinning contract that binds the receiver"),
        FormatKey(
            "within", "duration or per-priority durations", invalid: InvalidDuration.self,
            "the receiver's commitment as a duration: one, or one per priority (see [Time](#time))"),
    ])

    /// A `consulted` or `informed` entry written as a mapping: a role that takes part only under a condition.
    package static let involvement = KeyTable([
        FormatKey("role", "role reference", .required, invalid: UnknownRole.self, "the role consulted or informed"),
        FormatKey("when", "text", "the condition under which it takes part; without it, the entry is unconditional"),
    ])

    /// One item of an activity's `triggers`.
    package static let trigger = KeyTable([
        FormatKey("process", "process id", .required, invalid: UnknownProcess.self, "the process started"),
        FormatKey("activity", "activity id", invalid: UnknownProcess.self, "its entry point; default its start"),
        FormatKey("when", "text", "the condition for starting it"),
        FormatKey(
            "handoff", "handoff", .optionalReported(by: HandoffGap.self, when: "when responsibility changes"),
            "what is handed to the other process"),
    ])
}
