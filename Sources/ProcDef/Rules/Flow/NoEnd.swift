/// `flow/no-end`: every reachable activity has a way to an end of the process.
enum NoEnd: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/no-end",
        defaultSeverity: .error,
        summary: "an activity from which no end can be reached (a loop with no way out)",
        explanation: """
            Every case must be able to close. A loop with no way out (rework that always goes back to review, an \
            escalation that always escalates again) is a case that can never be resolved and never confirmed with the \
            customer: in the runbook it is an instruction to go round forever, and in reporting it is a case that stays \
            open.

            To avoid a flood of findings, the rule reports each closed loop once, not every activity caught in it: a \
            loop is reported when no transition leaves it at all (a loop that leaves only into another closed loop is \
            fixed by fixing that one). The finding points at the loop's first activity a case reaches from the start \
            and names the loop, e.g. `the loop review -> rework -> review has no way out`. An activity whose `next` is \
            an empty list and that is not marked `end: true` is a dead end, reported on its own. Activities that cannot \
            be reached at all are left to `flow/unreachable`. A `next` that names no activity is left to \
            `ref/unknown-activity`, and a loop containing one is not reported: the misspelt target is usually its way out.

            Give one activity of the loop a branch out of it, towards an activity that leads to an end (and say `when` \
            each branch is taken), or mark the activity where the work is done `end: true`.
            """,
        failingExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-advisory-board: {name: Change Advisory Board, kind: stakeholder}
            ---
            kind: process
            id: change-management
            name: Change Management
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities:
              - id: submit
                name: Submit the change
                responsible: change-manager
              - id: review
                name: Review the change
                responsible: change-manager
                consulted: [change-advisory-board]
              - id: rework
                name: Rework the change plan
                responsible: change-manager
                next: review
            """,
        fixedExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-advisory-board: {name: Change Advisory Board, kind: stakeholder}
            ---
            kind: process
            id: change-management
            name: Change Management
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities:
              - id: submit
                name: Submit the change
                responsible: change-manager
              - id: review
                name: Review the change
                responsible: change-manager
                consulted: [change-advisory-board]
                next:
                  - to: rework
                    when: The board asks for changes.
                  - to: implement
                    when: The board approves the change.
              - id: rework
                name: Rework the change plan
                responsible: change-manager
                next: review
              - id: implement
                name: Implement the change
                responsible: change-manager
            """
    )

    /// Longest loop shown in full; longer ones are shortened in the middle.
    private static let longestLoopShown = 8

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let graph = context.graph
        let activities = context.activities
        guard let start = graph.start, graph.activityCount == activities.count else { return }
        let trapped = (0..<graph.activityCount).map { graph.isReachable[$0] && !graph.canReachEnd[$0] }
        guard trapped.contains(true) else { return }

        for i in 0..<activities.count where trapped[i] && graph.outgoing[i].isEmpty {
            if case .branches(let branches, _)? = activities[i].next, branches.isEmpty {
                findings.report(
                    Self.self, at: activities[i].id.range,
                    "activity \(context.describe(activities[i])) cannot reach an end: its `next` lists no target and it does not say `end: true`",
                    help: "name where the case goes next under `next:`, or write `end: true` if the process ends here",
                    activities: [activities[i].id.value]
                )
            }
        }

        let rank = breadthFirstRank(graph, from: start)
        let components = TrappedComponents(graph, trapped: trapped)
        for members in components.closedLoops {
            // A `next` naming no activity is usually the intended way out, misspelt: `ref/unknown-activity` says so.
            if members.contains(where: { graph.hasUnknownTarget[$0] }) { continue }
            guard let entry = members.min(by: { rank[$0] < rank[$1] }) else { continue }
            let loop = shortestCycle(graph, through: entry, within: { components.component[$0] == components.component[entry] })
            guard let last = loop.dropLast().last else { continue }
            let entryID = activities[entry].id.value
            let help =
                last == entry
                ? "send '\(entryID)' to an activity that leads to an end instead of itself, or write `end: true` on it if the process ends there"
                : "let the case leave the loop: give '\(activities[last].id.value)' a branch out, e.g. `next: [{to: \(entryID), when: ...}, {to: <an activity that leads to an end>, when: ...}]`, or write `end: true` where the work is done"
            let members = loop.dropLast().map { activities[$0].id.value }
            // The loop itself is the witness: each step leads to the next, and the last back to the entry.
            let path = zip(loop, loop.dropFirst()).map { from, to in
                WitnessStep(
                    file: context.process.file, range: activities[from].id.range,
                    message: "'\(activities[from].id.value)' leads only to '\(activities[to].id.value)'")
            }
            findings.report(
                Self.self, at: activities[entry].id.range,
                "activity \(context.describe(activities[entry])) cannot reach an end: the loop \(describeLoop(loop, activities)) has no way out",
                help: help,
                activities: members,
                path: path
            )
        }
    }

    /// The position of every activity in breadth-first order from the start (unreached ones last), so "the first
    /// activity of the loop a case reaches" is well defined.
    private static func breadthFirstRank(_ graph: FlowGraph, from start: Int) -> [Int] {
        var rank = Array(repeating: Int.max, count: graph.activityCount)
        rank[start] = 0
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for t in graph.outgoing[node] where rank[graph.transitions[t].target] == Int.max {
                rank[graph.transitions[t].target] = queue.count
                queue.append(graph.transitions[t].target)
            }
        }
        return rank
    }

    /// A shortest cycle from `entry` back to itself through activities for which `inside` holds, `entry` first and last.
    private static func shortestCycle(_ graph: FlowGraph, through entry: Int, within inside: (Int) -> Bool) -> [Int] {
        var parent: [Int: Int] = [:]
        var queue: [Int] = []
        var head = 0
        for t in graph.outgoing[entry] {
            let next = graph.transitions[t].target
            if next == entry { return [entry, entry] }
            if inside(next), parent[next] == nil {
                parent[next] = entry
                queue.append(next)
            }
        }
        while head < queue.count {
            let node = queue[head]
            head += 1
            for t in graph.outgoing[node] {
                let next = graph.transitions[t].target
                if next == entry {
                    var path = [entry, node]
                    var cursor = node
                    while let previous = parent[cursor], previous != entry {
                        path.append(previous)
                        cursor = previous
                    }
                    path.append(entry)
                    return path.reversed()
                }
                if inside(next), parent[next] == nil {
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return [entry, entry]
    }

    /// `review -> rework -> review`, shortened in the middle for long loops.
    private static func describeLoop(_ loop: [Int], _ activities: [Activity]) -> String {
        let ids = loop.map { activities[$0].id.value }
        guard ids.count > longestLoopShown + 1 else { return ids.joined(separator: " -> ") }
        let shown = ids.prefix(longestLoopShown / 2) + ["..."] + ids.suffix(longestLoopShown / 2)
        return shown.joined(separator: " -> ") + " (\(ids.count - 1) activities)"
    }
}

/// The strongly connected components of the trapped activities (reached, but with no way to an end), by an iterative
/// Tarjan search, so deep flows never exhaust the stack.
private struct TrappedComponents {
    /// The component of each trapped activity; -1 for the others.
    private(set) var component: [Int]
    /// The members of each component that is a loop (two or more activities, or one that names itself) and that no
    /// transition leaves: the loops with no way out at all.
    private(set) var closedLoops: [[Int]] = []

    init(_ graph: FlowGraph, trapped: [Bool]) {
        let count = graph.activityCount
        component = Array(repeating: -1, count: count)
        var order = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        for root in 0..<count where trapped[root] && order[root] < 0 {
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            var calls: [(node: Int, edge: Int)] = [(root, 0)]
            while let call = calls.last {
                let edges = graph.outgoing[call.node]
                if call.edge < edges.count {
                    calls[calls.count - 1].edge += 1
                    let next = graph.transitions[edges[call.edge]].target
                    guard trapped[next] else { continue }
                    if order[next] < 0 {
                        order[next] = counter
                        low[next] = counter
                        counter += 1
                        stack.append(next)
                        onStack[next] = true
                        calls.append((next, 0))
                    } else if onStack[next] {
                        low[call.node] = min(low[call.node], order[next])
                    }
                } else {
                    calls.removeLast()
                    if let parent = calls.last {
                        low[parent.node] = min(low[parent.node], low[call.node])
                    }
                    guard low[call.node] == order[call.node] else { continue }
                    var members: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = components.count
                        members.append(member)
                        if member == call.node { break }
                    }
                    components.append(members)
                }
            }
        }
        for (c, members) in components.enumerated() {
            var isLoop = members.count > 1
            var isClosed = true
            for member in members {
                for t in graph.outgoing[member] {
                    let target = graph.transitions[t].target
                    if target == member { isLoop = true }
                    if component[target] != c { isClosed = false }
                }
            }
            if isLoop && isClosed { closedLoops.append(members) }
        }
    }
}
