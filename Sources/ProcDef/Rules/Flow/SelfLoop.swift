/// `flow/self-loop`: an activity does not name itself as where the flow goes next.
enum SelfLoop: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/self-loop",
        defaultSeverity: .warning,
        summary: "an activity whose `next` is itself",
        explanation: """
            An activity that sends the case back to itself hides a repetition in the flow: the runbook says "go to \
            step 4" while the practitioner is on step 4, nobody knows how often to go round, and the time target and \
            handoff of the activity no longer mean anything. A repetition is part of how the work is done, so it \
            belongs in the activity's `procedure` ("chase the user daily until they reply"), or, when the work really \
            changes, in a separate activity (rework, re-assessment) with its own responsible role.

            Write the repetition into `procedure:`, or send the case to a distinct activity.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                informed: [user]
                next:
                  - to: confirm
                    when: The user has not replied yet.
                  - to: close
                    when: The user confirms the resolution.
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
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                informed: [user]
                procedure:
                  - Ask the user to confirm the resolution.
                  - Chase the user daily until they reply, three times at most.
              - id: close
                name: Close the incident
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for transition in context.graph.transitions where transition.source == transition.target {
            let activity = context.activities[transition.source]
            var written = "`next`"
            if case .timeout = transition.kind { written = "the `to` of its `timeout`" }
            findings.report(
                Self.self, at: transition.range,
                "activity \(context.describe(activity)) names itself as \(written): the case goes round the same activity",
                help:
                    "write the repetition into the `procedure:` of '\(activity.id.value)' (e.g. `- Chase the user daily until they reply.`), or send the case to a distinct activity",
                activities: [activity.id.value]
            )
        }
    }
}
