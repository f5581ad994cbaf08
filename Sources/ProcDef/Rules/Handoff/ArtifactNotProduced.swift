import YAMLTree

/// `handoff/artifact-not-produced`: a handoff hands over something the source activity does not produce.
enum ArtifactNotProduced: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/artifact-not-produced",
        defaultSeverity: .warning,
        summary: "the artifact is not an output of the source activity (when it declares outputs)",
        explanation: """
            A handoff promises the receiver a specific artifact. When the source activity declares its `outputs` and \
            the artifact is not among them, either the handoff names the wrong thing (often a typo or an old name) or \
            the activity's outputs are incomplete; either way the runbook tells the sender to hand over something \
            its own step never produces, and the receiver waits for it.

            Hand over one of the source activity's outputs, or add the artifact to its `outputs` if the activity \
            really produces it. An activity that declares no outputs is not checked. A `cancel` entry's handoff is \
            checked against the outputs of every activity it interrupts: the case can be cut short at any of them, \
            so the artifact only needs to be an output of one.
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
                outputs: [incident-record]
                handoff:
                  artifact: call-notes
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
                outputs: [incident-record]
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        var outputs = DeclaredNames()
        // A handoff written around a fork holds for several branches from the same activity: it is reported once.
        var reported = Set<SourceRange>()
        for point in context.handoffs.points {
            if case .cancel(let entry) = point.kind {
                checkCancellation(point, entry: entry, context, into: &findings)
                continue
            }
            let declared = point.sourceActivity.outputs
            guard let artifact = point.artifact, !declared.isEmpty, reported.insert(artifact.range).inserted,
                !outputs.contains(artifact.value, in: declared, process: nil, index: point.source)
            else { continue }
            let source = context.describe(point.sourceActivity)
            findings.report(
                Self.self, at: artifact.range,
                "\(source) hands over '\(artifact.value)' to \(HandoffWording.target(point, context)), but '\(artifact.value)' is not among its outputs",
                help: HandoffWording.declaredHelp(artifact.value, declared: declared, by: source, field: "outputs"),
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }

    /// A cancellation can cut the case short at any activity it interrupts: its artifact must be an output of one
    /// of them (those that declare outputs).
    private static func checkCancellation(_ point: HandoffPoint, entry: Int, _ context: ProcessContext, into findings: inout Findings) {
        guard let artifact = point.artifact else { return }
        let sources = context.graph.cancellations[entry].sources
        var declared: [Located<String>] = []
        var seen = Set<String>()
        for source in sources {
            for output in context.activities[source].outputs where seen.insert(output.value).inserted { declared.append(output) }
        }
        guard !declared.isEmpty, !seen.contains(artifact.value) else { return }
        let names = declared.map(\.value)
        let listed = "the activities it interrupts declare outputs: \(names.joined(separator: ", "))"
        let help =
            Suggestion.didYouMean(artifact.value, among: names).map { "\($0) \(listed)" }
            ?? "\(listed); hand over one of them, or add '\(artifact.value)' to the `outputs` of the activity that produces it"
        findings.report(
            Self.self, at: artifact.range,
            "the cancellation to \(HandoffWording.target(point, context)) hands over '\(artifact.value)', but no activity it interrupts lists '\(artifact.value)' among its outputs",
            help: help,
            activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
        )
    }
}
