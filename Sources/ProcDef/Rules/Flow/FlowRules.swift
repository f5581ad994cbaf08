extension RuleRegistry {
    /// The flow/* rules, in id order.
    static let flowRules: [any ProcessRule.Type] = [
        DuplicateTransition.self,
        EmptyProcess.self,
        EndWithNext.self,
        NoEnd.self,
        SelfLoop.self,
        UnconditionedBranch.self,
        Unreachable.self,
    ]
}
