/// `flow/cadence-never-ends`: a cadence step's `until` lies downstream of the cadence step on its own path.
///
/// Over the flow graph (transitions, fork branches and timers): the cadence step C passes its branch on only after
/// its `until` activity U has ended, so a U that C's own successors lead to can start only once C has finished: the
/// cadence waits for itself. That holds even when another path also reaches U (a decision that skips the cadence):
/// on the cadence's path the case still hangs. The exception is a U on a sibling branch of a fork (or of a
/// non-interrupting timer) whose other branch holds C: there U runs beside the cadence, and a loop that comes round
/// to U again does not change that. C's own timers do not lead downstream: a non-interrupting one starts its target
/// beside C, an interrupting one ends the cadence without waiting for U. U = C is the same defect. An unreachable U is `flow/unreachable`'s, not this rule's.
enum CadenceNeverEnds: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/cadence-never-ends",
        defaultSeverity: .error,
        summary: "a cadence (`every`) whose `until` lies downstream of the cadence step on its own path",
        explanation: """
            A cadence step (`every` with `until`) repeats until its `until` activity has ended, and only then passes \
            its branch on. When the `until` activity lies downstream of the cadence on its own path (the cadence's \
            successors lead to it), the cadence waits for something that can only start once it has finished: on \
            that path it never ends, and the case never reaches its end, even when another path (a decision that \
            skips the cadence) reaches the activity too.

            A cadence belongs on a branch of its own, beside the work it reports on: fork before it (`next: {all: \
            [send-update, resolve]}`), so that the work runs while the cadence repeats, and join the branches after.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
              - id: send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [end-user]
                every: 1h
                until: resolve
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                informed: [end-user]
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
                next:
                  all: [send-update, resolve]
              - id: send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [end-user]
                every: 1h
                until: resolve
                next: close
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                next: close
              - id: close
                name: Close the incident
                responsible: service-desk
                informed: [end-user]
                join: all
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let graph = context.graph
        for (c, activity) in context.activities.enumerated() where activity.isCadence {
            guard let until = activity.until, let u = context.process.activityIndex(until.value), graph.isReachable[c],
                graph.isReachable[u]
            else { continue }
            if u != c {
                guard isDownstream(u, of: c, graph: graph) else { continue }
                if areOnSiblingBranches(c, u, context: context) { continue }
            }
            let untilActivity = context.activities[u]
            let reason: String
            if u == c {
                reason = "its `until` is the cadence step itself"
            } else if graph.shortestPaths(avoiding: { $0 == c }).reached[u] {
                reason = "'\(untilActivity.id.value)' lies downstream of '\(activity.id.value)' on its own path"
            } else {
                reason = "'\(untilActivity.id.value)' can only be reached through '\(activity.id.value)' itself"
            }
            findings.report(
                Self.self, at: activity.id.range,
                "cadence \(context.describe(activity)) repeats until \(context.describe(untilActivity)) has ended, but \(reason): the cadence never ends",
                help:
                    "move '\(activity.id.value)' onto a parallel branch beside the work it reports on: fork before it (`next: {all: [\(activity.id.value), ...]}`) so that '\(untilActivity.id.value)' is reached without it, and join the branches after",
                activities: [activity.id.value, untilActivity.id.value]
            )
        }
    }

    /// Whether `u` can follow the cadence step `c` once it passes its branch on. `c`'s own timers are no way
    /// downstream: a non-interrupting one starts its target beside `c`, and an interrupting one ends the cadence
    /// without waiting for `u`.
    private static func isDownstream(_ u: Int, of c: Int, graph: FlowGraph) -> Bool {
        let successors = graph.outgoing[c].filter { !graph.transitions[$0].isTimeout }.map { graph.transitions[$0].target }
        return successors.contains { graph.shortestPaths(avoiding: { _ in false }, from: $0).reached[u] }
    }

    /// Whether `c` and `u` lie on different branches of one fork, or one on a step's path and the other on the branch
    /// its non-interrupting timer starts: then `u` runs beside the cadence.
    private static func areOnSiblingBranches(_ c: Int, _ u: Int, context: ProcessContext) -> Bool {
        let graph = context.graph
        let isJoin = context.activities.map(\.isJoin)
        for site in graph.forks.indices {
            let regions = graph.branchRegions(of: site, isJoin: isJoin, passingJoins: { _ in false }).map { Set($0.activities) }
            if areSeparated(c, u, regions) { return true }
        }
        for (step, targets) in graph.detached.enumerated() where !targets.isEmpty {
            let onwards = graph.outgoing[step].map { graph.transitions[$0].target }.filter { !targets.contains($0) }
            var regions = [region(from: [step] + onwards, notLeaving: step, graph: graph, isJoin: isJoin)]
            regions += targets.map { region(from: [$0], notLeaving: step, graph: graph, isJoin: isJoin) }
            if areSeparated(c, u, regions) { return true }
        }
        return false
    }

    private static func areSeparated(_ c: Int, _ u: Int, _ regions: [Set<Int>]) -> Bool {
        // A `u` on the cadence's own branch as well (the join that closes both, say) still follows the cadence.
        for (i, holdingCadence) in regions.enumerated() where holdingCadence.contains(c) && !holdingCadence.contains(u) {
            if regions.indices.contains(where: { $0 != i && regions[$0].contains(u) }) { return true }
        }
        return false
    }

    /// The activities reached from `starts` up to the first join, never leaving the splitting step again.
    private static func region(from starts: [Int], notLeaving split: Int, graph: FlowGraph, isJoin: [Bool]) -> Set<Int> {
        var seen = Set(starts)
        var queue = starts
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if isJoin[node] || node == split { continue }
            for t in graph.outgoing[node] where seen.insert(graph.transitions[t].target).inserted {
                queue.append(graph.transitions[t].target)
            }
        }
        return seen
    }
}
