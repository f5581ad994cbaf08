/// A transition or trigger added, removed or changed: its condition, its handoff, or whether responsibility
/// changes on it.
package struct EdgeChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    package var kind: Kind
    package var edge: EdgeRef
    /// nil for an added edge.
    package var before: EdgeState?
    /// nil for a removed edge.
    package var after: EdgeState?

    package init(kind: Kind, edge: EdgeRef, before: EdgeState?, after: EdgeState?) {
        self.kind = kind
        self.edge = edge
        self.before = before
        self.after = after
    }
}

/// Names one transition or trigger by its ends and how it is written, with activity ids as on the new side (a renamed
/// activity is named by its new id on both sides, so its edges compare as the same edges).
package struct EdgeRef: Sendable, Hashable {
    /// How the edge is written: a decision branch that becomes a fork branch is a different edge.
    package enum Kind: String, Sendable, Hashable {
        /// A fall-through, a `next` or a decision branch.
        case transition
        /// A branch of a fork.
        case fork
        /// A `cancel` entry, from one of the activities it interrupts.
        case cancel
        /// A trigger into another process.
        case trigger
        /// A `timeout` entry: the timer's way from its step to its `to`.
        case timeout
    }

    package var kind: Kind
    /// The source activity's id.
    package var source: String
    /// The target activity's id: for a trigger, its entry activity when it names one, else nil (the other process's
    /// start).
    package var target: String?
    /// For a trigger: the process it starts.
    package var process: String?
    /// For a cancellation in a diff: the source and every other activity whose edge of the same entry changed in
    /// the same way, listed as one change. Empty while edges are matched, so it never decides which edges pair.
    package var interrupted: [String] = []

    package init(source: String, target: String?, process: String? = nil, kind: Kind? = nil) {
        self.kind = kind ?? (process == nil ? .transition : .trigger)
        self.source = source
        self.target = target
        self.process = process
    }

    package var isTrigger: Bool { process != nil }
}

/// One side of an edge: its condition, its handoff, and the responsible roles on both of its ends.
package struct EdgeState: Sendable, Hashable {
    /// `when`, for a branch or a trigger.
    package var condition: String?
    package var handoff: HandoffFacts?
    /// The source activity's responsible roles.
    package var fromRoles: [String]
    /// The target activity's responsible roles; empty when the target does not resolve.
    package var toRoles: [String]
    /// Whether responsibility passes to other roles on this edge; nil when that cannot be told (an unknown role or
    /// target, an activity with no responsible role: other rules report those).
    package var passesResponsibility: Bool?
    /// The target is a process defined elsewhere that names no receiver: nobody on the other side is known.
    package var toUnnamedReceiver = false
    /// An approval's branch: the answer it stands for (`approved`, `rejected`).
    package var outcome: String?
    /// A decision branch's `priorities`: only cases of these take it; empty for every case.
    package var priorities: [String] = []
    /// The target must be done by another person than the source, in the same role (`other-person-than`).
    package var toOtherPersonInRole = false

    package init(condition: String?, handoff: HandoffFacts?, fromRoles: [String], toRoles: [String], passesResponsibility: Bool?) {
        self.condition = condition
        self.handoff = handoff
        self.fromRoles = fromRoles
        self.toRoles = toRoles
        self.passesResponsibility = passesResponsibility
    }

    /// Responsibility changes with no handoff declared: the `handoff/gap` condition.
    package var isGap: Bool { passesResponsibility == true && handoff == nil }
}

/// What a handoff block says, as written (blank values count as not written).
package struct HandoffFacts: Sendable, Hashable {
    package var artifact: String?
    package var expectation: String?
    /// `within`, as `TimeBudget.text` writes it.
    package var within: String?
    package var agreement: String?
    package var escalation: Escalation?
    package var informed: [String]

    package init(
        artifact: String? = nil, expectation: String? = nil, within: String? = nil, agreement: String? = nil,
        escalation: Escalation? = nil, informed: [String] = []
    ) {
        self.artifact = artifact
        self.expectation = expectation
        self.within = within
        self.agreement = agreement
        self.escalation = escalation
        self.informed = informed
    }

    package init(_ handoff: Handoff) {
        self.init(
            artifact: handoff.statedArtifact?.value, expectation: handoff.statedExpectation?.value, within: handoff.within?.text,
            agreement: handoff.statedAgreement?.value, escalation: handoff.escalation?.value, informed: handoff.informed.values()
        )
    }

    /// The fields that differ from `other`, by YAML key, in the order the format lists them.
    package func changedFields(from other: HandoffFacts) -> [FieldChange] {
        [
            FieldChange.compare("artifact", other.artifact, artifact),
            FieldChange.compare("expectation", other.expectation, expectation),
            FieldChange.compare("within", other.within, within),
            FieldChange.compare("informed", other.informed, informed),
            FieldChange.compare("escalation", other.escalation?.rawValue, escalation?.rawValue),
            FieldChange.compare("agreement", other.agreement, agreement),
        ].compactMap { $0 }
    }
}

/// A handoff gap that the change introduces or fixes.
package struct GapChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case introduced, fixed
    }

    package var kind: Kind
    package var edge: EdgeRef
    /// The edge on the side where it is a gap: the new side for an introduced gap, the old side for a fixed one.
    package var state: EdgeState
    /// How a fixed gap was fixed: a handoff declared, the edge removed, or responsibility no longer changing.
    package var fix: Fix?

    package enum Fix: String, Sendable, Hashable {
        case handoffDeclared = "handoff-declared"
        case edgeRemoved = "edge-removed"
        case sameRoles = "same-roles"
        /// Whether responsibility changes can no longer be told (an unknown role or target on the new side).
        case undetermined
    }

    package init(kind: Kind, edge: EdgeRef, state: EdgeState, fix: Fix? = nil) {
        self.kind = kind
        self.edge = edge
        self.state = state
        self.fix = fix
    }
}
