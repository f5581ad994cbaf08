/// A transition or trigger added, removed or changed: its condition, its handoff, or whether responsibility
/// changes on it.
public struct EdgeChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    public var kind: Kind
    public var edge: EdgeRef
    /// nil for an added edge.
    public var before: EdgeState?
    /// nil for a removed edge.
    public var after: EdgeState?

    public init(kind: Kind, edge: EdgeRef, before: EdgeState?, after: EdgeState?) {
        self.kind = kind
        self.edge = edge
        self.before = before
        self.after = after
    }
}

/// Names one transition or trigger by its ends, with activity ids as on the new side (a renamed activity is
/// named by its new id on both sides, so its edges compare as the same edges).
public struct EdgeRef: Sendable, Hashable {
    /// The source activity's id.
    public var source: String
    /// The target activity's id: for a trigger, its entry activity when it names one, else nil (the other process's
    /// start).
    public var target: String?
    /// For a trigger: the process it starts.
    public var process: String?

    public init(source: String, target: String?, process: String? = nil) {
        self.source = source
        self.target = target
        self.process = process
    }

    public var isTrigger: Bool { process != nil }
}

/// One side of an edge: its condition, its handoff, and the responsible roles on both of its ends.
public struct EdgeState: Sendable, Hashable {
    /// `when`, for a branch or a trigger.
    public var condition: String?
    public var handoff: HandoffFacts?
    /// The source activity's responsible roles.
    public var fromRoles: [String]
    /// The target activity's responsible roles; empty when the target does not resolve.
    public var toRoles: [String]
    /// Whether responsibility passes to other roles on this edge; nil when that cannot be told (an unknown role or
    /// target, an activity with no responsible role: other rules report those).
    public var passesResponsibility: Bool?

    public init(condition: String?, handoff: HandoffFacts?, fromRoles: [String], toRoles: [String], passesResponsibility: Bool?) {
        self.condition = condition
        self.handoff = handoff
        self.fromRoles = fromRoles
        self.toRoles = toRoles
        self.passesResponsibility = passesResponsibility
    }

    /// Responsibility changes with no handoff declared: the `handoff/gap` condition.
    public var isGap: Bool { passesResponsibility == true && handoff == nil }
}

/// What a handoff block says, as written (blank values count as not written).
public struct HandoffFacts: Sendable, Hashable {
    public var artifact: String?
    public var expectation: String?
    public var agreement: String?
    public var escalation: Escalation?
    public var informed: [String]

    public init(artifact: String? = nil, expectation: String? = nil, agreement: String? = nil, escalation: Escalation? = nil, informed: [String] = []) {
        self.artifact = artifact
        self.expectation = expectation
        self.agreement = agreement
        self.escalation = escalation
        self.informed = informed
    }

    public init(_ handoff: Handoff) {
        self.init(
            artifact: handoff.statedArtifact?.value, expectation: handoff.statedExpectation?.value,
            agreement: handoff.statedAgreement?.value, escalation: handoff.escalation?.value, informed: handoff.informed.values()
        )
    }

    /// The fields that differ from `other`, by YAML key, in the order the format lists them.
    public func changedFields(from other: HandoffFacts) -> [FieldChange] {
        [
            FieldChange.compare("artifact", other.artifact, artifact),
            FieldChange.compare("expectation", other.expectation, expectation),
            FieldChange.compare("informed", other.informed, informed),
            FieldChange.compare("escalation", other.escalation?.rawValue, escalation?.rawValue),
            FieldChange.compare("agreement", other.agreement, agreement),
        ].compactMap { $0 }
    }
}

/// A handoff gap that the change introduces or fixes.
public struct GapChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case introduced, fixed
    }

    public var kind: Kind
    public var edge: EdgeRef
    /// The edge on the side where it is a gap: the new side for an introduced gap, the old side for a fixed one.
    public var state: EdgeState
    /// How a fixed gap was fixed: a handoff declared, the edge removed, or responsibility no longer changing.
    public var fix: Fix?

    public enum Fix: String, Sendable, Hashable {
        case handoffDeclared = "handoff-declared"
        case edgeRemoved = "edge-removed"
        case sameRoles = "same-roles"
        /// Whether responsibility changes can no longer be told (an unknown role or target on the new side).
        case undetermined
    }

    public init(kind: Kind, edge: EdgeRef, state: EdgeState, fix: Fix? = nil) {
        self.kind = kind
        self.edge = edge
        self.state = state
        self.fix = fix
    }
}
