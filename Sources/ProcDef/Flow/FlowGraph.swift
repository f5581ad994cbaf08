import YAMLTree

/// The control flow of one process, built once and shared by every rule and policy.
///
/// Activities are numbered by their position in the process. Every query here is linear in activities plus
/// transitions: reachability is a BFS from the start, "can reach an end" a reverse BFS from the ends, and back
/// edges come from one iterative depth-first search.
package struct FlowGraph: Sendable {
    /// How a transition was written.
    package enum TransitionKind: Sendable, Hashable {
        /// No `next`: the flow falls through to the following activity.
        case fallThrough
        /// `next: target`.
        case single
        /// Entry `index` (0-based) of a `next` list.
        case branch(index: Int)
        /// A branch of a fork: every branch of it runs.
        case fork(ForkRoute)
        /// Entry `index` (0-based) of the source's `timeout` list: the timer fires and the case goes to its `to`
        /// (leaving the step, or beside it for `interrupting: false`).
        case timeout(index: Int)
    }

    /// Where an `all` list sits in its activity's `next`: the decision entry that forks (nil for `next: {all: ...}`),
    /// then the branch's index in each enclosing `all` list down to it.
    package struct ForkPosition: Sendable, Hashable {
        package var decision: Int?
        package var path: [Int]
    }

    /// Which fork branch a transition is: branch `branch` of `forks[site]`.
    ///
    /// Scalars only: an array in an enum payload shares its pointer's spare bits with the enum's tag, which hides it
    /// from LeakSanitizer's scan of live memory (the kept check report then reads as leaked).
    package struct ForkRoute: Sendable, Hashable {
        /// The decision entry that forks; nil for `next: {all: ...}`.
        package var decision: Int?
        package var site: Int
        package var branch: Int
        /// True for a branch of the activity's outermost `all` list.
        package var isTopLevel: Bool

        package init(decision: Int?, site: Int, branch: Int, isTopLevel: Bool) {
            self.decision = decision
            self.site = site
            self.branch = branch
            self.isTopLevel = isTopLevel
        }
    }

    /// One edge of the flow, with what was declared on it.
    package struct Transition: Sendable {
        package var source: Int
        package var target: Int
        package var kind: TransitionKind
        package var condition: Located<String>?
        package var handoff: Handoff?
        /// Where findings about this transition point: the `next` entry, the `next` value, or the source activity for a fall-through.
        package var range: SourceRange
        /// True when this edge closes a loop (target is on the depth-first path to the source); diagrams draw it `constraint=false`.
        package var isBackEdge: Bool
        /// The fork this edge is a branch of (an index into `forks`), and the branch's position in it.
        package var fork: (site: Int, branch: Int)?

        /// True for a `timeout` entry's transition.
        package var isTimeout: Bool {
            if case .timeout = kind { return true }
            return false
        }
    }

    /// One `all` list: parallel work that starts when `source` ends.
    package struct ForkSite: Sendable {
        /// What one branch of the fork starts.
        package enum Start: Sendable {
            /// An activity, by position, through the transition at this index of `transitions`.
            case activity(Int, transition: Int)
            /// A nested fork, by its index in `forks`.
            case fork(Int)
            /// An activity the process does not have (`ref/unknown-activity`).
            case unknown
        }

        package var source: Int
        package var route: ForkPosition
        /// The condition of the decision entry that forks, if any.
        package var condition: Located<String>?
        /// The `all` list.
        package var range: SourceRange
        package var branches: [Start]
        /// The fork this one is a branch of, when it is nested directly in another `all` list.
        package var parent: (site: Int, branch: Int)?
        /// The `join: all` activity that closes it, if one does: the nearest join that two or more of its branches reach.
        package var join: Int?
    }

    /// What ending an activity can lead to, as the soundness analysis explores it.
    package enum Outcome: Sendable {
        case activity(Int)
        case fork(Int)
        case unknown
    }

    /// A `cancel` entry, resolved.
    package struct CancelEntry: Sendable {
        package var cancellation: Cancellation
        /// The position of `to`; nil when the process has no such activity.
        package var target: Int?
        /// The activities it interrupts: `from` as written (known ids), or the default.
        package var sources: [Int]
    }

    /// A `triggers` entry: an edge into another process (which may not exist: `ref/unknown-process` covers that).
    package struct TriggerEdge: Sendable {
        package var source: Int
        package var trigger: Trigger
    }

    package let activityCount: Int
    package private(set) var transitions: [Transition] = []
    /// Every `all` list, in the order written.
    package private(set) var forks: [ForkSite] = []
    /// The indices of `forks`, a fork nested in another before it.
    package private(set) var innerFirst: [Int] = []
    /// Per activity, what ending it can lead to: one outcome per decision branch, or the single one; empty for an end.
    package private(set) var outcomes: [[Outcome]]
    /// The process's `cancel` entries.
    package private(set) var cancellations: [CancelEntry] = []
    /// Per activity, the `cancellations` entries that can interrupt it.
    package private(set) var cancellable: [[Int]]
    /// Per activity, the targets of its non-interrupting timers: each starts a branch beside the step, which the
    /// soundness analysis places as a fork would.
    package private(set) var detached: [[Int]]
    /// True when some step has a non-interrupting timer: the soundness analysis then explores the process.
    package private(set) var hasDetachedTimers = false
    /// True when the process has a fork or a cancellation: only then is the soundness analysis more than reachability.
    package var hasParallelWork: Bool { !forks.isEmpty || !cancellations.isEmpty }
    package private(set) var triggers: [TriggerEdge] = []
    /// Indices into `transitions`, per activity.
    package private(set) var outgoing: [[Int]]
    package private(set) var incoming: [[Int]]
    /// Activities that end the process: `end: true`, or the last one when it has no `next`.
    package private(set) var ends: [Int] = []
    /// Activities whose `next` names an activity the process does not have (`ref/unknown-activity`): flow rules stay
    /// quiet around them, since the misspelt target is usually the missing way in or out.
    package private(set) var hasUnknownTarget: [Bool]
    package private(set) var isReachable: [Bool]
    package private(set) var canReachEnd: [Bool]
    private let indexByID: [String: Int]
    /// Edges and nodes visited while building the graph and its analyses: tests assert it stays linear.
    package private(set) var traversalSteps = 0

    /// The start activity: the first one, when there is any.
    package var start: Int? { activityCount > 0 ? 0 : nil }

    package init(process: ProcessDefinition) {
        let activities = process.activities
        activityCount = activities.count
        // The process keeps its activities' positions (the first of a repeated id) up to date: no second index.
        let index = process.activityPositions
        indexByID = index
        outgoing = Array(repeating: [], count: activities.count)
        incoming = Array(repeating: [], count: activities.count)
        isReachable = Array(repeating: false, count: activities.count)
        canReachEnd = Array(repeating: false, count: activities.count)
        hasUnknownTarget = Array(repeating: false, count: activities.count)
        outcomes = Array(repeating: [], count: activities.count)
        cancellable = Array(repeating: [], count: activities.count)
        detached = Array(repeating: [], count: activities.count)

        for (i, activity) in activities.enumerated() {
            for trigger in activity.triggers {
                triggers.append(TriggerEdge(source: i, trigger: trigger))
            }
            switch activity.next {
            case .single(let target)?:
                // `end: true` with `next` is flow/end-with-next; keeping both the end and the edges avoids a cascade
                // of unreachable-activity findings behind the one real mistake.
                if activity.isEnd { ends.append(i) }
                if let t = index[target.value] {
                    addTransition(
                        Transition(
                            source: i, target: t, kind: .single, condition: nil, handoff: activity.handoff, range: target.range,
                            isBackEdge: false))
                    outcomes[i] = [.activity(t)]
                } else {
                    hasUnknownTarget[i] = true
                    outcomes[i] = [.unknown]
                }
            case .branches(let branches, _)?:
                if activity.isEnd { ends.append(i) }
                for (b, branch) in branches.enumerated() {
                    if let fork = branch.fork {
                        let site = addFork(
                            fork, source: i, route: ForkPosition(decision: b, path: []), condition: branch.when,
                            handoff: branch.handoff, parent: nil, index: index)
                        outcomes[i].append(.fork(site))
                    } else if let to = branch.to, let t = index[to.value] {
                        addTransition(
                            Transition(
                                source: i, target: t, kind: .branch(index: b), condition: branch.when, handoff: branch.handoff,
                                range: branch.range, isBackEdge: false))
                        outcomes[i].append(.activity(t))
                    } else {
                        hasUnknownTarget[i] = true
                        outcomes[i].append(.unknown)
                    }
                }
            case .fork(let fork)?:
                if activity.isEnd { ends.append(i) }
                let site = addFork(
                    fork, source: i, route: ForkPosition(decision: nil, path: []), condition: nil, handoff: activity.handoff,
                    parent: nil, index: index)
                outcomes[i] = [.fork(site)]
            case nil:
                if activity.isEnd || i == activities.count - 1 {
                    ends.append(i)
                } else {
                    addTransition(
                        Transition(
                            source: i, target: i + 1, kind: .fallThrough, condition: nil, handoff: activity.handoff,
                            range: activity.id.range, isBackEdge: false))
                    outcomes[i] = [.activity(i + 1)]
                }
            }
            // An end closes the case whatever else it says (`flow/end-with-next` reports the rest).
            if activity.isEnd { outcomes[i] = [] }
            // A timer on an end leads nowhere: the case closes there (`flow/end-with-next` reports it).
            let isEnd = activity.isEnd || (activity.next == nil && i == activities.count - 1)
            if !activity.timeouts.isEmpty, !isEnd { addTimeouts(activity, at: i, index: index) }
        }
        resolveCancellations(process.cancellations, index: index)
        computeReachability()
        markBackEdges()
        if !forks.isEmpty { assignJoins(activities) }
    }

    /// Adds a transition per `timeout` entry. An interrupting timer is one more way the step can end (an outcome); a
    /// non-interrupting one starts its target beside the step (`detached`).
    private mutating func addTimeouts(_ activity: Activity, at i: Int, index: [String: Int]) {
        for (k, timeout) in activity.timeouts.enumerated() {
            guard let to = timeout.to else { continue }
            guard let t = index[to.value] else {
                hasUnknownTarget[i] = true
                continue
            }
            addTransition(
                Transition(
                    source: i, target: t, kind: .timeout(index: k), condition: timeout.when, handoff: timeout.handoff, range: to.range,
                    isBackEdge: false))
            if timeout.isInterrupting {
                outcomes[i].append(.activity(t))
            } else {
                detached[i].append(t)
                hasDetachedTimers = true
            }
        }
    }

    /// Adds the transitions of one `all` list (and of the lists nested in it); returns the fork's index in `forks`.
    /// A branch without its own handoff takes the nearest one declared around it (`inherited`).
    private mutating func addFork(
        _ fork: Fork, source: Int, route: ForkPosition, condition: Located<String>?, handoff inherited: Handoff?,
        parent: (site: Int, branch: Int)?, index: [String: Int]
    ) -> Int {
        let site = forks.count
        forks.append(
            ForkSite(source: source, route: route, condition: condition, range: fork.range, branches: [], parent: parent, join: nil))
        var starts: [ForkSite.Start] = []
        for (b, branch) in fork.branches.enumerated() {
            var branchRoute = route
            branchRoute.path.append(b)
            let handoff = branch.handoff ?? inherited
            if let nested = branch.fork {
                let inner = addFork(
                    nested, source: source, route: branchRoute, condition: nil, handoff: handoff, parent: (site, b), index: index)
                starts.append(.fork(inner))
            } else if let to = branch.to, let t = index[to.value] {
                starts.append(.activity(t, transition: transitions.count))
                addTransition(
                    Transition(
                        source: source, target: t,
                        kind: .fork(ForkRoute(decision: route.decision, site: site, branch: b, isTopLevel: route.path.isEmpty)),
                        condition: nil, handoff: handoff, range: branch.range,
                        isBackEdge: false, fork: (site, b)))
            } else {
                hasUnknownTarget[source] = true
                starts.append(.unknown)
            }
        }
        forks[site].branches = starts
        return site
    }

    /// Resolves each `cancel` entry's target and sources. The default sources are the activities the start reaches
    /// without passing `to` (the others are only reachable after it), other than ends; "reaches" follows the
    /// transitions and the other entries' cancellations, so a rollback reached only by cancelling can be cut short too.
    private mutating func resolveCancellations(_ entries: [Cancellation], index: [String: Int]) {
        let targets = entries.map { index[$0.to.value] }
        let explicitSources: [[Int]?] = entries.map { entry in
            guard let from = entry.from else { return nil }
            var seen = Set<Int>()
            return from.compactMap { index[$0.value] }.filter { seen.insert($0).inserted }
        }
        var isEnd = Array(repeating: false, count: activityCount)
        for end in ends { isEnd[end] = true }
        for (c, cancellation) in entries.enumerated() {
            var sources = explicitSources[c] ?? []
            if explicitSources[c] == nil, let target = targets[c], let start {
                var reached = Array(repeating: false, count: activityCount)
                reached[start] = true
                var queue = [start]
                var head = 0
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    if node == target { continue }
                    var next = outgoing[node].map { transitions[$0].target }
                    for (other, otherTarget) in targets.enumerated() where other != c {
                        guard let otherTarget else { continue }
                        let interrupts = explicitSources[other].map { $0.contains(node) } ?? (!isEnd[node] && node != otherTarget)
                        if interrupts { next.append(otherTarget) }
                    }
                    for t in next where !reached[t] {
                        reached[t] = true
                        queue.append(t)
                    }
                }
                for i in 0..<activityCount where reached[i] && i != target && !isEnd[i] { sources.append(i) }
            }
            for s in sources { cancellable[s].append(cancellations.count) }
            cancellations.append(CancelEntry(cancellation: cancellation, target: targets[c], sources: sources))
        }
    }

    /// Matches each fork with the `join: all` activity that closes it: the nearest join that two or more of its
    /// branches reach. Inner forks are matched first, so the branch of an outer fork passes through an inner fork's join.
    private mutating func assignJoins(_ activities: [Activity]) {
        let isJoin = activities.map(\.isJoin)
        // A fork nested on a branch of another reaches a part of what that one reaches: ordered by how much each
        // reaches, inner forks come first, so joins settle in one round rather than one round per level of nesting.
        // Forks nested directly in an `all` list share their activity, and so its count.
        var reachedFrom: [Int: Int] = [:]
        let reachSize = forks.map { fork in
            if let known = reachedFrom[fork.source] { return known }
            let count = shortestPaths(avoiding: { _ in false }, from: fork.source).reached.count { $0 }
            reachedFrom[fork.source] = count
            return count
        }
        innerFirst = forks.indices.sorted { reachSize[$0] != reachSize[$1] ? reachSize[$0] < reachSize[$1] : $0 > $1 }
        var matched = Array(repeating: false, count: forks.count)
        var matchedJoins = Set<Int>()
        var progress = true
        while progress {
            progress = false
            for f in innerFirst where !matched[f] {
                let passable = matchedJoins
                let reached = branchRegions(of: f, isJoin: isJoin, passingJoins: { passable.contains($0) })
                // The join two or more branches reach, nearest first along the first branch that reaches one.
                var counts: [Int: Int] = [:]
                for region in reached { for j in region.joins { counts[j, default: 0] += 1 } }
                let candidates = counts.filter { $0.value >= 2 }.map(\.key)
                guard !candidates.isEmpty else { continue }
                var best: (join: Int, distance: Int)?
                for region in reached {
                    for (j, distance) in region.joinDistances where candidates.contains(j) {
                        if best == nil || distance < best!.distance || (distance == best!.distance && j < best!.join) {
                            best = (j, distance)
                        }
                    }
                }
                if let best {
                    forks[f].join = best.join
                    matched[f] = true
                    matchedJoins.insert(best.join)
                    progress = true
                }
            }
        }
    }

    /// What one branch of a fork reaches before any join that is not yet known to close an inner fork.
    package struct BranchRegion: Sendable {
        package var activities: [Int] = []
        package var joins: Set<Int> = []
        package var joinDistances: [(Int, Int)] = []
    }

    /// The regions of a fork's branches: the activities each reaches over the flow's transitions, not passing the
    /// fork's own activity or a join other than those `passingJoins` accepts.
    package func branchRegions(of site: Int, isJoin: [Bool], passingJoins: (Int) -> Bool) -> [BranchRegion] {
        let fork = forks[site]
        return fork.branches.map { start in
            var region = BranchRegion()
            var seen = Set<Int>()
            var queue: [(Int, Int)] = []
            func enqueueStart(_ start: ForkSite.Start) {
                switch start {
                case .activity(let t, _): if seen.insert(t).inserted { queue.append((t, 1)) }
                case .fork(let inner): for s in forks[inner].branches { enqueueStart(s) }
                case .unknown: break
                }
            }
            enqueueStart(start)
            var head = 0
            while head < queue.count {
                let (node, distance) = queue[head]
                head += 1
                region.activities.append(node)
                if isJoin[node] {
                    region.joins.insert(node)
                    region.joinDistances.append((node, distance))
                    if !passingJoins(node) { continue }
                }
                if node == fork.source { continue }
                for t in outgoing[node] where seen.insert(transitions[t].target).inserted {
                    queue.append((transitions[t].target, distance + 1))
                }
            }
            return region
        }
    }

    /// The branch's index in each `all` list down to it, from the activity's outermost one.
    package func path(of route: ForkRoute) -> [Int] {
        forks.indices.contains(route.site) ? forks[route.site].route.path + [route.branch] : [route.branch]
    }

    /// The position of the activity with this id, if the process has it.
    package func index(of activityID: String) -> Int? { indexByID[activityID] }

    private mutating func addTransition(_ transition: Transition) {
        outgoing[transition.source].append(transitions.count)
        incoming[transition.target].append(transitions.count)
        transitions.append(transition)
    }

    private mutating func computeReachability() {
        guard let start else { return }
        var queue = [start]
        isReachable[start] = true
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            traversalSteps += 1 + outgoing[node].count
            for t in outgoing[node] where !isReachable[transitions[t].target] {
                isReachable[transitions[t].target] = true
                queue.append(transitions[t].target)
            }
            // A cancellation reaches its target; it does not help an activity reach an end (below): a case that
            // can finish only by being cancelled has no way to finish.
            for c in cancellable[node] {
                if let target = cancellations[c].target, !isReachable[target] {
                    isReachable[target] = true
                    queue.append(target)
                }
            }
        }
        queue = ends
        for end in ends { canReachEnd[end] = true }
        head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            traversalSteps += 1 + incoming[node].count
            for t in incoming[node] where !canReachEnd[transitions[t].source] {
                canReachEnd[transitions[t].source] = true
                queue.append(transitions[t].source)
            }
        }
    }

    /// Iterative DFS from the start, then from any activity not yet visited, so the result does not depend on recursion depth.
    private mutating func markBackEdges() {
        enum Colour { case white, grey, black }
        var colour = Array(repeating: Colour.white, count: activityCount)
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<activityCount where colour[root] == .white {
            colour[root] = .grey
            stack.append((root, 0))
            while let top = stack.last {
                traversalSteps += 1
                let edges = outgoing[top.node]
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let t = edges[top.next]
                    let target = transitions[t].target
                    switch colour[target] {
                    case .white:
                        colour[target] = .grey
                        stack.append((target, 0))
                    case .grey:
                        transitions[t].isBackEdge = true
                    case .black:
                        break
                    }
                } else {
                    colour[top.node] = .black
                    stack.removeLast()
                }
            }
        }
    }

    /// Shortest paths from the start (or `origin`) to every activity it reaches without passing through a blocked one (blocked
    /// activities are reached but not left). One BFS serves every witness a policy needs.
    package func shortestPaths(avoiding blocked: (Int) -> Bool, from origin: Int? = nil) -> ShortestPaths {
        var parent = Array(repeating: -1, count: activityCount)
        var reached = Array(repeating: false, count: activityCount)
        guard let start = origin ?? start else { return ShortestPaths(parent: parent, reached: reached) }
        reached[start] = true
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if blocked(node) { continue }
            for t in outgoing[node] {
                let next = transitions[t].target
                guard !reached[next] else { continue }
                reached[next] = true
                parent[next] = node
                queue.append(next)
            }
        }
        return ShortestPaths(parent: parent, reached: reached)
    }
}

/// The BFS tree of `FlowGraph.shortestPaths(avoiding:)`.
package struct ShortestPaths: Sendable {
    let parent: [Int]
    package let reached: [Bool]

    /// The activity positions from the start to `target`, or nil when the search did not reach it.
    package func path(to target: Int) -> [Int]? {
        guard target >= 0, target < reached.count, reached[target] else { return nil }
        var path = [target]
        var cursor = target
        while parent[cursor] >= 0 {
            cursor = parent[cursor]
            path.append(cursor)
        }
        return path.reversed()
    }
}
