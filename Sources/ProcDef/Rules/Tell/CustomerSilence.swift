/// `tell/customer-silence`: a stretch of budgeted time, on some path, in which the customers (or a role with its own
/// `max-silence`) hear nothing, longer than the silence allowed (SilenceAnalysis).
enum CustomerSilence: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "tell/customer-silence",
        defaultSeverity: .warning,
        summary: "on some path, the customers hear nothing for longer than `max-silence`",
        explanation: """
            A service has two jobs: fixing, and telling. This rule measures the telling. On every path through the \
            process, it adds up the budgeted time (steps' `target`s, handoffs' `within`s, timers' `after`s) that \
            passes while no role of kind `customer`, and not the process's `requester`, hears from the case; a \
            stretch longer than `max-silence` (the process's, else `.procdef.yaml`'s, else 1d) is reported at the \
            step where it ends, with where it began, how long it is, and each step's time.

            They hear from the case at a step that informs them (not only under a condition), consults them, or is \
            theirs to do (the customer has the next action). A cadence (`every` ... `until`) that informs them caps \
            the silence while it runs at its longest interval for the priority; one whose interval is itself longer \
            than `max-silence` is reported at the cadence. The time after the last news on a path is not silence: \
            the case has told its outcome. Untimed steps count as zero, so only silence the budgets prove is \
            reported. `max-silence` is elapsed time (`1d` is 24 hours); business days count as `business-day` hours \
            and the message shows both figures. A role may set its own `max-silence` (a regulator's daily update): \
            its silence is measured too, alone.

            Tell them sooner: inform them at a step in the stretch, or run an update cadence beside the work.
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
            max-silence: 4h
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
                target: 4h
              - id: fix
                name: Fix the incident
                responsible: service-desk
                target: 2h
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
            max-silence: 4h
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
                informed: [end-user]
                target: 4h
              - id: fix
                name: Fix the incident
                responsible: service-desk
                target: 2h
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
        for analysis in context.silenceAnalyses() {
            let audience = analysis.audience
            let whom =
                audience.ownRole.map { "\(context.describeRole($0)) hears" }
                ?? "the customers (\(audience.roles.map { "'\($0)'" }.joined(separator: ", "))) hear"
            let limit = "\(audience.ownRole == nil ? "max-silence" : "its own max-silence") of \(audience.limitText)"
            for stretch in analysis.stretches {
                let end = context.activities[stretch.to]
                let from = stretch.from.map { "from the end of '\(context.activities[$0].id.value)'" } ?? "from the start of the case"
                let to = stretch.closesCase ? "to the close at '\(end.id.value)'" : "to '\(end.id.value)'"
                let length = TimeComparison.describe(stretch.length, businessClock: false, businessDay: businessDay)
                findings.report(
                    Self.self, at: end.id.range,
                    "\(whom) nothing for \(length)\(wording.forPriority(stretch.priority)), \(from) \(to), over the \(limit) (\(wording.path(stretch.path)))",
                    help: "inform them at a step in this stretch, or run an update cadence (`every` ... `until`) beside the work",
                    activities: [end.id.value], roles: audience.ownRole.map { [$0] } ?? audience.roles, path: wording.witness(stretch.path))
            }
            for cadence in analysis.slowCadences {
                let activity = context.activities[cadence.activity]
                let every = TimeComparison.describe(cadence.every, businessClock: false, businessDay: businessDay)
                findings.report(
                    Self.self, at: activity.id.range,
                    "cadence \(context.describe(activity)) tells them only every \(every)\(wording.forPriority(cadence.priority)), over the \(limit): \(whom) nothing in between",
                    help: "update them at least every \(audience.limitText)",
                    activities: [activity.id.value], roles: audience.ownRole.map { [$0] } ?? audience.roles)
            }
        }
    }
}
