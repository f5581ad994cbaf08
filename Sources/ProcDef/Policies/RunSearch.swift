/// The runs of a process with parallel work, for the `visits` and `before` requirements: which runs reach a goal
/// activity while no activity of an avoided set has run.
///
/// With forks, a run is not a path: every branch of a fork runs, a `join: all` starts once all of them have arrived,
/// and an activity on one branch is not ordered with those on its siblings. The search is a least fixpoint over
/// "from a branch at activity `a`, the run can reach the goal while no avoided activity runs", evaluated as shortest
/// witness costs (Bellman-Ford over the activities in depth-first postorder, so a process without loops settles in
/// one round and each loop adds about one), which also yields the shortest witness run. The arrivals at each join
/// do not depend on the goal and are computed once per avoided set.
///
/// A cancellation is a real run of the case (a case cancelled after it was logged was logged): its edge from every
/// activity it interrupts counts like a transition, ending the other branches.
struct RunSearch {
    /// One step of a witness run.
    indirect enum Item {
        case activity(Int)
        /// The branches of one fork, in the order written.
        case parallel(fork: Int, branches: [RunBranch])
        /// The `cancellations` entry that interrupts the run here; the run goes on at its target.
        case cancel(entry: Int)
    }

    /// One branch of a fork in a witness run.
    struct RunBranch {
        /// The activities that name the branch ("the branch to 'contain'"): its first activity, or those of its fork.
        var firstActivities: [Int]
        var items: [Item]
        /// True when the run does not follow the branch: it has started and goes on in parallel.
        var isOpen: Bool
    }

    private static let never = Int.max / 4

    private let graph: FlowGraph
    private let avoided: [Bool]
    /// For `visits`: a branch that starts has run its first activity, so a sibling branch starting an avoided
    /// activity means the run passed it. For `before`, a started sibling has not ended and orders nothing.
    private let siblingsStart: Bool
    private let isClosingJoin: [Bool]
    private let joinSlot: [Int: Int]
    /// Per join (by slot), per activity: the length of the shortest run from a branch at the activity to its arrival
    /// at the join, avoiding the avoided activities.
    private var arrival: [[Int]]
    /// Per fork, per branch: whether the other branches' first activities avoid the avoided set.
    private var siblingsAvoid: [[Bool]]
    /// The activities reachable from the start, each after its successors where there is no loop.
    private let order: [Int]

    init(graph: FlowGraph, avoided: [Bool], siblingsStart: Bool) {
        self.graph = graph
        self.avoided = avoided
        self.siblingsStart = siblingsStart
        var isClosingJoin = Array(repeating: false, count: graph.activityCount)
        var joinSlot: [Int: Int] = [:]
        for fork in graph.forks {
            guard let join = fork.join else { continue }
            isClosingJoin[join] = true
            if joinSlot[join] == nil { joinSlot[join] = joinSlot.count }
        }
        self.isClosingJoin = isClosingJoin
        self.joinSlot = joinSlot
        arrival = Array(repeating: Array(repeating: Self.never, count: graph.activityCount), count: joinSlot.count)
        siblingsAvoid = []
        order = Self.postorder(graph)
        siblingsAvoid = graph.forks.indices.map { f in
            let starts = graph.forks[f].branches.map { firstActivities(of: $0).allSatisfy { !avoided[$0] } }
            return starts.indices.map { b in starts.indices.allSatisfy { $0 == b || starts[$0] } }
        }
        settleArrivals()
    }

    /// The shortest witness run from the start to `goal`, or nil when every run passes an avoided activity first.
    func run(to goal: Int) -> [Item]? {
        guard let start = graph.start else { return nil }
        var reach = Array(repeating: Self.never, count: graph.activityCount)
        var changed = true
        var rounds = 0
        while changed && rounds <= order.count {
            changed = false
            rounds += 1
            for a in order {
                let cost = reachCost(a, goal: goal, reach: reach)
                if cost < reach[a] {
                    reach[a] = cost
                    changed = true
                }
            }
        }
        guard reach[start] < Self.never else { return nil }
        return reachItems(start, goal: goal, reach: reach)
    }

    /// The activities the start reaches over transitions and cancellations without leaving an avoided one: a
    /// superset of those a run reaches, found in linear time.
    static func reachable(in graph: FlowGraph, avoiding avoided: [Bool]) -> [Bool] {
        var reached = Array(repeating: false, count: graph.activityCount)
        guard let start = graph.start else { return reached }
        reached[start] = true
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if avoided[node] { continue }
            var next = graph.outgoing[node].map { graph.transitions[$0].target }
            next += graph.cancellable[node].compactMap { graph.cancellations[$0].target }
            for target in next where !reached[target] {
                reached[target] = true
                queue.append(target)
            }
        }
        return reached
    }

    // MARK: Costs

    private static func plus(_ a: Int, _ b: Int) -> Int { a >= never || b >= never ? never : a + b }

    private func reachCost(_ a: Int, goal: Int, reach: [Int]) -> Int {
        if a == goal { return 1 }
        if avoided[a] { return Self.never }
        var best = Self.never
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                // A branch arriving at a join does not go on alone: the fork's rule takes it past the join.
                if !isClosingJoin[t] { best = min(best, Self.plus(1, reach[t])) }
            case .fork(let f):
                best = min(best, Self.plus(1, forkReach(f, reach: reach)))
            case .unknown:
                break
            }
        }
        for c in graph.cancellable[a] {
            if let target = graph.cancellations[c].target { best = min(best, Self.plus(1, reach[target])) }
        }
        return best
    }

    private func reachStart(_ start: FlowGraph.ForkSite.Start, reach: [Int]) -> Int {
        switch start {
        case .activity(let t, _): return isClosingJoin[t] ? Self.never : reach[t]
        case .fork(let f): return forkReach(f, reach: reach)
        case .unknown: return Self.never
        }
    }

    /// Either one branch reaches the goal while its siblings run (they need not have done anything), or every
    /// branch arrives at the join and the run goes on from it.
    private func forkReach(_ f: Int, reach: [Int]) -> Int {
        let fork = graph.forks[f]
        var best = Self.never
        for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
            best = min(best, reachStart(start, reach: reach))
        }
        if let join = fork.join, let slot = joinSlot[join] {
            var total = reach[join]
            for start in fork.branches { total = Self.plus(total, arriveStart(start, slot: slot, join: join)) }
            best = min(best, total)
        }
        return best
    }

    private func arriveCost(_ a: Int, slot: Int, join: Int) -> Int {
        if avoided[a] { return Self.never }
        var best = Self.never
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                if t == join {
                    best = min(best, 1)
                } else if !isClosingJoin[t] {
                    best = min(best, Self.plus(1, arrival[slot][t]))
                }
            case .fork(let f):
                best = min(best, Self.plus(1, forkArrive(f, slot: slot, join: join)))
            case .unknown:
                break
            }
        }
        return best
    }

    private func arriveStart(_ start: FlowGraph.ForkSite.Start, slot: Int, join: Int) -> Int {
        switch start {
        case .activity(let t, _): return t == join ? 0 : isClosingJoin[t] ? Self.never : arrival[slot][t]
        case .fork(let f): return forkArrive(f, slot: slot, join: join)
        case .unknown: return Self.never
        }
    }

    /// A nested fork arrives at `join` when all its branches arrive at its own join and that join arrives at
    /// `join` (or, when it is closed by the same join, when all its branches arrive there); a fork without a join
    /// arrives with any one branch.
    private func forkArrive(_ f: Int, slot: Int, join: Int) -> Int {
        let fork = graph.forks[f]
        guard let inner = fork.join, let innerSlot = joinSlot[inner] else {
            var best = Self.never
            for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
                best = min(best, arriveStart(start, slot: slot, join: join))
            }
            return best
        }
        if inner == join {
            return fork.branches.reduce(0) { Self.plus($0, arriveStart($1, slot: slot, join: join)) }
        }
        return fork.branches.reduce(arrival[slot][inner]) { Self.plus($0, arriveStart($1, slot: innerSlot, join: inner)) }
    }

    private mutating func settleArrivals() {
        guard !joinSlot.isEmpty else { return }
        let joins = joinSlot.sorted { $0.value < $1.value }.map(\.key)
        var changed = true
        var rounds = 0
        while changed && rounds <= order.count {
            changed = false
            rounds += 1
            for (slot, join) in joins.enumerated() {
                for a in order {
                    let cost = arriveCost(a, slot: slot, join: join)
                    if cost < arrival[slot][a] {
                        arrival[slot][a] = cost
                        changed = true
                    }
                }
            }
        }
    }

    // MARK: Witness

    /// Rebuilds the run behind a settled cost: at each step, the first choice (in the order written) whose cost is
    /// the settled one. Each choice's parts cost strictly less than the whole, so this ends.
    private func reachItems(_ a: Int, goal: Int, reach: [Int]) -> [Item] {
        if a == goal { return [.activity(a)] }
        let cost = reach[a]
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                if !isClosingJoin[t], Self.plus(1, reach[t]) == cost { return [.activity(a)] + reachItems(t, goal: goal, reach: reach) }
            case .fork(let f):
                if Self.plus(1, forkReach(f, reach: reach)) == cost { return [.activity(a)] + forkReachItems(f, goal: goal, reach: reach) }
            case .unknown:
                break
            }
        }
        for c in graph.cancellable[a] {
            if let target = graph.cancellations[c].target, Self.plus(1, reach[target]) == cost {
                return [.activity(a), .cancel(entry: c)] + reachItems(target, goal: goal, reach: reach)
            }
        }
        return [.activity(a)]
    }

    private func reachStartItems(_ start: FlowGraph.ForkSite.Start, goal: Int, reach: [Int]) -> [Item] {
        switch start {
        case .activity(let t, _): return reachItems(t, goal: goal, reach: reach)
        case .fork(let f): return forkReachItems(f, goal: goal, reach: reach)
        case .unknown: return []
        }
    }

    private func forkReachItems(_ f: Int, goal: Int, reach: [Int]) -> [Item] {
        let fork = graph.forks[f]
        let cost = forkReach(f, reach: reach)
        for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
            if reachStart(start, reach: reach) == cost {
                let branches = fork.branches.enumerated().map { other, otherStart in
                    other == b
                        ? RunBranch(
                            firstActivities: firstActivities(of: start), items: reachStartItems(start, goal: goal, reach: reach),
                            isOpen: false)
                        : openBranch(otherStart)
                }
                return [.parallel(fork: f, branches: branches)]
            }
        }
        guard let join = fork.join, let slot = joinSlot[join] else { return [] }
        let branches = fork.branches.map { start in
            RunBranch(firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: slot, join: join), isOpen: false)
        }
        return [.parallel(fork: f, branches: branches)] + reachItems(join, goal: goal, reach: reach)
    }

    private func arriveItems(_ a: Int, slot: Int, join: Int) -> [Item] {
        let cost = arrival[slot][a]
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                if t == join && cost == 1 { return [.activity(a)] }
                if t != join, !isClosingJoin[t], Self.plus(1, arrival[slot][t]) == cost {
                    return [.activity(a)] + arriveItems(t, slot: slot, join: join)
                }
            case .fork(let f):
                if Self.plus(1, forkArrive(f, slot: slot, join: join)) == cost {
                    return [.activity(a)] + forkArriveItems(f, slot: slot, join: join)
                }
            case .unknown:
                break
            }
        }
        return [.activity(a)]
    }

    private func arriveStartItems(_ start: FlowGraph.ForkSite.Start, slot: Int, join: Int) -> [Item] {
        switch start {
        case .activity(let t, _): return t == join ? [] : arriveItems(t, slot: slot, join: join)
        case .fork(let f): return forkArriveItems(f, slot: slot, join: join)
        case .unknown: return []
        }
    }

    private func forkArriveItems(_ f: Int, slot: Int, join: Int) -> [Item] {
        let fork = graph.forks[f]
        guard let inner = fork.join, let innerSlot = joinSlot[inner] else {
            let cost = forkArrive(f, slot: slot, join: join)
            for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
                guard arriveStart(start, slot: slot, join: join) == cost else { continue }
                let branches = fork.branches.enumerated().map { other, otherStart in
                    other == b
                        ? RunBranch(
                            firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: slot, join: join),
                            isOpen: false)
                        : openBranch(otherStart)
                }
                return [.parallel(fork: f, branches: branches)]
            }
            return []
        }
        let (branchSlot, branchJoin) = inner == join ? (slot, join) : (innerSlot, inner)
        let branches = fork.branches.map { start in
            RunBranch(
                firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: branchSlot, join: branchJoin),
                isOpen: false)
        }
        return inner == join
            ? [.parallel(fork: f, branches: branches)]
            : [.parallel(fork: f, branches: branches)] + arriveItems(inner, slot: slot, join: join)
    }

    /// A branch the run does not follow: it has started its first activities (or waits at a join it goes straight to).
    private func openBranch(_ start: FlowGraph.ForkSite.Start) -> RunBranch {
        switch start {
        case .activity(let t, _):
            return RunBranch(firstActivities: [t], items: isClosingJoin[t] ? [] : [.activity(t)], isOpen: true)
        case .fork(let f):
            return RunBranch(
                firstActivities: firstActivities(of: start), items: [.parallel(fork: f, branches: graph.forks[f].branches.map(openBranch))],
                isOpen: true)
        case .unknown:
            return RunBranch(firstActivities: [], items: [], isOpen: true)
        }
    }

    /// The activities a branch starts: its target, or every first activity of its fork; a join it goes straight to
    /// does not start with it.
    private func firstActivities(of start: FlowGraph.ForkSite.Start) -> [Int] {
        switch start {
        case .activity(let t, _): return isClosingJoin[t] ? [] : [t]
        case .fork(let f): return graph.forks[f].branches.flatMap(firstActivities)
        case .unknown: return []
        }
    }

    /// The activities the start reaches (over transitions, fork branches and cancellations), each after those it
    /// leads to unless a loop comes back to it: the order in which costs flowing back from a goal settle fastest.
    private static func postorder(_ graph: FlowGraph) -> [Int] {
        guard let start = graph.start else { return [] }
        var successors = Array(repeating: [Int](), count: graph.activityCount)
        for transition in graph.transitions { successors[transition.source].append(transition.target) }
        for entry in graph.cancellations {
            guard let target = entry.target else { continue }
            for source in entry.sources { successors[source].append(target) }
        }
        var visited = Array(repeating: false, count: graph.activityCount)
        var order: [Int] = []
        var stack: [(node: Int, next: Int)] = [(start, 0)]
        visited[start] = true
        while let top = stack.last {
            let next = successors[top.node]
            if top.next < next.count {
                stack[stack.count - 1].next += 1
                let target = next[top.next]
                if !visited[target] {
                    visited[target] = true
                    stack.append((target, 0))
                }
            } else {
                order.append(top.node)
                stack.removeLast()
            }
        }
        return order
    }
}
