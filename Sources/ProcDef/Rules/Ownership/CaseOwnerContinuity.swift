/// `ownership/case-owner-continuity`: the case owner stays in the loop after handing the case on.
enum CaseOwnerContinuity: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "ownership/case-owner-continuity",
        defaultSeverity: .warning,
        summary:
            "after a handoff away from the case owner, the case owner is not responsible, accountable or informed at the receiving activity",
        explanation: """
            "We own the problem end to end": the process's `case-owner` owns each case from first contact to closure, \
            and the customer never has to chase it through internal teams. That promise breaks the moment the case \
            owner hands the work on and stops hearing about it: the customer calls the service desk, and the service \
            desk no longer knows where their case is.

            The rule looks at every transition on which the case owner is responsible for the source activity and not \
            for the target (a handoff away from the case owner). At the receiving activity the case owner must still \
            be involved: responsible, accountable (with `defaults.accountable` applied), consulted or informed. Being \
            consulted counts, because it is a stronger tie than being informed. So does a continuous duty of the case \
            owner (`until: X` without `every` on one of its steps): it stays engaged in the background from that step \
            until X ends, at every activity between the two. The `informed:` list of the handoff \
            declared on the transition counts as well: it says who is told when the case arrives at the receiving \
            activity, which is exactly the moment this rule cares about. Triggers that start another process are not \
            handoffs away from the case owner: the flow of this process goes on with them. Each branch of a fork is a \
            transition; a branch arriving at a `join: all` whose responsible role ran one of the joined branches is \
            work coming back to the role that coordinates it, not a handoff away. A receiving activity with \
            no responsible role is left to `raci/responsible-required`.

            To fix a finding, add the case owner to the receiving activity's `informed:`, or to the handoff's \
            `informed:` on the transition (`handoff: {artifact: ..., expectation: ..., informed: [service-desk]}`).
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver-group: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver-group
                handoff:
                  artifact: resolution-notes
                  expectation: Service desk confirms with the user within 1 day.
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
              resolver-group: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver-group
                informed: [service-desk]
                handoff:
                  artifact: resolution-notes
                  expectation: Service desk confirms with the user within 1 day.
              - id: close
                name: Close the incident
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        guard let caseOwner = context.process.caseOwner?.value else { return }
        let activities = context.activities
        // One pass over the activities' role lists, so each transition is judged in constant time.
        var isResponsible = Array(repeating: false, count: activities.count)
        var isInvolved = Array(repeating: false, count: activities.count)
        for (i, activity) in activities.enumerated() {
            isResponsible[i] = activity.responsible.contains { $0.value == caseOwner }
            isInvolved[i] =
                isResponsible[i]
                || context.accountable(activity).contains { $0.value == caseOwner }
                || activity.consulted.contains { $0.value == caseOwner }
                || activity.informed.contains { $0.value == caseOwner }
        }
        // A continuous duty of the case owner (`until: X` without `every`) keeps it engaged in the background from its
        // step until X ends: every activity the step leads to and that leads on to X (or is X) has it present.
        for (s, activity) in activities.enumerated() where isResponsible[s] && !activity.isCadence {
            guard let until = activity.until, let x = context.process.activityIndex(until.value) else { continue }
            let graph = context.graph
            let after = graph.shortestPaths(avoiding: { _ in false }, from: s).reached
            var beforeX = Array(repeating: false, count: activities.count)
            beforeX[x] = true
            var queue = [x]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for t in graph.incoming[node] where !beforeX[graph.transitions[t].source] {
                    beforeX[graph.transitions[t].source] = true
                    queue.append(graph.transitions[t].source)
                }
            }
            for t in activities.indices where t != s && after[t] && beforeX[t] { isInvolved[t] = true }
        }
        // A branch arriving at a join that its coordinating role runs hands nothing on: the case owner's part of the
        // parallel work comes back to the role that coordinates it (the handoff analysis calls it a return).
        var returning = Set<[Int]>()
        for point in context.handoffs.points {
            guard case .returning = point.change, point.target.process == nil else { continue }
            returning.insert([point.source, point.target.index])
        }
        for transition in context.graph.transitions {
            let source = transition.source
            let target = transition.target
            guard isResponsible[source], !isResponsible[target], !isInvolved[target] else { continue }
            guard !returning.contains([source, target]) else { continue }
            let receiver = activities[target]
            guard !receiver.responsible.isEmpty else { continue }
            if transition.handoff?.informed.contains(where: { $0.value == caseOwner }) == true { continue }
            let receivers = receiver.responsible.map { context.describeRole($0.value) }.joined(separator: ", ")
            findings.report(
                Self.self, at: transition.range,
                "the case owner \(context.describeRole(caseOwner)) hands the case to \(receivers) at \(context.describe(receiver)) and is not responsible, accountable, consulted or informed there: the customer loses their single point of contact",
                help:
                    "keep the case owner in the loop: add `\(caseOwner)` to the `informed:` of '\(receiver.id.value)', or to the `informed:` of the handoff on this transition (`handoff: {artifact: ..., expectation: ..., informed: [\(caseOwner)]}`)",
                activities: [activities[source].id.value, receiver.id.value],
                roles: [caseOwner] + receiver.responsible.map(\.value),
                path: [
                    WitnessStep(
                        file: context.process.file, range: activities[source].id.range,
                        message: "the case owner '\(caseOwner)' is responsible for '\(activities[source].id.value)'"),
                    WitnessStep(
                        file: context.process.file, range: transition.range,
                        message: "the case passes to '\(receiver.id.value)', where the case owner takes no part"),
                ]
            )
        }
    }
}
