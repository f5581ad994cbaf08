/// A policy's `when` and `unless` in one process: which runs of the case its requirements are about.
///
/// The scope is a two-state automaton beside the flow: whether the run has done what `when` asks yet. A run is in
/// scope when it has done that by the time it ends and has done nothing `unless` names (an activity that matches is
/// never entered, a transition that matches is never taken). Over paths (transitions and cancellations) this is a
/// product of the flow graph with that flag: two states per activity, searched forwards from the start and
/// backwards from the ends, linear in activities plus transitions. Runs with forks are searched by `RunSearch`, which
/// avoids the activities and the transition `unless` names, and a witness run counts when it does what `when` asks
/// (see `accepts`), or is routed through what `when` names (see `anchors`).
struct RunScope {
    /// `runs through 'Confirm the incident'`: what `on` precedes in messages and the runbook.
    let runs: String
    /// The same for the policy, not one process: `runs through an activity that is tagged 'confirmed'`, `runs that
    /// take 'assess' → 'contain'`; what `procdef diff` compares.
    let policyRuns: String
    /// Per activity: it lies on at least one run in scope.
    let inScope: [Bool]
    /// True when no run of the process is in scope: the policy holds there.
    let isEmpty: Bool
    /// Per activity: `unless` names it, so runs in scope never pass it.
    let unlessAt: [Bool]

    private let graph: FlowGraph
    private let hasWhen: Bool
    private let whenAt: [Bool]
    private let whenEdge: (from: Int, to: Int)?
    /// Per transition: taking it does what `when` (`unless`) names; every branch of a fork that `takes` names.
    private let whenTaken: [Bool]
    private let unlessTaken: [Bool]
    /// The transition `unless` names, when the process has it: runs in scope never take it.
    let unlessEdge: (from: Int, to: Int)?
    /// The product state the start is in, nil when `unless` names the start.
    private let initial: Int?
    /// Per product state (`activity * 2 + flag`): an end can be reached from it with the flag set, passing nothing
    /// `unless` names.
    private let finishes: [Bool]

    /// The scope of `policy` in the process, or nil when the policy has neither `when` nor `unless`.
    init?(_ policy: Policy, context: ProcessContext, matcher: SelectorMatcher) {
        guard policy.when != nil || policy.unless != nil else { return nil }
        let graph = context.graph
        let process = context.process
        let count = graph.activityCount
        self.graph = graph

        func resolve(_ condition: RunCondition?) -> (at: [Bool], edge: (from: Int, to: Int)?, taken: [Bool], phrase: String?) {
            var at = Array(repeating: false, count: count)
            var taken = Array(repeating: false, count: graph.transitions.count)
            switch condition?.event {
            case nil:
                return (at, nil, taken, nil)
            case .passes(let selector)?:
                at = matcher.matches(selector)
                let names = at.indices.filter { at[$0] }.map { "'\(context.activities[$0].name.value)'" }
                // The activities by name, as the process's readers know them; many of them read better as the selector.
                return (at, nil, taken, names.isEmpty || names.count > 3 ? selector.phrase : names.joined(separator: " or "))
            case .takes(let from, let to)?:
                let source = process.activityIndex(from.value)
                let target = process.activityIndex(to.value)
                let name = { (id: Located<String>, index: Int?) in "'\(index.map { context.activities[$0].name.value } ?? id.value)'" }
                var edge: (from: Int, to: Int)?
                if let source, let target {
                    for t in graph.outgoing[source] where graph.transitions[t].target == target {
                        edge = (source, target)
                        taken[t] = true
                        // A fork runs all its branches: a run that takes one branch of it takes them all.
                        guard case .fork(let route) = graph.transitions[t].kind else { continue }
                        for other in graph.outgoing[source] {
                            if case .fork(let sibling) = graph.transitions[other].kind, sibling.decision == route.decision {
                                taken[other] = true
                            }
                        }
                    }
                }
                return (at, edge, taken, "\(name(from, source)) → \(name(to, target))")
            }
        }
        let when = resolve(policy.when)
        let unless = resolve(policy.unless)
        hasWhen = policy.when != nil
        whenAt = when.at
        whenEdge = when.edge
        whenTaken = when.taken
        // Every branch of a fork runs: a fork one of whose branches cannot get past an activity `unless` names
        // passes it on every run, so runs in scope never take that fork.
        let unlessTakenHere = Self.blockingForks(graph: graph, unlessAt: unless.at, taken: unless.taken)
        unlessTaken = unlessTakenHere
        unlessAt = unless.at
        unlessEdge = unless.edge

        runs = Self.runs(policy, when: when.phrase, unless: unless.phrase)
        policyRuns = policy.runsPhrase ?? runs

        // Forwards from the start, backwards from the ends, over the product with the flag.
        var initial: Int?
        if let start = graph.start, !unless.at[start] { initial = start * 2 + (!hasWhen || when.at[start] ? 1 : 0) }
        self.initial = initial
        var predecessors = Array(repeating: [Int](), count: count * 2)
        for a in 0..<count where !unless.at[a] {
            for flag in 0...1 {
                Self.successors(
                    of: a, flag: flag, graph: graph, whenAt: when.at, whenTaken: when.taken, unlessAt: unless.at,
                    unlessTaken: unlessTakenHere
                ) { predecessors[$0].append(a * 2 + flag) }
            }
        }
        var finishes = Array(repeating: false, count: count * 2)
        var queue: [Int] = graph.ends.filter { !unless.at[$0] }.map { $0 * 2 + 1 }
        for state in queue { finishes[state] = true }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for p in predecessors[state] where !finishes[p] {
                finishes[p] = true
                queue.append(p)
            }
        }
        self.finishes = finishes
        var reached = Array(repeating: false, count: count * 2)
        if let initial {
            reached[initial] = true
            queue = [initial]
            head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                Self.successors(
                    of: state / 2, flag: state % 2, graph: graph, whenAt: when.at, whenTaken: when.taken, unlessAt: unless.at,
                    unlessTaken: unlessTakenHere
                ) { next in
                    if !reached[next] {
                        reached[next] = true
                        queue.append(next)
                    }
                }
            }
        }
        var inScope = (0..<count).map { a in (reached[a * 2] && finishes[a * 2]) || (reached[a * 2 + 1] && finishes[a * 2 + 1]) }
        isEmpty = initial.map { !finishes[$0] } ?? true
        // All branches of a fork run: an activity on one branch is on the runs through an activity on a sibling.
        if hasWhen && !isEmpty && !graph.forks.isEmpty {
            let onRun = (0..<count).map { a in (reached[a * 2] || reached[a * 2 + 1]) && (finishes[a * 2] || finishes[a * 2 + 1]) }
            var isJoin = Array(repeating: false, count: count)
            for fork in graph.forks { if let join = fork.join { isJoin[join] = true } }
            for f in graph.forks.indices {
                // Each branch up to the join that closes it: what follows the join is on the runs of every branch.
                let join = graph.forks[f].join
                let regions = graph.branchRegions(of: f, isJoin: isJoin, passingJoins: { isJoin[$0] && $0 != join }).map { region in
                    region.activities.filter { $0 != join }
                }
                let withWhen = regions.map { region in
                    region.contains { a in
                        inScope[a] && (when.at[a] || when.edge.map { $0.from == a || $0.to == a } ?? false)
                    }
                }
                guard withWhen.contains(true) else { continue }
                for (b, region) in regions.enumerated() where withWhen.indices.contains(where: { $0 != b && withWhen[$0] }) {
                    for a in region where onRun[a] { inScope[a] = true }
                }
            }
        }
        self.inScope = inScope
    }

    /// `taken` with every transition of each fork that passes an activity `unless` names on every run through it:
    /// one of its branches (an activity branch, not a nested fork) meets such an activity before it can reach the
    /// fork's join, an end, a cancellation or the fork's own activity again. A branch with a way around the activity
    /// leaves the fork open, so a violation on that way is still found.
    private static func blockingForks(graph: FlowGraph, unlessAt: [Bool], taken: [Bool]) -> [Bool] {
        guard !graph.forks.isEmpty, unlessAt.contains(true) else { return taken }
        var isEnd = Array(repeating: false, count: graph.activityCount)
        for end in graph.ends { isEnd[end] = true }
        var blocked = Array(repeating: false, count: graph.forks.count)
        for (f, fork) in graph.forks.enumerated() {
            for start in fork.branches {
                guard case .activity(let first, _) = start else { continue }
                var seen: Set<Int> = [first]
                var queue = [first]
                var head = 0
                var escapes = false
                while head < queue.count, !escapes {
                    let a = queue[head]
                    head += 1
                    if unlessAt[a] { continue }
                    if a == fork.join || a == fork.source || isEnd[a] || graph.outgoing[a].isEmpty || !graph.cancellable[a].isEmpty {
                        escapes = true
                        break
                    }
                    for t in graph.outgoing[a] where seen.insert(graph.transitions[t].target).inserted {
                        queue.append(graph.transitions[t].target)
                    }
                }
                if !escapes {
                    blocked[f] = true
                    break
                }
            }
        }
        guard blocked.contains(true) else { return taken }
        // A nested fork inside a blocked one is blocked with it.
        func isBlocked(_ site: Int) -> Bool {
            var current: Int? = site
            while let s = current {
                if blocked[s] { return true }
                current = graph.forks[s].parent?.site
            }
            return false
        }
        var result = taken
        for (t, transition) in graph.transitions.enumerated() {
            if case .fork(let route) = transition.kind, graph.forks.indices.contains(route.site), isBlocked(route.site) { result[t] = true }
        }
        return result
    }

    /// `runs through X and not through Y`, with what `when` and `unless` name as `X` and `Y`.
    static func runs(_ policy: Policy, when: String?, unless: String?) -> String {
        var parts: [String] = []
        switch policy.when?.event {
        case .passes?: parts.append("through \(when ?? "")")
        case .takes?: parts.append("that take \(when ?? "")")
        case nil: break
        }
        switch policy.unless?.event {
        case .passes?: parts.append("not through \(unless ?? "")")
        case .takes?: parts.append("that do not take \(unless ?? "")")
        case nil: break
        }
        return "runs " + parts.joined(separator: " and ")
    }

    /// The product states one step from activity `a` with `flag`: over each transition and cancellation that does
    /// not enter an activity or take a transition `unless` names.
    private static func successors(
        of a: Int, flag: Int, graph: FlowGraph, whenAt: [Bool], whenTaken: [Bool], unlessAt: [Bool], unlessTaken: [Bool],
        _ visit: (Int) -> Void
    ) {
        for t in graph.outgoing[a] {
            let b = graph.transitions[t].target
            if unlessAt[b] { continue }
            if unlessTaken[t] { continue }
            visit(b * 2 + (flag == 1 || whenAt[b] || whenTaken[t] ? 1 : 0))
        }
        for c in graph.cancellable[a] {
            guard let b = graph.cancellations[c].target, !unlessAt[b] else { continue }
            visit(b * 2 + (flag == 1 || whenAt[b] ? 1 : 0))
        }
    }

    // MARK: Paths

    /// The shortest path in scope from the start to `goal` that passes no `stops` activity before it: for `visits`
    /// and `before` in a process without parallel work. `finishing`: the run ends at the goal (an end, for
    /// `visits`); otherwise it goes on from the goal to an end, still in scope.
    func path(to goal: Int, stoppingAt stops: [Bool], finishing: Bool) -> [Int]? {
        guard let initial else { return nil }
        let count = graph.activityCount
        var parent = Array(repeating: -2, count: count * 2)
        parent[initial] = -1
        var queue = [initial]
        var head = 0
        func accepted(_ state: Int) -> Bool { finishing ? state % 2 == 1 : finishes[state] }
        var found: Int?
        while head < queue.count {
            let state = queue[head]
            head += 1
            if state / 2 == goal && accepted(state) {
                found = state
                break
            }
            if stops[state / 2] { continue }
            Self.successors(
                of: state / 2, flag: state % 2, graph: graph, whenAt: whenAt, whenTaken: whenTaken, unlessAt: unlessAt,
                unlessTaken: unlessTaken
            ) { next in
                if parent[next] == -2 {
                    parent[next] = state
                    queue.append(next)
                }
            }
        }
        guard var state = found else { return nil }
        var path = [state / 2]
        while parent[state] >= 0 {
            state = parent[state]
            path.append(state / 2)
        }
        return path.reversed()
    }

    // MARK: Runs with parallel work

    /// The activities a witness run can be routed through to do what `when` asks: each activity `when` names, or
    /// the source of the transition it names, with the activity the run goes on from.
    var anchors: [(reach: Int, goOnFrom: Int)] {
        if let edge = whenEdge { return inScope[edge.from] ? [(edge.from, edge.to)] : [] }
        return whenAt.indices.filter { whenAt[$0] && inScope[$0] }.map { ($0, $0) }
    }

    /// Whether a witness run to `goal` is in scope: it takes no transition `unless` names (the activities it names
    /// are avoided by the search), and it has done what `when` asks, by the goal (`finishing`) or on some way from
    /// the goal to an end. `routed`: the run was built through an anchor, so it has.
    func accepts(_ items: [RunSearch.Item], goal: Int, finishing: Bool, routed: Bool = false) -> Bool {
        var passesWhen = !hasWhen || routed
        var takesUnless = false
        func walk(_ items: [RunSearch.Item], from previous: Int?) {
            var previous = previous
            for item in items {
                switch item {
                case .activity(let a):
                    if whenAt[a] { passesWhen = true }
                    if let p = previous {
                        if let edge = whenEdge, edge.from == p, edge.to == a { passesWhen = true }
                        if let edge = unlessEdge, edge.from == p, edge.to == a { takesUnless = true }
                    }
                    previous = a
                case .parallel(let f, let branches):
                    let source = graph.forks[f].source
                    for branch in branches {
                        if branch.isOpen {
                            for a in branch.firstActivities where whenAt[a] { passesWhen = true }
                        }
                        walk(branch.items, from: source)
                    }
                    previous = nil
                case .cancel:
                    previous = nil
                }
            }
        }
        walk(items, from: nil)
        if takesUnless { return false }
        return finishing ? passesWhen : finishes[goal * 2 + (passesWhen ? 1 : 0)]
    }
}

extension Policy {
    /// The runs the policy is about, in its own terms (`runs through an activity that is tagged 'confirmed'`); nil
    /// when it has neither `when` nor `unless`.
    package var runsPhrase: String? {
        guard when != nil || unless != nil else { return nil }
        func phrase(_ condition: RunCondition?) -> String? {
            switch condition?.event {
            case .passes(let selector)?: return selector.phrase
            case .takes(let from, let to)?: return "'\(from.value)' → '\(to.value)'"
            case nil: return nil
            }
        }
        return RunScope.runs(self, when: phrase(when), unless: phrase(unless))
    }
}
