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

            The finding carries an unsafe fix (`procdef check --fix --unsafe-fixes`, or an editor): a `handoff:` \
            with placeholders, `artifact: "TODO: what is passed on"` (or the output of the source that the target \
            lists among its inputs) and `expectation: "TODO: what the receiver must do, and by when"`, plus an \
            `agreement` placeholder towards a supplier, written where the transition takes its handoff from, in the \
            layout of the mapping it goes into: on lines of their own in a block mapping, as one more entry in a flow \
            mapping. A branch written as a bare id becomes a mapping (`- to: diagnose` with the handoff below it, or \
            `{to: diagnose, handoff: {...}}` in a flow list). It is unsafe because only the process owner can say \
            what passes and what the receiver commits to; until the placeholders are filled in, the handoff rules \
            say what they leave open (`handoff/expectation-without-time` notes the expectation that gives no time). \
            Where the place cannot be told for sure (a document with anchors, a `handoff:` key that is there but \
            empty), there is no fix.
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
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file),
                fixes: fix(point, context).map { [$0] } ?? []
            )
        }
    }

    static let artifactPlaceholder = "TODO: what is passed on"
    static let expectationPlaceholder = "TODO: what the receiver must do, and by when"
    static let agreementPlaceholder = "TODO: the OLA or underpinning contract"

    /// A `handoff:` with placeholders to fill in, where the transition takes its handoff from. Unsafe: what passes
    /// and what the receiver commits to are for the process owner to say (the artifact is filled in when the target
    /// takes in exactly what the source puts out).
    private static func fix(_ point: HandoffPoint, _ context: ProcessContext) -> Fix? {
        guard let insertion = insertion(for: point, context) else { return nil }
        var fields = [
            // Quoted whatever the layout: inside `{ }` a plain text may not hold `,`, `[`, `]`, `{` or `}`.
            (key: "artifact", value: YAMLEscaping.doubleQuoted(suggestedArtifact(point) ?? artifactPlaceholder)),
            (key: "expectation", value: YAMLEscaping.doubleQuoted(expectationPlaceholder)),
        ]
        if point.target.roles.contains(where: \.isSupplier) {
            fields.append((key: "agreement", value: YAMLEscaping.doubleQuoted(agreementPlaceholder)))
        }
        return Fix(
            description: "Add a handoff to fill in \(HandoffWording.placement(point))", applicability: .unsafe,
            edits: insertion.edits(writing: "handoff", fields: fields, in: context.process.file))
    }

    /// Where the handoff that applies to `point` is written: the source activity for its fall-through or single
    /// `next`, else the branch, fork branch, trigger, timeout or cancellation entry itself.
    private static func insertion(for point: HandoffPoint, _ context: ProcessContext) -> KeyInsertion? {
        let activity = point.sourceActivity
        switch point.kind {
        case .fallThrough, .single:
            return activity.handoffInsertion
        case .branch(let index):
            guard case .branches(let branches, _)? = activity.next, branches.indices.contains(index) else { return nil }
            return branches[index].handoffInsertion
        case .fork(let route):
            return HandoffAnalysis.branch(of: activity, decision: route.decision, path: context.graph.path(of: route))?.handoffInsertion
        case .trigger:
            return activity.triggers.first { $0.range == point.range }?.handoffInsertion
        case .timeout(let index):
            return activity.timeouts.indices.contains(index) ? activity.timeouts[index].handoffInsertion : nil
        case .cancel(let entry):
            let cancellations = context.graph.cancellations
            return cancellations.indices.contains(entry) ? cancellations[entry].cancellation.handoffInsertion : nil
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
