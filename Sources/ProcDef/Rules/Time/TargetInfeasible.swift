/// `time/target-infeasible`: a service target that even the fastest path's budgets cannot meet (TargetAnalysis).
enum TargetInfeasible: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/target-infeasible",
        defaultSeverity: .warning,
        summary: "a service target that even the fastest path's budgets cannot meet",
        explanation: """
            A service target (`targets:`) gives the time from one activity's start or end to another's. The steps' \
            `target`s, the handoffs' `within`s and the timers' `after`s are the time each part of the work is budgeted. \
            When even the fastest way from the target's `from` to its `to` adds up to more than its `within`, the \
            target cannot be met as planned: the process promises what its own budgets rule out.

            The sum is taken per priority (with `priorities`), on the paths cases of that priority can take, with that \
            priority's budgets. A fork takes its slowest branch (the work after the join waits for it); a loop is \
            gone round at most once; untimed steps count as zero, so the finding is proven even when some steps have \
            no `target`. Business days (`bd`) on an elapsed clock count at their fewest elapsed hours in the sum and \
            at their most in the target, so a `5bd` target is never read as stricter than a `3d` one; the message \
            shows both figures. The witness lists each step's time.

            Shorten the budgets on the fastest path, or give the target the time the process needs.
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
                target: {p1: 4h, p2: 4h}
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
        let businessDay = context.businessDaySeconds
        for (t, verdicts) in context.targets.verdicts.enumerated() {
            let target = context.process.targets[t]
            for verdict in verdicts where verdict.isInfeasible(businessDay: businessDay) {
                guard let fastest = verdict.fastest, let within = verdict.within, let from = target.from, let to = target.to else {
                    continue
                }
                let clock = verdict.isBusinessClock
                findings.report(
                    Self.self, at: wording.range(target),
                    "\(wording.name(target)) cannot be met\(wording.forPriority(verdict.priority)) as budgeted: on the fastest path from \(wording.moment(from)) to \(wording.moment(to)) the budgets add up to \(wording.time(fastest.total, businessClock: clock)), over its \(wording.time(within, businessClock: clock)) (\(wording.path(fastest)))",
                    help: "shorten the budgets on this path, or give the target the time the process needs",
                    activities: [from.activity.value, to.activity.value], path: wording.witness(fastest))
            }
        }
    }
}
