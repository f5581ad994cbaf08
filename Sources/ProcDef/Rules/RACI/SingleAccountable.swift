import YAMLTree

/// RACI allows exactly one accountable role per activity.
enum SingleAccountable: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/single-accountable",
        defaultSeverity: .error,
        summary: "more than one accountable role",
        explanation: """
            The A in RACI is singular on purpose: accountability shared between two roles is accountability neither \
            holds. When the outcome is late, each accountable role can point at the other, and the customer, who was \
            promised that "we own the problem end to end", is left chasing both.

            The rule reports an activity whose `accountable` list names more than one role, at the second one. Keep the \
            role that answers for the result and signs it off; make the others `responsible` if they do the work, or \
            `consulted` if their view shapes it. Roles that no catalogue defines are left to `ref/unknown-role`, and a \
            role listed twice counts once.
            """,
        failingExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              cab-chair: {name: CAB Chair, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: change-analyst
                accountable: [change-manager, cab-chair]
              - id: schedule
                name: Schedule the change
                responsible: change-analyst
                accountable: cab-chair
            """,
        fixedExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              cab-chair: {name: CAB Chair, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: change-analyst
                accountable: change-manager
                consulted: [cab-chair]
              - id: schedule
                name: Schedule the change
                responsible: change-analyst
                accountable: cab-chair
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() where !activity.accountable.isEmpty {
            let roles = context.activityRoles[index].accountable
            guard roles.count > 1 else { continue }
            let second = roles[1]
            let names = roles.map { context.describeRole($0.value) }
            let others = roles.dropFirst().map { "'\($0.value)'" }
            findings.report(
                Self.self, at: second.range,
                "activity \(context.describe(activity)) has \(roles.count) accountable roles (\(listText(names))); RACI allows exactly one",
                help:
                    "keep `accountable: \(roles[0].value)` (or whichever role answers for the result) and make \(listText(others)) `responsible` or `consulted`",
                activities: [activity.id.value], roles: roles.map(\.value)
            )
        }
    }
}

/// `a`, `a and b`, `a, b and c`: how messages list things.
func listText(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
