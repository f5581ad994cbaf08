import ProcDef

/// Renders `diagrams/<id>.dot`: the process as a swimlane flowchart.
///
/// - One lane (`subgraph "cluster_<role>"`) per responsible role, labelled with the role's name and team; an
///   activity with several responsible roles sits in the lane of the first. `newrank=true` lets ranks line up
///   across lanes.
/// - Node ids are quoted slugs (`"a_<activity-id>"`, `"p_<process-id>"`, `"start"`, `"end"`); display text only in
///   labels. Start is a circle, end a double circle.
/// - A decision's edges are labelled with their `when`; handoffs are bold with the artifact; a handoff gap (only
///   with `--allow-errors`) is red; triggers are dashed edges to a `component` node for the other process, linked
///   to its runbook; back edges are `constraint=false` so loops do not pull the layout apart.
public struct DiagramRenderer: Sendable {
    public init() {}

    public func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The DOT file as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        let definition = process.process
        let activities = definition.activities
        // About 600 bytes of DOT per activity, plus the defaults.
        var dot = DOTWriter(graphName: process.id, capacity: 2048 + 768 * activities.count)
        dot.defaults("graph", [
            .keyword("charset", "UTF-8"), .keyword("rankdir", "LR"), .keyword("newrank", "true"),
            .text("label", definition.name.value), .keyword("labelloc", "t"), .keyword("fontsize", "18"),
            .keyword("fontname", "Helvetica"), .keyword("nodesep", "0.35"), .keyword("ranksep", "0.45"),
        ])
        dot.defaults("node", [
            .keyword("shape", "box"), .keyword("style", "rounded,filled"), .keyword("fillcolor", "white"),
            .keyword("fontname", "Helvetica"), .keyword("fontsize", "11"), .keyword("margin", "0.12,0.06"),
        ])
        dot.defaults("edge", [.keyword("fontname", "Helvetica"), .keyword("fontsize", "9"), .keyword("color", "#555555")])
        dot.blankLine()

        dot.node("start", [.text("label", ""), .keyword("shape", "circle"), .keyword("style", "filled"), .keyword("fillcolor", "black"), .number("width", 0.25), .keyword("fixedsize", "true"), .text("tooltip", "start")])
        if !process.graph.ends.isEmpty {
            dot.node("end", [.text("label", ""), .keyword("shape", "doublecircle"), .keyword("style", "filled"), .keyword("fillcolor", "black"), .number("width", 0.2), .keyword("fixedsize", "true"), .text("tooltip", "end")])
        }

        // Lanes in the order their first activity appears, so the first lane holds the start.
        var laneOrder: [String] = []
        var lanes: [String: [Int]] = [:]
        var unassigned: [Int] = []
        for (i, activity) in activities.enumerated() {
            guard let role = activity.responsible.first?.value else {
                unassigned.append(i)
                continue
            }
            if lanes[role] == nil { laneOrder.append(role) }
            lanes[role, default: []].append(i)
        }
        for role in laneOrder {
            dot.blankLine()
            dot.beginSubgraph("cluster_\(role)")
            var label = process.roleName(role)
            if let team = process.role(role)?.team?.value, team != label { label += "\n" + team }
            dot.attributes([
                .leftAligned("label", label), .keyword("labeljust", "l"), .keyword("style", "filled"),
                .keyword("fillcolor", "#f3f5f7"), .keyword("color", "#c5ccd3"), .keyword("fontsize", "12"),
            ])
            for i in lanes[role] ?? [] { activityNode(i, activities[i], process, into: &dot) }
            dot.endSubgraph()
        }
        if !unassigned.isEmpty { dot.blankLine() }
        for i in unassigned { activityNode(i, activities[i], process, into: &dot) }

        dot.blankLine()
        if let start = process.graph.start {
            dot.edge("start", Self.nodeID(activities[start]), [])
        }
        var pointsByEdge: [EdgeKey: HandoffPoint] = [:]
        for point in process.handoffs.points {
            pointsByEdge[EdgeKey(source: point.source, kind: point.kind)] = point
        }
        for transition in process.graph.transitions {
            let kind: HandoffPoint.Kind
            switch transition.kind {
            case .fallThrough: kind = .fallThrough
            case .single: kind = .single
            case .branch(let index): kind = .branch(index: index)
            }
            let point = pointsByEdge[EdgeKey(source: transition.source, kind: kind)]
            var lines: [String] = []
            if let when = transition.condition?.value { lines.append(LabelWrapping.wrap(when)) }
            var attributes: [DOTAttribute] = []
            if let point, point.isGap {
                lines.append("handoff gap")
                attributes += [.keyword("color", "red"), .keyword("fontcolor", "red"), .number("penwidth", 2)]
            } else if let handoff = transition.handoff {
                if let artifact = handoff.statedArtifact?.value { lines.append(Self.artifactLabel(artifact)) }
                attributes += [.keyword("style", "bold"), .number("penwidth", 2), .keyword("color", "#1f4e79"), .keyword("fontcolor", "#1f4e79")]
            }
            if !lines.isEmpty { attributes.insert(.text("label", lines.joined(separator: "\n")), at: 0) }
            if Self.isLoopBack(transition) { attributes.append(.keyword("constraint", "false")) }
            dot.edge(Self.nodeID(activities[transition.source]), Self.nodeID(activities[transition.target]), attributes)
        }
        for end in process.graph.ends {
            dot.edge(Self.nodeID(activities[end]), "end", [])
        }

        triggers(process, pointsByEdge, into: &dot)
        return dot.finish()
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

    /// `a_<activity-id>`: the node of an activity.
    static func nodeID(_ activity: Activity) -> String { "a_" + activity.id.value }

    /// `p_<process-id>`: the node of another process.
    static func processNodeID(_ id: String) -> String { "p_" + id }

    private func activityNode(_ index: Int, _ activity: Activity, _ process: CheckedProcess, into dot: inout DOTWriter) {
        var label = LabelWrapping.wrap("\(index + 1). \(activity.name.value)", width: 24)
        if let target = activity.target { label += "\n(\(target.value.text))" }
        var attributes: [DOTAttribute] = [.text("label", label), .text("tooltip", activity.id.value)]
        if activity.responsible.count > 1 {
            // Shared work: the lane shows the first role, the node says who else is responsible.
            let others = activity.responsible.dropFirst().map { process.roleName($0.value) }
            attributes[0] = .text("label", label + "\nwith " + LabelWrapping.wrap(others.joined(separator: ", "), width: 24))
        }
        dot.node(Self.nodeID(activity), attributes)
    }

    /// One node per triggered process (linked to its runbook) and a dashed edge from each triggering activity.
    private func triggers(_ process: CheckedProcess, _ points: [EdgeKey: HandoffPoint], into dot: inout DOTWriter) {
        guard !process.graph.triggers.isEmpty else { return }
        let activities = process.process.activities
        dot.blankLine()
        var drawn: Set<String> = []
        for edge in process.graph.triggers {
            let id = edge.trigger.process.value
            guard drawn.insert(id).inserted else { continue }
            var attributes: [DOTAttribute] = [.keyword("shape", "component"), .keyword("fillcolor", "#fff8e1")]
            if let other = process.processesByID[id] {
                attributes.insert(.text("label", LabelWrapping.wrap(other.name.value, width: 24) + "\n(process)"), at: 0)
                if let runbook = OutputLayout.runbook(id) { attributes.append(.text("URL", "../" + runbook)) }
                attributes.append(.text("tooltip", id))
            } else {
                attributes.insert(.text("label", id + "\n(no such process)"), at: 0)
                attributes += [.keyword("color", "red"), .keyword("fontcolor", "red")]
            }
            dot.node(Self.processNodeID(id), attributes)
        }
        var indexBySource: [Int: Int] = [:]
        for edge in process.graph.triggers {
            let index = indexBySource[edge.source, default: 0]
            indexBySource[edge.source] = index + 1
            let point = points[EdgeKey(source: edge.source, kind: .trigger(index: index))]
            var lines: [String] = []
            if let when = edge.trigger.when?.value { lines.append(LabelWrapping.wrap(when)) }
            var attributes: [DOTAttribute] = [.keyword("style", "dashed")]
            if let point, point.isGap {
                lines.append("handoff gap")
                attributes += [.keyword("color", "red"), .keyword("fontcolor", "red")]
            } else if let artifact = edge.trigger.handoff?.statedArtifact?.value {
                lines.append(Self.artifactLabel(artifact))
            }
            if !lines.isEmpty { attributes.insert(.text("label", lines.joined(separator: "\n")), at: 0) }
            dot.edge(Self.nodeID(activities[edge.source]), Self.processNodeID(edge.trigger.process.value), attributes)
        }
    }
}

/// Matches a flow edge with its handoff point.
struct EdgeKey: Hashable {
    var source: Int
    var kind: HandoffPoint.Kind
}
