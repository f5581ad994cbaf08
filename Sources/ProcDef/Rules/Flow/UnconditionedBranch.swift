/// `flow/unconditioned-branch`: every branch of a decision says `when` it is taken.
enum UnconditionedBranch: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/unconditioned-branch",
        defaultSeverity: .warning,
        summary: "a decision whose branches do not all say `when`",
        explanation: """
            A `next` with two or more targets is a decision: the practitioner must choose where the case goes. A branch \
            without `when` leaves that choice to whoever is on shift, so the same kind of case takes different routes, \
            reaches different teams and gets different promises: the customer's moment of truth depends on luck. The \
            condition is also what the runbook and the diagram print on the branch.

            A `next` list with a single target is not a decision and needs no condition; two entries with the same \
            target count as one target (see `flow/duplicate-transition`). Add `when:` to every branch of the decision, \
            stating the condition in the practitioner's terms ("A known error or workaround matches.").
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
                    when: A known error or workaround matches.
                  - to: escalate
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
                    when: A known error or workaround matches.
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
            // Two branches to the same activity are flow/duplicate-transition's; a branch that forks counts as its own target.
            guard Set(branches.map { $0.to?.value ?? $0.targets.map(\.value).joined(separator: " ") }).count >= 2 else { continue }
            for branch in branches where branch.when.map({ $0.value.isBlank }) ?? true {
                let targets = branch.targets.map(\.value)
                let target: String
                if let to = branch.to {
                    target = context.graph.index(of: to.value).map { context.describe(context.activities[$0]) } ?? "'\(to.value)'"
                } else {
                    target = "the fork to " + targets.map { "'\($0)'" }.joined(separator: ", ")
                }
                let example = branch.to.map { "`- {to: \($0.value), when: No workaround is known.}`" } ?? "`- {when: ..., all: [...]}`"
                findings.report(
                    Self.self, at: branch.range,
                    "the branch from decision \(context.describe(activity)) to \(target) does not say `when` it is taken",
                    help:
                        "add `when:` with the condition that sends the case \(branch.to.map { "to '\($0.value)'" } ?? "down this fork"), e.g. \(example)",
                    activities: [activity.id.value] + targets
                )
            }
        }
    }
}
