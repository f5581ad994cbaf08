/// `ownership/owner-kind`: the process owner, the process's approver and each waiver's approver are roles of kind `owner`.
enum OwnerKind: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "ownership/owner-kind",
        defaultSeverity: .warning,
        summary: "the owner's (or an approver's) role kind is not `owner`",
        explanation: """
            The Process Owner is accountable for the process; the Process Manager runs it; practitioners do the work. \
            Naming a manager or a practitioner as owner usually means the process has no real owner: the person who \
            runs the queue cannot also be the one who judges whether the process serves the business, and a customer, \
            supplier or stakeholder cannot own an internal process at all.

            Name a role of kind `owner` as the process's `owner:`. If the role really is the Process Owner, say so in \
            the role catalogue with `kind: owner`. Unknown roles are left to `ref/unknown-role`.

            A waiver's `approved-by:` is held to the same: accepting that a process breaks a policy (for good, with \
            `until: permanent`) is the Process Owner's decision, not the decision of whoever runs or works in it. So \
            is the process's own `approved-by:`: putting a version of the process into effect is the owner's call.
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
            owner: incident-manager
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
        checkWaiverApprovers(context, into: &findings)
        checkProcessApprover(context, into: &findings)
        guard let owner = context.process.owner, let role = context.role(owner.value), role.kind.value != .owner else { return }
        findings.report(
            Self.self, at: owner.range,
            "the process owner \(context.describeRole(owner.value)) is a role of kind `\(role.kind.value.rawValue)`, not `owner`",
            help:
                "name a role of kind `owner` as `owner:`, or give \(context.describeRole(owner.value)) `kind: owner` in its role definition if it really owns the process",
            roles: [owner.value]
        )
    }

    private static func checkProcessApprover(_ context: ProcessContext, into findings: inout Findings) {
        guard let approver = context.process.governance.approvedBy, let role = context.role(approver.value), role.kind.value != .owner
        else {
            return
        }
        let who = context.describeRole(approver.value)
        findings.report(
            Self.self, at: approver.range,
            "the process is approved by \(who), a role of kind `\(role.kind.value.rawValue)`, not `owner`: only a process owner puts a version into effect",
            help:
                "name a role of kind `owner` as `approved-by:`, such as the process owner, or give \(who) `kind: owner` if it really owns the process",
            roles: [approver.value]
        )
    }

    private static func checkWaiverApprovers(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        for waiver in process.waivers {
            guard let approver = waiver.approvedBy, let role = context.role(approver.value), role.kind.value != .owner else { continue }
            let who = context.describeRole(approver.value)
            findings.report(
                Self.self, at: approver.range,
                "the waiver for policy '\(waiver.policy.value)' is approved by \(who), a role of kind `\(role.kind.value.rawValue)`, not `owner`: only a process owner can accept the risk",
                help:
                    "name a role of kind `owner` as `approved-by:`, such as the process owner, or give \(who) `kind: owner` if it really owns the process",
                roles: [approver.value], policy: waiver.policy.value,
                waiver: WaiverSubject(process: process.id.value, policy: waiver.policy.value)
            )
        }
    }
}
