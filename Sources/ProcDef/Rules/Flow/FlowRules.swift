extension RuleRegistry {
    /// The flow/* rules, in id order.
    static let flowRules: [any ProcessRule.Type] = []
}
