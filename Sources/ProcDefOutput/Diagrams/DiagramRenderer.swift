import ProcDef

/// Renders a process's diagrams as Graphviz DOT: the swimlane flowchart (`diagrams/<id>.dot`) and the service
/// blueprint (`diagrams/<id>.blueprint.dot`).
///
/// - **Lanes.** One band per role responsible for a step (`ProcessLanes`), in the workspace's order of roles, each a
///   cluster with an anchor at both ends: the role's name where the band starts and an invisible point where it ends.
///   procdef lays the grid of lanes by ranks out itself (`SwimlaneLayout`) and pins every node, so every band runs the
///   whole length of the drawing and the bands line up; Graphviz's `neato` only routes the edges. A step with several
///   responsible roles is drawn in the first one's lane, with a small linked copy (↔) in each other's. Steps with no
///   responsible role go in a red "unassigned" lane.
/// - **Direction.** Left to right when the laid-out drawing fits 1,200 points at the default font size, otherwise
///   top to bottom, the lanes then being columns (the narrower of the two when neither fits).
/// - **BPMN's shapes.** A thin circle starts, a thick circle ends; a decision's ways leave an exclusive gateway
///   (a diamond with ×), parallel work a parallel gateway (+); a `cancel` entry is an interrupting event (⚡); a typed
///   step carries its marker (✔ approval, ✉ notification, ⚙ automated, ◷ wait, ✎ request); a timer's edge is dashed
///   and marked ◷. Another process is a box (dashed when it is defined elsewhere). The title is followed by a legend
///   of the marks the diagram uses, and only those.
/// - **Edges.** A labelled edge passes through a node of its own that carries its text, in its source's lane: `dot`
///   keeps nodes apart, where it may lay edge labels over each other. A handoff is bold with its artifact, and its
///   expectation and time limit are the edge's tooltip in SVG; a handoff gap (only with `--allow-errors`) is red and
///   dashed. Edges back to an earlier step rank nothing, so loops do not pull the layout apart.
/// - **The blueprint** groups the lanes into the four rows of a service blueprint (customer actions, front stage,
///   back stage, support, from each role's `stage`), draws the lines of interaction, visibility and internal
///   interaction between them, and marks each moment the customer is told or asked something (☎).
package struct DiagramRenderer: Sendable {
    package enum View: Sendable {
        case swimlane, blueprint
    }

    let view: View

    package init(view: View = .swimlane) {
        self.view = view
    }

    package func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The widest drawing, in points, that a reader sees whole at page width.
    static let pageWidth = 1200

    /// The DOT file as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        var drawing = Drawing(process: process, view: view)
        return drawing.render()
    }

    /// What an edge of the flow says: an approval's answer, a timer's clock, the condition, and the handoff's
    /// artifact or its gap.
    struct TransitionLabel: Sendable {
        var text: String?
        var isGap: Bool
        var timeout: Timeout?
    }

    static func transitionLabels(context: ProcessContext) -> [TransitionLabel] {
        let activities = context.process.activities
        let points = context.handoffs.points
        var pointsByEdge: [EdgeKey: Int] = [:]
        for i in points.indices { pointsByEdge[EdgeKey(source: points[i].source, kind: points[i].kind)] = i }
        return context.graph.transitions.map { transition in
            let isGap = pointsByEdge[EdgeKey(source: transition.source, kind: transition.handoffKind)].map { points[$0].isGap } ?? false
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
                label.add("◷ after " + (timer.after?.text ?? "?") + (timer.isInterrupting ? "" : " (goes on)"))
            }
            if let when = transition.condition?.value { label.add(LabelWrapping.wrap(when, width: 18)) }
            if isGap {
                label.add("handoff gap")
            } else if let artifact = transition.handoff?.statedArtifact?.value {
                label.add(Self.artifactLabel(artifact))
            }
            return TransitionLabel(text: label.text, isGap: isGap, timeout: timeout)
        }
    }

    /// Whether an edge is laid out as a loop (it ranks nothing): it goes back to an activity listed at or before its
    /// source. Authors list activities in the order the work usually flows, so this keeps the main path going one
    /// way. `FlowGraph.isBackEdge` is also a valid set of loop edges, but it follows the depth-first search's branch
    /// order: in "triage -> {workaround -> confirm, diagnose}; confirm -> diagnose (still failing); diagnose ->
    /// confirm" it would call diagnose -> confirm the loop and draw the main path backwards. Both sets leave an
    /// acyclic graph of constrained edges, which is all `dot` needs.
    static func isLoopBack(_ transition: FlowGraph.Transition) -> Bool {
        transition.target <= transition.source
    }

    /// True for a step whose `next` is a decision: its ways leave an exclusive gateway.
    static func hasDecisionGateway(_ activity: Activity) -> Bool {
        if case .branches(let branches, _)? = activity.next { return !branches.isEmpty }
        return false
    }

    /// `[incident-record]`: the artifact a handoff passes, bracketed so it reads apart from the condition above it.
    static func artifactLabel(_ artifact: String) -> String {
        "[" + LabelWrapping.wrap(artifact, width: 18) + "]"
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

    static func legendEntry(_ type: ActivityType) -> DiagramLegend.Entry? {
        switch type {
        case .task: nil
        case .approval: .approval
        case .notification: .notification
        case .automated: .automated
        case .wait: .timer
        case .request: .request
        }
    }

    /// `a_<activity-id>`: the node of an activity.
    static func nodeID(_ activity: Activity) -> DOTID { DOTID("a_", activity.id.value) }

    /// The SVG element id of a shared step's node, which its markers link to.
    static func svgID(_ activity: Activity) -> String { "step-" + activity.id.value }

    /// `x_<activity-id>`: the exclusive gateway after a decision.
    static func decisionNodeID(_ activity: Activity) -> DOTID { DOTID("x_", activity.id.value) }

    /// `end_<activity-id>`: the end event after an end activity.
    static func endNodeID(_ activity: Activity) -> DOTID { DOTID("end_", activity.id.value) }

    /// `fork_<n>`: the parallel gateway of the fork at index `n` of the flow graph's forks.
    static func forkNodeID(_ site: Int) -> DOTID { DOTID("fork_", String(site)) }

    /// `join_<activity-id>`: the parallel gateway before a `join: all` activity.
    static func joinNodeID(_ activity: Activity) -> DOTID { DOTID("join_", activity.id.value) }

    /// `cancel_<n>`: the interrupting event of the process's `n`th cancel entry.
    static func cancelNodeID(_ entry: Int) -> DOTID { DOTID("cancel_", String(entry)) }

    /// `p_<process-id>`: the node of another process.
    static func processNodeID(_ id: String) -> DOTID { DOTID("p_", id) }

    /// `l_<n>`: the node that carries the label of the flow graph's transition `n`.
    static func labelNodeID(_ transition: Int) -> DOTID { DOTID("l_", String(transition)) }

    /// `m_<n>_<role>`: the marker of step `n` (0-based) in the lane of another of its responsible roles.
    static func markerNodeID(_ activity: Int, _ role: String) -> DOTID { DOTID("m_", "\(activity)_\(role)") }

    /// `t_<n>_<role>`: in the blueprint, the moment step `n` (0-based) tells or asks a customer role.
    static func momentNodeID(_ activity: Int, _ role: String) -> DOTID { DOTID("t_", "\(activity)_\(role)") }

    /// The anchors of a lane: `lane_<role>` (its name, where the band starts) and `laneend_<role>` (invisible, where it
    /// ends); the unassigned lane's are `unassigned_lane` and `unassigned_lane_end`, an empty row's `empty_lane_<row>`
    /// and `empty_lane_end_<row>`. No prefix is another's start, so no role id (a build with errors keeps ids the
    /// check rejected) makes one lane's id another's: `lane_end_x` was role `end_x`'s start and role `x`'s end.
    static func laneStartID(_ lane: Lane) -> DOTID {
        switch lane {
        case .role(let role): DOTID("lane_", role)
        case .unassigned: DOTID("unassigned_lane")
        case .emptyRow(let stage): DOTID("empty_lane_", stage.rawValue)
        }
    }

    static func laneEndID(_ lane: Lane) -> DOTID {
        switch lane {
        case .role(let role): DOTID("laneend_", role)
        case .unassigned: DOTID("unassigned_lane_end")
        case .emptyRow(let stage): DOTID("empty_lane_end_", stage.rawValue)
        }
    }
}

extension FlowGraph.Transition {
    /// The handoff point's kind of this edge.
    var handoffKind: HandoffPoint.Kind {
        switch kind {
        case .fallThrough: .fallThrough
        case .single: .single
        case .branch(let index): .branch(index: index)
        case .fork(let route): .fork(route)
        case .timeout(let index): .timeout(index: index)
        }
    }
}

/// The lines of an edge label, joined by line breaks; nil when there is none (an empty line still counts).
struct EdgeLabel {
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
