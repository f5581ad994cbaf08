/// A policy whose status for a process changed: it now holds, is waived, or fails, or it no longer applies.
package struct PolicyStatusChange: Sendable, Hashable {
    package var policyID: String
    /// The policy's title on the new side (the old side's when it no longer applies).
    package var title: String
    /// nil: the policy did not apply on that side.
    package var before: PolicyStatus.State?
    package var after: PolicyStatus.State?

    package init(policyID: String, title: String, before: PolicyStatus.State?, after: PolicyStatus.State?) {
        self.policyID = policyID
        self.title = title
        self.before = before
        self.after = after
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
            guard a?.state != b?.state else { return nil }
            return PolicyStatusChange(policyID: id, title: b?.title ?? a?.title ?? id, before: a?.state, after: b?.state)
        }
    }
}
