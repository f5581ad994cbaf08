/// `flow/end-with-next`: an activity either ends the process or says where it goes next (by `next` or a timer), not both.
enum EndWithNext: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/end-with-next",
        defaultSeverity: .error,
        summary: "an activity with both `end: true` and `next`, or an end with a `timeout`",
        explanation: """
            `end: true` says the process is over once this activity is done; `next` says where the case goes after it. \
            Both at once leaves the practitioner at the end of the runbook not knowing whether the case is closed or \
            still has somewhere to go, and the customer not knowing whether to expect anything more.

            Remove `next` if the process really ends here, or remove `end: true` if the flow goes on. An activity that \
            sometimes ends and sometimes goes on is a decision: send one branch to an activity that closes the case.

            A `timeout` on an end (`end: true`, or the last activity without `next`) is the same contradiction: the \
            flow takes no timer out of an end, so the escalation it names is never reached from there. Move the timer \
            to the step before, or let the activity go on with `next`.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
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
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                end: true
                next: close
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
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                next: close
              - id: close
                name: Close the incident
                responsible: service-desk
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (i, activity) in context.activities.enumerated() {
            if !activity.timeouts.isEmpty { reportTimers(of: activity, isLast: i == context.activities.count - 1, context, &findings) }
            guard let end = activity.end, end.value, let next = activity.next else { continue }
            let targets: [String]
            switch next {
            case .single(let target): targets = [target.value]
            case .branches(let branches, _): targets = branches.flatMap(\.targets).map(\.value)
            case .fork(let fork): targets = fork.branches.flatMap(\.targets).map(\.value)
            }
            let listed = targets.map { "'\($0)'" }.joined(separator: ", ")
            let goesOn = targets.isEmpty ? "" : " to \(listed)"
            findings.report(
                Self.self, at: end.range,
                "activity \(context.describe(activity)) says both `end: true` and `next`: it cannot end the process and go on\(goesOn)",
                help: "remove `next` if the process ends here, or remove `end: true` if the flow goes on\(goesOn)",
                activities: [activity.id.value]
            )
        }
    }

    /// A timer on an end: the flow graph takes no timer out of an end, so the target is never reached from there.
    private static func reportTimers(of activity: Activity, isLast: Bool, _ context: ProcessContext, _ findings: inout Findings) {
        let targets = activity.timeouts.compactMap(\.to)
        let listed = targets.map { "'\($0.value)'" }.joined(separator: ", ")
        let leadsTo = targets.isEmpty ? "" : " to \(listed)"
        if let end = activity.end, end.value {
            findings.report(
                Self.self, at: end.range,
                "activity \(context.describe(activity)) has `end: true` and a `timeout`: the case closes here, so the timer\(leadsTo) never leads on",
                help: "remove the `timeout` if the process ends here, or remove `end: true` and say where the case goes with `next`",
                activities: [activity.id.value]
            )
        } else if isLast, activity.next == nil {
            findings.report(
                Self.self, at: targets.first?.range ?? activity.id.range,
                "activity \(context.describe(activity)) ends the process (the last activity, without `next`) and has a `timeout`: the case closes here, so the timer\(leadsTo) never leads on",
                help: "remove the `timeout` if the process ends here, or say where the case goes with `next`",
                activities: [activity.id.value]
            )
        }
    }
}
