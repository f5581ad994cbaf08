/// The catalogue of every rule procdef knows, in id order: `procdef rules` prints it, `procdef explain` and SARIF read it.
public enum RuleRegistry {
    /// Every rule, registered once: the rules raised elsewhere, then the process rules. Adding a rule is its file, its
    /// test, and one line in `otherRules` or `processRules`; `RuleRegistrationTests` fails for a rule type or rule id in
    /// Sources that is missing here, and for a process rule listed among the others (it would never run).
    public static let ruleTypes: [any Rule.Type] = otherRules + processRules.map { $0 as any Rule.Type }

    /// The rules that are not process rules: raised while loading, about waivers, annotations, the catalogue and the
    /// config.
    package static let otherRules: [any Rule.Type] = [
        // Reading files and YAML, the shape of each document, references between documents: raised while loading.
        UnreadableFile.self,
        SymlinkLoop.self,
        YAMLSyntax.self,
        DuplicateKey.self,
        SafetyLimits.self,
        InvalidEncoding.self,
        CommentInText.self,
        EmptyFile.self,
        UnknownKind.self,
        UnknownKey.self,
        MissingField.self,
        WrongType.self,
        InvalidID.self,
        DuplicateID.self,
        InvalidDuration.self,
        InvalidDate.self,
        UnknownRole.self,
        UnknownActivity.self,
        UnknownProcess.self,
        UnknownPolicy.self,
        UnknownPriority.self,
        // About waivers (each policy's own findings are `policy/<policy-id>`); waiver/permanent checks each process.
        WaiverExpired.self,
        WaiverUnused.self,
        // About procdef's own annotations in the files.
        SuppressionWithoutReason.self,
        UnusedSuppression.self,
        RenamedRule.self,
        StaleBaseline.self,
        // About the role catalogue as a whole, checked once per workspace by `Checker`.
        UnusedCatalogueRole.self,
        // About `.procdef.yaml` itself.
        UnknownConfiguredRule.self,
    ]

    /// The rules that check processes one at a time, run by `Checker` for every process, in this order (waivers,
    /// raci, ownership, governance, flow, handoff, tell, time); findings keep it where they tie. Listed as process rules
    /// rather than found by a cast over `ruleTypes`: a failed cast searches every conformance of the program, and
    /// that cost millions of instructions at the start of every run.
    package static let processRules: [any ProcessRule.Type] = [
        WaiverPermanent.self,
        AccountableRequired.self,
        ConflictingAssignment.self,
        RedundantInformed.self,
        CustomerAccountable.self,
        NobodyInformed.self,
        SystemRoleMisuse.self,
        IdleRole.self,
        OverloadedRole.self,
        ResponsibleIsAccountable.self,
        ResponsibleRequired.self,
        SelfApproval.self,
        SingleAccountable.self,
        TooManyConsulted.self,
        CaseOwnerContinuity.self,
        ManagerKind.self,
        OwnerKind.self,
        OwnerRequired.self,
        NoReview.self,
        ReviewOverdue.self,
        CadenceNeverEnds.self,
        DuplicateTransition.self,
        EmptyProcess.self,
        EndWithNext.self,
        NoEnd.self,
        Deadlock.self,
        UnfinishedBranch.self,
        UnjoinedMerge.self,
        AnalysisLimit.self,
        OneSidedDecision.self,
        SelfLoop.self,
        UnconditionedBranch.self,
        Unreachable.self,
        ArtifactNotConsumed.self,
        ArtifactNotProduced.self,
        ExpectationWithoutTime.self,
        ExternalWithoutReceiver.self,
        HandoffGap.self,
        MissingArtifact.self,
        MissingExpectation.self,
        ShiftHandoverMissing.self,
        SupplierAgreement.self,
        UnneededHandoff.self,
        RequesterNotTold.self,
        CustomerSilence.self,
        CadenceNeverRepeats.self,
        TargetInfeasible.self,
        TargetAtRisk.self,
        TargetUnmeasurable.self,
        UntimedStep.self,
        WaitWithoutTimeout.self,
    ]

    public static let all: [RuleDescriptor] = ruleTypes.map { $0.descriptor }.sorted { $0.id < $1.id }

    /// The rules about the role catalogue as a whole, run once per check by `Checker` over every process.
    static let workspaceRules: [any Rule.Type] = [UnusedCatalogueRole.self]

    /// The rules reported while reading and decoding (yaml/*, schema/*, ref/*, io/*): every rule that is not a
    /// process, workspace, policy, waiver, lint or config rule.
    static var decodingRules: [RuleDescriptor] {
        let elsewhere: Set<String> = ["policy", "waiver", "lint", "config"]
        let workspace = Set(workspaceRules.map { $0.descriptor.id })
        return otherRules.filter {
            !elsewhere.contains($0.descriptor.family) && !workspace.contains($0.descriptor.id)
        }.map { $0.descriptor }
    }

    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
