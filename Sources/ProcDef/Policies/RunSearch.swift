/// The runs of a process with parallel work, for the `visits` and `before` requirements: which runs reach a goal
/// activity while no activity of an avoided set has run.
///
/// With forks, a run is not a path: every branch of a fork runs, a `join: all` starts once all of them have arrived,
/// and an activity on one branch is not ordered with those on its siblings. The search is a least fixpoint over
/// "from a branch at activity `a`, the run can reach the goal while no avoided activity runs", evaluated as shortest
/// witness costs, which also yields the shortest witness run: a worklist that starts with the activities in
/// depth-first postorder (so a process without loops settles in one pass) and re-evaluates an activity only when a
/// cost it reads has dropped. The arrivals at each join do not depend on the goal and are computed once per avoided
/// set.
///
/// A cancellation is a real run of the case (a case cancelled after it was logged was logged): its edge from every
/// activity it interrupts counts like a transition, ending the other branches.
///
/// A non-interrupting timer starts its target beside its step, as a fork branch would: a run can follow that
/// branch to the goal while the step goes on. It is no way to a join, though: the step's own branch still has to
/// arrive there, so the arrivals read only the step's outcomes.
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
    /// The cost `costs(to:)` gives an activity from which the goal cannot be reached.
    static var unreachable: Int { never }

    private let graph: FlowGraph
    private let avoided: [Bool]
    /// For `visits`: a branch that starts has run its first activity, so a sibling branch starting an avoided
    /// activity means the run passed it. For `before`, a started sibling has not ended and orders nothing.
    private let siblingsStart: Bool
    /// A transition no run takes (a policy's `unless: {takes: ...}`): runs that take it are not searched.
    private let blocked: (from: Int, to: Int)?
    /// Per fork: it starts a branch over the blocked transition (every branch runs, so a run through the fork takes it).
    private let forkBlocked: [Bool]
    private let isClosingJoin: [Bool]
    /// Per closing join, the activities on the branches of the forks it closes: a branch arriving from one of them
    /// waits there for its siblings; an arrival from anywhere else (a decision that skips the fork, a cancellation's
    /// target) goes on as through any activity.
    private let joinedRegion: [Int: Set<Int>]
    private let joinSlot: [Int: Int]
    /// Per join (by slot), per activity: the length of the shortest run from a branch at the activity to its arrival
    /// at the join, avoiding the avoided activities.
    private var arrival: [[Int]]
    /// Per fork, per branch: whether the other branches' first activities avoid the avoided set.
    private var siblingsAvoid: [[Bool]]
    /// The activities reachable from the start, each after its successors where there is no loop.
    private let order: [Int]
    /// Per activity, the activities whose costs read its costs: the sources of its incoming transitions, of the
    /// forks it starts a branch of or joins, and of the cancellations that go to it.
    private let dependents: [[Int]]

    init(graph: FlowGraph, avoided: [Bool], siblingsStart: Bool, blocked: (from: Int, to: Int)? = nil) {
        self.graph = graph
        self.avoided = avoided
        self.siblingsStart = siblingsStart
        self.blocked = blocked
        var forkBlocked = Array(repeating: false, count: graph.forks.count)
        if let blocked {
            // Inner forks first: an outer fork whose branch is a blocked inner fork is blocked too.
            for f in graph.innerFirst where graph.forks[f].source == blocked.from {
                forkBlocked[f] = graph.forks[f].branches.contains { start in
                    switch start {
                    case .activity(let t, _): return t == blocked.to
                    case .fork(let inner): return forkBlocked[inner]
                    case .unknown: return false
                    }
                }
            }
        }
        self.forkBlocked = forkBlocked
        var isClosingJoin = Array(repeating: false, count: graph.activityCount)
        var joinSlot: [Int: Int] = [:]
        for fork in graph.forks {
            guard let join = fork.join else { continue }
            isClosingJoin[join] = true
            if joinSlot[join] == nil { joinSlot[join] = joinSlot.count }
        }
        self.isClosingJoin = isClosingJoin
        var joinedRegion: [Int: Set<Int>] = [:]
        for (f, fork) in graph.forks.enumerated() {
            guard let join = fork.join else { continue }
            for region in graph.branchRegions(of: f, isJoin: isClosingJoin, passingJoins: { isClosingJoin[$0] && $0 != join }) {
                joinedRegion[join, default: []].formUnion(region.activities.lazy.filter { $0 != join })
            }
        }
        self.joinedRegion = joinedRegion
        self.joinSlot = joinSlot
        arrival = Array(repeating: Array(repeating: Self.never, count: graph.activityCount), count: joinSlot.count)
        siblingsAvoid = []
        order = Self.postorder(graph)
        var dependents = Array(repeating: [Int](), count: graph.activityCount)
        for transition in graph.transitions { dependents[transition.target].append(transition.source) }
        for fork in graph.forks { if let join = fork.join { dependents[join].append(fork.source) } }
        for entry in graph.cancellations {
            guard let target = entry.target else { continue }
            for source in entry.sources { dependents[target].append(source) }
        }
        self.dependents = dependents
        siblingsAvoid = graph.forks.indices.map { f in
            let starts = graph.forks[f].branches.map { firstActivities(of: $0).allSatisfy { !avoided[$0] } }
            return starts.indices.map { b in starts.indices.allSatisfy { $0 == b || starts[$0] } }
        }
        settleArrivals()
    }

    /// The shortest witness run from the start to `goal`, or nil when every run passes an avoided activity first.
    func run(to goal: Int) -> [Item]? {
        guard let start = graph.start else { return nil }
        return run(from: start, to: goal, costs: costs(to: goal))
    }

    /// Per activity, the cost of the shortest run from a branch at it to `goal`: what `run(from:to:costs:)` reads.
    func costs(to goal: Int) -> [Int] {
        var reach = Array(repeating: Self.never, count: graph.activityCount)
        settle { a in
            let cost = reachCost(a, goal: goal, reach: reach)
            guard cost < reach[a] else { return false }
            reach[a] = cost
            return true
        }
        return reach
    }

    /// The shortest run from a branch at `origin` to `goal` (the rest of a run that has reached `origin`), or nil.
    func run(from origin: Int, to goal: Int, costs reach: [Int]) -> [Item]? {
        guard reach[origin] < Self.never else { return nil }
        return reachItems(origin, goal: goal, reach: reach)
    }

    /// A run that reached an activity, going on with `rest` from there: on the branch that reached it, when the
    /// run ends inside a fork.
    static func continuing(_ run: [Item], with rest: [Item]) -> [Item] {
        guard case .parallel(let fork, var branches)? = run.last,
            let followed = branches.indices.first(where: { !branches[$0].isOpen }),
            !branches.indices.contains(where: { $0 != followed && !branches[$0].isOpen })
        else { return run + rest }
        branches[followed].items = continuing(branches[followed].items, with: rest)
        return run.dropLast() + [.parallel(fork: fork, branches: branches)]
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

    /// Whether ending `a` and going on to `t` takes the blocked transition.
    private func isBlocked(_ a: Int, _ t: Int) -> Bool {
        blocked.map { $0.from == a && $0.to == t } ?? false
    }

    /// Whether a branch at `a` that goes to `t` runs `t` on its own, rather than waiting there for its siblings.
    private func goesOnAlone(from a: Int, to t: Int) -> Bool {
        !isClosingJoin[t] || !(joinedRegion[t]?.contains(a) ?? false)
    }

    private static func plus(_ a: Int, _ b: Int) -> Int { a >= never || b >= never ? never : a + b }

    private func reachCost(_ a: Int, goal: Int, reach: [Int]) -> Int {
        if a == goal { return 1 }
        if avoided[a] { return Self.never }
        var best = Self.never
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                // A branch arriving at a join does not go on alone: the fork's rule takes it past the join.
                if goesOnAlone(from: a, to: t), !isBlocked(a, t) { best = min(best, Self.plus(1, reach[t])) }
            case .fork(let f):
                if !forkBlocked[f] { best = min(best, Self.plus(1, forkReach(f, reach: reach))) }
            case .unknown:
                break
            }
        }
        for t in graph.detached[a] where !isBlocked(a, t) && goesOnAlone(from: a, to: t) {
            best = min(best, Self.plus(1, reach[t]))
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
            for start in fork.branches { total = Self.plus(total, arriveStart(start, slot: slot, join: join, arrival: arrival)) }
            best = min(best, total)
        }
        return best
    }

    private func arriveCost(_ a: Int, slot: Int, join: Int, arrival: [[Int]]) -> Int {
        if avoided[a] { return Self.never }
        var best = Self.never
        for outcome in graph.outcomes[a] {
            switch outcome {
            case .activity(let t):
                if isBlocked(a, t) {
                    continue
                } else if t == join {
                    best = min(best, 1)
                } else if goesOnAlone(from: a, to: t) {
                    best = min(best, Self.plus(1, arrival[slot][t]))
                }
            case .fork(let f):
                if !forkBlocked[f] { best = min(best, Self.plus(1, forkArrive(f, slot: slot, join: join, arrival: arrival))) }
            case .unknown:
                break
            }
        }
        return best
    }

    private func arriveStart(_ start: FlowGraph.ForkSite.Start, slot: Int, join: Int, arrival: [[Int]]) -> Int {
        switch start {
        case .activity(let t, _): return t == join ? 0 : isClosingJoin[t] ? Self.never : arrival[slot][t]
        case .fork(let f): return forkArrive(f, slot: slot, join: join, arrival: arrival)
        case .unknown: return Self.never
        }
    }

    /// A nested fork arrives at `join` when all its branches arrive at its own join and that join arrives at
    /// `join` (or, when it is closed by the same join, when all its branches arrive there); a fork without a join
    /// arrives with any one branch.
    private func forkArrive(_ f: Int, slot: Int, join: Int, arrival: [[Int]]) -> Int {
        let fork = graph.forks[f]
        guard let inner = fork.join, let innerSlot = joinSlot[inner] else {
            var best = Self.never
            for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
                best = min(best, arriveStart(start, slot: slot, join: join, arrival: arrival))
            }
            return best
        }
        if inner == join {
            return fork.branches.reduce(0) { Self.plus($0, arriveStart($1, slot: slot, join: join, arrival: arrival)) }
        }
        return fork.branches.reduce(arrival[slot][inner]) { Self.plus($0, arriveStart($1, slot: innerSlot, join: inner, arrival: arrival)) }
    }

    private mutating func settleArrivals() {
        guard !joinSlot.isEmpty else { return }
        let joins = joinSlot.sorted { $0.value < $1.value }.map(\.key)
        var arrival = self.arrival
        settle { a in
            var changed = false
            for (slot, join) in joins.enumerated() {
                let cost = arriveCost(a, slot: slot, join: join, arrival: arrival)
                if cost < arrival[slot][a] {
                    arrival[slot][a] = cost
                    changed = true
                }
            }
            return changed
        }
        self.arrival = arrival
    }

    /// Evaluates every activity once, in postorder, then again each one whose inputs dropped, until none does.
    /// `lower` re-evaluates one activity and says whether its cost dropped.
    private func settle(_ lower: (Int) -> Bool) {
        var queued = Array(repeating: false, count: graph.activityCount)
        var queue = order
        for a in order { queued[a] = true }
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            queued[a] = false
            guard lower(a) else { continue }
            for d in dependents[a] where !queued[d] {
                queued[d] = true
                queue.append(d)
            }
            // The queue only grows; drop what has been read once it is large, so its memory stays bounded.
            if head > 4096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
    }

    // MARK: Witness

    /// Where a witness goes after the items of a fork: on from its join, or nowhere (the fork's items end it).
    private typealias Continuation = (items: [Item], next: Int?)

    /// Rebuilds the run behind a settled cost: at each step, the first choice (in the order written) whose cost is
    /// the settled one. Each choice's parts cost strictly less than the whole, so this ends; a sequence of steps is
    /// a loop, so only nested forks recurse.
    private func reachItems(_ from: Int, goal: Int, reach: [Int]) -> [Item] {
        var items: [Item] = []
        var cursor: Int? = from
        while let a = cursor {
            items.append(.activity(a))
            cursor = nil
            if a == goal { break }
            let cost = reach[a]
            var forked = false
            choice: for outcome in graph.outcomes[a] {
                switch outcome {
                case .activity(let t):
                    if goesOnAlone(from: a, to: t), !isBlocked(a, t), Self.plus(1, reach[t]) == cost {
                        cursor = t
                        break choice
                    }
                case .fork(let f):
                    if !forkBlocked[f], Self.plus(1, forkReach(f, reach: reach)) == cost {
                        let (parallel, next) = forkReachItems(f, goal: goal, reach: reach)
                        items += parallel
                        cursor = next
                        forked = true
                        break choice
                    }
                case .unknown:
                    break
                }
            }
            if cursor == nil && !forked {
                cursor = graph.detached[a].first {
                    !isBlocked(a, $0) && goesOnAlone(from: a, to: $0) && Self.plus(1, reach[$0]) == cost
                }
            }
            if cursor == nil && !forked {
                for c in graph.cancellable[a] {
                    if let target = graph.cancellations[c].target, Self.plus(1, reach[target]) == cost {
                        items.append(.cancel(entry: c))
                        cursor = target
                        break
                    }
                }
            }
        }
        return items
    }

    private func reachStartItems(_ start: FlowGraph.ForkSite.Start, goal: Int, reach: [Int]) -> [Item] {
        switch start {
        case .activity(let t, _):
            return reachItems(t, goal: goal, reach: reach)
        case .fork(let f):
            let (items, next) = forkReachItems(f, goal: goal, reach: reach)
            return items + (next.map { reachItems($0, goal: goal, reach: reach) } ?? [])
        case .unknown:
            return []
        }
    }

    private func forkReachItems(_ f: Int, goal: Int, reach: [Int]) -> Continuation {
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
                return ([.parallel(fork: f, branches: branches)], nil)
            }
        }
        guard let join = fork.join, let slot = joinSlot[join] else { return ([], nil) }
        let branches = fork.branches.map { start in
            RunBranch(firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: slot, join: join), isOpen: false)
        }
        return ([.parallel(fork: f, branches: branches)], join)
    }

    private func arriveItems(_ from: Int, slot: Int, join: Int) -> [Item] {
        var items: [Item] = []
        var cursor: Int? = from
        while let a = cursor {
            items.append(.activity(a))
            cursor = nil
            let cost = arrival[slot][a]
            choice: for outcome in graph.outcomes[a] {
                switch outcome {
                case .activity(let t):
                    if isBlocked(a, t) { continue }
                    if t == join && cost == 1 { break choice }
                    if t != join, goesOnAlone(from: a, to: t), Self.plus(1, arrival[slot][t]) == cost {
                        cursor = t
                        break choice
                    }
                case .fork(let f):
                    if !forkBlocked[f], Self.plus(1, forkArrive(f, slot: slot, join: join, arrival: arrival)) == cost {
                        let (forked, next) = forkArriveItems(f, slot: slot, join: join)
                        items += forked
                        cursor = next
                        break choice
                    }
                case .unknown:
                    break
                }
            }
        }
        return items
    }

    private func arriveStartItems(_ start: FlowGraph.ForkSite.Start, slot: Int, join: Int) -> [Item] {
        switch start {
        case .activity(let t, _):
            return t == join ? [] : arriveItems(t, slot: slot, join: join)
        case .fork(let f):
            let (items, next) = forkArriveItems(f, slot: slot, join: join)
            return items + (next.map { arriveItems($0, slot: slot, join: join) } ?? [])
        case .unknown:
            return []
        }
    }

    /// The items of a nested fork on the way to `join`, and the inner join the run goes on from when it is not `join`.
    private func forkArriveItems(_ f: Int, slot: Int, join: Int) -> Continuation {
        let fork = graph.forks[f]
        guard let inner = fork.join, let innerSlot = joinSlot[inner] else {
            let cost = forkArrive(f, slot: slot, join: join, arrival: arrival)
            for (b, start) in fork.branches.enumerated() where !siblingsStart || siblingsAvoid[f][b] {
                guard arriveStart(start, slot: slot, join: join, arrival: arrival) == cost else { continue }
                let branches = fork.branches.enumerated().map { other, otherStart in
                    other == b
                        ? RunBranch(
                            firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: slot, join: join),
                            isOpen: false)
                        : openBranch(otherStart)
                }
                return ([.parallel(fork: f, branches: branches)], nil)
            }
            return ([], nil)
        }
        let (branchSlot, branchJoin) = inner == join ? (slot, join) : (innerSlot, inner)
        let branches = fork.branches.map { start in
            RunBranch(
                firstActivities: firstActivities(of: start), items: arriveStartItems(start, slot: branchSlot, join: branchJoin),
                isOpen: false)
        }
        return ([.parallel(fork: f, branches: branches)], inner == join ? nil : inner)
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
