/// Everything a user can learn about a rule: `procdef rules` lists it, `procdef explain` prints it, and the
/// documentation test runs its examples (the failing one must trigger the rule, the fixed one must not).
public struct RuleDescriptor: Sendable {
    public var id: String
    /// nil means the rule is off unless the config turns it on.
    public var defaultSeverity: Severity?
    public var summary: String
    /// Why the rule exists and what to do about a finding, in plain prose.
    public var explanation: String
    /// A complete workspace (one YAML file, several documents allowed) that triggers the rule.
    public var failingExample: String
    /// The same workspace, fixed.
    public var fixedExample: String
    /// The numeric options `.procdef.yaml` may set for this rule.
    public var options: [RuleOptionDescriptor]

    public init(
        id: String, defaultSeverity: Severity?, summary: String, explanation: String, failingExample: String, fixedExample: String,
        options: [RuleOptionDescriptor] = []
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.failingExample = failingExample
        self.fixedExample = fixedExample
        self.options = options
    }

    /// The family part of the id: `handoff` in `handoff/gap`.
    public var family: String {
        id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? id
    }
}

/// A numeric option of a rule, such as `max` of `raci/too-many-consulted`.
public struct RuleOptionDescriptor: Sendable, Hashable {
    public var name: String
    public var defaultValue: Double
    public var summary: String
    /// The smallest and largest values that make sense (shares are 0...1, counts 0...).
    public var allowed: ClosedRange<Double>

    public init(name: String, defaultValue: Double, summary: String, allowed: ClosedRange<Double>) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.allowed = allowed
    }
}

/// A rule: one type in one file under `Rules/<Family>/`, declaring its descriptor.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
}
