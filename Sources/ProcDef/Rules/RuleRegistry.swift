/// The catalogue of every rule procdef knows, in id order: `procdef rules` prints it, `procdef explain` and SARIF read it.
public enum RuleRegistry {
    /// Every rule, registered once, here. Adding a rule is its file, its test, and one line in this list;
    /// `RuleRegistrationTests` fails for a rule type or rule id in Sources that is missing here.
    ///
    /// The process rules run in this order (raci, ownership, governance, flow, handoff, tell), and findings keep it where they tie.
    public static let ruleTypes: [any Rule.Type] = [
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
        WaiverPermanent.self,
        // About procdef's own annotations in the files.
        SuppressionWithoutReason.self,
        UnusedSuppression.self,
        RenamedRule.self,
        // About the role catalogue as a whole, checked once per workspace by `Checker`.
        UnusedCatalogueRole.self,
        // About `.procdef.yaml` itself.
        UnknownConfiguredRule.self,
        // Checked on each process by `Checker`.
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

    /// The rules that check processes one at a time, run by `Checker` for every process.
    package static let processRules: [any ProcessRule.Type] = ruleTypes.compactMap { $0 as? any ProcessRule.Type }

    public static let all: [RuleDescriptor] = ruleTypes.map { $0.descriptor }.sorted { $0.id < $1.id }

    /// The rules about the role catalogue as a whole, run once per check by `Checker` over every process.
    static let workspaceRules: [any Rule.Type] = [UnusedCatalogueRole.self]

    /// The rules reported while reading and decoding (yaml/*, schema/*, ref/*, io/*): every rule that is not a
    /// process, workspace, policy, waiver, lint or config rule.
    static var decodingRules: [RuleDescriptor] {
        let elsewhere: Set<String> = ["policy", "waiver", "lint", "config"]
        let workspace = Set(workspaceRules.map { $0.descriptor.id })
        return ruleTypes.filter {
            !($0 is any ProcessRule.Type) && !elsewhere.contains($0.descriptor.family) && !workspace.contains($0.descriptor.id)
        }.map { $0.descriptor }
    }

    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
