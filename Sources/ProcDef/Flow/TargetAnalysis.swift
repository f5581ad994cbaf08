/// Whether a process can meet its service targets as budgeted: per target and per priority, the time its budgets
/// (steps' `target`, handoffs' `within`, timers' `after`) add up to on the fastest and on the slowest path from the
/// target's `from` to its `to`.
///
/// The fastest path is a shortest-path search in which a `join: all` waits for the slowest of its fork's branches
/// (each branch by its own fastest way). The slowest is a longest path over the flow with each loop (a strongly
/// connected part) collapsed and its budgets counted once, so that both stay polynomial: O(E log V) and O(V + E).
/// Untimed steps count as zero, so a sum over a budget is proven and a sum under it is not (`time/untimed-step`).
package struct TargetAnalysis: Sendable {
    /// One part of a timed path, as messages list it.
    package struct PathPart: Sendable, Hashable {
        /// The activity, or the loop's activities.
        package var activities: [Int]
        /// The step's budget (nil: untimed), a timer's `after`, or a loop's sum.
        package var time: TimeSpan?
        package var isLoop: Bool
        /// True when the step is left by its timer.
        package var byTimer: Bool
        /// The handoff's `within` on the way into the next part, when one is given.
        package var within: TimeSpan?
    }

    package struct TimedPath: Sendable {
        package var total: TimeSpan
        package var parts: [PathPart]
        /// The loops on the path that no timer leaves: their real worst case is unbounded.
        package var unboundedLoops: [[Int]]
    }

    package struct Verdict: Sendable {
        /// The index in `process.targets`.
        package var target: Int
        /// The priority the sums are for; nil for a process without `priorities`.
        package var priority: String?
        /// Nil when the clock can never stop: `to` cannot follow `from`.
        package var fastest: TimedPath?
        package var slowest: TimedPath?
        /// The target's `within` for this priority; nil when it has none.
        package var within: TimeSpan?
        /// The steps on the target's paths with no budget for this priority.
        package var untimed: [Int]
        package var isBusinessClock: Bool

        /// True when the fastest path is over `within`: as budgeted, the target cannot be met.
        package func isInfeasible(businessDay: Int) -> Bool {
            guard let fastest, let within else { return false }
            return TimeComparison.certainlyOver(fastest.total, within, businessClock: isBusinessClock, businessDay: businessDay)
        }

        /// What the sums mean, in words the runbook and `procdef diff` share.
        package func summary(businessDay: Int) -> String {
            guard fastest != nil else { return "the clock never stops: no path leads from its start to its stop" }
            guard within != nil else { return "no time given for this priority" }
            if isInfeasible(businessDay: businessDay) { return "cannot be met as budgeted" }
            if isAtRisk(businessDay: businessDay) { return "at risk on the slowest path" }
            if !untimed.isEmpty { return "undecided: some steps have no target" }
            return "met as budgeted"
        }

        /// True when the slowest path can be over `within` while the fastest is not.
        package func isAtRisk(businessDay: Int) -> Bool {
            guard let slowest, let within, !isInfeasible(businessDay: businessDay) else { return false }
            return TimeComparison.possiblyOver(slowest.total, within, businessClock: isBusinessClock, businessDay: businessDay)
        }
    }

    /// Per target, one verdict per priority it applies to, in the order of `priorities`.
    package private(set) var verdicts: [[Verdict]] = []
    package let businessDay: Int
    /// The flow per priority the sums were taken on (one with no `priorities`); empty without targets. The silence
    /// analysis reads the same flows.
    package private(set) var flows: [TimedFlow] = []

    package static let none = TargetAnalysis(businessDay: TimeTarget.defaultBusinessDaySeconds)

    private init(businessDay: Int) { self.businessDay = businessDay }

    package init(process: ProcessDefinition, graph: FlowGraph, businessDay: Int) {
        self.businessDay = businessDay
        guard !process.targets.isEmpty else { return }
        let flows = TimedFlow.perPriority(process: process, graph: graph, businessDay: businessDay)
        self.flows = flows
        let joins = JoinBranches(graph: graph)
        for (t, target) in process.targets.enumerated() {
            var perPriority: [Verdict] = []
            guard let from = target.from, let to = target.to, let x = process.activityIndex(from.activity.value),
                let y = process.activityIndex(to.activity.value)
            else {
                verdicts.append([])
                continue
            }
            for flow in flows {
                if let only = target.priority?.value, flow.priority != only { continue }
                let within = target.within.flatMap { budget in
                    (flow.priority.map { budget.duration(for: $0) } ?? budget.single).map { TimeSpan($0.value, businessDay: businessDay) }
                }
                var verdict = Verdict(
                    target: t, priority: flow.priority, fastest: nil, slowest: nil, within: within, untimed: [],
                    isBusinessClock: target.clock?.value == .business)
                let search = Search(flow: flow, joins: joins, from: x, fromEnd: from.moment == .end, to: y, toStart: to.moment == .start)
                if let paths = search.run() {
                    verdict.fastest = paths.fastest
                    verdict.slowest = paths.slowest
                    verdict.untimed = paths.untimed
                }
                perPriority.append(verdict)
            }
            verdicts.append(perPriority)
        }
    }
}

/// For each `join: all`, which branches of its fork each activity before it belongs to: the activities each branch
/// reaches before the join.
struct JoinBranches {
    /// Per activity that is a fork's join: the fork, and per activity in a branch, a bit per branch it lies on.
    var forkOfJoin: [Int: Int] = [:]
    var membership: [Int: [Int: UInt64]] = [:]
    /// Per join, its fork's activity and a bit per branch.
    var forkSource: [Int: Int] = [:]
    var allBranches: [Int: UInt64] = [:]

    init(graph: FlowGraph) {
        // Written order puts an outer fork before the forks nested in it, so a join two forks share waits for the outer
        // one's branches (the inner ones among them).
        for (f, fork) in graph.forks.enumerated() where fork.branches.count <= 64 {
            guard let join = fork.join, forkOfJoin[join] == nil else { continue }
            forkOfJoin[join] = f
            forkSource[join] = fork.source
            allBranches[join] = fork.branches.count == 64 ? UInt64.max : (UInt64(1) << UInt64(fork.branches.count)) - 1
            var bits: [Int: UInt64] = [:]
            for b in fork.branches.indices {
                var starts: [Int] = []
                collect(graph.forks[f].branches[b], graph: graph, into: &starts)
                var queue = starts.filter { $0 != join }
                var seen = Set(queue)
                var head = 0
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    bits[node, default: 0] |= UInt64(1) << UInt64(b)
                    for t in graph.outgoing[node] {
                        let target = graph.transitions[t].target
                        if target == join || target == fork.source || !seen.insert(target).inserted { continue }
                        queue.append(target)
                    }
                }
            }
            membership[join] = bits
        }
    }

    private func collect(_ start: FlowGraph.ForkSite.Start, graph: FlowGraph, into starts: inout [Int]) {
        switch start {
        case .activity(let t, _): starts.append(t)
        case .fork(let inner): for s in graph.forks[inner].branches { collect(s, graph: graph, into: &starts) }
        case .unknown: break
        }
    }
}

/// One target's sums for one priority.
private struct Search {
    let flow: TimedFlow
    let joins: JoinBranches
    let from: Int
    let fromEnd: Bool
    let to: Int
    let toStart: Bool

    struct Paths {
        var fastest: TargetAnalysis.TimedPath
        var slowest: TargetAnalysis.TimedPath
        var untimed: [Int]
    }

    /// Nil when `to` cannot follow `from`.
    func run() -> Paths? {
        let ahead = flow.reachable(from: from)
        let aroundALoop = from == to && fromEnd && toStart
        if from == to && !aroundALoop {
            // From the step's start to its end is the step itself; the other readings need no path.
            let time = fromEnd || toStart ? TimeSpan.zero : flow.stepTime(from)
            let part = TargetAnalysis.PathPart(
                activities: [from], time: flow.budget[from].map { _ in flow.stepTime(from) }, isLoop: false, byTimer: false, within: nil)
            let path = TargetAnalysis.TimedPath(total: time, parts: fromEnd || toStart ? [] : [part], unboundedLoops: [])
            let untimed = !fromEnd && !toStart && flow.budget[from] == nil ? [from] : []
            return Paths(fastest: path, slowest: path, untimed: untimed)
        }
        // From a step's end to its next start goes once round its loop; without a loop it never starts again.
        guard ahead[to] else { return nil }
        let behind = flow.reaching(to)
        var relevant = Array(repeating: false, count: ahead.count)
        for i in relevant.indices where (ahead[i] || i == from) && behind[i] { relevant[i] = true }
        let counted = relevant.indices.filter { relevant[$0] && !(($0 == from && fromEnd) || ($0 == to && toStart)) }
        let untimed = counted.filter { flow.budget[$0] == nil }
        guard let fastest = fastestPath(relevant), let slowest = slowestPath(relevant) else { return nil }
        return Paths(fastest: fastest, slowest: slowest, untimed: untimed)
    }

    // MARK: Fastest

    /// Dijkstra from `from`, keyed by best-case elapsed seconds; a join of a fork whose activity ran waits for the
    /// first arrival of every branch, and takes the last of them (the slow branch decides).
    private func fastestPath(_ relevant: [Bool]) -> TargetAnalysis.TimedPath? {
        let count = flow.budget.count
        var start: [TimeSpan?] = Array(repeating: nil, count: count)
        var via: [Int?] = Array(repeating: nil, count: count)
        var arrivedBranches: [Int: UInt64] = [:]
        var latest: [Int: (time: TimeSpan, edge: Int)] = [:]
        var heap = ArrivalHeap()
        func relax(_ node: Int, at time: TimeSpan) {
            for e in flow.outgoing[node] where relevant[flow.edges[e].target] {
                let edge = flow.edges[e]
                var leave = node == from && fromEnd ? TimeSpan.zero : flow.exitTime(edge)
                if let clockStart = edge.timerFrom, clockStart != node {
                    // The timer's clock started at another activity: it fires `after` from that start, which may be
                    // sooner than `after` from this one (no sooner than now when that start is not on this path).
                    let remaining = start[clockStart].map { ($0 + leave).bestElapsed - time.bestElapsed } ?? 0
                    leave = TimeSpan(elapsed: max(remaining, 0), business: 0)
                } else if edge.timerAfter == nil,
                    let remaining = timersLeft(node, now: time, started: { start[$0] }, elapsed: \.bestElapsed),
                    remaining < leave.bestElapsed
                {
                    // Such a timer takes the case away by then: the step cannot run longer on its own.
                    leave = TimeSpan(elapsed: remaining, business: 0)
                }
                heap.push(Arrival(time: time + leave + edge.within, node: edge.target, edge: e))
            }
        }
        if fromEnd {
            relax(from, at: .zero)
        } else {
            start[from] = .zero
            relax(from, at: .zero)
        }
        while true {
            while let arrival = heap.pop() {
                let node = arrival.node
                if start[node] != nil { continue }
                if let bits = requiredBranches(of: node, settled: start), bits != 0 {
                    let edge = flow.edges[arrival.edge]
                    let branch =
                        edge.fork.flatMap { joins.forkOfJoin[node] == $0.site ? UInt64(1) << UInt64($0.branch) : nil }
                        ?? joins.membership[node]?[edge.source] ?? 0
                    arrivedBranches[node, default: 0] |= branch
                    latest[node] = (arrival.time, arrival.edge)
                    if arrivedBranches[node, default: 0] & bits != bits { continue }
                }
                start[node] = arrival.time
                via[node] = arrival.edge
                if node == to { break }
                relax(node, at: arrival.time)
            }
            // A join some branch never reaches (flow/deadlock's finding) starts with the branches that came.
            guard start[to] == nil, let pending = latest.filter({ start[$0.key] == nil }).min(by: { $0.key < $1.key }) else { break }
            start[pending.key] = pending.value.time
            via[pending.key] = pending.value.edge
            relax(pending.key, at: pending.value.time)
        }
        guard let reached = start[to] else { return nil }
        let total = toStart ? reached : reached + flow.stepTime(to)
        var nodes: [(node: Int, edge: Int?)] = [(to, nil)]
        var cursor = to
        var guardSteps = 0
        while let e = via[cursor], guardSteps < count {
            let edge = flow.edges[e]
            nodes.append((edge.source, e))
            cursor = edge.source
            guardSteps += 1
            if cursor == from { break }
        }
        nodes.reverse()
        var parts: [TargetAnalysis.PathPart] = []
        for (position, entry) in nodes.enumerated() {
            // Each entry holds the edge that leaves it; the time a step took is its start's distance to the next one's,
            // less the handoff's.
            let leaving = entry.edge.map { flow.edges[$0] }
            let within = leaving.flatMap { $0.within == .zero ? nil : $0.within }
            let skipped = (position == 0 && fromEnd && entry.node == from) || (position == nodes.count - 1 && toStart)
            if skipped {
                if within != nil {
                    parts.append(
                        TargetAnalysis.PathPart(activities: [entry.node], time: nil, isLoop: false, byTimer: false, within: within))
                }
                continue
            }
            let byTimer = leaving?.timerAfter != nil
            var time = flow.budget[entry.node].map { _ in flow.stepTime(entry.node) }
            if let leaving, let next = start[leaving.target], let begun = start[entry.node] {
                // What the step took on this path: its timer's time, or less than its budget where a timer whose
                // clock started earlier cut it short (a join's wait for other branches is not the step's).
                let took = (next - begun) - leaving.within
                if byTimer || time.map({ took.bestElapsed < $0.bestElapsed }) == true { time = took }
            }
            parts.append(TargetAnalysis.PathPart(activities: [entry.node], time: time, isLoop: false, byTimer: byTimer, within: within))
        }
        return TargetAnalysis.TimedPath(total: total, parts: parts, unboundedLoops: [])
    }

    /// The least time left, in elapsed seconds at `now`, on the interrupting timers of `node` whose clocks started at
    /// another step (`from`) that `started` knows; nil when there is none.
    private func timersLeft(_ node: Int, now: TimeSpan, started: (Int) -> TimeSpan?, elapsed: (TimeSpan) -> Int) -> Int? {
        var least: Int?
        for e in flow.outgoing[node] {
            let timer = flow.edges[e]
            guard let clockStart = timer.timerFrom, clockStart != node, !timer.isSideBranch, let after = timer.timerAfter,
                let begun = started(clockStart)
            else { continue }
            let left = max(elapsed(begun + after) - elapsed(now), 0)
            least = min(least ?? left, left)
        }
        return least
    }

    /// The branches a join still waits for once its fork's activity has run; nil for any other activity.
    private func requiredBranches(of node: Int, settled start: [TimeSpan?]) -> UInt64? {
        guard let source = joins.forkSource[node], start[source] != nil || (source == from && fromEnd) else { return nil }
        return joins.allBranches[node]
    }

    // MARK: Slowest

    /// The longest path over the flow's strongly connected parts, each loop's budgets counted once.
    /// The budgets of the activities of `loop` that can run before `goal` first ends: those its entries reach without
    /// passing `goal`, with `goal` itself (or without it, for a clock that stops at its start).
    private func untilFirst(_ goal: Int, in loop: [Int], componentOf: [Int], relevant: [Bool]) -> (TimeSpan, [Int]) {
        let component = componentOf[goal]
        var entries = loop.filter { node in
            node == from
                || flow.incoming[node].contains { relevant[flow.edges[$0].source] && componentOf[flow.edges[$0].source] != component }
        }
        if entries.isEmpty { entries = [goal] }
        var seen = Set(entries)
        var queue = entries
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            guard node != goal else { continue }
            for e in flow.outgoing[node] {
                let target = flow.edges[e].target
                if relevant[target], componentOf[target] == component, seen.insert(target).inserted { queue.append(target) }
            }
        }
        var total = TimeSpan.zero
        for node in seen where !(node == from && fromEnd) && !(node == goal && toStart) {
            total = total + flow.stepTime(node)
            for e in flow.outgoing[node] where node != goal && seen.contains(flow.edges[e].target) {
                total = total + flow.edges[e].within
            }
        }
        return (total, seen.sorted())
    }

    private func slowestPath(_ relevant: [Bool]) -> TargetAnalysis.TimedPath? {
        var (members, componentOf) = flow.components(including: relevant)
        let parts = members.count
        var work: [TimeSpan] = Array(repeating: .zero, count: parts)
        var isLoop = Array(repeating: false, count: parts)
        var isBounded = Array(repeating: false, count: parts)
        for (c, nodes) in members.enumerated() {
            for node in nodes {
                if !(node == from && fromEnd) && !(node == to && toStart) { work[c] = work[c] + flow.stepTime(node) }
                for e in flow.outgoing[node] {
                    let edge = flow.edges[e]
                    let inside = relevant[edge.target] && componentOf[edge.target] == c
                    if inside {
                        isLoop[c] = true
                        work[c] = work[c] + edge.within
                    } else if edge.timerAfter != nil {
                        isBounded[c] = true
                    }
                }
            }
        }
        var start: [TimeSpan?] = Array(repeating: nil, count: parts)
        var via: [Int?] = Array(repeating: nil, count: parts)
        /// Per part, how long the step before it took on the way in (its budget, its timer, or what a timer left it).
        var took: [TimeSpan?] = Array(repeating: nil, count: parts)
        let origin = componentOf[from]
        start[origin] = .zero
        let worst = { (span: TimeSpan) in span.worstElapsed(businessDay: flow.businessDay) }
        for c in origin..<parts {
            guard let begun = start[c] else { continue }
            for node in members[c] {
                for e in flow.outgoing[node] {
                    let edge = flow.edges[e]
                    guard relevant[edge.target] else { continue }
                    let target = componentOf[edge.target]
                    guard target != c else { continue }
                    var leave: TimeSpan
                    if isLoop[c] {
                        leave = work[c]
                    } else {
                        leave = node == from && fromEnd ? .zero : flow.exitTime(edge)
                        // A timer whose clock started at another step on this path: what is left of it, on the path's
                        // times; the step's own end comes no later.
                        let startOf = { (clockStart: Int) -> TimeSpan? in
                            let clock = componentOf[clockStart]
                            return clock >= 0 && members[clock].count == 1 ? start[clock] : nil
                        }
                        if let clockStart = edge.timerFrom, clockStart != node, let after = edge.timerAfter {
                            if let started = startOf(clockStart) {
                                let remaining = (started + after).worstElapsed(businessDay: flow.businessDay) - worst(begun)
                                leave = TimeSpan(elapsed: max(remaining, 0), business: 0)
                            }
                        } else if edge.timerAfter == nil, let remaining = timersLeft(node, now: begun, started: startOf, elapsed: worst),
                            remaining < worst(leave)
                        {
                            leave = TimeSpan(elapsed: remaining, business: 0)
                        }
                    }
                    let arrival = begun + leave + edge.within
                    if let known = start[target], worst(known) >= worst(arrival) { continue }
                    start[target] = arrival
                    via[target] = e
                    took[target] = leave
                }
            }
        }
        let end = componentOf[to]
        guard let reached = start[end] else { return nil }
        if isLoop[end] && !(from == to && fromEnd && toStart) {
            // The clock stops the first time `to` ends: of its loop, only what runs before that counts.
            let (firstPass, nodes) = untilFirst(to, in: members[end], componentOf: componentOf, relevant: relevant)
            work[end] = firstPass
            members[end] = nodes
        }
        let total = isLoop[end] ? reached + work[end] : (toStart ? reached : reached + flow.stepTime(to))
        var chain: [(component: Int, edge: Int?)] = [(end, nil)]
        var cursor = end
        while let e = via[cursor], cursor != origin {
            let source = componentOf[flow.edges[e].source]
            chain.append((source, e))
            cursor = source
        }
        chain.reverse()
        var pathParts: [TargetAnalysis.PathPart] = []
        var unbounded: [[Int]] = []
        for entry in chain {
            let leaving = entry.edge.map { flow.edges[$0] }
            let within = leaving.flatMap { $0.within == .zero ? nil : $0.within }
            if isLoop[entry.component] {
                if !isBounded[entry.component] { unbounded.append(members[entry.component]) }
                pathParts.append(
                    TargetAnalysis.PathPart(
                        activities: members[entry.component], time: work[entry.component], isLoop: true, byTimer: false, within: within))
                continue
            }
            let node = members[entry.component][0]
            if (node == from && fromEnd) || (node == to && toStart) {
                if within != nil {
                    pathParts.append(TargetAnalysis.PathPart(activities: [node], time: nil, isLoop: false, byTimer: false, within: within))
                }
                continue
            }
            let byTimer = leaving?.timerAfter != nil
            pathParts.append(
                TargetAnalysis.PathPart(
                    activities: [node],
                    time: byTimer || flow.budget[node] != nil
                        ? leaving.flatMap { took[componentOf[$0.target]] } ?? flow.budget[node].map { _ in flow.stepTime(node) } : nil,
                    isLoop: false, byTimer: byTimer,
                    within: within))
        }
        return TargetAnalysis.TimedPath(total: total, parts: pathParts, unboundedLoops: unbounded)
    }
}

private struct Arrival {
    var time: TimeSpan
    var node: Int
    var edge: Int
    var key: Int { time.bestElapsed }
}

/// A binary min-heap of arrivals by best-case time, ties by activity then edge, so the search is deterministic.
private struct ArrivalHeap {
    private var items: [Arrival] = []

    private static func less(_ a: Arrival, _ b: Arrival) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.node != b.node { return a.node < b.node }
        return a.edge < b.edge
    }

    mutating func push(_ item: Arrival) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Arrival? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
