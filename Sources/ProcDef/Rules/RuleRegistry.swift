/// The catalogue of every rule procdef knows, in id order: `procdef rules` prints it, `procdef explain` and SARIF read it.
public enum RuleRegistry {
    /// The rules that check processes one at a time, run by `Checker` for every process.
    public static let processRules: [any ProcessRule.Type] = raciRules + ownershipRules + flowRules + handoffRules

    public static let all: [RuleDescriptor] = (decodingRules + processRules.map { $0.descriptor } + policyRules + lintRules + configRules).sorted { $0.id < $1.id }

    /// Rules about waivers; each policy's own findings are `policy/<policy-id>`.
    static let policyRules: [RuleDescriptor] = [WaiverExpired.descriptor, WaiverUnused.descriptor]

    /// Rules about procdef's own annotations in the files.
    static let lintRules: [RuleDescriptor] = [SuppressionWithoutReason.descriptor, UnusedSuppression.descriptor]

    /// Rules about `.procdef.yaml` itself.
    static let configRules: [RuleDescriptor] = [UnknownConfiguredRule.descriptor]

    /// Rules reported while reading and decoding (yaml/*, schema/*, ref/*, io/*).
    static let decodingRules: [RuleDescriptor] = [
        // Reading files and YAML.
        UnreadableFile.descriptor,
        SymlinkLoop.descriptor,
        YAMLSyntax.descriptor,
        DuplicateKey.descriptor,
        SafetyLimits.descriptor,
        InvalidEncoding.descriptor,
        // The shape of each document.
        EmptyFile.descriptor,
        UnknownKind.descriptor,
        UnknownKey.descriptor,
        MissingField.descriptor,
        WrongType.descriptor,
        InvalidID.descriptor,
        DuplicateID.descriptor,
        InvalidDuration.descriptor,
        InvalidDate.descriptor,
        // References between documents.
        UnknownRole.descriptor,
        UnknownActivity.descriptor,
        UnknownProcess.descriptor,
        UnknownPolicy.descriptor,
    ]

    public static func descriptor(for id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
