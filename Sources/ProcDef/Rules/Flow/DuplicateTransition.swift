/// `flow/duplicate-transition`: a `next` list names each target once.
enum DuplicateTransition: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/duplicate-transition",
        defaultSeverity: .warning,
        summary: "the same target twice in one `next`",
        explanation: """
            Two branches of one decision that lead to the same activity are either one branch written twice (with two \
            conditions that should be one) or a copy-paste slip where one of them should lead somewhere else, often \
            the escalation or the customer notification that is now missing. Either way the runbook shows the \
            practitioner a choice that is not one.

            Merge the two branches into one, combining their `when` conditions, or point the second one at the \
            activity it was meant for. The finding points at the second (and any later) occurrence.
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
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: workaround
                    when: A known error matches.
                  - to: workaround
                    when: A workaround is documented in the knowledge base.
                  - to: escalate
                    when: No workaround is known.
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                next: close
              - id: escalate
                name: Escalate to the incident manager
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
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: workaround
                    when: A known error matches, or a workaround is documented in the knowledge base.
                  - to: escalate
                    when: No workaround is known.
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                next: close
              - id: escalate
                name: Escalate to the incident manager
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for activity in context.activities {
            guard case .branches(let branches, _)? = activity.next, branches.count >= 2 else { continue }
            var first: [String: Branch] = [:]
            for branch in branches {
                guard let to = branch.to else { continue }
                guard let earlier = first[to.value] else {
                    first[to.value] = branch
                    continue
                }
                let target =
                    context.graph.index(of: to.value).map { context.describe(context.activities[$0]) } ?? "'\(to.value)'"
                findings.report(
                    Self.self, at: branch.range,
                    "activity \(context.describe(activity)) lists \(target) twice in `next`",
                    help:
                        "merge the two branches into one, combining their `when` conditions, or point this one at the activity it was meant for",
                    notes: [
                        Diagnostic.Note(
                            message: "'\(to.value)' is first listed here", file: context.process.file, range: earlier.range)
                    ],
                    activities: [activity.id.value, to.value]
                )
            }
        }
    }
}
