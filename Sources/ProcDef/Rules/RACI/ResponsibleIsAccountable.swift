import YAMLTree

/// The same role does the work and answers for it (off by default; some organisations forbid it).
enum ResponsibleIsAccountable: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/responsible-is-accountable",
        defaultSeverity: nil,
        summary: "a role both R and A on one activity (some organisations forbid it; off by default)",
        explanation: """
            Classic RACI allows one role to be both responsible and accountable: on a small step the person doing the \
            work may well answer for it. Some organisations forbid it, as a form of separation of duties: whoever \
            signs the result off (the approver of a change, the one who confirms an incident resolved) must not be the \
            one who did the work, so that every outcome gets a second pair of eyes. This rule is off by default; turn it \
            on in `.procdef.yaml` with `raci/responsible-is-accountable: warning` (or `error`).

            It reports a role that is both responsible and accountable for one activity, with `defaults.accountable` \
            applied: at the accountable entry, or at the responsible entry when the accountability comes from the \
            default. Make a different role accountable, typically the lead of the team doing the work or the Process \
            Manager.
            """,
        failingExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: implement
                name: Implement the change
                responsible: change-analyst
              - id: review
                name: Review the implemented change
                responsible: change-analyst
                accountable: change-analyst
            """,
        fixedExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: implement
                name: Implement the change
                responsible: change-analyst
              - id: review
                name: Review the implemented change
                responsible: change-analyst
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() {
            let roles = context.activityRoles[index]
            let responsible = roles.responsible
            guard !responsible.isEmpty else { continue }
            let byDefault = activity.accountable.isEmpty
            let accountable = roles.accountable
            for reference in accountable {
                guard let doer = responsible.first(where: { $0.value == reference.value }) else { continue }
                let source = byDefault ? " (accountable through `defaults.accountable`)" : ""
                findings.report(
                    Self.self, at: byDefault ? doer.range : reference.range,
                    "\(context.describeRole(reference.value)) is both responsible and accountable for \(context.describe(activity))\(source)",
                    help: byDefault
                        ? "set `accountable:` on this activity to a role that does not do the work, e.g. the team lead or the process manager"
                        : "make a role that does not do the work accountable, e.g. the team lead or the process manager",
                    activities: [activity.id.value], roles: [reference.value]
                )
            }
        }
    }
}
