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

    public init(id: String, defaultSeverity: Severity?, summary: String, explanation: String, failingExample: String, fixedExample: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.failingExample = failingExample
        self.fixedExample = fixedExample
    }

    /// The family part of the id: `handoff` in `handoff/gap`.
    public var family: String {
        id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? id
    }
}

/// A rule: one type in one file under `Rules/<Family>/`, declaring its descriptor.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
}
