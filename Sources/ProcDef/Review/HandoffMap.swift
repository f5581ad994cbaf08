/// The organisation's handoffs: every place where a case passes from one role or team to another, across all
/// processes, whether a handoff is declared there or not (a gap), and a team-by-team count of them.
///
/// An entry is every transition or trigger where responsibility changes (a handoff or a gap) or a handoff is
/// declared anyway (`HandoffPoint.isHandoff`). Entries needing attention come first: gaps, then handoffs that name
/// no artifact, then those that state no expectation, then the rest; within each, by process id and flow order.
package struct HandoffMap: Sendable {
    package let entries: [HandoffMapEntry]
    package let teams: TeamMatrix

    /// The map of every process of a check report (the first of a duplicated id).
    package init(report: CheckReport) {
        var seen: Set<String> = []
        let processes = report.workspace.processes.filter { seen.insert($0.id.value).inserted }
        let analyses = processes.parallelMap { process in
            (
                process: process,
                handoffs: HandoffAnalysis(process: process, graph: FlowGraph(process: process), workspace: report.workspace)
            )
        }
        self.init(analyses)
    }

    /// The map of processes already analysed (`procdef build` has the analyses at hand).
    package init(_ processes: [(process: ProcessDefinition, handoffs: HandoffAnalysis)]) {
        var entries: [HandoffMapEntry] = []
        for (process, analysis) in processes.sorted(by: { $0.process.id.value < $1.process.id.value }) {
            var order = 0
            // A cancellation's point is seen from one activity; the map names every activity it interrupts.
            let cancellations = process.cancellations.isEmpty ? [] : FlowGraph(process: process).cancellations
            for point in analysis.points where point.isHandoff {
                var interrupted: [String] = []
                if case .cancel(let c) = point.kind, cancellations.indices.contains(c) {
                    interrupted = cancellations[c].sources.map { process.activities[$0].id.value }
                }
                entries.append(HandoffMapEntry(process: process, point: point, order: order, interrupted: interrupted))
                order += 1
            }
        }
        // Grouped by status in rank order, keeping process and flow order within each: a stable sort in one pass per
        // status, which copies each entry once (an entry holds some twenty strings).
        var ranked: [HandoffMapEntry] = []
        ranked.reserveCapacity(entries.count)
        for status in HandoffMapEntry.Status.allCases {
            for index in entries.indices where entries[index].status == status {
                ranked.append(entries[index])
            }
        }
        self.entries = ranked
        self.teams = TeamMatrix(entries: self.entries)
    }

    package var gapCount: Int { entries.count { $0.status == .gap } }
}

/// One handoff (or gap) of the map.
package struct HandoffMapEntry: Sendable, Hashable {
    /// Declared in the order the map lists them: what needs attention first.
    package enum Status: String, Sendable, Hashable, CaseIterable {
        /// Responsibility changes and no handoff is declared.
        case gap
        /// A handoff that does not say what is handed over.
        case missingArtifact = "missing-artifact"
        /// A handoff that does not say what the receiver commits to.
        case missingExpectation = "missing-expectation"
        /// A handoff with its artifact and expectation.
        case declared
    }

    /// How the case gets from one side to the other.
    package enum Kind: String, Sendable, Hashable {
        /// A fall-through, a `next` or a decision branch.
        case transition
        /// A branch of a fork: it runs alongside the fork's other branches.
        case fork
        /// A `cancel` entry: the case is cut short from any of the `interrupted` activities.
        case cancel
        /// A trigger into another process (or the same one, started anew).
        case trigger
        /// A timer on the step (`timeout`): the case goes on from there when the time has passed.
        case timeout
    }

    /// One end of a handoff: an activity and its responsible roles and their teams.
    package struct Side: Sendable, Hashable {
        package var processID: String
        package var processName: String
        package var activityID: String
        package var activityName: String
        package var roles: [String]
        /// Each role's `team`, else the role id; in role order, without repeats.
        package var teams: [String]
        /// True for a process defined elsewhere (`kind: external-process`): it has no activity, and its roles are its
        /// receiver.
        package var isExternal = false
        /// Where a process defined elsewhere is described, when it says.
        package var link: String?
    }

    package var status: Status
    package var from: Side
    package var to: Side
    package var kind: Kind
    /// For a cancellation, every activity it interrupts (`from` is the one the handoff rules see it from), in process
    /// order; empty otherwise.
    package var interrupted: [String]
    /// True for a trigger into another process (or the same one, started anew).
    package var isTrigger: Bool { kind == .trigger }
    /// The branch, trigger or cancellation condition (for a fork branch, that of the decision entry that forks).
    package var condition: String?
    package var artifact: String?
    package var expectation: String?
    /// The handoff's `within`, as `TimeBudget.text` writes it (`30m`, `p1: 15m, otherwise 1h`).
    package var within: String?
    package var agreement: String?
    package var escalation: Escalation?
    /// Who is told on the handoff.
    package var informed: [String]
    /// Where the edge is written.
    package var file: String
    package var line: Int
    package var column: Int

    init(process: ProcessDefinition, point: HandoffPoint, order: Int, interrupted: [String] = []) {
        let handoff = point.handoff
        if point.isGap {
            status = .gap
        } else if handoff?.statedArtifact == nil {
            status = .missingArtifact
        } else if handoff?.statedExpectation == nil, !point.isToSystem {
            // A system commits to nothing: a handoff to one is whole with its artifact (as `handoff/missing-expectation` holds).
            status = .missingExpectation
        } else {
            status = .declared
        }
        from = Side(
            processID: process.id.value, processName: process.name.value, activityID: point.sourceActivity.id.value,
            activityName: point.sourceActivity.name.value, roles: point.sourceRoles.map(\.id.value), teams: Self.teams(point.sourceRoles)
        )
        let targetProcess = point.target.process ?? process
        if let external = point.target.external {
            to = Side(
                processID: external.id.value, processName: external.name.value, activityID: "", activityName: "",
                roles: point.target.roles.map(\.id.value), teams: Self.teams(point.target.roles), isExternal: true,
                link: external.link?.value)
        } else {
            to = Side(
                processID: targetProcess.id.value, processName: targetProcess.name.value, activityID: point.target.id.value,
                activityName: point.target.activity?.name.value ?? "", roles: point.target.roles.map(\.id.value),
                teams: Self.teams(point.target.roles))
        }
        self.interrupted = interrupted
        switch point.kind {
        case .fallThrough, .single, .branch: kind = .transition
        case .fork: kind = .fork
        case .cancel: kind = .cancel
        case .trigger: kind = .trigger
        case .timeout: kind = .timeout
        }
        switch point.kind {
        case .branch(let index):
            if case .branches(let branches, _)? = point.sourceActivity.next, branches.indices.contains(index) {
                condition = branches[index].when?.value
            }
        case .trigger(let index):
            if point.sourceActivity.triggers.indices.contains(index) { condition = point.sourceActivity.triggers[index].when?.value }
        case .fork(let route):
            if let decision = route.decision, case .branches(let branches, _)? = point.sourceActivity.next,
                branches.indices.contains(decision)
            {
                condition = branches[decision].when?.value
            }
        case .cancel(let entry):
            if process.cancellations.indices.contains(entry) { condition = process.cancellations[entry].when?.value }
        case .timeout(let index):
            if point.sourceActivity.timeouts.indices.contains(index) { condition = point.sourceActivity.timeouts[index].when?.value }
        case .fallThrough, .single:
            condition = nil
        }
        artifact = handoff?.statedArtifact?.value
        expectation = handoff?.statedExpectation?.value
        within = handoff?.within?.text
        agreement = handoff?.statedAgreement?.value
        escalation = handoff?.escalation?.value
        // A closure, not `values()`: its generic key path is built anew on every call, and this runs per handoff.
        informed = handoff?.informed.map { $0.value } ?? []
        file = process.file
        line = point.range.start.line
        column = point.range.start.column
    }

    /// The teams of some roles: each role's stated `team`, else its id; without repeats, in role order.
    static func teams(_ roles: [ResolvedRole]) -> [String] {
        var teams: [String] = []
        for role in roles {
            let team = role.role?.team.map(\.value).flatMap { $0.isBlank ? nil : $0 } ?? role.id.value
            if !teams.contains(team) { teams.append(team) }
        }
        return teams
    }
}
