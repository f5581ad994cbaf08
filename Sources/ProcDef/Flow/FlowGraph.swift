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
    }

    /// A `triggers` entry: an edge into another process (which may not exist: `ref/unknown-process` covers that).
    package struct TriggerEdge: Sendable {
        package var source: Int
        package var trigger: Trigger
    }

    package let activityCount: Int
    package private(set) var transitions: [Transition] = []
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
                } else {
                    hasUnknownTarget[i] = true
                }
            case .branches(let branches, _)?:
                if activity.isEnd { ends.append(i) }
                for (b, branch) in branches.enumerated() {
                    if let t = index[branch.to.value] {
                        addTransition(
                            Transition(
                                source: i, target: t, kind: .branch(index: b), condition: branch.when, handoff: branch.handoff,
                                range: branch.range, isBackEdge: false))
                    } else {
                        hasUnknownTarget[i] = true
                    }
                }
            case nil:
                if activity.isEnd || i == activities.count - 1 {
                    ends.append(i)
                } else {
                    addTransition(
                        Transition(
                            source: i, target: i + 1, kind: .fallThrough, condition: nil, handoff: activity.handoff,
                            range: activity.id.range, isBackEdge: false))
                }
            }
        }
        computeReachability()
        markBackEdges()
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

    /// Shortest paths from the start to every activity it reaches without passing through a blocked one (blocked
    /// activities are reached but not left). One BFS serves every witness a policy needs.
    package func shortestPaths(avoiding blocked: (Int) -> Bool) -> ShortestPaths {
        var parent = Array(repeating: -1, count: activityCount)
        var reached = Array(repeating: false, count: activityCount)
        guard let start else { return ShortestPaths(parent: parent, reached: reached) }
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
