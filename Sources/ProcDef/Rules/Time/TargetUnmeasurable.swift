/// `time/target-unmeasurable`: a service target whose `to` no path reaches after its `from`.
enum TargetUnmeasurable: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/target-unmeasurable",
        defaultSeverity: .error,
        summary: "a service target whose `to` cannot follow its `from`: the clock never stops",
        explanation: """
            A target's clock starts at its `from` and stops at its `to`. When no path leads from `from` to `to` (for \
            some priority: the only way may be a branch other priorities do not take), the clock started for those \
            cases never stops, and the target can be neither met nor measured. Usually `from` and `to` are swapped, or \
            `to` names a step on another branch.

            Name in `to` an activity the flow reaches after `from`, or limit the target to the priorities that reach \
            it (`when: p1`).
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
                from: resolve
                to: log
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
            let never = verdicts.filter { $0.fastest == nil }
            guard !never.isEmpty, let from = target.from, let to = target.to else { continue }
            let priorities = never.compactMap(\.priority)
            let forWhom = priorities.isEmpty || priorities.count == verdicts.count ? "" : " for \(priorities.joined(separator: ", "))"
            findings.report(
                Self.self, at: to.activity.range,
                "\(wording.name(target)) can never stop its clock\(forWhom): no path leads from \(wording.moment(from)) to \(wording.moment(to))",
                help:
                    "name in `to` an activity the flow reaches after '\(from.activity.value)', or limit the target with `when` to the priorities that reach it",
                activities: [from.activity.value, to.activity.value])
        }
    }
}
