/// The catalogue of every rule procdef knows, in id order: `procdef rules` prints it, `procdef explain` and SARIF read it.
public enum RuleRegistry {
    public static let all: [RuleDescriptor] = ([RuleDescriptor]()).sorted { $0.id < $1.id }

    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
