/// `flow/empty`: a process has at least one activity.
enum EmptyProcess: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/empty",
        defaultSeverity: .error,
        summary: "a process with no activities",
        explanation: """
            A process is the activities it is made of: with none, there is no start, no end, nobody responsible for \
            anything and no runbook to follow. An empty `activities:` list is usually a placeholder committed too early \
            or a list that lost its indentation.

            Add the activities under `activities:`, starting with the one that receives the case (the first activity is \
            the start). A process that is not designed yet is better kept out of the checked paths. A process with no \
            `activities` key at all is reported by `schema/missing-field` instead.
            """,
        failingExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
            ---
            kind: process
            id: change-management
            name: Change Management
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities: []
            """,
        fixedExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
            ---
            kind: process
            id: change-management
            name: Change Management
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: change-manager
              - id: approve
                name: Approve the change
                responsible: change-manager
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        guard process.activities.isEmpty else { return }
        // Without an `activities` key at all the decoder already reports `schema/missing-field`. A process built in
        // memory records no fields, and is judged by its activities alone.
        if !process.presentFields.isEmpty && !process.presentFields.contains("activities") { return }
        findings.report(
            Self.self, at: process.headerRange,
            "process '\(process.id.value)' (\(process.name.value)) has no activities",
            help: "list the process's activities under `activities:`, e.g. `- {id: log, name: Log the incident, responsible: service-desk}`"
        )
    }
}
