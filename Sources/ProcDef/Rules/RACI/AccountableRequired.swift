import YAMLTree

/// Every activity needs one role that answers for its outcome.
enum AccountableRequired: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/accountable-required",
        defaultSeverity: .error,
        summary: "an activity with no accountable role and no default",
        explanation: """
            RACI gives every activity a single point of accountability: the one role that answers for the result, signs \
            it off and decides when the people doing the work disagree. An activity nobody is accountable for is an \
            activity whose failures nobody owns; in a live incident that is where the case stalls.

            The rule reports an activity that names no `accountable` role when the process sets no \
            `defaults.accountable` either. Name the accountable role on the activity, or, when one role (typically the \
            Process Manager) is accountable for most of the process, set it once under `defaults:` and let activities \
            override it where someone else answers. A role id that no catalogue defines still counts as named here: \
            `ref/unknown-role` reports it.
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
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [user]
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: incident-manager
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
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [user]
              - id: close
                name: Close the incident
                responsible: service-desk
                informed: [user]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let suggestion = context.process.manager?.value ?? "<role>"
        for activity in context.activities where context.accountable(activity).isEmpty {
            findings.report(
                Self.self, at: activity.id.range,
                "activity \(context.describe(activity)) has no accountable role",
                help: "add `accountable: \(suggestion)` to the activity, or `defaults: {accountable: \(suggestion)}` to the process",
                activities: [activity.id.value]
            )
        }
    }
}
