/// `flow/unreachable`: every activity can be reached from the start.
enum Unreachable: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/unreachable",
        defaultSeverity: .error,
        summary: "an activity no path from the start reaches",
        explanation: """
            A case starts at the first activity and moves on by `next` or by falling through to the following activity. \
            An activity that no path from the start reaches is dead text in the runbook: nobody will ever do it, yet \
            readers believe it is part of the process, and reviewers trust controls (an approval, a customer \
            notification) that never happen. It usually follows an activity that ends the process or names its `next`, \
            so nothing falls through to it any more.

            Each unreachable activity is reported. Name it as a `next` target of an activity that is reached, move it \
            to where the flow falls through to it, or delete it. Triggers from this or another process start a new case \
            and do not make an activity reachable within this process's flow. While some `next` of the process names an \
            activity that does not exist (`ref/unknown-activity`), this rule stays quiet: the misspelt target is \
            usually the way in, and fixing it changes what is reachable.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                next: close
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                informed: [user]
              - id: close
                name: Close the incident
                responsible: service-desk
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                next: confirm
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                informed: [user]
              - id: close
                name: Close the incident
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let activities = context.activities
        guard let start = context.graph.start, start < activities.count else { return }
        // A `next` naming no activity is usually the misspelt way in: `ref/unknown-activity` reports it, and
        // reporting what it fails to reach would bury that one finding under a cascade.
        if context.graph.hasUnknownTarget.contains(true) { return }
        let startName = context.describe(activities[start])
        for (i, activity) in activities.enumerated() where !context.graph.isReachable[i] {
            let graph = context.graph
            var reason = ""
            // The activity that explains the finding, with what it does there: the witness path's first step.
            var cause: (index: Int, message: String)?
            if let from = graph.incoming[i].lazy.map({ graph.transitions[$0].source }).first(where: { $0 != i }) {
                reason = ": only activities that are unreachable themselves lead to it, such as \(context.describe(activities[from]))"
                cause = (from, "'\(activities[from].id.value)' leads to '\(activity.id.value)' but is not reached itself")
            } else if i > 0, activities[i - 1].isEnd {
                reason = ": \(context.describe(activities[i - 1])) before it ends the process, so the flow does not fall through to it"
                cause = (i - 1, "'\(activities[i - 1].id.value)' ends the process")
            } else if i > 0, activities[i - 1].next != nil {
                reason = ": \(context.describe(activities[i - 1])) before it names its `next`, so the flow does not fall through to it"
                cause = (i - 1, "'\(activities[i - 1].id.value)' names its `next`")
            }
            var path: [WitnessStep] = []
            if let cause {
                let file = context.process.file
                path = [
                    WitnessStep(file: file, range: activities[cause.index].id.range, message: cause.message),
                    WitnessStep(
                        file: file, range: activity.id.range,
                        message: "no path from the start '\(activities[start].id.value)' reaches '\(activity.id.value)'"),
                ]
            }
            findings.report(
                Self.self, at: activity.id.range,
                "activity \(context.describe(activity)) cannot be reached from the start \(startName)\(reason)",
                help:
                    "name '\(activity.id.value)' as a `next` target of an activity that is reached (e.g. `next: \(activity.id.value)`), or remove it",
                activities: cause.map { [activity.id.value, activities[$0.index].id.value] } ?? [activity.id.value],
                path: path
            )
        }
    }
}
