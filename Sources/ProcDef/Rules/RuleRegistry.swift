/// The catalogue of every rule procdef knows, in id order: `procdef rules` prints it, `procdef explain` and SARIF read it.
public enum RuleRegistry {
    public static let all: [RuleDescriptor] = ([RuleDescriptor]()).sorted { $0.id < $1.id }

    /// The rules that check processes one at a time, run by `Checker` for every process.
    public static let processRules: [any ProcessRule.Type] = []

    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
