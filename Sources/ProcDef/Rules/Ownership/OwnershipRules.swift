extension RuleRegistry {
    /// The ownership/* rules, in id order.
    static let ownershipRules: [any ProcessRule.Type] = [
        CaseOwnerContinuity.self,
        ManagerKind.self,
        OwnerKind.self,
        OwnerRequired.self,
    ]
}
