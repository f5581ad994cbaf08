/// How long a process can leave its customers (or a role with its own `max-silence`) without news: the longest
/// stretch of budgeted time, on any path, between two moments they hear from the case.
///
/// They hear from the case at a step that informs them (unconditionally), consults them, or is theirs to do (the
/// customer has the next action). A cadence that informs them, while it runs (from where it starts to the end of its
/// `until`), caps the silence at its longest interval for the priority; a continuous duty of theirs keeps them in
/// touch. A stretch ends where the step that tells them starts, and the next begins when that step ends; the time
/// after the last news on a path is not silence (the case has told its outcome). Untimed steps count as zero, so only
/// silence the budgets prove is reported. Loops are collapsed and counted once, as for the targets.
package struct SilenceAnalysis: Sendable {
    /// Who is listened for, and for how long.
    package struct Audience: Sendable {
        package var roles: [String]
        /// The longest silence allowed, in seconds.
        package var limit: Int
        package var limitText: String
        /// Nil for the customers and the requester together; else the role whose own `max-silence` this is.
        package var ownRole: String?
    }

    /// A silent stretch: from the end of `from` (nil: the start of the case) to the start of `to` (an end when the
    /// case closes without any news).
    package struct Stretch: Sendable {
        package var from: Int?
        package var to: Int
        package var closesCase: Bool
        package var length: TimeSpan
        package var priority: String?
        /// The steps of the stretch, with their times, as the target rules list a path.
        package var path: TargetAnalysis.TimedPath
    }

    /// A cadence that tells the audience less often than its limit allows.
    package struct SlowCadence: Sendable {
        package var activity: Int
        package var every: TimeSpan
        package var priority: String?
    }

    package var audience: Audience
    /// The longest stretch over the limit ending at each step, per step in order; one per step, for its worst priority.
    package private(set) var stretches: [Stretch] = []
    package private(set) var slowCadences: [SlowCadence] = []
    /// The longest stretch found, over the limit or not; nil when the audience never waits on a timed step.
    package private(set) var longest: Stretch?

    package init(audience: Audience, process: ProcessDefinition, graph: FlowGraph, flows: [TimedFlow], roles: [ActivityRoles]) {
        self.audience = audience
        let members = Set(audience.roles)
        let activities = process.activities
        let businessDay = flows.first?.businessDay ?? TimeTarget.defaultBusinessDaySeconds
        var direct = Array(repeating: false, count: activities.count)
        for (i, activity) in activities.enumerated() {
            let told = roles[i].informed.contains { members.contains($0.value) && activity.condition(informed: $0.value) == nil }
            let asked = roles[i].consulted.contains { members.contains($0.value) && activity.condition(consulted: $0.value) == nil }
            let theirs = roles[i].responsible.contains { members.contains($0.value) }
            direct[i] = told || asked || theirs
        }
        var worstAt: [Int: Stretch] = [:]
        for flow in flows {
            var contact = direct
            var reached = graph.start.map { flow.reachable(from: $0) } ?? []
            if let start = graph.start { reached[start] = true }
            // A cadence keeps in touch only the cases that run it: those of this priority that reach it.
            for (c, activity) in activities.enumerated() where activity.until != nil && direct[c] && reached[c] {
                guard let until = activity.until.flatMap({ process.activityIndex($0.value) }) else { continue }
                // While the cadence or the duty runs, they are kept in touch: from where it starts to its until's end.
                let origin = Self.branchStart(of: c, in: graph)
                let ahead = flow.reachable(from: origin)
                let behind = flow.reaching(until)
                for v in contact.indices where (ahead[v] || v == origin) && behind[v] { contact[v] = true }
                if activity.isCadence,
                    let every = Self.longestInterval(activity, priority: flow.priority, process: process, businessDay: businessDay),
                    every.bestElapsed > audience.limit
                {
                    if !slowCadences.contains(where: { $0.activity == c && $0.every.bestElapsed >= every.bestElapsed }) {
                        slowCadences.removeAll { $0.activity == c }
                        slowCadences.append(SlowCadence(activity: c, every: every, priority: flow.priority))
                    }
                }
            }
            for stretch in Self.stretches(flow: flow, graph: graph, contact: contact, limit: audience.limit) {
                if longest.map({ $0.length.bestElapsed < stretch.length.bestElapsed }) ?? true { longest = stretch }
                guard stretch.length.bestElapsed > audience.limit else { continue }
                if let known = worstAt[stretch.to], known.length.bestElapsed >= stretch.length.bestElapsed { continue }
                worstAt[stretch.to] = stretch
            }
        }
        stretches = worstAt.keys.sorted().compactMap { worstAt[$0] }
        slowCadences.sort { $0.activity < $1.activity }
    }

    /// Where the branch that holds `step` was forked: back from `step` along the steps that have one plain way in
    /// (no decision branch, no timer), the first fork's activity; `step` itself when no fork leads there. A cadence on
    /// a branch of its own (a first notice, then the updates) keeps the customer in touch with everything that runs
    /// beside that branch; one on a decision's arm only with what follows it.
    static func branchStart(of step: Int, in graph: FlowGraph) -> Int {
        var cursor = step
        for _ in 0..<graph.activityCount {
            let incoming = graph.incoming[cursor].map { graph.transitions[$0] }.filter { !$0.isBackEdge }
            guard incoming.count == 1 else { break }
            switch incoming[0].kind {
            case .fork: return incoming[0].source
            case .single, .fallThrough: cursor = incoming[0].source
            case .branch, .timeout: return step
            }
        }
        return step
    }

    /// The longest interval of a cadence that can apply to cases of `priority`: its entries without `when`, with a
    /// label, or naming this priority.
    static func longestInterval(_ activity: Activity, priority: String?, process: ProcessDefinition, businessDay: Int) -> TimeSpan? {
        var longest: TimeSpan?
        for entry in activity.cadence {
            if let priority, let named = entry.priority(among: process.priorities), named != priority { continue }
            guard let duration = priority.map({ entry.every.duration(for: $0) }) ?? entry.every.single else { continue }
            let span = TimeSpan(duration.value, businessDay: businessDay)
            if longest.map({ $0.bestElapsed < span.bestElapsed }) ?? true { longest = span }
        }
        return longest
    }

    /// Every stretch ending at a contact (or at an end, on a path with no news at all), the longest per place.
    private static func stretches(flow: TimedFlow, graph: FlowGraph, contact: [Bool], limit: Int) -> [Stretch] {
        guard let start = graph.start else { return [] }
        var include = flow.reachable(from: start)
        include[start] = true
        let (members, componentOf) = flow.components(including: include)
        let parts = members.count
        var work = Array(repeating: TimeSpan.zero, count: parts)
        var isLoop = Array(repeating: false, count: parts)
        var touches = Array(repeating: false, count: parts)
        for (c, nodes) in members.enumerated() {
            for node in nodes {
                if contact[node] { touches[c] = true }
                work[c] = work[c] + flow.stepTime(node)
                for e in flow.outgoing[node] where include[flow.edges[e].target] && componentOf[flow.edges[e].target] == c {
                    isLoop[c] = true
                    work[c] = work[c] + flow.edges[e].within
                }
            }
        }
        // Per part and layer (0: no news yet on the path, 1: after some news): the longest silence on arrival, where
        // it began, and how it was reached.
        struct Best {
            var length: TimeSpan
            var origin: Int?
            var edge: Int?
            var layer: Int
        }
        var best: [[Best?]] = Array(repeating: [nil, nil], count: parts)
        let origin = componentOf[start]
        best[origin][0] = Best(length: .zero, origin: nil, edge: nil, layer: 0)
        var found: [Int: Stretch] = [:]
        /// The stretch's steps, back from `part` to where the silence began.
        func path(to part: Int, layer: Int) -> TargetAnalysis.TimedPath {
            var result: [TargetAnalysis.PathPart] = []
            var total = TimeSpan.zero
            var cursor = (part: part, layer: layer)
            while let entry = best[cursor.part][cursor.layer], let e = entry.edge {
                let edge = flow.edges[e]
                let source = componentOf[edge.source]
                let within = edge.within == .zero ? nil : edge.within
                if touches[source] {
                    // The stretch began when this part ended.
                    if within != nil {
                        result.append(
                            TargetAnalysis.PathPart(activities: [edge.source], time: nil, isLoop: false, byTimer: false, within: within))
                    }
                    break
                }
                let byTimer = !isLoop[source] && edge.timerAfter != nil
                let time =
                    isLoop[source]
                    ? work[source] : (byTimer ? edge.timerAfter : flow.budget[edge.source].map { _ in flow.stepTime(edge.source) })
                total = total + (isLoop[source] ? work[source] : flow.exitTime(edge)) + edge.within
                result.append(
                    TargetAnalysis.PathPart(
                        activities: isLoop[source] ? members[source] : [edge.source], time: time, isLoop: isLoop[source], byTimer: byTimer,
                        within: within))
                cursor = (source, entry.layer)
            }
            return TargetAnalysis.TimedPath(total: total, parts: result.reversed(), unboundedLoops: [])
        }
        for c in origin..<parts {
            for layer in 0..<2 {
                guard let arrived = best[c][layer] else { continue }
                let node = members[c][0]
                let outgoing = members[c].flatMap { flow.outgoing[$0] }.filter {
                    include[flow.edges[$0].target] && componentOf[flow.edges[$0].target] != c
                }
                // Only a stretch over the limit is reported with its steps: the others need none.
                let unlisted = TargetAnalysis.TimedPath(total: .zero, parts: [], unboundedLoops: [])
                if touches[c] {
                    let over = arrived.length.bestElapsed > limit
                    let stretch = Stretch(
                        from: arrived.origin, to: members[c].first { contact[$0] } ?? node, closesCase: false, length: arrived.length,
                        priority: flow.priority, path: over ? path(to: c, layer: layer) : unlisted)
                    if found[stretch.to].map({ $0.length.bestElapsed < stretch.length.bestElapsed }) ?? true { found[stretch.to] = stretch }
                } else if outgoing.isEmpty && layer == 0 {
                    let time = work[c]
                    let over = (arrived.length + time).bestElapsed > limit
                    var stretchPath = over ? path(to: c, layer: layer) : unlisted
                    if over {
                        stretchPath.parts.append(
                            TargetAnalysis.PathPart(
                                activities: members[c], time: isLoop[c] ? time : flow.budget[node].map { _ in flow.stepTime(node) },
                                isLoop: isLoop[c], byTimer: false,
                                within: nil))
                    }
                    let stretch = Stretch(
                        from: arrived.origin, to: node, closesCase: true, length: arrived.length + time, priority: flow.priority,
                        path: stretchPath)
                    if found[stretch.to].map({ $0.length.bestElapsed < stretch.length.bestElapsed }) ?? true { found[stretch.to] = stretch }
                }
                for e in outgoing {
                    let edge = flow.edges[e]
                    let target = componentOf[edge.target]
                    let next: Best
                    if touches[c] {
                        next = Best(length: edge.within, origin: members[c].last { contact[$0] } ?? node, edge: e, layer: layer)
                    } else {
                        let time = isLoop[c] ? work[c] : flow.exitTime(edge)
                        next = Best(length: arrived.length + time + edge.within, origin: arrived.origin, edge: e, layer: layer)
                    }
                    let targetLayer = touches[c] ? 1 : layer
                    if let known = best[target][targetLayer], known.length.bestElapsed >= next.length.bestElapsed { continue }
                    best[target][targetLayer] = next
                }
            }
        }
        return found.keys.sorted().compactMap { found[$0] }
    }
}
