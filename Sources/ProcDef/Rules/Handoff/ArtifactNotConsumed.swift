/// `handoff/artifact-not-consumed`: a handoff delivers something the target activity does not list among its inputs.
enum ArtifactNotConsumed: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/artifact-not-consumed",
        defaultSeverity: .note,
        summary: "the target declares inputs and the artifact is not among them",
        explanation: """
            A handoff is only as good as the receiver's readiness for it: when the receiving activity declares its \
            `inputs` and the handed-over artifact is not among them, the receiving team's runbook does not mention the \
            thing it is about to be given, and it may start work from something else. Often one side uses an old name \
            for the artifact.

            Add the artifact to the target activity's `inputs`, or hand over one of the inputs it declares. For a \
            trigger, the target is the entry activity of the triggered process. An activity that declares no inputs \
            is not checked.
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
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                handoff:
                  artifact: resolution-notes
                  expectation: Service desk confirms with the user within 1 business day.
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                inputs: [incident-record]
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
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                handoff:
                  artifact: resolution-notes
                  expectation: Service desk confirms with the user within 1 business day.
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                inputs: [incident-record, resolution-notes]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        var inputs = DeclaredNames()
        for point in context.handoffs.points {
            // A process defined elsewhere declares no inputs procdef could check.
            guard let targetActivity = point.target.activity else { continue }
            let declared = targetActivity.inputs
            guard let artifact = point.artifact, !declared.isEmpty,
                !inputs.contains(artifact.value, in: declared, process: point.target.process, index: point.target.index)
            else { continue }
            findings.report(
                Self.self, at: artifact.range,
                "\(context.describe(point.sourceActivity)) hands over '\(artifact.value)' to \(HandoffWording.target(point, context)), which does not list it among its inputs",
                help: HandoffWording.declaredHelp(
                    artifact.value, declared: declared, by: context.describe(targetActivity), field: "inputs"),
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }
}
