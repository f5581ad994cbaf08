/// `flow/cadence-never-ends`: a cadence step's `until` can be reached without passing the cadence step itself.
///
/// Over the flow graph (transitions, fork branches and timers): the cadence step C dominates its `until` activity U
/// when every path from the start to U passes C, that is, when U is reachable from the start but not once C is
/// removed. Since C passes its branch on only after U has ended, and U can only start after C has passed it on, the
/// cadence can never end. U = C is the same defect. An unreachable U is `flow/unreachable`'s, not this rule's.
enum CadenceNeverEnds: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/cadence-never-ends",
        defaultSeverity: .error,
        summary: "a cadence (`every`) whose `until` can only be reached through the cadence step itself",
        explanation: """
            A cadence step (`every` with `until`) repeats until its `until` activity has ended, and only then passes \
            its branch on. When every way to the `until` activity passes the cadence step itself (the activity is \
            downstream of the cadence on its own path), the cadence waits for something that can only start once it \
            has finished: it never ends, and the case never reaches its end.

            A cadence belongs on a branch of its own, beside the work it reports on: fork before it (`next: {all: \
            [send-update, resolve]}`), so that the work runs while the cadence repeats, and join the branches after.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
              - id: send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [end-user]
                every: 1h
                until: resolve
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                informed: [end-user]
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [end-user]
                next:
                  all: [send-update, resolve]
              - id: send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [end-user]
                every: 1h
                until: resolve
                next: close
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                next: close
              - id: close
                name: Close the incident
                responsible: service-desk
                informed: [end-user]
                join: all
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let graph = context.graph
        for (c, activity) in context.activities.enumerated() where activity.isCadence {
            guard let until = activity.until, let u = context.process.activityIndex(until.value), graph.isReachable[c],
                graph.isReachable[u]
            else { continue }
            if u != c {
                let avoiding = graph.shortestPaths(avoiding: { $0 == c })
                if avoiding.reached[u] { continue }
            }
            let untilActivity = context.activities[u]
            let reason =
                u == c
                ? "its `until` is the cadence step itself"
                : "'\(untilActivity.id.value)' can only be reached through '\(activity.id.value)' itself"
            findings.report(
                Self.self, at: activity.id.range,
                "cadence \(context.describe(activity)) repeats until \(context.describe(untilActivity)) has ended, but \(reason): the cadence never ends",
                help:
                    "move '\(activity.id.value)' onto a parallel branch beside the work it reports on: fork before it (`next: {all: [\(activity.id.value), ...]}`) so that '\(untilActivity.id.value)' is reached without it, and join the branches after",
                activities: [activity.id.value, untilActivity.id.value]
            )
        }
    }
}
