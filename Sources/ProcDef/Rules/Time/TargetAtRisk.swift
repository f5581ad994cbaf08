/// `time/target-at-risk`: a service target that the slowest path's budgets can exceed (TargetAnalysis).
enum TargetAtRisk: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/target-at-risk",
        defaultSeverity: .note,
        summary: "a service target that the slowest path's budgets can exceed",
        explanation: """
            The slowest way from a target's `from` to its `to` adds up to more than its `within`: some cases, as \
            budgeted, miss the target. The sum follows the same rules as `time/target-infeasible` (per priority, a \
            fork's slowest branch, untimed steps as zero), with each loop (a strongly connected part of the flow) \
            counted once with all its budgets, so the analysis stays polynomial; a loop that no timer leaves is named \
            in the message, since its real worst case is unbounded. Business days on an elapsed clock count at their \
            most elapsed hours in the sum (n business days take at most n + 2·⌈n/5⌉ calendar days) and at their fewest \
            in the target.

            Where the fastest path already misses the target, `time/target-infeasible` reports it instead. Shorten the \
            slow path's budgets or give it a timer that escalates in time; a risk the process accepts (its escalation path, \
            say) may stay: the finding is a note, and `# procdef: ignore time/target-at-risk -- reason` on the target \
            records why.
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
                target: 30m
                next:
                  - {to: resolve, when: A known error matches.}
                  - {to: investigate, when: Nothing matches.}
              - id: investigate
                name: Investigate with the specialists
                responsible: service-desk
                target: 4h
                next: resolve
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
                target: 30m
                next:
                  - {to: resolve, when: A known error matches.}
                  - {to: investigate, when: Nothing matches.}
              - id: investigate
                name: Investigate with the specialists
                responsible: service-desk
                target: {p1: 2h, p2: 4h}
                next: resolve
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                informed: [end-user]
                target: 1h
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let wording = TargetWording(context)
        let businessDay = context.businessDaySeconds
        for (t, verdicts) in context.targets.verdicts.enumerated() {
            let target = context.process.targets[t]
            for verdict in verdicts where verdict.isAtRisk(businessDay: businessDay) {
                guard let slowest = verdict.slowest, let within = verdict.within, let from = target.from, let to = target.to else {
                    continue
                }
                let clock = verdict.isBusinessClock
                findings.report(
                    Self.self, at: wording.range(target),
                    "\(wording.name(target)) is at risk\(wording.forPriority(verdict.priority)): on the slowest path from \(wording.moment(from)) to \(wording.moment(to)) the budgets add up to \(wording.time(slowest.total, businessClock: clock)), over its \(wording.time(within, businessClock: clock)) (\(wording.path(slowest)))\(wording.unboundedLoops(slowest))",
                    help:
                        "shorten the slow path's budgets or give it a timer that escalates in time; a risk the process accepts may stay, as a note",
                    activities: [from.activity.value, to.activity.value], path: wording.witness(slowest))
            }
        }
    }
}
