import ProcDef

/// One process of a checked workspace with everything the emitters read: roles resolved, flow graph, handoffs, RACI
/// matrix and policy status.
///
/// Emitters are pure functions of this value, so each can be tested on a process built in the test.
package struct CheckedProcess: Sendable {
    package let context: ProcessContext
    package let handoffs: HandoffAnalysis
    package let raci: RACIMatrix
    /// How each applicable policy stands, sorted by policy id.
    package let policyStatuses: [PolicyStatus]
    /// Every process of the workspace by id (the first of a duplicated id), to name the processes this one triggers.
    package let processesByID: [String: ProcessDefinition]
    /// The check's findings about this process, in the report's order: those whose subject it is, and those in its
    /// file that name no process (a YAML or schema error). The runbook's draft banner counts the errors among them,
    /// and its reviewers' section lists them all.
    package var findings: [Diagnostic] = []
    /// The findings about this process that the baseline lists as known (`CheckReport.baselined`), found the same way.
    package var knownFindings: [Diagnostic] = []
    /// The baseline file that lists them, as shown.
    package var baselineFile: String?
    /// What each edge of the flow graph says in a diagram (`DiagramRenderer.transitionLabels`), made once for the
    /// swimlanes, the blueprint and the runbook's Mermaid flowchart.
    let transitionLabels: [DiagramRenderer.TransitionLabel]

    package var process: ProcessDefinition { context.process }
    package var graph: FlowGraph { context.graph }
    package var id: String { context.process.id.value }

    /// Activities of the workspace's processes that trigger this one, in process id then activity order.
    package let triggeredBy: [(process: ProcessDefinition, activity: Activity)]
    /// Indices into `handoffs.points`, per source activity.
    private let pointsBySource: [[Int]]

    /// `process`, checked in `workspace`.
    package init(
        process: ProcessDefinition, workspace: Workspace, processesByID: [String: ProcessDefinition],
        policyStatuses: [PolicyStatus]
    ) {
        self.init(
            process: process, workspace: workspace, index: WorkspaceIndex(processesByID: processesByID),
            policyStatuses: policyStatuses)
    }

    /// `analysed`: the context the check's rules ran on, when the report kept it; made here otherwise.
    init(
        process: ProcessDefinition, workspace: Workspace, index: WorkspaceIndex, policyStatuses: [PolicyStatus],
        analysed: ProcessContext? = nil
    ) {
        let context =
            analysed
            ?? ProcessContext(
                process: process, graph: FlowGraph(process: process), workspace: workspace,
                configuration: RuleConfiguration())
        self.context = context
        self.handoffs = context.handoffs
        self.raci = RACIMatrix(context)
        self.policyStatuses = policyStatuses.sorted { $0.policyID < $1.policyID }
        self.processesByID = index.processesByID
        self.triggeredBy = index.triggers[process.id.value] ?? []
        var bySource = Array(repeating: [Int](), count: process.activities.count)
        for (i, point) in handoffs.points.enumerated() where bySource.indices.contains(point.source) {
            bySource[point.source].append(i)
        }
        self.pointsBySource = bySource
        self.transitionLabels = DiagramRenderer.transitionLabels(context: context)
    }

    /// Every process of a check report, in id order; a repeated id (`schema/duplicate-id`) keeps its first process.
    package static func all(in report: CheckReport) -> [CheckedProcess] {
        let (index, unique) = prepare(report)
        let statuses = report.policyStatuses
        let findings = findingsByProcess(report.diagnostics, unique)
        let known = findingsByProcess(report.baselined, unique)
        return unique.sorted { $0.id.value < $1.id.value }.parallelMap { process in
            var checked = CheckedProcess(
                process: process, workspace: report.workspace, index: index,
                policyStatuses: statuses[process.id.value] ?? [], analysed: report.processContexts[process.id.value])
            checked.findings = findings[process.id.value] ?? []
            checked.knownFindings = known[process.id.value] ?? []
            checked.baselineFile = report.baseline?.file
            return checked
        }
    }

    /// The process with this id (its first definition), or nil; only that one process is analysed.
    package static func named(_ id: String, in report: CheckReport) -> CheckedProcess? {
        let (index, _) = prepare(report)
        guard let process = index.processesByID[id] else { return nil }
        var checked = CheckedProcess(
            process: process, workspace: report.workspace, index: index,
            policyStatuses: report.policyStatuses[id] ?? [], analysed: report.processContexts[id])
        checked.findings = findingsByProcess(report.diagnostics, [process])[id] ?? []
        checked.knownFindings = findingsByProcess(report.baselined, [process])[id] ?? []
        checked.baselineFile = report.baseline?.file
        return checked
    }

    /// The report's findings per process id: by their subject, else by the file a single process lives in.
    private static func findingsByProcess(_ diagnostics: [Diagnostic], _ processes: [ProcessDefinition]) -> [String: [Diagnostic]] {
        var processByFile: [String: String?] = [:]
        for process in processes {
            // A file that holds two processes cannot say which one a finding without a subject is about.
            if processByFile[process.file] == nil {
                processByFile[process.file] = .some(process.id.value)
            } else {
                processByFile[process.file] = .some(nil)
            }
        }
        var result: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            if let id = diagnostic.subjects.process {
                result[id, default: []].append(diagnostic)
            } else if let owner = processByFile[diagnostic.file], let id = owner {
                result[id, default: []].append(diagnostic)
            }
        }
        return result
    }

    /// The workspace index, and the processes with the first of each id, in input order.
    private static func prepare(_ report: CheckReport) -> (index: WorkspaceIndex, unique: [ProcessDefinition]) {
        var byID: [String: ProcessDefinition] = [:]
        var unique: [ProcessDefinition] = []
        for process in report.workspace.processes where byID[process.id.value] == nil {
            byID[process.id.value] = process
            unique.append(process)
        }
        return (WorkspaceIndex(processesByID: byID), unique)
    }

    /// The role with this id as this process sees it (local first, then the catalogue).
    package func role(_ id: String) -> Role? { context.role(id) }

    /// The role's display name, or its id when no role has it.
    package func roleName(_ id: String) -> String { role(id)?.name.value ?? id }

    /// The accountable roles of an activity, with `defaults.accountable` applied.
    package func accountable(_ activity: Activity) -> [String] { context.accountable(activity).map { $0.value } }

    /// The transitions and triggers that leave activity `index`, as the handoff analysis sees them, in `next` order
    /// then trigger order.
    package func handoffPoints(from index: Int) -> [HandoffPoint] {
        handoffPointIndices(from: index).map { handoffs.points[$0] }
    }

    /// `handoffPoints(from:)` as indices into `handoffs.points`, for renderers that read a few fields of each point
    /// rather than copy it.
    func handoffPointIndices(from index: Int) -> [Int] {
        guard pointsBySource.indices.contains(index) else { return [] }
        return pointsBySource[index]
    }
}

/// What every process of a workspace looks up about the others, built once per build.
struct WorkspaceIndex: Sendable {
    let processesByID: [String: ProcessDefinition]
    /// Per triggered process id: the processes and activities that trigger it, in process id then activity order.
    let triggers: [String: [(process: ProcessDefinition, activity: Activity)]]

    init(processesByID: [String: ProcessDefinition]) {
        self.processesByID = processesByID
        var triggers: [String: [(process: ProcessDefinition, activity: Activity)]] = [:]
        for id in processesByID.keys.sorted() {
            guard let process = processesByID[id] else { continue }
            for activity in process.activities {
                var seen: Set<String> = []
                for trigger in activity.triggers where seen.insert(trigger.process.value).inserted {
                    triggers[trigger.process.value, default: []].append((process, activity))
                }
            }
        }
        self.triggers = triggers
    }
}
