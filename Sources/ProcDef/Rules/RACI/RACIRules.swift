extension RuleRegistry {
    /// The raci/* rules, in id order.
    static let raciRules: [any ProcessRule.Type] = []
}
