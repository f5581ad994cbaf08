import YAMLTree

/// A role both consulted and informed on one activity: the informed entry says nothing the consulted one does not.
enum RedundantInformed: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/redundant-informed",
        defaultSeverity: .note,
        summary: "a role both consulted and informed on one activity",
        explanation: """
            A consulted role is asked before the decision, and hears how it came out: consulting already keeps the \
            role in the loop, so informing it as well on the same activity adds nothing. It is not a conflict (public \
            RACI templates write "C/I" on purpose, for a role that is asked and then told), but a runbook that lists \
            the role twice makes readers wonder which part it plays, and the duplicate stays behind when the \
            consultation is dropped. Remove the role from `informed`; keep it there, and drop it from `consulted`, if \
            it is only told.

            This rule was part of `raci/conflicting-assignment`, which now keeps R or A together with C or I. An \
            entry in `.procdef.yaml` and an inline suppression (`# procdef: ignore raci/conflicting-assignment -- \
            reason`) that name `raci/conflicting-assignment` also name this rule, so suppressions written before the \
            split keep their effect and do not turn into `lint/unused-suppression` warnings. Name this rule when you \
            next touch them.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              comms: {name: Communications Lead, kind: practitioner}
              service-owner: {name: Business Service Owner, kind: stakeholder}
            ---
            kind: process
            id: major-incident-communication
            name: Major Incident Communication
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: draft
                name: Draft the status update
                responsible: comms
                consulted: [service-owner]
                informed: [service-owner]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-owner]
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              comms: {name: Communications Lead, kind: practitioner}
              service-owner: {name: Business Service Owner, kind: stakeholder}
            ---
            kind: process
            id: major-incident-communication
            name: Major Incident Communication
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: draft
                name: Draft the status update
                responsible: comms
                consulted: [service-owner]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-owner]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() {
            let roles = context.activityRoles[index]
            if roles.consulted.isEmpty || roles.informed.isEmpty { continue }
            let consulted = RoleLookup(roles.consulted)
            let responsible = RoleLookup(roles.responsible)
            let accountable = RoleLookup(roles.accountable)
            // A responsible or accountable role's `informed` entry is `raci/conflicting-assignment`'s finding.
            for reference in roles.informed
            where consulted.contains(reference.value) && !responsible.contains(reference.value)
                && !accountable.contains(reference.value) && Self.consultedWheneverInformed(reference.value, on: activity)
            {
                findings.report(
                    Self.self, at: reference.range,
                    "\(context.describeRole(reference.value)) is both consulted and informed on \(context.describe(activity)) (C and I)",
                    help: "remove '\(reference.value)' from `informed`: a consulted role already hears how the decision came out",
                    activities: [activity.id.value], roles: [reference.value]
                )
            }
        }
    }

    /// A role consulted only under a condition is not kept in the loop on the other runs: informing it then is not
    /// redundant, unless the informing has the same condition.
    private static func consultedWheneverInformed(_ role: String, on activity: Activity) -> Bool {
        guard !activity.conditions.isEmpty, let consultedWhen = activity.condition(consulted: role) else { return true }
        return consultedWhen.value == activity.condition(informed: role)?.value
    }
}
