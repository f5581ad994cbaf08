/// `ownership/manager-kind`: the process manager is a role of kind `manager` (or `owner`).
enum ManagerKind: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "ownership/manager-kind",
        defaultSeverity: .warning,
        summary: "the manager's role kind is not `manager` or `owner`",
        explanation: """
            The Process Manager runs the process day to day: assigns the work, watches the queue, chases breaches and \
            reports to the Process Owner. Naming a practitioner as manager blurs doing the work with steering it, and a \
            customer, supplier or stakeholder cannot run an internal process. In small organisations the Process Owner \
            often manages the process too, so a role of kind `owner` is accepted.

            Name a role of kind `manager` (or the owner) as the process's `manager:`, or fix the role's `kind` in the \
            role catalogue if it really is a manager. Unknown roles are left to `ref/unknown-role`.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: service-desk
            defaults:
              accountable: incident-manager
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
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
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
        guard let manager = context.process.manager, let role = context.role(manager.value) else { return }
        let kind = role.kind.value
        guard kind != .manager && kind != .owner else { return }
        findings.report(
            Self.self, at: manager.range,
            "the process manager \(context.describeRole(manager.value)) is a role of kind `\(kind.rawValue)`, not `manager` or `owner`",
            help:
                "name a role of kind `manager` as `manager:`, or give \(context.describeRole(manager.value)) `kind: manager` in its role definition if it really runs the process",
            roles: [manager.value]
        )
    }
}
