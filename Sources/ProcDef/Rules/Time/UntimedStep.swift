/// `time/untimed-step`: steps without a budget on a service target's paths, once per target.
enum UntimedStep: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/untimed-step",
        defaultSeverity: .note,
        summary: "a step on a service target's paths has no `target`, so whether the target can be met cannot be decided",
        explanation: """
            The target rules add up the steps' `target`s between a target's `from` and its `to`. A step there with no \
            `target` (for some priority: a per-priority mapping without that priority and without `default`) counts \
            as zero, so a sum over the target is still proven but a sum under it proves nothing. Reported once per \
            target, naming the untimed steps (and the priorities, where only some lack a budget).

            Give each step on the target's paths a `target`: the time the team budgets for it.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident
            name: Incident management
            owner: incident-owner
            priorities: [p1, p2]
            targets:
              - id: restore
                name: Restore service
                from: log
                to: resolve
                within: {p1: 4h, p2: 8h}
            defaults:
              accountable: incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
                target: 30m
              - id: diagnose
                name: Diagnose the incident
                responsible: service-desk
                target: {p1: 2h}
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                informed: [end-user]
                target: 1h
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident
            name: Incident management
            owner: incident-owner
            priorities: [p1, p2]
            targets:
              - id: restore
                name: Restore service
                from: log
                to: resolve
                within: {p1: 4h, p2: 8h}
            defaults:
              accountable: incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
                target: 30m
              - id: diagnose
                name: Diagnose the incident
                responsible: service-desk
                target: {p1: 2h, p2: 4h}
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                informed: [end-user]
                target: 1h
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let wording = TargetWording(context)
        for (t, verdicts) in context.targets.verdicts.enumerated() {
            let target = context.process.targets[t]
            // Each untimed step once, in the order of the process, with the priorities it has no budget for.
            var priorities: [Int: [String]] = [:]
            for verdict in verdicts where verdict.fastest != nil {
                for step in verdict.untimed { priorities[step, default: []].append(verdict.priority ?? "") }
            }
            guard !priorities.isEmpty else { continue }
            let steps = priorities.keys.sorted()
            let all = verdicts.filter { $0.fastest != nil }.count
            let names = steps.map { step -> String in
                let listed = priorities[step, default: []].filter { !$0.isEmpty }
                let suffix = listed.isEmpty || listed.count == all ? "" : " (for \(listed.joined(separator: ", ")))"
                return context.describe(context.activities[step]) + suffix
            }
            let subject =
                names.count == 1
                ? "step \(names[0]) on its paths has no `target`, so it counts as zero"
                : "steps \(names.joined(separator: ", ")) on its paths have no `target`, so they count as zero"
            findings.report(
                Self.self, at: target.id.range,
                "whether \(wording.name(target)) can be met cannot be decided: \(subject)",
                help: "give each step between '\(target.from?.activity.value ?? "")' and '\(target.to?.activity.value ?? "")' a `target`",
                activities: steps.map { context.activities[$0].id.value })
        }
    }
}
