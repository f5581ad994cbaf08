import YAMLTree

/// Every activity needs a role that does the work.
enum ResponsibleRequired: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/responsible-required",
        defaultSeverity: .error,
        summary: "an activity with no responsible role",
        explanation: """
            The R in RACI is the role that does the work. An activity with no responsible role is a step everybody \
            assumes somebody else does: the runbook cannot tell a practitioner whether the step is theirs, the swimlane \
            diagram has no lane to put it in, and the handoff checks cannot tell whether responsibility changes on the way \
            in or out.

            The rule reports an activity that names no `responsible` role. Name the role (or roles) that carry the step \
            out. If the step is really done by the accountable role itself, name that role as responsible too. A role id \
            that no catalogue defines still counts as named here: `ref/unknown-role` reports it.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                informed: [user]
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                informed: [user]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for activity in context.activities where activity.responsible.isEmpty {
            findings.report(
                Self.self, at: activity.id.range,
                "activity \(context.describe(activity)) has no responsible role",
                help: "add `responsible: <role>` naming the role that does the work of this activity",
                activities: [activity.id.value]
            )
        }
    }
}
