/// `ownership/owner-required`: every process names its Process Owner.
enum OwnerRequired: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "ownership/owner-required",
        defaultSeverity: .error,
        summary: "the process names no owner",
        explanation: """
            Every process has exactly one Process Owner: the role accountable for the process itself, for its design, \
            its performance and its improvement, as opposed to the Process Manager who runs it day to day and the \
            practitioners who do the work. A process nobody owns is a process nobody improves, and nobody can approve a \
            change to it. RACI's single point of accountability applies to the process as much as to each activity.

            Add `owner:` with the id of the role that owns the process, ideally a role of kind `owner` in the role \
            catalogue (see `ownership/owner-kind`).
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        if let owner = process.owner, !owner.value.isBlank { return }
        findings.report(
            Self.self, at: process.headerRange,
            "process '\(process.id.value)' (\(process.name.value)) names no owner: nobody is accountable for the process itself",
            help: "add `owner:` with the id of the Process Owner role, e.g. `owner: incident-process-owner`"
        )
    }
}
