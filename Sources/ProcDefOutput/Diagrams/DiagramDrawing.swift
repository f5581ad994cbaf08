import ProcDef

extension DiagramRenderer {
    /// A band of the diagram: a role's lane, the red lane of steps no one is responsible for, or, in the blueprint,
    /// the place of a row that has no role.
    enum Lane: Hashable {
        case role(String)
        case unassigned
        case emptyRow(ServiceStage)
    }

    /// One diagram being written. It first gathers every node with its lane and the ranks it must come after, then
    /// ranks them along the flow, lays out the grid (`SwimlaneLayout`) and writes the DOT, every node pinned.
    struct Drawing {
        enum NodeKind {
            case start
            case activity(Int)
            /// The exclusive gateway after a decision.
            case decision(Int)
            case end(Int)
            case fork(Int)
            case join(Int)
            case cancel(Int)
            /// The text of a flow edge (by transition), of a trigger (by trigger), of a cancel entry (by entry).
            case label(Int)
            case triggerLabel(Int)
            case cancelLabel(Int)
            case process(String)
            /// A step's mark in the lane of another of its responsible roles.
            case marker(Int, role: String)
            /// Blueprint: a step tells (false) or asks (true) a customer role something.
            case moment(Int, role: String, asks: Bool)
        }

        struct Node {
            var kind: NodeKind
            var id: DOTID
            var lane: Int
            var size: SwimlaneLayout.Size
            var label: String
        }

        let process: CheckedProcess
        let view: View
        let activities: [Activity]
        let processLanes: ProcessLanes
        let labels: [TransitionLabel]
        var dot: DOTWriter
        var legend = DiagramLegend()
        private let points: [HandoffPoint]
        private var pointsByEdge: [EdgeKey: Int] = [:]
        /// The label of each `triggers` edge and of each cancel entry's edge.
        private var triggerLabels: [TransitionLabel] = []
        private var cancelLabels: [TransitionLabel] = []
        /// Blueprint: per activity, the customer-row roles it tells or asks.
        private var moments: [Int: [(role: String, asks: Bool)]] = [:]

        private var lanes: [Lane] = []
        private var laneIndex: [Lane: Int] = [:]
        private var nodes: [Node] = []
        /// Rank constraints: `to` comes at least one rank after `from` (node indices).
        private var after: [(from: Int, to: Int)] = []
        /// Nodes ranked beside another rather than by constraints: `node` takes `anchor`'s rank plus `offset`.
        private var besides: [(node: Int, anchor: Int, offset: Int)] = []
        private var activityNode: [Int] = []
        private var decisionNode: [Int: Int] = [:]
        private var joinNode: [Int: Int] = [:]
        private var forkNode: [Int: Int] = [:]
        private var endNode: [Int: Int] = [:]
        private var labelNode: [Int: Int] = [:]
        private var processNode: [String: Int] = [:]
        /// The nodes of each lane, in the order gathered.
        private var nodesByLane: [[Int]] = []

        init(process: CheckedProcess, view: View) {
            self.process = process
            self.view = view
            self.activities = process.process.activities
            self.processLanes = ProcessLanes(process)
            self.labels = process.transitionLabels
            self.points = process.handoffs.points
            // About 1,300 bytes of DOT per activity (a pinned node, its label, its edges), plus the defaults and legend.
            self.dot = DOTWriter(graphName: process.id, capacity: 3072 + 1400 * activities.count)
            // By index: a handoff point is a large value, and copying each would retain every field of it.
            for i in points.indices { pointsByEdge[EdgeKey(source: points[i].source, kind: points[i].kind)] = i }
            if view == .blueprint { moments = Self.customerMoments(process) }
            var indexBySource: [Int: Int] = [:]
            for edge in process.graph.triggers {
                let index = indexBySource[edge.source, default: 0]
                indexBySource[edge.source] = index + 1
                let isGap = pointsByEdge[EdgeKey(source: edge.source, kind: .trigger(index: index))].map { points[$0].isGap } ?? false
                var label = EdgeLabel()
                if let when = edge.trigger.when?.value { label.add(LabelWrapping.wrap(when, width: 18)) }
                if isGap {
                    label.add("handoff gap")
                } else if let artifact = edge.trigger.handoff?.statedArtifact?.value {
                    label.add(DiagramRenderer.artifactLabel(artifact))
                }
                triggerLabels.append(TransitionLabel(text: label.text, isGap: isGap, timeout: nil))
            }
            var cancelGaps: Set<Int> = []
            for k in points.indices where points[k].isGap {
                if case .cancel(let c) = points[k].kind { cancelGaps.insert(c) }
            }
            for (c, entry) in process.graph.cancellations.enumerated() {
                let isGap = cancelGaps.contains(c)
                var label = EdgeLabel()
                label.add("⚡ " + LabelWrapping.wrap(entry.cancellation.when?.value ?? "cut short", width: 18))
                label.add("from " + StepNumbers.phrase(entry.sources))
                if isGap {
                    label.add("handoff gap")
                } else if let artifact = entry.cancellation.handoff?.statedArtifact?.value {
                    label.add(DiagramRenderer.artifactLabel(artifact))
                }
                cancelLabels.append(TransitionLabel(text: label.text, isGap: isGap, timeout: nil))
            }
        }

        // MARK: - The whole

        mutating func render() -> RenderedText {
            lanes = laneOrder()
            for (i, lane) in lanes.enumerated() { laneIndex[lane] = i }
            gatherNodes()
            let ranks = rankNodes()
            let headers = lanes.map(laneHeader)
            let headerSizes = headers.map { header in
                let name = TextSize.text(header.name, fontSize: 12)
                let team = header.team.map { TextSize.text($0, fontSize: 10) } ?? SwimlaneLayout.Size(width: 0, height: 0)
                return SwimlaneLayout.Size(width: max(name.width, team.width) + 12, height: name.height + team.height + 10)
            }
            let items = nodes.indices.map { SwimlaneLayout.Item(lane: nodes[$0].lane, rank: ranks[$0], size: nodes[$0].size) }
            let gaps = groupGaps()
            nodesByLane = Array(repeating: [], count: lanes.count)
            for (n, node) in nodes.enumerated() { nodesByLane[node.lane].append(n) }
            var layout = SwimlaneLayout(
                items: items, laneCount: lanes.count, headerSizes: headerSizes, groupGaps: gaps, direction: .leftToRight)
            if layout.width > Double(DiagramRenderer.pageWidth) {
                let tall = SwimlaneLayout(
                    items: items, laneCount: lanes.count, headerSizes: headerSizes, groupGaps: gaps, direction: .topToBottom)
                if tall.width < layout.width { layout = tall }
            }
            header()
            for (l, lane) in lanes.enumerated() where view == .swimlane {
                laneCluster(l, lane, headers[l], layout)
            }
            if view == .blueprint { blueprintRows(headers, layout) }
            dot.blankLine()
            flowEdges()
            momentEdges()
            cancellationEdges()
            triggerEdges()
            dot.blankLine()
            dot.html("label", legend.label(title: process.process.name.value))
            return dot.finish()
        }

        private mutating func header() {
            dot.defaults("graph")
            dot.keyword("charset", "UTF-8")
            // Every node is pinned by procdef's own layout; `neato` keeps them and routes the edges around them.
            dot.keyword("layout", "neato")
            dot.keyword("inputscale", "72")
            dot.keyword("splines", "true")
            dot.keyword("overlap", "true")
            dot.keyword("outputorder", "edgesfirst")
            dot.keyword("labelloc", "t")
            dot.keyword("fontname", "Helvetica")
            dot.end()
            dot.defaults("node")
            dot.keyword("shape", "box")
            dot.keyword("style", "rounded,filled")
            dot.keyword("fillcolor", "white")
            dot.keyword("fontname", "Helvetica")
            dot.keyword("fontsize", "11")
            dot.keyword("margin", "0.1,0.05")
            dot.end()
            dot.defaults("edge")
            dot.keyword("fontname", "Helvetica")
            dot.keyword("fontsize", "9")
            dot.keyword("color", "#555555")
            dot.end()
        }

        /// The lanes in the workspace's order; in the blueprint, also the customer-row roles that only take part as
        /// consulted or informed (their lanes hold the moments they are told or asked something), grouped by row,
        /// with a placeholder for a row no role is in.
        private func laneOrder() -> [Lane] {
            var roles = processLanes.roles
            if view == .blueprint {
                var known = Set(roles)
                var extra: [String] = []
                for i in activities.indices {
                    for moment in moments[i] ?? [] where known.insert(moment.role).inserted { extra.append(moment.role) }
                }
                if !extra.isEmpty { roles = ProcessLanes.workspaceOrder(roles + extra, process.context) }
            }
            let all = roles.map(Lane.role) + (processLanes.unassigned.isEmpty ? [] : [.unassigned])
            guard view == .blueprint else { return all }
            return ServiceStage.allCases.flatMap { stage in
                let members = all.filter { stageOf($0) == stage }
                return members.isEmpty ? [.emptyRow(stage)] : members
            }
        }

        private func stageOf(_ lane: Lane) -> ServiceStage {
            switch lane {
            case .role(let role): process.role(role)?.serviceStage ?? .back
            case .unassigned: .back
            case .emptyRow(let stage): stage
            }
        }

        /// A lane's name, and the team that staffs the role, each wrapped.
        private func laneHeader(_ lane: Lane) -> (name: String, team: String?) {
            switch lane {
            case .role(let role):
                let known = process.role(role)
                var name = known?.name.value ?? role
                if known?.kind.value == .system { name = "⚙ " + name }
                let team = known?.team?.value.isBlank == false && known?.team?.value != known?.name.value ? known?.team?.value : nil
                return (LabelWrapping.wrap(name, width: 18), team.map { LabelWrapping.wrap($0, width: 22) })
            case .unassigned: return ("unassigned", "no one is responsible")
            case .emptyRow: return ("no role", nil)
            }
        }

        /// The room before each lane: in the blueprint, before the first lane of each row but the first, where the
        /// row's line is drawn.
        private func groupGaps() -> [Double] {
            guard view == .blueprint else { return [] }
            return lanes.indices.map { l in l > 0 && stageOf(lanes[l]) != stageOf(lanes[l - 1]) ? Self.lineRoom : 0 }
        }

        static let lineRoom = 60.0

        // MARK: - Nodes and ranks

        private func laneOf(activity i: Int) -> Int {
            if let role = activities[i].responsible.first?.value, let lane = laneIndex[.role(role)] { return lane }
            return laneIndex[.unassigned] ?? 0
        }

        @discardableResult
        private mutating func add(_ kind: NodeKind, _ id: DOTID, lane: Int, label: String, size: SwimlaneLayout.Size) -> Int {
            nodes.append(Node(kind: kind, id: id, lane: lane, size: size, label: label))
            return nodes.count - 1
        }

        /// A box's size for its text: Graphviz's margins (0.1 by 0.05 inches) and a little room.
        private static func boxSize(_ label: String, fontSize: Double) -> SwimlaneLayout.Size {
            let text = TextSize.text(label, fontSize: fontSize)
            return SwimlaneLayout.Size(width: (text.width + 18).rounded(.up), height: (text.height + 10).rounded(.up))
        }

        private static func plainSize(_ label: String, fontSize: Double) -> SwimlaneLayout.Size {
            let text = TextSize.text(label, fontSize: fontSize)
            return SwimlaneLayout.Size(width: (text.width + 6).rounded(.up), height: (text.height + 4).rounded(.up))
        }

        private static let eventSize = SwimlaneLayout.Size(width: 22, height: 22)
        private static let gatewaySize = SwimlaneLayout.Size(width: 29, height: 29)

        private mutating func gatherNodes() {
            let graph = process.graph
            activityNode = Array(repeating: 0, count: activities.count)
            var startNode: Int?
            if let start = graph.start {
                startNode = add(.start, DOTID("start"), lane: laneOf(activity: start), label: "", size: Self.eventSize)
            }
            for i in activities.indices {
                let label = activityLabel(i)
                activityNode[i] = add(
                    .activity(i), DiagramRenderer.nodeID(activities[i]), lane: laneOf(activity: i), label: label,
                    size: Self.boxSize(label, fontSize: 11))
            }
            if let start = graph.start, let startNode { after.append((startNode, activityNode[start])) }
            for (i, activity) in activities.enumerated() {
                let lane = laneOf(activity: i)
                if DiagramRenderer.hasDecisionGateway(activity) {
                    let node = add(.decision(i), DiagramRenderer.decisionNodeID(activity), lane: lane, label: "×", size: Self.gatewaySize)
                    decisionNode[i] = node
                    after.append((activityNode[i], node))
                }
                if activity.isJoin {
                    let node = add(.join(i), DiagramRenderer.joinNodeID(activity), lane: lane, label: "+", size: Self.gatewaySize)
                    joinNode[i] = node
                    after.append((node, activityNode[i]))
                }
            }
            for (f, fork) in graph.forks.enumerated() {
                let node = add(
                    .fork(f), DiagramRenderer.forkNodeID(f), lane: laneOf(activity: fork.source), label: "+", size: Self.gatewaySize)
                forkNode[f] = node
            }
            for (f, fork) in graph.forks.enumerated() {
                let from: Int
                if let parent = fork.parent {
                    from = forkNode[parent.site]!
                } else if fork.route.decision != nil, let decision = decisionNode[fork.source] {
                    from = decision
                } else {
                    from = activityNode[fork.source]
                }
                after.append((from, forkNode[f]!))
            }
            for (t, transition) in graph.transitions.enumerated() {
                let from = transitionSource(transition)
                let target = joinNode[transition.target] ?? activityNode[transition.target]
                let loop = DiagramRenderer.isLoopBack(transition)
                if let text = labels[t].text {
                    let node = add(
                        .label(t), DiagramRenderer.labelNodeID(t), lane: nodes[from].lane, label: text,
                        size: Self.plainSize(text, fontSize: 9))
                    labelNode[t] = node
                    after.append((from, node))
                    if !loop { after.append((node, target)) }
                } else if !loop {
                    after.append((from, target))
                }
            }
            for end in graph.ends {
                let node = add(
                    .end(end), DiagramRenderer.endNodeID(activities[end]), lane: laneOf(activity: end), label: "", size: Self.eventSize)
                endNode[end] = node
                after.append((activityNode[end], node))
            }
            for (n, edge) in graph.triggers.enumerated() {
                let id = edge.trigger.process.value
                var from = activityNode[edge.source]
                if let text = triggerLabels[n].text {
                    let node = add(
                        .triggerLabel(n), DOTID("lt_", String(n)), lane: laneOf(activity: edge.source), label: text,
                        size: Self.plainSize(text, fontSize: 9))
                    after.append((from, node))
                    from = node
                }
                if processNode[id] == nil {
                    let label = processLabel(id)
                    processNode[id] = add(
                        .process(id), DiagramRenderer.processNodeID(id), lane: laneOf(activity: edge.source),
                        label: label, size: Self.boxSize(label, fontSize: 11))
                    after.append((from, processNode[id]!))
                }
            }
            for (c, entry) in graph.cancellations.enumerated() {
                guard let target = entry.target else { continue }
                let lane = laneOf(activity: target)
                let event = add(.cancel(c), DiagramRenderer.cancelNodeID(c), lane: lane, label: "⚡", size: Self.eventSize)
                let text = cancelLabels[c].text ?? ""
                let label = add(.cancelLabel(c), DOTID("lc_", String(c)), lane: lane, label: text, size: Self.plainSize(text, fontSize: 9))
                besides.append((event, activityNode[target], -2))
                besides.append((label, activityNode[target], -1))
            }
            for (l, lane) in lanes.enumerated() {
                guard case .role(let role) = lane else { continue }
                for i in processLanes.shared[role] ?? [] {
                    let label = "↔ " + LabelWrapping.wrap("\(i + 1). \(activities[i].name.value)", width: 20)
                    let node = add(
                        .marker(i, role: role), DiagramRenderer.markerNodeID(i, role), lane: l, label: label,
                        size: Self.boxSize(label, fontSize: 9))
                    besides.append((node, activityNode[i], 0))
                }
            }
            // The moments, step by step: each in the lane of the customer-row role it tells or asks.
            for i in activities.indices {
                for moment in moments[i] ?? [] {
                    guard let l = laneIndex[.role(moment.role)] else { continue }
                    let label = "☎ " + (moment.asks ? "asked: " : "told: ") + LabelWrapping.wrap(activities[i].name.value, width: 20)
                    let node = add(
                        .moment(i, role: moment.role, asks: moment.asks), DiagramRenderer.momentNodeID(i, moment.role), lane: l,
                        label: label, size: Self.boxSize(label, fontSize: 9))
                    besides.append((node, activityNode[i], 0))
                }
            }
        }

        /// The node a transition leaves from: a decision's gateway for its ways, a fork's gateway for its branches.
        private func transitionSource(_ transition: FlowGraph.Transition) -> Int {
            if let (site, _) = transition.fork, let node = forkNode[site] { return node }
            if case .branch = transition.kind, let node = decisionNode[transition.source] { return node }
            return activityNode[transition.source]
        }

        /// Each node's rank: the longest chain of constraints that leads to it, then the nodes drawn beside another
        /// (markers, moments, cancel events) from theirs.
        ///
        /// Where the labels of one rank in one lane would not fit across a lane's usual width (a decision with four
        /// ways), the ones that overflow move to the next rank, and what follows them moves too: a few passes, each
        /// a linear longest-path.
        private func rankNodes() -> [Int] {
            var constraints = after
            var rank = longestPaths(constraints)
            for _ in 0..<4 {
                var cells: [Int: [Int]] = [:]
                for (n, node) in nodes.enumerated() {
                    switch node.kind {
                    case .label, .triggerLabel: cells[node.lane * (nodes.count + 1) + rank[n], default: []].append(n)
                    default: continue
                    }
                }
                var moved = false
                for key in cells.keys.sorted() {
                    let members = cells[key]!
                    guard members.count > 1 else { continue }
                    var used = 0.0
                    for (m, member) in members.enumerated() {
                        let width = nodes[member].size.width
                        if m > 0, used + SwimlaneLayout.nodeGap + width > Self.labelRowWidth {
                            constraints.append((members[0], member))
                            moved = true
                        } else {
                            used += (m > 0 ? SwimlaneLayout.nodeGap : 0) + width
                        }
                    }
                }
                guard moved else { break }
                rank = longestPaths(constraints)
            }
            for (node, anchor, offset) in besides { rank[node] = max(0, rank[anchor] + offset) }
            return rank
        }

        /// The widest row of labels one rank of a lane holds before the rest move down.
        static let labelRowWidth = 300.0

        /// The longest chain of `constraints` to each node, in a topological order (Kahn's), so linear; the flow's
        /// constrained edges all go forward, so every node is reached.
        private func longestPaths(_ constraints: [(from: Int, to: Int)]) -> [Int] {
            var rank = Array(repeating: 0, count: nodes.count)
            var successors: [[Int]] = Array(repeating: [], count: nodes.count)
            var indegree = Array(repeating: 0, count: nodes.count)
            for (from, to) in constraints {
                successors[from].append(to)
                indegree[to] += 1
            }
            var queue = nodes.indices.filter { indegree[$0] == 0 }
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for next in successors[node] {
                    rank[next] = max(rank[next], rank[node] + 1)
                    indegree[next] -= 1
                    if indegree[next] == 0 { queue.append(next) }
                }
            }
            return rank
        }

        private func activityLabel(_ index: Int) -> String {
            let activity = activities[index]
            var label = LabelWrapping.wrap("\(index + 1). \(activity.name.value)", width: 20)
            if let marker = DiagramRenderer.typeMarker(activity.stepType) { label = marker + " " + label }
            if let target = activity.target { label += "\n(\(LabelWrapping.wrap(target.text, width: 24)))" }
            if activity.isCadence {
                // BPMN's loop marker, with the interval.
                label += "\n↻ " + activity.cadence.map(\.text).joined(separator: "; ")
                if let until = activity.until {
                    label += " until " + (process.process.activityIndex(until.value).map { "\($0 + 1)." } ?? until.value)
                }
            }
            // Shared work is drawn in the first role's lane; the others' lanes show a marker (↔), so the box need not
            // name them.
            return label
        }

        private func processLabel(_ id: String) -> String {
            if let other = process.processesByID[id] { return LabelWrapping.wrap(other.name.value, width: 20) + "\n(process)" }
            if let external = process.context.workspace.externalProcess(id: id) {
                return LabelWrapping.wrap(external.name.value, width: 20) + "\n(defined elsewhere)"
            }
            return id + "\n(no such process)"
        }

        // MARK: - Lanes

        private mutating func laneCluster(_ l: Int, _ lane: Lane, _ name: (name: String, team: String?), _ layout: SwimlaneLayout) {
            dot.blankLine()
            switch lane {
            case .role(let role):
                dot.beginSubgraph(DOTID("cluster_", role))
                dot.text("label", "")
                dot.keyword("style", "filled")
                dot.keyword("fillcolor", "#f3f5f7")
                dot.keyword("color", "#c5ccd3")
                if process.role(role)?.kind.value == .system { legend.insert(.automated) }
            case .unassigned:
                legend.insert(.unassigned)
                // Not `cluster_` + a name: a role may be called `unassigned`.
                dot.beginSubgraph(DOTID("clusterunassigned"))
                dot.text("label", "")
                dot.keyword("style", "filled")
                dot.keyword("fillcolor", "#fdecea")
                dot.keyword("color", "red")
            case .emptyRow(let stage):
                dot.beginSubgraph(DOTID("clusterempty_", stage.rawValue))
                dot.text("label", "")
                dot.keyword("style", "dashed")
                dot.keyword("color", "#c5ccd3")
            }
            laneAnchors(lane, name: name, layout.laneStarts[l], layout.laneEnds[l])
            for n in nodesByLane[l] {
                write(nodes[n], at: layout.positions[n])
            }
            dot.endSubgraph()
        }

        private mutating func laneAnchors(
            _ lane: Lane, name: (name: String, team: String?), _ start: SwimlaneLayout.Point, _ end: SwimlaneLayout.Point
        ) {
            dot.node(DiagramRenderer.laneStartID(lane))
            var html = HTMLLabel()
            html.text(name.name)
            if let team = name.team {
                html.raw(##"<br/><font point-size="10" color="#5a6570">"##)
                html.text(team)
                html.raw("</font>")
            }
            dot.html("label", html)
            dot.keyword("shape", "plaintext")
            // Only as large as the text (plus the margin the layout counted), not Graphviz's minimum of 54 by 36.
            dot.keyword("margin", "0.06,0.04")
            dot.number("width", 0)
            dot.number("height", 0)
            dot.keyword("style", "")
            dot.number("fontsize", 12)
            if lane == .unassigned { dot.keyword("fontcolor", "red") }
            if case .emptyRow = lane { dot.keyword("fontcolor", "#8a96a3") }
            dot.pinned(start)
            dot.end()
            dot.node(DiagramRenderer.laneEndID(lane))
            dot.text("label", "")
            dot.keyword("shape", "point")
            dot.keyword("style", "invis")
            dot.pinned(end)
            dot.end()
        }

        // MARK: - The blueprint

        /// The four rows of a service blueprint, each a cluster of its lanes, with its title over it, and the three
        /// lines between the rows, each a dashed edge the whole length of the drawing.
        private mutating func blueprintRows(_ headers: [(name: String, team: String?)], _ layout: SwimlaneLayout) {
            var lineAt: [Double] = []
            for stage in ServiceStage.allCases {
                let members = lanes.indices.filter { stageOf(lanes[$0]) == stage }
                guard let first = members.first, let last = members.last else { continue }
                let low = layout.laneCentres[first] - layout.laneThickness[first] / 2 - SwimlaneLayout.lanePadding
                let high = layout.laneCentres[last] + layout.laneThickness[last] / 2 + SwimlaneLayout.lanePadding
                if stage != .customer { lineAt.append(low - Self.lineRoom / 2) }
                // Each row's title over its lanes; the rows are not clusters, as `neato` draws only clusters at the
                // top level.
                dot.blankLine()
                let title = DOTID("stage_", stage.rawValue)
                dot.node(title)
                dot.text("label", Self.rowTitle(stage))
                dot.keyword("shape", "plaintext")
                dot.keyword("style", "")
                dot.keyword("margin", "0.04,0.02")
                dot.number("width", 0)
                dot.number("height", 0)
                dot.number("fontsize", 10)
                dot.keyword("fontcolor", "#3a4651")
                dot.pinned(rowTitlePosition(low: low, high: high, layout))
                dot.end()
                for l in members { laneCluster(l, lanes[l], headers[l], layout) }
            }
            dot.blankLine()
            for (n, name) in ["line of interaction", "line of visibility", "line of internal interaction"].enumerated()
            where lineAt.indices.contains(n) {
                let top = DOTID("line_", String(n + 1))
                let bottom = DOTID("line_end_", String(n + 1))
                let (start, end) = linePoints(lineAt[n], layout)
                dot.node(top)
                dot.text("label", LabelWrapping.wrap(name, width: 11))
                dot.keyword("shape", "plaintext")
                dot.keyword("style", "")
                dot.keyword("margin", "0.04,0.02")
                dot.number("width", 0)
                dot.number("height", 0)
                dot.keyword("fontcolor", "#b35c00")
                dot.number("fontsize", 9)
                dot.pinned(start)
                dot.end()
                dot.node(bottom)
                dot.text("label", "")
                dot.keyword("shape", "point")
                dot.keyword("style", "invis")
                dot.pinned(end)
                dot.end()
                dot.edge(top, bottom)
                dot.keyword("style", "dashed")
                dot.keyword("color", "#b35c00")
                dot.keyword("arrowhead", "none")
                dot.end()
            }
        }

        /// A row's title: before its lanes' names, centred on the row.
        private func rowTitlePosition(low: Double, high: Double, _ layout: SwimlaneLayout) -> SwimlaneLayout.Point {
            let middle = SwimlaneLayout.rounded((low + high) / 2)
            return layout.direction == .topToBottom
                ? SwimlaneLayout.Point(x: middle, y: 48) : SwimlaneLayout.Point(x: -90, y: -middle)
        }

        /// Where a line between rows starts (with its name) and ends.
        private func linePoints(_ across: Double, _ layout: SwimlaneLayout) -> (SwimlaneLayout.Point, SwimlaneLayout.Point) {
            let a = SwimlaneLayout.rounded(across)
            let length = SwimlaneLayout.rounded(layout.flowExtent)
            return layout.direction == .topToBottom
                ? (SwimlaneLayout.Point(x: a, y: 0), SwimlaneLayout.Point(x: a, y: -length))
                : (SwimlaneLayout.Point(x: 0, y: -a), SwimlaneLayout.Point(x: length, y: -a))
        }

        static func rowTitle(_ stage: ServiceStage) -> String {
            switch stage {
            case .customer: "CUSTOMER\nACTIONS"
            case .front: "FRONT STAGE\nseen by the\ncustomer"
            case .back: "BACK STAGE\nbehind the\ncounter"
            case .support: "SUPPORT\nteams, suppliers,\nsystems"
            }
        }

        /// Per activity, the roles of the customer row it informs or consults and that are not responsible for it:
        /// the moments the customer is told or asked something.
        static func customerMoments(_ process: CheckedProcess) -> [Int: [(role: String, asks: Bool)]] {
            var result: [Int: [(role: String, asks: Bool)]] = [:]
            for (i, activity) in process.process.activities.enumerated() {
                let responsible = Set(activity.responsible.map(\.value))
                var seen: Set<String> = []
                var list: [(role: String, asks: Bool)] = []
                for (entries, asks) in [(activity.consulted, true), (activity.informed, false)] {
                    for entry in entries where !responsible.contains(entry.value) && seen.insert(entry.value).inserted {
                        if process.role(entry.value)?.serviceStage == .customer { list.append((entry.value, asks)) }
                    }
                }
                if !list.isEmpty { result[i] = list }
            }
            return result
        }

        // MARK: - Writing nodes

        private mutating func write(_ node: Node, at point: SwimlaneLayout.Point) {
            dot.node(node.id)
            switch node.kind {
            case .start:
                legend.insert(.start)
                event(penwidth: 1.5, tooltip: "start")
            case .end:
                legend.insert(.end)
                event(penwidth: 4, tooltip: "end")
            case .activity(let i):
                let activity = activities[i]
                if let entry = DiagramRenderer.legendEntry(activity.stepType) { legend.insert(entry) }
                if activity.responsible.count > 1 { legend.insert(.shared) }
                dot.text("label", node.label)
                if activity.responsible.count > 1 { dot.text("id", DiagramRenderer.svgID(activity)) }
                dot.text("tooltip", activity.stepType == .task ? activity.id.value : "\(activity.id.value) (\(activity.stepType.rawValue))")
                // A machine's step reads apart from people's work at a glance, as BPMN's service task does.
                if activity.stepType == .automated { dot.keyword("fillcolor", "#eef3f8") }
                if activity.stepType == .wait { dot.keyword("style", "rounded,filled,dashed") }
            case .decision:
                legend.insert(.decision)
                gateway("×", tooltip: "decision: one way is taken")
            case .fork:
                legend.insert(.parallel)
                gateway("+", tooltip: "at the same time: every branch runs")
            case .join:
                legend.insert(.parallel)
                gateway("+", tooltip: "waits for every branch")
            case .cancel(let c):
                legend.insert(.cancellation)
                dot.text("label", "⚡")
                dot.keyword("shape", "doublecircle")
                dot.keyword("fillcolor", "#fdecea")
                dot.keyword("color", "#b3261e")
                dot.number("width", 0.25)
                dot.keyword("fixedsize", "true")
                dot.number("fontsize", 11)
                dot.text("tooltip", "cancellation: " + (process.graph.cancellations[c].cancellation.when?.value ?? "cut the case short"))
            case .label(let t):
                plainLabel(node.label, labels[t], handoff: process.graph.transitions[t].handoff != nil)
            case .triggerLabel(let n):
                plainLabel(node.label, triggerLabels[n], handoff: process.graph.triggers[n].trigger.handoff != nil)
            case .cancelLabel(let c):
                plainLabel(node.label, cancelLabels[c], handoff: process.graph.cancellations[c].cancellation.handoff != nil)
            case .process(let id):
                dot.text("label", node.label)
                if process.processesByID[id] != nil {
                    legend.insert(.process)
                    dot.keyword("style", "filled")
                    dot.keyword("fillcolor", "#fff8e1")
                    dot.number("penwidth", 1.5)
                    if let runbook = OutputLayout.runbook(id) { dot.text("URL", "../" + runbook) }
                    dot.text("tooltip", id)
                } else if let external = process.context.workspace.externalProcess(id: id) {
                    legend.insert(.externalProcess)
                    dot.keyword("style", "dashed,filled")
                    dot.keyword("fillcolor", "#fff8e1")
                    if let link = external.link?.value { dot.text("URL", link) }
                    dot.text("tooltip", id)
                } else {
                    legend.insert(.process)
                    dot.keyword("style", "filled")
                    dot.keyword("fillcolor", "#fff8e1")
                    dot.keyword("color", "red")
                    dot.keyword("fontcolor", "red")
                }
            case .marker(let i, let role):
                dot.text("label", node.label)
                dot.keyword("style", "rounded,dashed")
                dot.number("fontsize", 9)
                dot.text("URL", "#" + DiagramRenderer.svgID(activities[i]))
                dot.text("tooltip", "\(process.roleName(role)) shares this step")
            case .moment(let i, _, let asks):
                legend.insert(.customerMoment)
                dot.text("label", node.label)
                dot.keyword("style", "rounded,filled,dashed")
                dot.keyword("fillcolor", "#fff4e5")
                dot.keyword("color", "#b35c00")
                dot.number("fontsize", 9)
                dot.text("tooltip", (asks ? "the customer is asked: " : "the customer is told: ") + activities[i].name.value)
            }
            if case .activity = node.kind {
                size(node.size)
            } else if case .process = node.kind {
                size(node.size)
            } else if case .marker = node.kind {
                size(node.size)
            } else if case .moment = node.kind {
                size(node.size)
            }
            dot.pinned(point)
            dot.end()
        }

        /// The box's size as laid out; Graphviz draws it larger only when its text needs more room.
        private mutating func size(_ size: SwimlaneLayout.Size) {
            dot.inches("width", size.width)
            dot.inches("height", size.height)
        }

        private mutating func event(penwidth: Double, tooltip: String) {
            dot.text("label", "")
            dot.keyword("shape", "circle")
            dot.keyword("style", "filled")
            dot.keyword("fillcolor", "white")
            dot.number("penwidth", penwidth)
            dot.number("width", 0.28)
            dot.keyword("fixedsize", "true")
            dot.text("tooltip", tooltip)
        }

        /// A BPMN gateway: a small diamond with its mark.
        private mutating func gateway(_ mark: String, tooltip: String) {
            dot.text("label", mark)
            dot.keyword("shape", "diamond")
            dot.keyword("style", "filled")
            dot.keyword("fillcolor", "#fff3c4")
            dot.number("width", 0.38)
            dot.number("height", 0.38)
            dot.keyword("fixedsize", "true")
            dot.number("fontsize", 14)
            dot.text("tooltip", tooltip)
        }

        private mutating func plainLabel(_ text: String, _ label: TransitionLabel, handoff: Bool) {
            dot.text("label", text)
            dot.keyword("shape", "plaintext")
            dot.keyword("style", "")
            dot.number("fontsize", 9)
            dot.keyword("margin", "0.02,0.02")
            dot.number("width", 0)
            dot.number("height", 0)
            if label.isGap {
                dot.keyword("fontcolor", "red")
            } else if handoff {
                dot.keyword("fontcolor", "#1f4e79")
            }
        }

        // MARK: - Edges

        private mutating func flowEdges() {
            let graph = process.graph
            if let start = graph.start {
                dot.edge(DOTID("start"), DiagramRenderer.nodeID(activities[start]))
                dot.end()
            }
            for (i, activity) in activities.enumerated() where decisionNode[i] != nil {
                dot.edge(DiagramRenderer.nodeID(activity), DiagramRenderer.decisionNodeID(activity))
                dot.end()
            }
            for (f, fork) in graph.forks.enumerated() {
                if let parent = fork.parent {
                    dot.edge(DiagramRenderer.forkNodeID(parent.site), DiagramRenderer.forkNodeID(f))
                } else {
                    let source = activities[fork.source]
                    let from =
                        fork.route.decision != nil && decisionNode[fork.source] != nil
                        ? DiagramRenderer.decisionNodeID(source) : DiagramRenderer.nodeID(source)
                    dot.edge(from, DiagramRenderer.forkNodeID(f))
                }
                dot.end()
            }
            for (t, transition) in graph.transitions.enumerated() {
                let label = labels[t]
                var from = nodes[transitionSource(transition)].id
                let target = activities[transition.target]
                let to = target.isJoin ? DiagramRenderer.joinNodeID(target) : DiagramRenderer.nodeID(target)
                let tooltip = handoffTooltip(transition, isGap: label.isGap)
                if label.text != nil {
                    dot.edge(from, DiagramRenderer.labelNodeID(t))
                    dot.keyword("arrowhead", "none")
                    edgeStyle(transition, label)
                    dot.end()
                    from = DiagramRenderer.labelNodeID(t)
                }
                dot.edge(from, to)
                edgeStyle(transition, label)
                // Once, on the half with the arrow: the expectations are sentences, and the DOT of a library is large.
                if let tooltip { dot.text("tooltip", tooltip) }
                dot.end()
            }
            for activity in activities where activity.isJoin {
                dot.edge(DiagramRenderer.joinNodeID(activity), DiagramRenderer.nodeID(activity))
                dot.end()
            }
            for end in graph.ends {
                dot.edge(DiagramRenderer.nodeID(activities[end]), DiagramRenderer.endNodeID(activities[end]))
                dot.end()
            }
        }

        private mutating func edgeStyle(_ transition: FlowGraph.Transition, _ label: TransitionLabel) {
            if label.timeout != nil { legend.insert(.timer) }
            // A moment of the customer's, crossing the line of interaction, is drawn in its own colour whatever else
            // the edge is.
            let moment = view == .blueprint && crossesLineOfInteraction(transition)
            if moment { legend.insert(.customerMoment) }
            if label.isGap {
                legend.insert(.gap)
                dot.keyword("style", "dashed")
                dot.keyword("color", "red")
                dot.number("penwidth", 2)
            } else if transition.handoff != nil {
                legend.insert(.handoff)
                dot.keyword("style", label.timeout != nil ? "dashed,bold" : "bold")
                dot.number("penwidth", 2)
                dot.keyword("color", moment ? "#b35c00" : "#1f4e79")
            } else if label.timeout != nil {
                dot.keyword("style", "dashed")
                if moment { dot.keyword("color", "#b35c00") }
            } else if moment {
                dot.keyword("color", "#b35c00")
            }
        }

        /// True when one side of the edge is in the customer row and the other is not.
        private func crossesLineOfInteraction(_ transition: FlowGraph.Transition) -> Bool {
            func isCustomer(_ i: Int) -> Bool {
                guard let role = activities[i].responsible.first?.value else { return false }
                return process.role(role)?.serviceStage == .customer
            }
            return isCustomer(transition.source) != isCustomer(transition.target)
        }

        /// The SVG tooltip of a handoff: what is handed on, what the receiver commits to and by when; of a gap, that
        /// nothing is.
        private func handoffTooltip(_ transition: FlowGraph.Transition, isGap: Bool) -> String? {
            if isGap {
                let from = activities[transition.source].responsible.map { process.roleName($0.value) }.joined(separator: ", ")
                let to = activities[transition.target].responsible.map { process.roleName($0.value) }.joined(separator: ", ")
                return "handoff gap: the work passes from \(from) to \(to) with nothing declared to hand on"
            }
            guard let handoff = transition.handoff else { return nil }
            var parts: [String] = []
            if let artifact = handoff.statedArtifact?.value { parts.append("hands on: " + artifact) }
            if let expectation = handoff.expectation?.value { parts.append("expectation: " + expectation) }
            if let within = handoff.within { parts.append("within " + within.text) }
            return parts.isEmpty ? nil : parts.joined(separator: "\n")
        }

        /// The moments' edges, from the step across to the customer's lane.
        private mutating func momentEdges() {
            guard view == .blueprint, !moments.isEmpty else { return }
            dot.blankLine()
            for i in activities.indices {
                for moment in moments[i] ?? [] {
                    dot.edge(DiagramRenderer.nodeID(activities[i]), DiagramRenderer.momentNodeID(i, moment.role))
                    dot.keyword("style", "dashed")
                    dot.keyword("color", "#b35c00")
                    if moment.asks { dot.keyword("dir", "both") }
                    dot.end()
                }
            }
        }

        /// One dashed edge per cancel entry, from its event through its label to where it goes.
        private mutating func cancellationEdges() {
            let entries = process.graph.cancellations
            guard !entries.isEmpty else { return }
            dot.blankLine()
            for (c, entry) in entries.enumerated() {
                guard let target = entry.target else { continue }
                let isGap = cancelLabels[c].isGap
                if isGap { legend.insert(.gap) }
                let via = DOTID("lc_", String(c))
                dot.edge(DiagramRenderer.cancelNodeID(c), via)
                dot.keyword("arrowhead", "none")
                dot.keyword("style", "dashed")
                dot.keyword("color", isGap ? "red" : "#b3261e")
                dot.end()
                dot.edge(via, DiagramRenderer.nodeID(activities[target]))
                dot.keyword("style", "dashed")
                if isGap {
                    dot.keyword("color", "red")
                    dot.number("penwidth", 2)
                } else {
                    dot.keyword("color", "#b3261e")
                    if entry.cancellation.handoff != nil { dot.number("penwidth", 2) }
                }
                dot.end()
            }
        }

        /// A dashed edge from each triggering activity, through its label when it has one, to the other process.
        private mutating func triggerEdges() {
            guard !process.graph.triggers.isEmpty else { return }
            dot.blankLine()
            for (n, edge) in process.graph.triggers.enumerated() {
                let label = triggerLabels[n]
                if label.isGap { legend.insert(.gap) }
                var from = DiagramRenderer.nodeID(activities[edge.source])
                if label.text != nil {
                    let via = DOTID("lt_", String(n))
                    dot.edge(from, via)
                    dot.keyword("arrowhead", "none")
                    dot.keyword("style", "dashed")
                    if label.isGap { dot.keyword("color", "red") }
                    dot.end()
                    from = via
                }
                dot.edge(from, DiagramRenderer.processNodeID(edge.trigger.process.value))
                dot.keyword("style", "dashed")
                if label.isGap { dot.keyword("color", "red") }
                dot.end()
            }
        }
    }
}
