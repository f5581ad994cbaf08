/// The flow as cases of one priority can take it, with the time budgets that priority has: a step's `target`, a
/// handoff's `within`, a timer's `after`. The target and silence analyses read only this.
///
/// Left out: decision branches whose `priorities` do not list the priority, timers whose `when` names another
/// priority, and transitions out of an end. A non-interrupting timer's branch is in (its steps can be reached, `after`
/// the step started), but not where it flows back into the step's own path: there it waits for the step's branch,
/// and holds nothing up (as the soundness analysis has it).
package struct TimedFlow: Sendable {
    /// One way out of a step.
    package struct Edge: Sendable {
        package var source: Int
        package var target: Int
        /// The index in `FlowGraph.transitions`.
        package var transition: Int
        /// For a timer, its `after`: the step is left when it fires, so the step takes that long instead of its
        /// own budget.
        package var timerAfter: TimeSpan?
        /// For a timer whose clock runs from another activity's start (`from`), that activity.
        package var timerFrom: Int?
        /// The handoff's `within`, zero when none is given.
        package var within: TimeSpan
        /// For a fork branch, its fork and branch.
        package var fork: (site: Int, branch: Int)?
        /// True for a non-interrupting timer: a branch beside the step, not a way to leave it.
        package var isSideBranch = false
    }

    package let priority: String?
    package let businessDay: Int
    /// Per activity, its budget for this priority; nil for an untimed step.
    package let budget: [TimeSpan?]
    /// Per activity, the soonest `after` of its interrupting timers that count from its own start: the step cannot
    /// take longer, since the timer takes the case away by then.
    package let timerCap: [TimeSpan?]
    package let edges: [Edge]
    /// Per activity, indices into `edges`.
    package let outgoing: [[Int]]
    package let incoming: [[Int]]

    package init(process: ProcessDefinition, graph: FlowGraph, priority: String?, businessDay: Int) {
        self.priority = priority
        self.businessDay = businessDay
        let activities = process.activities
        func span(_ budget: TimeBudget?) -> TimeSpan? {
            guard let budget else { return nil }
            let duration = priority.map { budget.duration(for: $0) } ?? budget.single
            return duration.map { TimeSpan($0.value, businessDay: businessDay) }
        }
        budget = activities.map { span($0.target) }
        var isEnd = Array(repeating: false, count: graph.activityCount)
        for end in graph.ends { isEnd[end] = true }
        var edges: [Edge] = []
        var outgoing = Array(repeating: [Int](), count: graph.activityCount)
        var incoming = Array(repeating: [Int](), count: graph.activityCount)
        var timerCap: [TimeSpan?] = Array(repeating: nil, count: graph.activityCount)
        for (index, transition) in graph.transitions.enumerated() where !isEnd[transition.source] {
            let activity = activities[transition.source]
            var timerAfter: TimeSpan?
            var timerFrom: Int?
            var isSideBranch = false
            switch transition.kind {
            case .fallThrough, .single:
                break
            case .branch(let b):
                guard Self.takes(priority, decisionEntry: b, of: activity, declared: process.priorities) else { continue }
            case .fork(let route):
                if let b = route.decision, !Self.takes(priority, decisionEntry: b, of: activity, declared: process.priorities) {
                    continue
                }
            case .timeout(let k):
                let timeout = activity.timeouts[k]
                if let priority, let named = timeout.priority(among: process.priorities), named != priority { continue }
                timerAfter = span(timeout.after) ?? .zero
                timerFrom = timeout.from.flatMap { process.activityIndex($0.value) }
                isSideBranch = !timeout.isInterrupting
                if timeout.isInterrupting, timerFrom == nil || timerFrom == transition.source, let after = timerAfter {
                    let source = transition.source
                    if timerCap[source].map({ $0.bestElapsed > after.bestElapsed }) ?? true { timerCap[source] = after }
                }
            }
            var edge = Edge(
                source: transition.source, target: transition.target, transition: index, timerAfter: timerAfter, timerFrom: timerFrom,
                within: span(transition.handoff?.within) ?? .zero, fork: transition.fork)
            edge.isSideBranch = isSideBranch
            edges.append(edge)
        }
        Self.dropRejoins(&edges, count: graph.activityCount)
        for (e, edge) in edges.enumerated() {
            outgoing[edge.source].append(e)
            incoming[edge.target].append(e)
        }
        self.edges = edges
        self.outgoing = outgoing
        self.incoming = incoming
        self.timerCap = timerCap
    }

    /// Removes the edges by which a non-interrupting timer's branch comes back onto its step's own path (what the
    /// step leads to without its side branches): the branch waits there for the step's own, so it adds no time.
    private static func dropRejoins(_ edges: inout [Edge], count: Int) {
        let sides = edges.filter(\.isSideBranch)
        guard !sides.isEmpty else { return }
        var outgoing = Array(repeating: [Int](), count: count)
        for (e, edge) in edges.enumerated() where !edge.isSideBranch { outgoing[edge.source].append(e) }
        func reach(from origins: [Int], stoppingAt stop: [Bool]) -> [Bool] {
            var seen = Array(repeating: false, count: count)
            var queue: [Int] = []
            for o in origins where !seen[o] && !stop[o] {
                seen[o] = true
                queue.append(o)
            }
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for e in outgoing[node] where !seen[edges[e].target] && !stop[edges[e].target] {
                    seen[edges[e].target] = true
                    queue.append(edges[e].target)
                }
            }
            return seen
        }
        var dropped = Set<Int>()
        let none = Array(repeating: false, count: count)
        for side in sides {
            let path = reach(from: outgoing[side.source].map { edges[$0].target }, stoppingAt: none)
            let branch = reach(from: [side.target], stoppingAt: path)
            for node in 0..<count where branch[node] {
                for e in outgoing[node] where path[edges[e].target] { dropped.insert(e) }
            }
        }
        edges = edges.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// One flow per declared priority, in their order; one for every case when the process declares none.
    package static func perPriority(process: ProcessDefinition, graph: FlowGraph, businessDay: Int) -> [TimedFlow] {
        let declared = process.priorities.map(\.value)
        return (declared.isEmpty ? [nil] : declared.map { Optional($0) }).map {
            TimedFlow(process: process, graph: graph, priority: $0, businessDay: businessDay)
        }
    }

    /// True when cases of `priority` may take decision entry `b`: it lists no `priorities`, or lists this one.
    private static func takes(_ priority: String?, decisionEntry b: Int, of activity: Activity, declared: [Located<String>]) -> Bool {
        guard let priority, case .branches(let branches, _)? = activity.next, b < branches.count else { return true }
        let listed = branches[b].priorities
        return listed.isEmpty || listed.contains { $0.value.lowercased() == priority }
    }

    /// How long the step takes when it ends on its own: its budget (zero when untimed), no longer than its soonest
    /// interrupting timer allows.
    package func stepTime(_ node: Int) -> TimeSpan {
        let own = budget[node] ?? .zero
        guard let cap = timerCap[node], cap.bestElapsed < own.bestElapsed else { return own }
        return cap
    }

    /// How long leaving `activity` by `edge` takes from its start: its timer's `after`, else its own budget (zero when
    /// untimed), no longer than its soonest interrupting timer allows.
    package func exitTime(_ edge: Edge) -> TimeSpan {
        edge.timerAfter ?? stepTime(edge.source)
    }

    /// The activities `from` leads to by these edges (`from` itself only through a loop).
    package func reachable(from origin: Int) -> [Bool] {
        var seen = Array(repeating: false, count: budget.count)
        var queue: [Int] = []
        for e in outgoing[origin] where !seen[edges[e].target] {
            seen[edges[e].target] = true
            queue.append(edges[e].target)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for e in outgoing[node] where !seen[edges[e].target] {
                seen[edges[e].target] = true
                queue.append(edges[e].target)
            }
        }
        return seen
    }

    /// The activities that lead to `goal` by these edges, `goal` included.
    package func reaching(_ goal: Int) -> [Bool] {
        var seen = Array(repeating: false, count: budget.count)
        seen[goal] = true
        var queue = [goal]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for e in incoming[node] where !seen[edges[e].source] {
                seen[edges[e].source] = true
                queue.append(edges[e].source)
            }
        }
        return seen
    }

    /// The strongly connected parts of the activities `include` keeps, by Tarjan's algorithm (iterative), in
    /// topological order: every edge between two parts goes from an earlier part to a later one.
    package func components(including include: [Bool]) -> (members: [[Int]], componentOf: [Int]) {
        let count = budget.count
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var componentOf = Array(repeating: -1, count: count)
        var members: [[Int]] = []
        var next = 0
        for root in 0..<count where include[root] && index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next
            low[root] = next
            next += 1
            stack.append(root)
            onStack[root] = true
            while let (node, position) = work.last {
                let out = outgoing[node]
                if position < out.count {
                    work[work.count - 1].edge += 1
                    let target = edges[out[position]].target
                    guard include[target] else { continue }
                    if index[target] < 0 {
                        index[target] = next
                        low[target] = next
                        next += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        componentOf[top] = members.count
                        component.append(top)
                        if top == node { break }
                    }
                    members.append(component.sorted())
                }
            }
        }
        // Tarjan finishes a part after every part it leads to: reversed, the order is topological.
        let total = members.count
        return (members.reversed(), componentOf.map { $0 < 0 ? -1 : total - 1 - $0 })
    }
}
