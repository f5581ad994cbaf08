extension RuleRegistry {
    /// The handoff/* rules, in id order.
    static let handoffRules: [any ProcessRule.Type] = []
}
