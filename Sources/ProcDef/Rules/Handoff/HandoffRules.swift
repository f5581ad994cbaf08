extension RuleRegistry {
    /// The handoff/* rules, in id order.
    static let handoffRules: [any ProcessRule.Type] = [
        ArtifactNotConsumed.self,      // handoff/artifact-not-consumed
        ArtifactNotProduced.self,      // handoff/artifact-not-produced
        HandoffGap.self,               // handoff/gap
        MissingArtifact.self,          // handoff/missing-artifact
        MissingExpectation.self,       // handoff/missing-expectation
        SupplierAgreement.self,        // handoff/supplier-agreement
        UnneededHandoff.self,          // handoff/unneeded
    ]
}
