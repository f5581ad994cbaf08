/// `handoff/unneeded`: a handoff declared where responsibility does not change, or on an activity where it applies to no transition.
enum UnneededHandoff: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/unneeded",
        defaultSeverity: .note,
        summary: "a handoff declared where responsibility does not change",
        explanation: """
            Handoffs mark the moments of truth where work passes between teams; reviewers read the handoff table to \
            see who must trust whom. A handoff between two activities that share a responsible role hands nothing \
            over, and it dilutes the table: the real handoffs get lost among steps one team does in a row. It often \
            survives a reorganisation that merged two teams, or it was meant for a neighbouring transition.

            The rule also reports an activity-level `handoff:` that applies to no transition at all: on an activity \
            that ends the process, or on an activity with a `next` list, where each branch carries its own `handoff`. \
            Such a block is silently ignored, so move it under the `next` entry or trigger it belongs to, or remove it. \
            A handoff written around a fork (on an activity with `next: {all: ...}`, or on a decision entry that \
            forks) applies to each of its branches that changes hands, and is reported only when none of them does.

            Between two activities that one person does (`same-person-as`, "the reviewer merges"), nothing is \
            handed over whatever the roles, and a handoff there is reported too. Between two activities of one role \
            where the later one declares `other-person-than` the earlier, the work does change hands (four eyes), \
            so a handoff there is needed, not reported.

            Remove the handoff, or move it to the transition where responsibility really changes. If the hand-over \
            is deliberate (between shifts of one team, say), write `other-person-than` on the receiving activity, or \
            keep the handoff and suppress the note on that line.
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
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Categorized within 10 minutes.
              - id: categorize
                name: Categorize and prioritize
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
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let analysis = context.handoffs
        for point in analysis.points {
            guard let handoff = point.handoff, case .unchanged(let shared) = point.change else { continue }
            if point.person == .same {
                findings.report(
                    Self.self, at: handoff.range,
                    "the handoff \(HandoffWording.edge(point, context)) is declared where one person does both steps (`same-person-as`)",
                    help: "remove the `handoff:`, or remove `same-person-as` if another person takes the work over",
                    activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
                )
                continue
            }
            let roles = HandoffWording.list(shared.map(context.describeRole))
            findings.report(
                Self.self, at: handoff.range,
                "the handoff \(HandoffWording.edge(point, context)) is declared where responsibility does not change: "
                    + "\(roles) \(shared.count == 1 ? "is" : "are") responsible for both",
                help: "remove the `handoff:`, or move it to the transition where responsibility passes to another role",
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
        for stray in analysis.strayHandoffs {
            let activity = context.describe(stray.activity)
            switch stray.reason {
            case .endsProcess:
                findings.report(
                    Self.self, at: stray.handoff.range,
                    "the handoff on \(activity) applies to no transition: the activity ends the process",
                    help: "remove the `handoff:`; to hand over to another process, put it under that process's `triggers` entry",
                    activities: [stray.activity.id.value]
                )
            case .branchList:
                findings.report(
                    Self.self, at: stray.handoff.range,
                    "the handoff on \(activity) applies to no transition: with a `next` list, each branch carries its own handoff",
                    help: "move the `handoff:` under the `next` entry it belongs to",
                    activities: [stray.activity.id.value]
                )
            case .noBranchChangesHands:
                findings.report(
                    Self.self, at: stray.handoff.range,
                    "the handoff on \(activity) applies to no transition: responsibility changes on none of the branches of its fork",
                    help: "remove the `handoff:`, or move it to the branch where responsibility passes to another role",
                    activities: [stray.activity.id.value]
                )
            }
        }
    }
}
