/// `time/cadence-never-repeats`: a cadence step whose `until` has always ended before the step starts.
///
/// Over the flow graph (transitions, fork branches and timers): the `until` activity U dominates the cadence step C
/// (U ≠ C) when every path from the start to C passes U, that is, when C is reachable from the start but not once U
/// is removed. On every such path U has ended before C starts, so the cadence runs once and passes its branch on. A
/// `join: all` waits for every branch it joins, so it passes U when one of them does: the search enters it only
/// once every activity that leads into it (back edges aside) has been reached without U.
enum CadenceNeverRepeats: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "time/cadence-never-repeats",
        defaultSeverity: .warning,
        summary: "a cadence (`every`) whose `until` has always ended before the cadence step starts",
        explanation: """
            A cadence step (`every` with `until`) repeats until its `until` activity has ended. When every way to the \
            cadence step passes the `until` activity first, that activity has always ended by the time the cadence \
            starts: the step runs once, and its `every` promises updates that never happen.

            Start the cadence before the work it reports on, on a branch of its own beside it (fork before both), or \
            name in `until` the activity that really ends the updates; a step that runs once needs no `every`.
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
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
              - id: send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [end-user]
                every: 1h
                until: resolve
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
            guard let until = activity.until, let u = context.process.activityIndex(until.value), u != c, graph.isReachable[c],
                graph.isReachable[u]
            else { continue }
            guard !reachedWithout(u, context: context)[c] else { continue }
            let untilActivity = context.activities[u]
            findings.report(
                Self.self, at: until.range,
                "cadence \(context.describe(activity)) repeats until \(context.describe(untilActivity)) has ended, but every way to '\(activity.id.value)' passes '\(untilActivity.id.value)' first: the cadence never repeats",
                help:
                    "start '\(activity.id.value)' before '\(untilActivity.id.value)', on a parallel branch beside it (fork before both), or name in `until` the activity that ends the updates",
                activities: [activity.id.value, untilActivity.id.value]
            )
        }
    }

    /// The activities the start reaches without passing `blocked`, where a `join: all` counts as reached only once
    /// all of its joined branches have arrived.
    private static func reachedWithout(_ blocked: Int, context: ProcessContext) -> [Bool] {
        let graph = context.graph
        var reached = Array(repeating: false, count: graph.activityCount)
        guard let start = graph.start, start != blocked else {
            if let start = graph.start { reached[start] = true }
            return reached
        }
        var waitingFor = context.activities.indices.map { i in
            context.activities[i].isJoin
                ? graph.incoming[i].filter {
                    !graph.transitions[$0].isBackEdge && graph.isReachable[graph.transitions[$0].source]
                }.count : 0
        }
        reached[start] = true
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == blocked { continue }
            for t in graph.outgoing[node] {
                let next = graph.transitions[t].target
                guard !reached[next] else { continue }
                if waitingFor[next] > 0, !graph.transitions[t].isBackEdge {
                    waitingFor[next] -= 1
                    if waitingFor[next] > 0 { continue }
                }
                reached[next] = true
                queue.append(next)
            }
        }
        return reached
    }
}
