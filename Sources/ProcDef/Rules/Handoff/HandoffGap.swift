/// `handoff/gap`: responsibility changes on a transition or trigger and no handoff says what passes and what the receiver commits to.
enum HandoffGap: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/gap",
        defaultSeverity: .error,
        summary: "responsibility changes on a transition with no handoff declared",
        explanation: """
            Every interaction between two parties is a moment of truth: where work passes from one team to another, \
            expectations must be defined for the transaction, or the case waits in a queue nobody watches and the \
            customer ends up chasing it through internal teams. A transition (a fall-through, a `next` target, a \
            branch) or a trigger into another process changes responsibility when the responsible roles of the source \
            and the target activity share no role, or when the target must be done by another person than the \
            source (`other-person-than`, four eyes within one role). Such a transition without a `handoff:` is a \
            handoff gap, the thing \
            reviewers look for before a process goes live.

            Add a `handoff:` with the `artifact` handed over (the record, the notes, the change request) and the \
            `expectation` the receiver commits to (acknowledge within 30 minutes, confirm with the user within one \
            business day). Where it goes: under the `next` entry for a branch, under the trigger for a trigger, and \
            on the source activity for its fall-through or single `next`. A handoff to a supplier also names the \
            `agreement` (OLA or underpinning contract) that binds it.

            An activity that names no responsible role, or a role nobody defines, is reported by \
            `raci/responsible-required` and `ref/unknown-role`; no gap is guessed behind those findings. An edge to \
            an unknown activity or process is left to `ref/unknown-activity` and `ref/unknown-process`.
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
        for point in context.handoffs.points where point.isGap {
            let receiver =
                point.isWithinOneRole
                ? "another person in the same role, as `other-person-than` asks,"
                : HandoffWording.roles(point.target.roles)
            findings.report(
                Self.self, at: point.range,
                "responsibility passes from \(HandoffWording.roles(point.sourceRoles)) at \(context.describe(point.sourceActivity)) "
                    + "to \(receiver) at \(HandoffWording.target(point, context)) with no handoff declared",
                help: help(point, context),
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }

    private static func help(_ point: HandoffPoint, _ context: ProcessContext) -> String {
        var lines = [
            "add a `handoff:` \(HandoffWording.placement(point)) with the artifact handed over and the receiver's expectation:",
            "  handoff:",
            "    artifact: \(suggestedArtifact(point) ?? "<what is handed over>")",
            "    expectation: <what the receiver commits to>",
        ]
        if point.target.roles.contains(where: \.isSupplier) {
            lines.append("    agreement: <the OLA or underpinning contract>")
        }
        return lines.joined(separator: "\n")
    }

    /// The first output of the source that the target declares as an input: almost certainly what is handed over.
    private static func suggestedArtifact(_ point: HandoffPoint) -> String? {
        let inputs = point.target.activity?.inputs ?? []
        guard !inputs.isEmpty, !point.sourceActivity.outputs.isEmpty else { return nil }
        let consumed = Set(inputs.map(\.value))
        return point.sourceActivity.outputs.first { consumed.contains($0.value) }?.value
    }
}
