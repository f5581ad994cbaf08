/// What a change to the definitions does, process by process: the result of `ProcessDiff.compare`.
///
/// Everything is in a stable order (processes and roles by id, activities and edges in flow order), so every
/// rendering of it is deterministic.
package struct WorkspaceDiff: Sendable {
    /// Every process added, removed or changed in any way (its findings included), by id.
    package var processes: [ProcessChange]
    /// Catalogue roles added, removed or changed, by id.
    package var roles: [RoleChange]
    /// Processes defined elsewhere added, removed or changed, by id.
    package var externalProcesses: [ExternalProcessChange]
    /// Findings outside any process: role catalogues, policies, configuration, unreadable files.
    package var findings: FindingChanges
    /// Processes on both sides with no change at all.
    package var unchangedProcesses: Int

    package init(
        processes: [ProcessChange], roles: [RoleChange], externalProcesses: [ExternalProcessChange] = [], findings: FindingChanges,
        unchangedProcesses: Int
    ) {
        self.processes = processes
        self.roles = roles
        self.externalProcesses = externalProcesses
        self.findings = findings
        self.unchangedProcesses = unchangedProcesses
    }

    /// Nothing a reviewer needs to see changed.
    package var isEmpty: Bool { processes.isEmpty && roles.isEmpty && externalProcesses.isEmpty && findings.isEmpty }

    /// Every finding the change introduces, in processes (by process id) and then outside them.
    package var introducedFindings: [FindingRecord] {
        processes.flatMap(\.findings.introduced) + findings.introduced
    }

    /// Every finding the change resolves, in the same order.
    package var resolvedFindings: [FindingRecord] {
        processes.flatMap(\.findings.resolved) + findings.resolved
    }

    /// The error-level findings the change introduces: a change with any fails review (`procdef diff` exits 1).
    package var introducedErrors: [FindingRecord] {
        introducedFindings.filter { $0.severity == .error }
    }

    /// Every step whose case moves to another team, in process order.
    package var teamMoves: [(process: ProcessChange, step: CaseHolderChange)] {
        processes.flatMap { process in process.caseHolders.filter(\.movesTeam).map { (process, $0) } }
    }

    /// Every handoff gap that appears or goes, in process order.
    package var gaps: [(process: ProcessChange, gap: GapChange)] {
        processes.flatMap { process in process.gaps.map { (process, $0) } }
    }
}

/// What changed in one process.
package struct ProcessChange: Sendable {
    package enum Status: String, Sendable, Hashable {
        case added, removed, changed
    }

    package var id: String
    /// The name on the new side (the old side's for a removed process).
    package var name: String
    package var status: Status
    /// The file on the new side (the old side's for a removed process).
    package var file: String
    /// Owner, manager, case owner and default accountable role: who answers for the process.
    package var ownership: [FieldChange]
    /// Every other process-level field: name, version, effective, approved-by, review.last, review.every, purpose, trigger, outcome, tags, policies, waivers, start.
    package var fields: [FieldChange]
    package var activities: [ActivityChange]
    /// Per activity and role, in activity order then role id.
    package var raci: [RACIChange]
    /// Steps whose responsible roles (who holds the case there) or their teams changed, in flow order.
    package var caseHolders: [CaseHolderChange]
    /// Transitions and triggers added, removed or changed, in flow order.
    package var edges: [EdgeChange]
    /// Fork branches, cancellations and joins added or removed.
    package var parallel: [ParallelChange]
    /// Handoff gaps introduced or fixed, in flow order.
    package var gaps: [GapChange]
    /// Policies whose status changed, by policy id.
    package var policies: [PolicyStatusChange]
    package var findings: FindingChanges

    package init(
        id: String, name: String, status: Status, file: String, ownership: [FieldChange] = [], fields: [FieldChange] = [],
        activities: [ActivityChange] = [], raci: [RACIChange] = [], caseHolders: [CaseHolderChange] = [], edges: [EdgeChange] = [],
        parallel: [ParallelChange] = [], gaps: [GapChange] = [], policies: [PolicyStatusChange] = [],
        findings: FindingChanges = FindingChanges()
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.file = file
        self.ownership = ownership
        self.fields = fields
        self.activities = activities
        self.raci = raci
        self.caseHolders = caseHolders
        self.edges = edges
        self.parallel = parallel
        self.gaps = gaps
        self.policies = policies
        self.findings = findings
    }

    /// True when nothing at all changed (such a process is left out of the diff).
    package var isEmpty: Bool {
        status == .changed && ownership.isEmpty && fields.isEmpty && activities.isEmpty && raci.isEmpty && caseHolders.isEmpty
            && edges.isEmpty && parallel.isEmpty && gaps.isEmpty && policies.isEmpty && findings.isEmpty
    }
}
