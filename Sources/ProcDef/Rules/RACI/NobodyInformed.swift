import YAMLTree

/// `raci/nobody-informed`: a notification step that tells no role anything.
enum NobodyInformed: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/nobody-informed",
        defaultSeverity: .error,
        summary: "a notification step that informs no role",
        explanation: """
            A notification is a step whose work is the message: a downtime notice, an all-clear, the answer to a \
            request. Who reads it is the whole point. A notification that informs no role is a notice to nobody: the \
            runbook tells someone to send a message without saying to whom, so it goes to whoever the sender \
            remembers, and the people who were waiting for it hear nothing.

            The rule reports a step of `type: notification`, or a step tagged `notification`, whose `informed` list \
            is empty. List the roles the notice is for under `informed` (the affected users, the service desk, the \
            stakeholders); an entry may be conditional (`{role: ROLE, when: TEXT}`). A handoff's `informed` does not \
            count: it tells people of the handoff, not of the notice.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: restore
                name: Restore the service
                responsible: service-desk
              - id: all-clear
                name: Publish the all-clear
                type: notification
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: restore
                name: Restore the service
                responsible: service-desk
              - id: all-clear
                name: Publish the all-clear
                type: notification
                responsible: service-desk
                informed: [end-user]
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for activity in context.activities where activity.informed.isEmpty {
            let anchor: SourceRange
            let what: String
            if let type = activity.type, type.value == .notification {
                anchor = type.range
                what = "notification"
            } else if let tag = activity.tags.first(where: { $0.value == "notification" }) {
                anchor = tag.range
                what = "step tagged 'notification'"
            } else {
                continue
            }
            findings.report(
                Self.self, at: anchor,
                "\(what) \(context.describe(activity)) informs no role: a notice to nobody",
                help: "list the roles the notice is for under `informed`, e.g. `informed: [end-user, service-desk]`",
                activities: [activity.id.value])
        }
    }
}
