import YAMLTree

/// `handoff/missing-artifact`: a handoff that does not say what is handed over.
enum MissingArtifact: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/missing-artifact",
        defaultSeverity: .error,
        summary: "a handoff that does not say what is handed over",
        explanation: """
            A handoff is a moment of truth between two teams: the receiver can only commit to something if it knows \
            what it receives. A handoff with no `artifact` leaves the receiver to guess whether the incident record, \
            the diagnosis notes or a phone call is the hand-over, and leaves the runbook's handoff table with an empty \
            cell. A blank `artifact` counts as missing.

            Add `artifact:` naming what passes: ideally one of the source activity's `outputs` and one of the target \
            activity's `inputs`, such as `incident-record` or `resolution-notes`. Every declared handoff is checked, \
            including one where responsibility does not change (`handoff/unneeded`); a handoff on an activity that \
            applies to no transition is reported by `handoff/unneeded` only.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                handoff:
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        // A handoff written around a fork holds for several branches: it is reported once.
        var reported = Set<SourceRange>()
        for point in context.handoffs.points {
            guard let handoff = point.handoff, handoff.statedArtifact == nil, reported.insert(handoff.range).inserted else { continue }
            findings.report(
                Self.self, at: handoff.range,
                "the handoff \(HandoffWording.edge(point, context)) does not say what is handed over",
                help: help(point, context),
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }

    private static func help(_ point: HandoffPoint, _ context: ProcessContext) -> String {
        let outputs = point.sourceActivity.outputs.map(\.value)
        guard let first = outputs.first else {
            return "add `artifact:` naming what passes to the receiver, e.g. `artifact: incident-record`"
        }
        return "add `artifact:` naming what passes to the receiver, e.g. `artifact: \(first)`; "
            + "\(context.describe(point.sourceActivity)) declares outputs: \(outputs.joined(separator: ", "))"
    }
}
