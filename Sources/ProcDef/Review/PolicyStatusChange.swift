/// A policy whose status for a process changed: it now holds, is waived, or fails, or it no longer applies.
package struct PolicyStatusChange: Sendable, Hashable {
    package var policyID: String
    /// The policy's title on the new side (the old side's when it no longer applies).
    package var title: String
    /// nil: the policy did not apply on that side.
    package var before: PolicyStatus.State?
    package var after: PolicyStatus.State?
    /// The runs the policy is about on each side (`when`, `unless`), in the policy's own terms; nil for every run.
    package var runsBefore: String?
    package var runsAfter: String?
    /// True on a side where the process has no run in the policy's scope (the policy holds there).
    package var noRunBefore: Bool
    package var noRunAfter: Bool

    package init(
        policyID: String, title: String, before: PolicyStatus.State?, after: PolicyStatus.State?, runsBefore: String? = nil,
        runsAfter: String? = nil, noRunBefore: Bool = false, noRunAfter: Bool = false
    ) {
        self.policyID = policyID
        self.title = title
        self.before = before
        self.after = after
        self.runsBefore = runsBefore
        self.runsAfter = runsAfter
        self.noRunBefore = noRunBefore
        self.noRunAfter = noRunAfter
    }

    /// The changes between two lists of statuses of one process, by policy id.
    static func compare(_ old: [PolicyStatus], _ new: [PolicyStatus]) -> [PolicyStatusChange] {
        var before: [String: PolicyStatus] = [:]
        var after: [String: PolicyStatus] = [:]
        for status in old where before[status.policyID] == nil { before[status.policyID] = status }
        for status in new where after[status.policyID] == nil { after[status.policyID] = status }
        return Set(before.keys).union(after.keys).sorted().compactMap { id in
            let a = before[id]
            let b = after[id]
            // Where both sides apply, a change of `when` or `unless`, or of whether the process has a run in scope,
            // is a change too.
            let scopeChanged =
                a != nil && b != nil && (a?.policyRuns != b?.policyRuns || a?.noRunInScope != b?.noRunInScope)
            guard a?.state != b?.state || scopeChanged else { return nil }
            return PolicyStatusChange(
                policyID: id, title: b?.title ?? a?.title ?? id, before: a?.state, after: b?.state, runsBefore: a?.policyRuns,
                runsAfter: b?.policyRuns, noRunBefore: a?.noRunInScope ?? false, noRunAfter: b?.noRunInScope ?? false)
        }
    }
}
