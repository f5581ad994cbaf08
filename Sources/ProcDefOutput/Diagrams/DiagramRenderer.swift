import ProcDef

/// Renders `diagrams/<id>.dot`: the process as a swimlane flowchart.
///
/// - One lane (`subgraph "cluster_<role>"`) per responsible role, labelled with the role's name and team; an
///   activity with several responsible roles sits in the lane of the first. `newrank=true` lets ranks line up
///   across lanes.
/// - Node ids are quoted slugs (`"a_<activity-id>"`, `"p_<process-id>"`, `"start"`, `"end"`); display text only in
///   labels. Start is a circle, end a double circle. A typed step carries BPMN's marker before its name (✔ approval,
///   ✉ notification, ⚙ automated, ◷ wait, ✎ request); an automated step is shaded.
/// - A decision's edges are labelled with their `when`; handoffs are bold with the artifact; a handoff gap (only
///   with `--allow-errors`) is red; triggers are dashed edges to a `component` node for the other process, linked
///   to its runbook; back edges are `constraint=false` so loops do not pull the layout apart.
/// - Parallel work as BPMN draws it: a fork is a parallel gateway (a diamond marked `+`) after its activity, with an
///   edge to each branch; a `join: all` activity has a parallel gateway before it that every arrival goes into. Each
///   `cancel` entry is one interrupting event (a double circle marked ⚡) with a dashed edge to where it goes,
///   labelled with its condition and the steps it interrupts: an edge from every one of them would bury the flow.
package struct DiagramRenderer: Sendable {
    package init() {}

    package func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The DOT file as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        let definition = process.process
        let activities = definition.activities
        // About 350 bytes of DOT per activity, plus the defaults.
        var dot = DOTWriter(graphName: process.id, capacity: 768 + 400 * activities.count)
        dot.defaults("graph")
        dot.keyword("charset", "UTF-8")
        dot.keyword("rankdir", "LR")
        dot.keyword("newrank", "true")
        dot.text("label", definition.name.value)
        dot.keyword("labelloc", "t")
        dot.keyword("fontsize", "18")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("nodesep", "0.35")
        dot.keyword("ranksep", "0.45")
        dot.end()
        dot.defaults("node")
        dot.keyword("shape", "box")
        dot.keyword("style", "rounded,filled")
        dot.keyword("fillcolor", "white")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("fontsize", "11")
        dot.keyword("margin", "0.12,0.06")
        dot.end()
        dot.defaults("edge")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("fontsize", "9")
        dot.keyword("color", "#555555")
        dot.end()
        dot.blankLine()

        dot.node(DOTID("start"))
        dot.text("label", "")
        dot.keyword("shape", "circle")
        dot.keyword("style", "filled")
        dot.keyword("fillcolor", "black")
        dot.number("width", 0.25)
        dot.keyword("fixedsize", "true")
        dot.text("tooltip", "start")
        dot.end()
        if !process.graph.ends.isEmpty {
            dot.node(DOTID("end"))
            dot.text("label", "")
            dot.keyword("shape", "doublecircle")
            dot.keyword("style", "filled")
            dot.keyword("fillcolor", "black")
            dot.number("width", 0.2)
            dot.keyword("fixedsize", "true")
            dot.text("tooltip", "end")
            dot.end()
        }

        let points = process.handoffs.points
        var pointsByEdge: [EdgeKey: Int] = [:]
        for (i, point) in points.enumerated() {
            pointsByEdge[EdgeKey(source: point.source, kind: point.kind)] = i
        }
        let labels = Self.transitionLabels(process, pointsByEdge)
        // A labelled edge that is not a loop is drawn through a node of its own, in its source's lane, that carries
        // its text: `dot` keeps nodes apart, where it lays edge labels over each other.
        var labelNodes: [Int: [Int]] = [:]
        for (t, transition) in process.graph.transitions.enumerated() where labels[t].text != nil && !Self.isLoopBack(transition) {
            labelNodes[transition.source, default: []].append(t)
        }
        // One lane per role that is the first responsible of a step, in the workspace's order of roles, so that a
        // role sits in the same place in every diagram of a library.
        var lanes: [String: [Int]] = [:]
        var firstUse: [String] = []
        var unassigned: [Int] = []
        for i in activities.indices {
            guard let role = activities[i].responsible.first?.value else {
                unassigned.append(i)
                continue
            }
            if lanes[role] == nil { firstUse.append(role) }
            lanes[role, default: []].append(i)
        }
        let laneOrder = Self.laneOrder(firstUse, process)
        for role in laneOrder {
            dot.blankLine()
            dot.beginSubgraph(DOTID("cluster_", role))
            dot.text("label", "")
            dot.keyword("style", "filled")
            dot.keyword("fillcolor", "#f3f5f7")
            dot.keyword("color", "#c5ccd3")
            // The lane's name at its start, and an empty point at its end: the anchors of every lane share the first
            // and the last rank, so every band runs the full length of the drawing and the bands line up.
            let known = process.role(role)
            var name = known?.name.value ?? role
            if let team = known?.team?.value, team != name { name += "\n" + team }
            dot.node(Self.laneStartID(role))
            dot.text("label", LabelWrapping.wrap(name, width: 18))
            dot.keyword("shape", "plaintext")
            dot.keyword("style", "")
            dot.number("fontsize", 12)
            dot.end()
            dot.node(Self.laneEndID(role))
            dot.text("label", "")
            dot.keyword("shape", "point")
            dot.keyword("style", "invis")
            dot.end()
            for i in lanes[role] ?? [] { activityNode(i, activities[i], process, into: &dot) }
            if process.graph.hasParallelWork { parallelNodes(lanes[role] ?? [], process, into: &dot) }
            for i in lanes[role] ?? [] {
                for t in labelNodes[i] ?? [] { labelNode(t, labels[t], into: &dot) }
            }
            dot.endSubgraph()
        }
        if !laneOrder.isEmpty {
            dot.blankLine()
            dot.sameRank("min", [DOTID("start")] + laneOrder.map(Self.laneStartID))
            dot.sameRank("max", (process.graph.ends.isEmpty ? [] : [DOTID("end")]) + laneOrder.map(Self.laneEndID))
            // Flat edges between the lanes' starts keep the lanes in this order, top to bottom.
            dot.chain(laneOrder.reversed().map(Self.laneStartID), invisible: true)
        }
        if !unassigned.isEmpty { dot.blankLine() }
        for i in unassigned { activityNode(i, activities[i], process, into: &dot) }
        for i in unassigned {
            for t in labelNodes[i] ?? [] { labelNode(t, labels[t], into: &dot) }
        }
        if process.graph.hasParallelWork { parallelNodes(unassigned, process, into: &dot) }

        dot.blankLine()
        if let start = process.graph.start {
            dot.edge(DOTID("start"), Self.nodeID(activities[start]))
            dot.end()
        }
        var drawnForks: Set<Int> = []
        for (t, transition) in process.graph.transitions.enumerated() {
            let (label, isGap, timeout) = (labels[t].text, labels[t].isGap, labels[t].timeout)
            var from = Self.nodeID(activities[transition.source])
            if let (site, _) = transition.fork {
                forkEntry(site, process, drawn: &drawnForks, into: &dot)
                from = Self.forkNodeID(site)
            }
            let to =
                activities[transition.target].isJoin
                ? Self.joinNodeID(activities[transition.target]) : Self.nodeID(activities[transition.target])
            let through = label != nil && !Self.isLoopBack(transition)
            if through {
                dot.edge(from, Self.labelNodeID(t))
                dot.keyword("arrowhead", "none")
                edgeStyle(isGap: isGap, handoff: transition.handoff != nil, timeout: timeout != nil, into: &dot)
                dot.end()
                from = Self.labelNodeID(t)
            }
            dot.edge(from, to)
            if !through, let text = label { dot.text("label", text) }
            if isGap {
                if timeout != nil { dot.keyword("style", "dashed") }
                dot.keyword("color", "red")
                dot.keyword("fontcolor", "red")
                dot.number("penwidth", 2)
            } else if transition.handoff != nil {
                dot.keyword("style", timeout != nil ? "dashed,bold" : "bold")
                dot.number("penwidth", 2)
                dot.keyword("color", "#1f4e79")
                dot.keyword("fontcolor", "#1f4e79")
            } else if timeout != nil {
                dot.keyword("style", "dashed")
            }
            if Self.isLoopBack(transition) { dot.keyword("constraint", "false") }
            dot.end()
        }
        for (i, activity) in activities.enumerated() where activity.isJoin {
            dot.edge(Self.joinNodeID(activity), Self.nodeID(activities[i]))
            dot.end()
        }
        for end in process.graph.ends {
            dot.edge(Self.nodeID(activities[end]), DOTID("end"))
            dot.end()
        }
        cancellations(process, into: &dot)

        triggers(process, pointsByEdge, into: &dot)
        return dot.finish()
    }

    /// What an edge of the flow says: an approval's answer, a timer's clock, the condition, and the handoff's
    /// artifact or its gap.
    private struct TransitionLabel {
        var text: String?
        var isGap: Bool
        var timeout: Timeout?
    }

    private static func transitionLabels(_ process: CheckedProcess, _ pointsByEdge: [EdgeKey: Int]) -> [TransitionLabel] {
        let activities = process.process.activities
        let points = process.handoffs.points
        return process.graph.transitions.map { transition in
            let kind: HandoffPoint.Kind
            switch transition.kind {
            case .fallThrough: kind = .fallThrough
            case .single: kind = .single
            case .branch(let index): kind = .branch(index: index)
            case .fork(let route): kind = .fork(route)
            case .timeout(let index): kind = .timeout(index: index)
            }
            let isGap = pointsByEdge[EdgeKey(source: transition.source, kind: kind)].map { points[$0].isGap } ?? false
            var label = EdgeLabel()
            // An approval's answer reads first: the branch is the yes or the no.
            if case .branch(let b) = transition.kind, case .branches(let branches, _)? = activities[transition.source].next,
                branches.indices.contains(b), let outcome = branches[b].outcome?.value
            {
                label.add(outcome == .approved ? "✔ approved" : "✘ rejected")
            }
            var timeout: Timeout?
            if case .timeout(let k) = transition.kind, activities[transition.source].timeouts.indices.contains(k) {
                // A BPMN boundary timer: the clock, then how long it runs.
                let timer = activities[transition.source].timeouts[k]
                timeout = timer
                label.add("after " + (timer.after?.text ?? "?") + (timer.isInterrupting ? "" : " (goes on)"))
            }
            if let when = transition.condition?.value { label.add(LabelWrapping.wrap(when)) }
            if isGap {
                label.add("handoff gap")
            } else if let artifact = transition.handoff?.statedArtifact?.value {
                label.add(Self.artifactLabel(artifact))
            }
            return TransitionLabel(text: label.text, isGap: isGap, timeout: timeout)
        }
    }

    /// Whether an edge is laid out as a loop (`constraint=false`): it goes back to an activity listed at or before its
    /// source. Authors list activities in the order the work usually flows, so this keeps the main path left to
    /// right. `FlowGraph.isBackEdge` is also a valid set of loop edges, but it follows the depth-first search's
    /// branch order: in "triage -> {workaround -> confirm, diagnose}; confirm -> diagnose (still failing); diagnose
    /// -> confirm" it would call diagnose -> confirm the loop and draw the main path backwards. Both sets leave an
    /// acyclic graph of constrained edges, which is all `dot` needs.
    static func isLoopBack(_ transition: FlowGraph.Transition) -> Bool {
        transition.target <= transition.source
    }

    /// `[incident-record]`: the artifact a handoff passes, bracketed so it reads apart from the condition above it.
    static func artifactLabel(_ artifact: String) -> String {
        "[" + LabelWrapping.wrap(artifact) + "]"
    }

    /// The lanes' roles in the workspace's order: the catalogue's roles as the catalogue lists them, then the
    /// process's local roles and unknown ids in the order their first step appears.
    static func laneOrder(_ firstUse: [String], _ process: CheckedProcess) -> [String] {
        let catalogue = process.context.workspace.catalogues.flatMap(\.roles).map(\.id.value)
        var position: [String: Int] = [:]
        for (index, id) in catalogue.enumerated() where position[id] == nil { position[id] = index }
        let local = Set(process.process.roles.map(\.id.value))
        return firstUse.enumerated().sorted { a, b in
            let keyA = local.contains(a.element) ? nil : position[a.element]
            let keyB = local.contains(b.element) ? nil : position[b.element]
            switch (keyA, keyB) {
            case (let x?, let y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// `lane_<role>`: the start of a role's lane, which carries its name.
    static func laneStartID(_ role: String) -> DOTID { DOTID("lane_", role) }

    /// `lane_end_<role>`: the invisible end of a role's lane.
    static func laneEndID(_ role: String) -> DOTID { DOTID("lane_end_", role) }

    /// `l_<n>`: the node that carries the label of the flow graph's transition `n`.
    static func labelNodeID(_ transition: Int) -> DOTID { DOTID("l_", String(transition)) }

    private func labelNode(_ transition: Int, _ label: TransitionLabel, into dot: inout DOTWriter) {
        dot.node(Self.labelNodeID(transition))
        dot.text("label", label.text ?? "")
        dot.keyword("shape", "plaintext")
        dot.keyword("style", "")
        dot.number("fontsize", 9)
        dot.keyword("margin", "0.02,0.02")
        dot.number("height", 0.1)
        if label.isGap {
            dot.keyword("fontcolor", "red")
        }
        dot.end()
    }

    private func edgeStyle(isGap: Bool, handoff: Bool, timeout: Bool, into dot: inout DOTWriter) {
        if isGap {
            if timeout { dot.keyword("style", "dashed") }
            dot.keyword("color", "red")
            dot.number("penwidth", 2)
        } else if handoff {
            dot.keyword("style", timeout ? "dashed,bold" : "bold")
            dot.number("penwidth", 2)
            dot.keyword("color", "#1f4e79")
        } else if timeout {
            dot.keyword("style", "dashed")
        }
    }

    /// `a_<activity-id>`: the node of an activity.
    static func nodeID(_ activity: Activity) -> DOTID { DOTID("a_", activity.id.value) }

    /// `fork_<n>`: the parallel gateway of the fork at index `n` of the flow graph's forks.
    static func forkNodeID(_ site: Int) -> DOTID { DOTID("fork_", String(site)) }

    /// `join_<activity-id>`: the parallel gateway before a `join: all` activity.
    static func joinNodeID(_ activity: Activity) -> DOTID { DOTID("join_", activity.id.value) }

    /// `cancel_<n>`: the interrupting event of the process's `n`th cancel entry.
    static func cancelNodeID(_ entry: Int) -> DOTID { DOTID("cancel_", String(entry)) }

    /// `p_<process-id>`: the node of another process.
    static func processNodeID(_ id: String) -> DOTID { DOTID("p_", id) }

    private func activityNode(_ index: Int, _ activity: Activity, _ process: CheckedProcess, into dot: inout DOTWriter) {
        var label = LabelWrapping.wrap("\(index + 1). \(activity.name.value)", width: 24)
        if let marker = Self.typeMarker(activity.stepType) { label = marker + " " + label }
        if let target = activity.target { label += "\n(\(target.text))" }
        if activity.isCadence {
            // BPMN's loop marker, with the interval.
            label += "\n↻ " + activity.cadence.map(\.text).joined(separator: "; ")
            if let until = activity.until {
                label += " until " + (process.process.activityIndex(until.value).map { "\($0 + 1)." } ?? until.value)
            }
        }
        if activity.responsible.count > 1 {
            // Shared work: the lane shows the first role, the node says who else is responsible.
            let others = activity.responsible.dropFirst().map { process.roleName($0.value) }
            label += "\nwith " + LabelWrapping.wrap(others.joined(separator: ", "), width: 24)
        }
        dot.node(Self.nodeID(activity))
        dot.text("label", label)
        dot.text("tooltip", activity.stepType == .task ? activity.id.value : "\(activity.id.value) (\(activity.stepType.rawValue))")
        // A machine's step reads apart from people's work at a glance, as BPMN's service task does.
        if activity.stepType == .automated { dot.keyword("fillcolor", "#eef3f8") }
        dot.end()
    }

    /// The marker BPMN draws in a task's corner, for each type of step but a plain task: a check mark for an
    /// approval, an envelope for a notification (a send task), a gear for an automated step (a service task), a clock
    /// for a wait (a timer) and a pencil for a request (a form).
    static func typeMarker(_ type: ActivityType) -> String? {
        switch type {
        case .task: nil
        case .approval: "✔"
        case .notification: "✉"
        case .automated: "⚙"
        case .wait: "◷"
        case .request: "✎"
        }
    }

    /// The gateways and events that sit in the lane of these activities: each fork's gateway with its activity, each
    /// join's with the joining activity, each cancel event with the activity it goes to.
    private func parallelNodes(_ lane: [Int], _ process: CheckedProcess, into dot: inout DOTWriter) {
        let activities = process.process.activities
        let inLane = Set(lane)
        for (f, fork) in process.graph.forks.enumerated() where inLane.contains(fork.source) {
            gateway(Self.forkNodeID(f), tooltip: "at the same time: every branch runs", into: &dot)
        }
        for i in lane where activities[i].isJoin {
            gateway(Self.joinNodeID(activities[i]), tooltip: "waits for every branch", into: &dot)
        }
        for (c, entry) in process.graph.cancellations.enumerated() {
            guard let target = entry.target, inLane.contains(target) else { continue }
            dot.node(Self.cancelNodeID(c))
            dot.text("label", "⚡")
            dot.keyword("shape", "doublecircle")
            dot.keyword("fillcolor", "#fdecea")
            dot.keyword("color", "#b3261e")
            dot.number("width", 0.3)
            dot.keyword("fixedsize", "true")
            dot.number("fontsize", 12)
            dot.text("tooltip", "cancellation: " + (entry.cancellation.when?.value ?? "cut the case short"))
            dot.end()
        }
    }

    /// A BPMN parallel gateway: a small diamond marked `+`.
    private func gateway(_ id: DOTID, tooltip: String, into dot: inout DOTWriter) {
        dot.node(id)
        dot.text("label", "+")
        dot.keyword("shape", "diamond")
        dot.keyword("style", "filled")
        dot.keyword("fillcolor", "#fff3c4")
        dot.number("width", 0.4)
        dot.number("height", 0.4)
        dot.keyword("fixedsize", "true")
        dot.number("fontsize", 16)
        dot.text("tooltip", tooltip)
        dot.end()
    }

    /// The edge into a fork's gateway, once: from its activity (with the decision's condition, when a decision entry
    /// forks), or from the gateway of the fork it is nested in.
    private func forkEntry(_ site: Int, _ process: CheckedProcess, drawn: inout Set<Int>, into dot: inout DOTWriter) {
        guard drawn.insert(site).inserted else { return }
        let fork = process.graph.forks[site]
        if let parent = fork.parent {
            forkEntry(parent.site, process, drawn: &drawn, into: &dot)
            dot.edge(Self.forkNodeID(parent.site), Self.forkNodeID(site))
        } else {
            dot.edge(Self.nodeID(process.process.activities[fork.source]), Self.forkNodeID(site))
            if let when = fork.condition?.value { dot.text("label", LabelWrapping.wrap(when)) }
        }
        dot.end()
    }

    /// One dashed edge per cancel entry, from its event to where it goes: the condition, the steps it interrupts,
    /// and the handoff's artifact or its gap.
    private func cancellations(_ process: CheckedProcess, into dot: inout DOTWriter) {
        let entries = process.graph.cancellations
        guard !entries.isEmpty else { return }
        let activities = process.process.activities
        let points = process.handoffs.points
        dot.blankLine()
        for (c, entry) in entries.enumerated() {
            guard let target = entry.target else { continue }
            let point = points.first { $0.kind == .cancel(entry: c) }
            let isGap = point?.isGap ?? false
            var label = EdgeLabel()
            label.add("⚡ " + LabelWrapping.wrap(entry.cancellation.when?.value ?? "cut short"))
            label.add("from " + StepNumbers.phrase(entry.sources))
            if isGap {
                label.add("handoff gap")
            } else if let artifact = entry.cancellation.handoff?.statedArtifact?.value {
                label.add(Self.artifactLabel(artifact))
            }
            dot.edge(Self.cancelNodeID(c), Self.nodeID(activities[target]))
            dot.text("label", label.text ?? "")
            dot.keyword("style", "dashed")
            if isGap {
                dot.keyword("color", "red")
                dot.keyword("fontcolor", "red")
                dot.number("penwidth", 2)
            } else {
                dot.keyword("color", "#b3261e")
                dot.keyword("fontcolor", "#b3261e")
                if entry.cancellation.handoff != nil { dot.number("penwidth", 2) }
            }
            dot.end()
        }
    }

    /// One node per triggered process (linked to its runbook, or for a process defined elsewhere outlined dashed and
    /// linked to its `link`) and a dashed edge from each triggering activity.
    private func triggers(_ process: CheckedProcess, _ pointsByEdge: [EdgeKey: Int], into dot: inout DOTWriter) {
        guard !process.graph.triggers.isEmpty else { return }
        let activities = process.process.activities
        let points = process.handoffs.points
        dot.blankLine()
        var drawn: Set<String> = []
        for edge in process.graph.triggers {
            let id = edge.trigger.process.value
            guard drawn.insert(id).inserted else { continue }
            dot.node(Self.processNodeID(id))
            if let other = process.processesByID[id] {
                dot.text("label", LabelWrapping.wrap(other.name.value, width: 24) + "\n(process)")
                dot.keyword("shape", "component")
                dot.keyword("fillcolor", "#fff8e1")
                if let runbook = OutputLayout.runbook(id) { dot.text("URL", "../" + runbook) }
                dot.text("tooltip", id)
            } else if let external = process.context.workspace.externalProcess(id: id) {
                dot.text("label", LabelWrapping.wrap(external.name.value, width: 24) + "\n(defined elsewhere)")
                dot.keyword("shape", "component")
                dot.keyword("style", "dashed,filled")
                dot.keyword("fillcolor", "#fff8e1")
                if let link = external.link?.value { dot.text("URL", link) }
                dot.text("tooltip", id)
            } else {
                dot.text("label", id + "\n(no such process)")
                dot.keyword("shape", "component")
                dot.keyword("fillcolor", "#fff8e1")
                dot.keyword("color", "red")
                dot.keyword("fontcolor", "red")
            }
            dot.end()
        }
        var indexBySource: [Int: Int] = [:]
        for edge in process.graph.triggers {
            let index = indexBySource[edge.source, default: 0]
            indexBySource[edge.source] = index + 1
            let isGap = pointsByEdge[EdgeKey(source: edge.source, kind: .trigger(index: index))].map { points[$0].isGap } ?? false
            var label = EdgeLabel()
            if let when = edge.trigger.when?.value { label.add(LabelWrapping.wrap(when)) }
            if isGap {
                label.add("handoff gap")
            } else if let artifact = edge.trigger.handoff?.statedArtifact?.value {
                label.add(Self.artifactLabel(artifact))
            }
            dot.edge(Self.nodeID(activities[edge.source]), Self.processNodeID(edge.trigger.process.value))
            if let text = label.text { dot.text("label", text) }
            dot.keyword("style", "dashed")
            if isGap {
                dot.keyword("color", "red")
                dot.keyword("fontcolor", "red")
            }
            dot.end()
        }
    }
}

/// The lines of an edge label, joined by line breaks; nil when there is none (an empty line still counts).
private struct EdgeLabel {
    private(set) var text: String?

    mutating func add(_ line: String) {
        text = text.map { $0 + "\n" + line } ?? line
    }
}

/// Matches a flow edge with its handoff point.
struct EdgeKey: Hashable {
    var source: Int
    var kind: HandoffPoint.Kind
}
