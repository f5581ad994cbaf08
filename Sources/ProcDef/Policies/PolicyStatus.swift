/// How one policy stands for one process: what the runbook's policy table shows.
public struct PolicyStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case holds
        /// The policy fails, but a valid waiver covers it: until a day or for good, approved by a role (its id) or not.
        case waived(until: WaiverEnd, reason: String, approvedBy: String?)
        /// The policy fails this many times (an expired waiver does not cover it).
        case fails(count: Int)
    }

    public var policyID: String
    public var title: String
    public var severity: Severity
    public var state: State
    /// The runs the policy is about (`when`, `unless`) as this process has them: `runs through 'Confirm the
    /// incident'`; nil for every run.
    public var runs: String?
    /// The same in the policy's own terms, whatever the process has: `runs through an activity that is tagged
    /// 'confirmed'`.
    public var policyRuns: String?
    /// True when no run of the process is in the policy's scope (it holds there).
    public var noRunInScope: Bool

    public init(
        policyID: String, title: String, severity: Severity, state: State, runs: String? = nil, policyRuns: String? = nil,
        noRunInScope: Bool = false
    ) {
        self.policyID = policyID
        self.title = title
        self.severity = severity
        self.state = state
        self.runs = runs
        self.policyRuns = policyRuns ?? runs
        self.noRunInScope = noRunInScope
    }

    /// `on runs through 'Confirm the incident'`, or `no runs through ...` when the process has none; nil without a
    /// scope.
    public var scopePhrase: String? {
        runs.map { (noRunInScope ? "no " : "on ") + $0 }
    }
}
