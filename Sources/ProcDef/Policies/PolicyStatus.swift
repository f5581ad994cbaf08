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

    public init(policyID: String, title: String, severity: Severity, state: State) {
        self.policyID = policyID
        self.title = title
        self.severity = severity
        self.state = state
    }
}
