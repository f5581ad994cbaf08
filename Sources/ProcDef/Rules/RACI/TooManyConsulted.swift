import YAMLTree

/// An activity that consults more roles than the limit: every consultation is a wait before the decision.
enum TooManyConsulted: ProcessRule {
    /// `max`, whose default every text of the rule quotes from here.
    static let maxOption = RuleOptionDescriptor(
        name: "max", defaultValue: 4, summary: "the most consulted roles an activity may have", allowed: 0...1_000_000)

    static let descriptor = RuleDescriptor(
        id: "raci/too-many-consulted",
        defaultSeverity: .warning,
        summary: "more consulted roles than the limit (default \(Int(maxOption.defaultValue))): decisions slow down",
        explanation: """
            Consulting is two-way: the activity waits until every consulted role has given its view. Each one added \
            lengthens the decision, and an activity that consults half the organisation (the change nobody dares to \
            approve alone) is a bottleneck in the making. Balance matters in both directions: consult the roles whose \
            input can change the outcome, and simply inform the ones who only need to know.

            The rule reports an activity that consults more distinct roles than the limit, at the first consulted entry \
            over it. Move the roles that only need to know to `informed`, or split the activity so each part consults \
            the few roles it needs. Roles that no catalogue defines are left to `ref/unknown-role` and not counted, \
            and so are roles consulted under a condition (`{role: security-lead, when: medium or low severity}`): an \
            optional participant does not slow every decision.

            Option: `max` (default \(Int(maxOption.defaultValue))), the most consulted roles an activity may have, e.g. \
            `raci/too-many-consulted: {max: 3}` in `.procdef.yaml`.
            """,
        failingExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
              carrier: {name: Network Carrier, kind: supplier}
              service-owner: {name: Business Service Owner, kind: stakeholder}
              security: {name: Information Security Office, kind: stakeholder}
              key-users: {name: Key Users, kind: customer}
              sponsor: {name: Business Sponsor, kind: stakeholder}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: change-analyst
                consulted: [carrier, service-owner, security, key-users, sponsor]
              - id: schedule
                name: Schedule the change
                responsible: change-analyst
                informed: [key-users]
            """,
        fixedExample: """
            kind: roles
            roles:
              change-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              change-analyst: {name: Change Analyst, kind: practitioner}
              carrier: {name: Network Carrier, kind: supplier}
              service-owner: {name: Business Service Owner, kind: stakeholder}
              security: {name: Information Security Office, kind: stakeholder}
              key-users: {name: Key Users, kind: customer}
              sponsor: {name: Business Sponsor, kind: stakeholder}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: change-analyst
                consulted: [carrier, service-owner, security]
                informed: [key-users, sponsor]
              - id: schedule
                name: Schedule the change
                responsible: change-analyst
                informed: [key-users]
            """,
        options: [maxOption]
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let limit = context.countOption(maxOption, of: Self.self)
        for (index, activity) in context.activities.enumerated() {
            var consulted = context.activityRoles[index].consulted
            guard consulted.count > limit else { continue }
            // An optional participant (`{role, when}`) does not slow every decision: only the unconditional count.
            if !activity.conditions.isEmpty {
                consulted = consulted.filter { activity.condition(consulted: $0.value) == nil }
                guard consulted.count > limit else { continue }
            }
            findings.report(
                Self.self, at: consulted[limit].range,
                "activity \(context.describe(activity)) consults \(consulted.count) roles, over the limit of \(limit): every consultation is a wait before the decision",
                help:
                    "keep in `consulted` only the roles whose input can change the outcome (at most \(limit)) and move the others to `informed`, or split the activity",
                activities: [activity.id.value], roles: consulted.map(\.value)
            )
        }
    }
}
