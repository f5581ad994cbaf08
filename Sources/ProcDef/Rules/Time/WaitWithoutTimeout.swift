import YAMLTree

/// `time/wait-without-timeout`: a `wait` step, or a step a supplier is responsible for, with no `timeout`.
enum WaitWithoutTimeout: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/wait-without-timeout",
        defaultSeverity: .note,
        summary: "a `wait` step, or a step a `supplier` role is responsible for, with no `timeout`",
        explanation: """
            While the case waits (a `type: wait` step) or lies with a supplier (a step a role of kind `supplier` is \
            responsible for), nobody inside the organisation is working on it. Unless a timer says when to chase, a \
            silent carrier or vendor keeps the case open for as long as it stays silent, and the service targets run \
            out unnoticed.

            Add a `timeout` to the step: `after` the time the wait may take (the supplier's agreed restoration time), \
            `to` a step that escalates (to the supplier's duty manager, or up the line), with a `handoff` when the \
            escalation changes hands. An `end: true` step is reported too: a wait at the end of a process still \
            holds the case.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: supplier-escalation
            name: Supplier escalation
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: raise-fault
                name: Raise the fault with the carrier
                responsible: service-desk
              - id: wait-for-fix
                name: Wait for the carrier's fix
                type: wait
                responsible: service-desk
              - id: confirm
                name: Confirm the fix with the user
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-manager: {name: Incident Manager, kind: manager}
            ---
            kind: process
            id: supplier-escalation
            name: Supplier escalation
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: raise-fault
                name: Raise the fault with the carrier
                responsible: service-desk
              - id: wait-for-fix
                name: Wait for the carrier's fix
                type: wait
                responsible: service-desk
                timeout:
                  after: 4h
                  to: escalate
                  handoff: {artifact: fault-report, expectation: The incident manager calls the carrier within 30 minutes.}
                next: confirm
              - id: escalate
                name: Escalate to the carrier's duty manager
                responsible: incident-manager
                handoff: {artifact: fault-report, expectation: The service desk confirms the fix within 1 hour.}
              - id: confirm
                name: Confirm the fix with the user
                responsible: service-desk
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() where activity.timeouts.isEmpty {
            let isWait = activity.stepType == .wait
            let suppliers = context.activityRoles[index].responsible.filter { context.role($0.value)?.kind.value == .supplier }
            guard isWait || !suppliers.isEmpty else { continue }
            let supplierNames = HandoffWording.list(suppliers.map { "supplier \(context.describeRole($0.value))" })
            let reason: String
            switch (isWait, suppliers.isEmpty) {
            case (true, true): reason = "is a `wait` step"
            case (true, false): reason = "is a `wait` on \(supplierNames)"
            case (false, _): reason = "lies with \(supplierNames)"
            }
            findings.report(
                Self.self, at: activity.id.range,
                "activity \(context.describe(activity)) \(reason) and has no `timeout`: nobody chases it: add a `timeout` that escalates",
                help:
                    "add `timeout: {after: <how long the wait may take>, to: <a step that escalates>}` to '\(activity.id.value)', with a `handoff` when the escalation changes hands",
                activities: [activity.id.value],
                roles: suppliers.map(\.value)
            )
        }
    }
}
