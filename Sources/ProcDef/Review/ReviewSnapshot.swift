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

    /// Every transition and trigger of `process` as written, in flow order (each activity's `next` targets or its
    /// fall-through, then its triggers), with the handoff analysis's view of each: the roles on both ends and whether
    /// responsibility changes. Edges to unknown activities or processes are kept, with no roles on the far end.
    func edges(of process: ProcessDefinition) -> [FlowEdge] {
        let analysis = HandoffAnalysis(
            process: process, graph: FlowGraph(process: process), workspace: report.workspace, catalogue: catalogue)
        var points: [PointKey: HandoffPoint] = [:]
        for point in analysis.points { points[PointKey(source: point.source, kind: point.kind)] = point }
        let activities = process.activities
        var edges: [FlowEdge] = []
        for (i, activity) in activities.enumerated() {
            var written: [(kind: HandoffPoint.Kind, ref: EdgeRef, condition: String?, handoff: Handoff?)] = []
            switch activity.next {
            case .single(let target)?:
                written.append((.single, EdgeRef(source: activity.id.value, target: target.value), nil, activity.handoff))
            case .branches(let branches, _)?:
                for (b, branch) in branches.enumerated() {
                    written.append(
                        (.branch(index: b), EdgeRef(source: activity.id.value, target: branch.to.value), branch.when?.value, branch.handoff)
                    )
                }
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
            for (order, edge) in written.enumerated() {
                let point = points[PointKey(source: i, kind: edge.kind)]
                let passes: Bool?
                switch point?.change {
                case .changed?: passes = true
                case .unchanged?: passes = false
                case .undetermined?, nil: passes = nil
                }
                let state = EdgeState(
                    condition: edge.condition, handoff: edge.handoff.map(HandoffFacts.init), fromRoles: activity.responsible.values(),
                    toRoles: point?.target.roles.map(\.id.value) ?? [], passesResponsibility: passes
                )
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
