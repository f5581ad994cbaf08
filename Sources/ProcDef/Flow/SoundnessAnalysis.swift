/// Whether a process with parallel work can always finish, and finish cleanly: the property workflow-net theory calls
/// soundness (option to complete, proper completion), decided by exploring the states of the case.
///
/// A state is the set of activities that hold a running branch, plus the joins already holding some of their
/// branches. Each running branch remembers the forks it must still arrive back from (the forks that have a
/// `join: all`), so a join knows which of its branches has arrived and what the case does once all have.
///
/// Forks whose block is well structured (every branch stays inside, meets no other branch, and can always reach the
/// join) are sound by construction: the exploration steps over them from fork to join, so nested forks do not
/// multiply their states. Only the forks that are not so are explored branch by branch. A process without forks and
/// cancellations is never explored (its flow rules are linear).
package struct SoundnessAnalysis: Sendable {
    /// Which branch a step ran on: branch `branch` of fork `site`.
    package struct BranchLabel: Sendable, Hashable {
        package var site: Int32
        package var branch: Int32
    }

    /// One step of a witness run: the activity that ran, and the branch it ran on (nil before any fork).
    package struct Step: Sendable, Hashable {
        package var activity: Int
        package var branch: BranchLabel?
    }

    package enum DeadlockCause: Sendable, Hashable {
        /// The missing branch reaches the end `end` first, closing the case.
        case branchEnds(end: Int)
        /// Every running branch waits, or runs on without ever arriving.
        case neverArrives
        /// The missing branch goes back to the fork's own activity before it arrives, starting the fork again.
        case loopsBack
    }

    package struct Deadlock: Sendable {
        package var join: Int
        package var fork: Int
        /// The branches of `fork` that never arrive.
        package var missing: [Int]
        package var cause: DeadlockCause
        package var run: [Step]
    }

    package struct UnfinishedBranch: Sendable {
        package var end: Int
        /// The fork of the branch that reaches the end, when it ran on one.
        package var fork: Int?
        /// The activities still holding a running branch when the case closes, and their branches.
        package var running: [Step]
        package var run: [Step]
    }

    package struct UnjoinedMerge: Sendable {
        package var activity: Int
        /// The fork whose branches meet, when known (a merge found by exploring a loop may have none).
        package var fork: Int?
        /// The two branches that arrive.
        package var branches: [BranchLabel]
        /// True when the activity is a `join: all` that gets one branch of its fork twice.
        package var atJoin: Bool = false
        package var run: [Step]
    }

    package enum Undecided: Sendable, Hashable {
        /// More states than the limit.
        case stateLimit(Int)
        /// A fork with more branches than the exploration can tell apart.
        case tooManyBranches(fork: Int)
    }

    package private(set) var deadlocks: [Deadlock] = []
    package private(set) var unfinishedBranches: [UnfinishedBranch] = []
    package private(set) var unjoinedMerges: [UnjoinedMerge] = []
    /// Why the analysis stopped before deciding, if it did; the findings it made until then stand.
    package private(set) var undecided: Undecided?
    package private(set) var statesExplored = 0
    /// Per fork, whether its block was found sound by construction and stepped over.
    package private(set) var isStructuredBlock: [Bool] = []

    /// The most branches of a fork explored branch by branch; a fork whose block is stepped over may have any number.
    package static let widestExploredFork = 16

    /// Nothing to decide: a process without forks or cancellations.
    package static let trivial = SoundnessAnalysis()

    private init() {}

    /// Explores `graph` up to `stateLimit` states (negative: no limit). `stepsOverStructuredBlocks` false explores
    /// every fork branch by branch, which only tests use, to show what the decomposition saves.
    package init(graph: FlowGraph, activities: [Activity], stateLimit: Int, stepsOverStructuredBlocks: Bool = true) {
        guard graph.hasParallelWork || graph.hasDetachedTimers, graph.start != nil, !graph.hasUnknownTarget.contains(true) else {
            return
        }
        // The ends of the flow: `end: true`, and the last activity when it has no `next`.
        var isEnd = Array(repeating: false, count: graph.activityCount)
        for end in graph.ends { isEnd[end] = true }
        var explorer = Explorer(graph: graph, isEnd: isEnd, isJoin: activities.map(\.isJoin), stateLimit: stateLimit)
        if stepsOverStructuredBlocks { explorer.findStructuredBlocks() }
        // A fork explored branch by branch multiplies the states by its branches' positions, and each state holds a
        // branch per running step: past a few branches the limit on states no longer bounds the memory.
        isStructuredBlock = explorer.structured
        if let wide = graph.forks.indices.first(where: {
            !explorer.structured[$0] && graph.forks[$0].branches.count > Self.widestExploredFork
        }) {
            undecided = .tooManyBranches(fork: wide)
            return
        }
        explorer.findStaticMerges()
        explorer.explore()
        deadlocks = explorer.deadlocks.sorted { $0.join < $1.join }
        // Where two branches meet without a join, every activity after it runs twice too: only the first meeting
        // is reported.
        let found = explorer.merges.sorted { $0.activity < $1.activity }
        unjoinedMerges = found.filter { merge in
            !found.contains { earlier in
                earlier.activity != merge.activity && earlier.fork != nil && earlier.fork == merge.fork
                    && graph.shortestPaths(avoiding: { _ in false }, from: earlier.activity).reached[merge.activity]
            }
        }
        // Two branches that meet without a join, at the end or before it, are one defect, and `join: all` where they
        // meet fixes both: the merge says so, and the end it leads to is not reported again.
        let merges = unjoinedMerges
        unfinishedBranches = explorer.unfinished.filter { unfinished in
            !merges.contains { merge in
                merge.activity == unfinished.end
                    || (merge.fork != nil && merge.fork == unfinished.fork
                        && graph.shortestPaths(avoiding: { _ in false }, from: merge.activity).reached[unfinished.end])
            }
        }.sorted { $0.end < $1.end }
        undecided = explorer.undecided
        statesExplored = explorer.states.count
        isStructuredBlock = explorer.structured
    }
}

/// The exploration's working state; kept apart so the analysis itself is a plain value.
private struct Explorer {
    /// A fork with a join that a running branch must still arrive back from.
    struct Frame: Hashable {
        var site: Int32
        var branch: Int32
        /// The branch the fork's own activity ran on, which the case continues on after the join.
        var outer: SoundnessAnalysis.BranchLabel?
    }

    struct Token: Hashable {
        var activity: Int32
        var frames: [Frame]
        var label: SoundnessAnalysis.BranchLabel?
        /// True once the step's non-interrupting timers have fired: each fires once per entry into the step.
        var fired = false
        /// The step whose non-interrupting timer started this branch (-1 for any other branch). Such a branch flows
        /// back into that step's own path: see `rejoin`.
        var timerStep: Int32 = -1
    }

    /// A join holding some of the branches of one run of a fork.
    struct Waiting: Hashable {
        var join: Int32
        var site: Int32
        var frames: [Frame]
        var outer: SoundnessAnalysis.BranchLabel?
        var arrived: UInt64
    }

    struct State: Hashable {
        var tokens: [Token]
        var waiting: [Waiting]
    }

    /// How a state was first reached: from which state, by which activity's step.
    struct Origin {
        var parent: Int
        var step: SoundnessAnalysis.Step
    }

    let graph: FlowGraph
    let isEnd: [Bool]
    let isJoin: [Bool]
    let stateLimit: Int
    var structured: [Bool]
    /// Per structured fork, the cancellation entries some activity inside its block can take.
    var blockCancellations: [[Int]]

    var states: [State] = []
    var index: [State: Int] = [:]
    var origins: [Origin] = []
    /// Successors by normal steps (not cancellations), per state, for the liveness pass.
    var successors: [[Int]] = []
    var completes: [Bool] = []

    var deadlocks: [SoundnessAnalysis.Deadlock] = []
    var unfinished: [SoundnessAnalysis.UnfinishedBranch] = []
    var merges: [SoundnessAnalysis.UnjoinedMerge] = []
    var undecided: SoundnessAnalysis.Undecided?
    private var reportedJoins: Set<Int> = []
    private var reportedEnds: Set<Int> = []
    private var reportedMerges: Set<Int> = []
    /// Per activity, what it can lead to by its outcomes (forks, decisions and interrupting timers, not the branches
    /// non-interrupting timers start); filled on first use, for the activities timer branches meet.
    private var reachCache: [Int: [Bool]] = [:]

    init(graph: FlowGraph, isEnd: [Bool], isJoin: [Bool], stateLimit: Int) {
        self.graph = graph
        self.isEnd = isEnd
        self.isJoin = isJoin
        self.stateLimit = stateLimit
        structured = Array(repeating: false, count: graph.forks.count)
        blockCancellations = Array(repeating: [], count: graph.forks.count)
    }

    // MARK: Structured blocks

    /// Marks each fork whose block is sound by construction, innermost first: it has a join; each branch's region
    /// (what it reaches before the join) holds no end, does not lead back to the fork, shares nothing with another
    /// branch, is entered only through the fork, holds only structured forks, and can reach the join from every
    /// activity in it; and the join is entered only from the branches.
    mutating func findStructuredBlocks() {
        let forks = graph.forks
        // Nested sites first: a fork's inner forks must be decided before it.
        // Inner forks first: nested in an `all` list (deeper), or on a branch (reaching less).
        let depths = forks.indices.map(depth(of:))
        let rank = Dictionary(uniqueKeysWithValues: graph.innerFirst.enumerated().map { ($1, $0) })
        let order = forks.indices.sorted {
            depths[$0] != depths[$1] ? depths[$0] > depths[$1] : rank[$0, default: 0] < rank[$1, default: 0]
        }
        var changed = true
        while changed {
            changed = false
            for f in order where !structured[f] && isStructured(f) {
                structured[f] = true
                changed = true
            }
        }
    }

    private func depth(of site: Int) -> Int {
        var depth = 0
        var cursor = graph.forks[site].parent
        while let parent = cursor {
            depth += 1
            cursor = graph.forks[parent.site].parent
        }
        return depth
    }

    private func isDescendant(_ site: Int, of ancestor: Int) -> Bool {
        var cursor: Int? = site
        while let current = cursor {
            if current == ancestor { return true }
            cursor = graph.forks[current].parent?.site
        }
        return false
    }

    private mutating func isStructured(_ f: Int) -> Bool {
        let fork = graph.forks[f]
        guard let join = fork.join else { return false }
        var owner: [Int: Int] = [:]
        for (b, start) in fork.branches.enumerated() {
            var queue: [Int] = []
            func enqueue(_ start: FlowGraph.ForkSite.Start) -> Bool {
                switch start {
                case .activity(let t, _):
                    if t == join { return true }
                    if owner[t] == nil {
                        owner[t] = b
                        queue.append(t)
                    } else if owner[t] != b {
                        return false
                    }
                    return true
                case .fork(let inner):
                    guard structured[inner] else { return false }
                    return graph.forks[inner].branches.allSatisfy { enqueue($0) }
                case .unknown:
                    return false
                }
            }
            guard enqueue(start) else { return false }
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                if node == fork.source || isEnd[node] || graph.outgoing[node].isEmpty { return false }
                // A non-interrupting timer starts one more branch inside the block: it is explored.
                if !graph.detached[node].isEmpty { return false }
                for outcome in graph.outcomes[node] {
                    if case .fork(let inner) = outcome, !structured[inner] { return false }
                }
                for t in graph.outgoing[node] {
                    let target = graph.transitions[t].target
                    if target == join { continue }
                    if let other = owner[target] {
                        if other != b { return false }
                    } else {
                        owner[target] = b
                        queue.append(target)
                    }
                }
            }
        }
        let inBlock = Set(owner.keys)
        // Entered only through the fork (or from inside the same branch), never by a cancellation.
        for node in inBlock {
            for t in graph.incoming[node] {
                let transition = graph.transitions[t]
                if inBlock.contains(transition.source) { continue }
                guard transition.source == fork.source, let site = transition.fork?.site, isDescendant(site, of: f) else { return false }
            }
        }
        for entry in graph.cancellations where entry.target.map(inBlock.contains) ?? false { return false }
        for t in graph.incoming[join] {
            let transition = graph.transitions[t]
            if inBlock.contains(transition.source) { continue }
            guard transition.source == fork.source, let site = transition.fork?.site, isDescendant(site, of: f) else { return false }
        }
        // Every activity of the block can reach the join inside it.
        var canReachJoin = Set<Int>()
        var queue = [join]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for t in graph.incoming[node] {
                let source = graph.transitions[t].source
                if inBlock.contains(source), canReachJoin.insert(source).inserted { queue.append(source) }
            }
        }
        guard canReachJoin.count == inBlock.count else { return false }
        var cancels: [Int] = []
        for (c, entry) in graph.cancellations.enumerated() where entry.sources.contains(where: inBlock.contains) { cancels.append(c) }
        blockCancellations[f] = cancels
        return true
    }

    // MARK: Merges that happen one after the other

    /// Two branches of one fork that both reach an activity without `join: all` run it twice, even when they arrive
    /// at different times (which the exploration of states, where each state is a set, does not see).
    mutating func findStaticMerges() {
        for (f, fork) in graph.forks.enumerated() where !structured[f] {
            var reach: [[Int: Int]] = []  // per branch: activity -> the activity it was reached from (-1: the fork)
            for start in fork.branches {
                var parent: [Int: Int] = [:]
                var queue: [Int] = []
                func enqueue(_ start: FlowGraph.ForkSite.Start) {
                    switch start {
                    case .activity(let t, _):
                        if parent[t] == nil {
                            parent[t] = -1
                            queue.append(t)
                        }
                    case .fork(let inner): for s in graph.forks[inner].branches { enqueue(s) }
                    case .unknown: break
                    }
                }
                enqueue(start)
                var head = 0
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    if node == fork.source || node == fork.join || isEnd[node] { continue }
                    for t in graph.outgoing[node] where parent[graph.transitions[t].target] == nil {
                        parent[graph.transitions[t].target] = node
                        queue.append(graph.transitions[t].target)
                    }
                }
                reach.append(parent)
            }
            for i in reach.indices {
                for j in reach.indices where j > i {
                    // The first activities both reach: in the intersection, entered from outside it.
                    let shared = Set(reach[i].keys).intersection(reach[j].keys)
                    // Branches of a joined fork that meet at an end never both run it: the first closes the case,
                    // and flow/deadlock reports the join that waits.
                    for node in shared.sorted()
                    where node != fork.join && node != fork.source && !isJoin[node] && !(isEnd[node] && fork.join != nil) {
                        let entered = { (parent: [Int: Int]) -> Bool in
                            guard let p = parent[node] else { return false }
                            return p == -1 || !shared.contains(p)
                        }
                        guard entered(reach[i]), entered(reach[j]), reportedMerges.insert(node).inserted else { continue }
                        let prefix = runToFork(f)
                        let label = { (b: Int) in SoundnessAnalysis.BranchLabel(site: Int32(f), branch: Int32(b)) }
                        let pathI = branchPath(reach[i], to: node).map { SoundnessAnalysis.Step(activity: $0, branch: label(i)) }
                        let pathJ = branchPath(reach[j], to: node).map { SoundnessAnalysis.Step(activity: $0, branch: label(j)) }
                        merges.append(
                            SoundnessAnalysis.UnjoinedMerge(
                                activity: node, fork: f, branches: [label(i), label(j)], atJoin: false, run: prefix + pathI + pathJ))
                    }
                }
            }
        }
    }

    private func branchPath(_ parent: [Int: Int], to node: Int) -> [Int] {
        var path = [node]
        var cursor = node
        while let p = parent[cursor], p >= 0 {
            path.append(p)
            cursor = p
        }
        return path.reversed()
    }

    /// A shortest path from the start to the fork's activity, as steps.
    private func runToFork(_ f: Int) -> [SoundnessAnalysis.Step] {
        let path = graph.shortestPaths(avoiding: { _ in false }).path(to: graph.forks[f].source) ?? [graph.forks[f].source]
        return path.map { SoundnessAnalysis.Step(activity: $0, branch: nil) }
    }

    // MARK: Exploration

    mutating func explore() {
        guard let start = graph.start else { return }
        _ = intern(State(tokens: [Token(activity: Int32(start), frames: [], label: nil)], waiting: []), origin: nil)
        var head = 0
        while head < states.count {
            if stateLimit >= 0, states.count > stateLimit {
                undecided = .stateLimit(stateLimit)
                return
            }
            expand(head)
            head += 1
        }
        findStuckStates()
    }

    private mutating func intern(_ state: State, origin: Origin?) -> Int {
        if let known = index[state] { return known }
        let id = states.count
        states.append(state)
        index[state] = id
        origins.append(origin ?? Origin(parent: -1, step: SoundnessAnalysis.Step(activity: 0, branch: nil)))
        successors.append([])
        completes.append(false)
        return id
    }

    /// The steps from the start to `state`.
    private func run(to state: Int) -> [SoundnessAnalysis.Step] {
        var steps: [SoundnessAnalysis.Step] = []
        var cursor = state
        while origins[cursor].parent >= 0 {
            steps.append(origins[cursor].step)
            cursor = origins[cursor].parent
        }
        return steps.reversed()
    }

    private mutating func expand(_ id: Int) {
        let state = states[id]
        for (k, token) in state.tokens.enumerated() {
            let activity = Int(token.activity)
            let step = SoundnessAnalysis.Step(activity: activity, branch: token.label)
            var rest = state
            rest.tokens.remove(at: k)
            if token.timerStep >= 0, isOnPath(of: Int(token.timerStep), activity) {
                // A timer's branch back on its step's path waits there for the step's own branch, or ends when that
                // branch has passed it or gone another way.
                if othersCanReach(activity, frames: token.frames, in: rest) { continue }
                rest.tokens.sort(by: Self.tokenOrder)
                successors[id].append(intern(rest, origin: Origin(parent: id, step: step)))
                continue
            }
            if isEnd[activity] {
                completes[id] = true
                closeCase(at: activity, token: token, rest: rest, from: id, step: step)
                continue
            }
            for outcome in graph.outcomes[activity] {
                var next = rest
                guard
                    place(outcome, frames: token.frames, label: token.label, into: &next, from: id, step: step, timerStep: token.timerStep)
                else { continue }
                next.tokens.sort(by: Self.tokenOrder)
                next.waiting.sort(by: Self.waitingOrder)
                let successor = intern(next, origin: Origin(parent: id, step: step))
                successors[id].append(successor)
            }
            if !token.fired, !graph.detached[activity].isEmpty { fireTimers(token, rest: rest, from: id, step: step) }
            for c in graph.cancellable[activity] { cancel(c, from: id, step: step) }
        }
        for waiting in state.waiting {
            for c in graph.cancellable[Int(waiting.join)] {
                cancel(c, from: id, step: SoundnessAnalysis.Step(activity: Int(waiting.join), branch: waiting.outer))
            }
        }
    }

    /// The step's non-interrupting timers fire, as a fork would: the step goes on running, and each timer's target
    /// starts beside it on the step's branch (so it arrives at the step's join, if any, as a second branch would).
    private mutating func fireTimers(_ token: Token, rest: State, from id: Int, step: SoundnessAnalysis.Step) {
        var next = rest
        var running = token
        running.fired = true
        next.tokens.append(running)
        for target in graph.detached[Int(token.activity)] {
            guard
                arrive(at: target, frames: token.frames, label: token.label, into: &next, from: id, step: step, timerStep: token.activity)
            else { return }
        }
        next.tokens.sort(by: Self.tokenOrder)
        next.waiting.sort(by: Self.waitingOrder)
        let successor = intern(next, origin: Origin(parent: id, step: step))
        successors[id].append(successor)
    }

    private mutating func cancel(_ c: Int, from id: Int, step: SoundnessAnalysis.Step) {
        guard let target = graph.cancellations[c].target else { return }
        _ = intern(
            State(tokens: [Token(activity: Int32(target), frames: [], label: nil)], waiting: []),
            origin: Origin(parent: id, step: step))
    }

    /// The case closes at `end`: whatever else still runs or waits is cut off.
    private mutating func closeCase(at end: Int, token: Token, rest allRest: State, from id: Int, step: SoundnessAnalysis.Step) {
        var run: [SoundnessAnalysis.Step] { self.run(to: id) + [step] }
        // An escalation a non-interrupting timer started is cut off by the case closing: nothing waits for it.
        var rest = allRest
        rest.tokens.removeAll { $0.timerStep >= 0 }
        if let frame = token.frames.last, let join = graph.forks[Int(frame.site)].join {
            // The branch owed an arrival at a join. The join never starts when it still waits for this branch, and
            // no other part of the branch (forked again without a join) is left to arrive for it.
            let outer = Array(token.frames.dropLast())
            let bit = UInt64(1) << UInt64(frame.branch)
            let waiting = rest.waiting.first { $0.join == Int32(join) && $0.site == frame.site && $0.frames == outer }
            let arrived = waiting.map { $0.arrived & bit != 0 } ?? false
            let branchGoesOn = rest.tokens.contains { $0.frames.starts(with: token.frames) }
            let siblingsRun = rest.tokens.contains { $0.frames.count > outer.count && $0.frames.starts(with: outer) }
            if (waiting != nil || siblingsRun) && !arrived && !branchGoesOn {
                guard reportedJoins.insert(join).inserted else { return }
                deadlocks.append(
                    SoundnessAnalysis.Deadlock(
                        join: join, fork: Int(frame.site), missing: [Int(frame.branch)], cause: .branchEnds(end: end), run: run))
                return
            }
        }
        guard !rest.tokens.isEmpty || !rest.waiting.isEmpty else { return }
        guard reportedEnds.insert(end).inserted else { return }
        var running = rest.tokens.map { SoundnessAnalysis.Step(activity: Int($0.activity), branch: $0.label) }
        running += rest.waiting.map { SoundnessAnalysis.Step(activity: Int($0.join), branch: $0.outer) }
        unfinished.append(
            SoundnessAnalysis.UnfinishedBranch(end: end, fork: token.label.map { Int($0.site) }, running: running, run: run))
    }

    /// Places the branches `outcome` starts into `state`; false when the step is not explored further (a finding
    /// was made on it).
    private mutating func place(
        _ outcome: FlowGraph.Outcome, frames: [Frame], label: SoundnessAnalysis.BranchLabel?, into state: inout State, from id: Int,
        step: SoundnessAnalysis.Step, timerStep: Int32 = -1
    ) -> Bool {
        switch outcome {
        case .activity(let t):
            return arrive(at: t, frames: frames, label: label, into: &state, from: id, step: step, timerStep: timerStep)
        case .unknown:
            return false
        case .fork(let f):
            let fork = graph.forks[f]
            if structured[f], let join = fork.join {
                // The block is stepped over; a cancellation from inside it could still happen on the way.
                for c in blockCancellations[f] { cancel(c, from: id, step: step) }
                return arrive(at: join, frames: frames, label: label, into: &state, from: id, step: step, skipping: f)
            }
            if fork.join != nil, frames.contains(where: { Int($0.site) == f }) {
                // A branch of this fork came back to the fork's own activity before arriving: the join waits for it.
                if let join = fork.join, reportedJoins.insert(join).inserted,
                    let frame = frames.last(where: { Int($0.site) == f })
                {
                    deadlocks.append(
                        SoundnessAnalysis.Deadlock(
                            join: join, fork: f, missing: [Int(frame.branch)], cause: .loopsBack, run: run(to: id) + [step]))
                }
                return false
            }
            for (b, start) in fork.branches.enumerated() {
                let branchLabel = SoundnessAnalysis.BranchLabel(site: Int32(f), branch: Int32(b))
                var branchFrames = frames
                if fork.join != nil { branchFrames.append(Frame(site: Int32(f), branch: Int32(b), outer: label)) }
                let placed: Bool
                switch start {
                case .activity(let t, _):
                    placed = arrive(at: t, frames: branchFrames, label: branchLabel, into: &state, from: id, step: step)
                case .fork(let inner):
                    placed = place(.fork(inner), frames: branchFrames, label: branchLabel, into: &state, from: id, step: step)
                case .unknown:
                    placed = false
                }
                if !placed { return false }
            }
            return true
        }
    }

    /// A branch arrives at activity `t`: at a join that closes one of its forks it waits for the others (and the case
    /// goes on once all are there); anywhere else it runs, and a second branch at an activity that already holds one
    /// is an unjoined merge.
    private mutating func arrive(
        at t: Int, frames: [Frame], label: SoundnessAnalysis.BranchLabel?, into state: inout State, from id: Int,
        step: SoundnessAnalysis.Step, skipping: Int? = nil, timerStep: Int32 = -1
    ) -> Bool {
        if timerStep >= 0 {
            return rejoin(at: t, frames: frames, label: label, into: &state, from: id, step: step, timerStep: timerStep)
        }
        // The step's own branch meets the timer branches waiting for it here: they go on as one.
        state.tokens.removeAll { $0.activity == Int32(t) && $0.timerStep >= 0 && $0.frames == frames }
        if isJoin[t], let position = frames.lastIndex(where: { graph.forks[Int($0.site)].join == t }) {
            let frame = frames[position]
            let outerFrames = Array(frames[..<position])
            let bit = UInt64(1) << UInt64(frame.branch)
            let site = Int(frame.site)
            let all = graph.forks[site].branches.count >= 64 ? UInt64.max : (UInt64(1) << UInt64(graph.forks[site].branches.count)) - 1
            if let w = state.waiting.firstIndex(where: { $0.join == Int32(t) && $0.site == frame.site && $0.frames == outerFrames }) {
                if state.waiting[w].arrived & bit != 0 {
                    // The same branch arrives twice: it forked again without a join of its own.
                    return merge(at: t, fork: nil, branches: [label, label], from: id, step: step, atJoin: true)
                }
                state.waiting[w].arrived |= bit
                if state.waiting[w].arrived == all {
                    let outer = state.waiting[w].outer
                    state.waiting.remove(at: w)
                    return arrive(at: t, frames: outerFrames, label: outer, into: &state, from: id, step: step)
                }
                return true
            }
            if bit == all {
                return arrive(at: t, frames: outerFrames, label: frame.outer, into: &state, from: id, step: step)
            }
            state.waiting.append(Waiting(join: Int32(t), site: frame.site, frames: outerFrames, outer: frame.outer, arrived: bit))
            return true
        }
        if let existing = state.tokens.first(where: { $0.activity == Int32(t) }) {
            // Two branches owing arrivals at a join that meet at an end: the first closes the case, which the other
            // order of the same steps reports as flow/deadlock.
            if isEnd[t] && (!frames.isEmpty || !existing.frames.isEmpty) { return false }
            let sameFork = existing.label != nil && existing.label?.site == label?.site
            return merge(
                at: t, fork: sameFork ? existing.label.map { Int($0.site) } : nil, branches: [existing.label, label], from: id, step: step)
        }
        state.tokens.append(Token(activity: Int32(t), frames: frames, label: label))
        return true
    }

    /// A branch a non-interrupting timer started arrives at `t`. Off its step's path it runs as any branch does. Back
    /// on that path (the escalation's `next: resolve`, where the step's own branch is heading) it flows into it, as
    /// BPMN's inclusive merge does: it waits at `t` while the step's branch can still reach `t`, merges when that
    /// branch arrives, and ends when that branch has passed `t` or gone another way. So the escalation never makes
    /// `t` run twice, and no `join: all` is needed for a timer that may never fire.
    private mutating func rejoin(
        at t: Int, frames: [Frame], label: SoundnessAnalysis.BranchLabel?, into state: inout State, from id: Int,
        step: SoundnessAnalysis.Step, timerStep: Int32
    ) -> Bool {
        guard isOnPath(of: Int(timerStep), t) else {
            if state.tokens.contains(where: { $0.activity == Int32(t) }) {
                return arrive(at: t, frames: frames, label: label, into: &state, from: id, step: step)
            }
            state.tokens.append(Token(activity: Int32(t), frames: frames, label: label, timerStep: timerStep))
            return true
        }
        if state.tokens.contains(where: { $0.activity == Int32(t) && $0.frames == frames }) { return true }
        if othersCanReach(t, frames: frames, in: state) {
            state.tokens.append(Token(activity: Int32(t), frames: frames, label: label, timerStep: timerStep))
        }
        return true
    }

    /// True when `activity` lies on the path of `step`: the step leads to it by its own outcomes.
    private mutating func isOnPath(of step: Int, _ activity: Int) -> Bool {
        reach(from: step)[activity]
    }

    /// True when a branch of `state` other than the timer branches, with the same forks to arrive back from, can
    /// still reach `activity`.
    private mutating func othersCanReach(_ activity: Int, frames: [Frame], in state: State) -> Bool {
        for other in state.tokens where other.timerStep < 0 && other.frames == frames {
            if Int(other.activity) == activity || reach(from: Int(other.activity))[activity] { return true }
        }
        return false
    }

    private mutating func reach(from source: Int) -> [Bool] {
        if let known = reachCache[source] { return known }
        var reached = Array(repeating: false, count: graph.activityCount)
        var queue: [Int] = []
        func enqueue(_ outcome: FlowGraph.Outcome) {
            switch outcome {
            case .activity(let t):
                if !reached[t] {
                    reached[t] = true
                    queue.append(t)
                }
            case .fork(let f):
                for start in graph.forks[f].branches {
                    switch start {
                    case .activity(let t, _): enqueue(.activity(t))
                    case .fork(let inner): enqueue(.fork(inner))
                    case .unknown: break
                    }
                }
            case .unknown: break
            }
        }
        for outcome in graph.outcomes[source] { enqueue(outcome) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for outcome in graph.outcomes[node] { enqueue(outcome) }
        }
        reachCache[source] = reached
        return reached
    }

    private mutating func merge(
        at t: Int, fork: Int?, branches: [SoundnessAnalysis.BranchLabel?], from id: Int, step: SoundnessAnalysis.Step,
        atJoin: Bool = false
    ) -> Bool {
        if reportedMerges.insert(t).inserted {
            merges.append(
                SoundnessAnalysis.UnjoinedMerge(
                    activity: t, fork: fork, branches: branches.compactMap { $0 }, atJoin: atJoin,
                    run: run(to: id) + [step, SoundnessAnalysis.Step(activity: t, branch: branches.last ?? nil)]))
        }
        return false
    }

    /// States from which the case can no longer close by its normal flow: a join there waits for a branch that
    /// never comes.
    private mutating func findStuckStates() {
        var predecessors = Array(repeating: [Int](), count: states.count)
        for (s, next) in successors.enumerated() { for n in next { predecessors[n].append(s) } }
        var live = completes
        var queue = live.indices.filter { live[$0] }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for p in predecessors[node] where !live[p] {
                live[p] = true
                queue.append(p)
            }
        }
        // In order of discovery: the first stuck state of a join has the shortest run.
        for id in states.indices where !live[id] {
            let state = states[id]
            // A branch caught in a loop with no way out is flow/no-end's finding; the join behind it follows from it.
            if state.tokens.contains(where: { !graph.canReachEnd[Int($0.activity)] }) { continue }
            for waiting in state.waiting where reportedJoins.insert(Int(waiting.join)).inserted {
                let count = graph.forks[Int(waiting.site)].branches.count
                let missing = (0..<count).filter { waiting.arrived & (UInt64(1) << UInt64($0)) == 0 }
                deadlocks.append(
                    SoundnessAnalysis.Deadlock(
                        join: Int(waiting.join), fork: Int(waiting.site), missing: missing, cause: .neverArrives, run: run(to: id)))
            }
        }
    }

    private static func tokenOrder(_ a: Token, _ b: Token) -> Bool {
        if a.activity != b.activity { return a.activity < b.activity }
        if a.frames.count != b.frames.count { return a.frames.count < b.frames.count }
        return a.timerStep < b.timerStep
    }

    private static func waitingOrder(_ a: Waiting, _ b: Waiting) -> Bool {
        if a.join != b.join { return a.join < b.join }
        if a.site != b.site { return a.site < b.site }
        return a.frames.count < b.frames.count
    }
}
