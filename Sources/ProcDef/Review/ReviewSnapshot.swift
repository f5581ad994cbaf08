/// One side of a comparison, indexed once: its processes (the first of each id), its catalogue, and its findings
/// by process.
struct ReviewSnapshot: Sendable {
    let report: CheckReport
    let processes: [String: ProcessDefinition]
    let catalogue: [String: Role]
    /// Findings inside each process's document, by process id, in report order.
    let findings: [String: [FindingRecord]]
    /// Findings outside any process.
    let otherFindings: [FindingRecord]

    init(_ report: CheckReport) {
        self.report = report
        var processes: [String: ProcessDefinition] = [:]
        for process in report.workspace.processes where processes[process.id.value] == nil {
            processes[process.id.value] = process
        }
        self.processes = processes
        self.catalogue = report.workspace.catalogueRoles
        var findings: [String: [FindingRecord]] = [:]
        var others: [FindingRecord] = []
        for record in FindingRecord.records(of: report) {
            if let id = record.processID { findings[id, default: []].append(record) } else { others.append(record) }
        }
        self.findings = findings
        self.otherFindings = others
    }

    /// Every transition, trigger and timer of `process` as written, in flow order (each activity's `next` targets or
    /// its fall-through, then its triggers, then its timers), with the handoff analysis's view of each: the roles on both ends and whether
    /// responsibility changes. Edges to unknown activities or processes are kept, with no roles on the far end.
    func edges(of process: ProcessDefinition) -> [FlowEdge] {
        let graph = FlowGraph(process: process)
        let analysis = HandoffAnalysis(process: process, graph: graph, workspace: report.workspace)
        var points: [PointKey: HandoffPoint] = [:]
        var cancelPoints: [Int: HandoffPoint] = [:]
        for point in analysis.points {
            points[PointKey(source: point.source, kind: point.kind)] = point
            if case .cancel(let c) = point.kind { cancelPoints[c] = point }
        }
        let activities = process.activities
        var edges: [FlowEdge] = []
        // `all` lists are numbered as the flow graph numbers them (`FlowGraph.forks`): in the order written, an
        // outer list before the lists nested in it.
        var nextSite = 0
        for (i, activity) in activities.enumerated() {
            var written: [(kind: HandoffPoint.Kind, ref: EdgeRef, condition: String?, handoff: Handoff?)] = []
            // Each fork branch is an edge of its own, with the decision's condition and the nearest handoff around it.
            func appendFork(_ fork: Fork, decision: Int?, isTopLevel: Bool, condition: String?, handoff: Handoff?) {
                let site = nextSite
                nextSite += 1
                for (b, branch) in fork.branches.enumerated() {
                    let route = FlowGraph.ForkRoute(decision: decision, site: site, branch: b, isTopLevel: isTopLevel)
                    if let to = branch.to {
                        written.append(
                            (
                                .fork(route), EdgeRef(source: activity.id.value, target: to.value, kind: .fork), condition,
                                branch.handoff ?? handoff
                            ))
                    } else if let nested = branch.fork {
                        appendFork(nested, decision: decision, isTopLevel: false, condition: condition, handoff: branch.handoff ?? handoff)
                    }
                }
            }
            switch activity.next {
            case .single(let target)?:
                written.append((.single, EdgeRef(source: activity.id.value, target: target.value), nil, activity.handoff))
            case .branches(let branches, _)?:
                for (b, branch) in branches.enumerated() {
                    if let to = branch.to {
                        written.append(
                            (.branch(index: b), EdgeRef(source: activity.id.value, target: to.value), branch.when?.value, branch.handoff))
                    } else if let fork = branch.fork {
                        appendFork(
                            fork, decision: b, isTopLevel: true, condition: branch.when?.value, handoff: branch.handoff)
                    }
                }
            case .fork(let fork)?:
                appendFork(fork, decision: nil, isTopLevel: true, condition: nil, handoff: activity.handoff)
            case nil:
                if !activity.isEnd && i + 1 < activities.count {
                    written.append(
                        (.fallThrough, EdgeRef(source: activity.id.value, target: activities[i + 1].id.value), nil, activity.handoff))
                }
            }
            for (t, trigger) in activity.triggers.enumerated() {
                let ref = EdgeRef(source: activity.id.value, target: trigger.activity?.value, process: trigger.process.value)
                written.append((.trigger(index: t), ref, trigger.when?.value, trigger.handoff))
            }
            // The flow takes no timer out of an end (`flow/end-with-next` reports one there).
            let isEnd = activity.isEnd || (activity.next == nil && i == activities.count - 1)
            for (k, timeout) in activity.timeouts.enumerated() where !isEnd {
                guard let to = timeout.to else { continue }
                written.append(
                    (
                        .timeout(index: k), EdgeRef(source: activity.id.value, target: to.value, kind: .timeout), timeout.when?.value,
                        timeout.handoff
                    ))
            }
            // A cancellation is an edge from every activity it interrupts.
            for c in graph.cancellable[i] {
                let cancellation = graph.cancellations[c].cancellation
                written.append(
                    (
                        .cancel(entry: c), EdgeRef(source: activity.id.value, target: cancellation.to.value, kind: .cancel),
                        cancellation.when?.value, cancellation.handoff
                    ))
            }
            for (order, edge) in written.enumerated() {
                // The handoff rules see a cancellation once, from one of its activities: each of its edges takes that
                // view, so that they all change together and the diff can list them as one.
                let point: HandoffPoint?
                if case .cancel(let c) = edge.kind { point = cancelPoints[c] } else { point = points[PointKey(source: i, kind: edge.kind)] }
                let fromRoles: [String]
                if case .cancel? = point?.kind, let point {
                    fromRoles = point.sourceRoles.map(\.id.value)
                } else {
                    fromRoles = activity.responsible.values()
                }
                let passes: Bool?
                switch point?.change {
                case .changed?: passes = true
                case .unchanged?, .returning?: passes = false
                case .undetermined?, nil: passes = nil
                }
                var state = EdgeState(
                    condition: edge.condition, handoff: edge.handoff.map(HandoffFacts.init), fromRoles: fromRoles,
                    toRoles: point?.target.roles.map(\.id.value) ?? [], passesResponsibility: passes
                )
                state.toUnnamedReceiver = point.map { $0.target.external != nil && $0.target.roles.isEmpty } ?? false
                state.toOtherPersonInRole = point?.isWithinOneRole ?? false
                if case .branch(let b) = edge.kind, case .branches(let branches, _)? = activity.next, branches.indices.contains(b) {
                    state.outcome = branches[b].outcome?.value.rawValue
                    state.priorities = branches[b].priorities.map { $0.value }
                }
                edges.append(FlowEdge(source: i, order: order, ref: edge.ref, state: state))
            }
        }
        return edges
    }

    private struct PointKey: Hashable {
        let source: Int
        let kind: HandoffPoint.Kind
    }
}

/// One transition or trigger of a process as written, with its state.
struct FlowEdge: Sendable {
    /// The source activity's position.
    let source: Int
    /// Its position among the source's edges.
    let order: Int
    /// With activity ids as written on its own side.
    var ref: EdgeRef
    let state: EdgeState
}
