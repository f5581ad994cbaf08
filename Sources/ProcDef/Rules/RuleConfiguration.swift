/// The effective severity of every rule and the rules' numeric options: the defaults, overridden by `.procdef.yaml`.
public struct RuleConfiguration: Sendable {
    /// Severity per rule id, for rules whose level was set; nil inside means "off".
    public var levels: [String: Severity?]
    /// Options per rule id, e.g. `raci/too-many-consulted` → `max` → 3.
    public var options: [String: [String: Double]]

    public init(levels: [String: Severity?] = [:], options: [String: [String: Double]] = [:]) {
        self.levels = levels
        self.options = options
    }

    /// The severity a rule reports with, or nil when it is off.
    public func severity(of descriptor: RuleDescriptor) -> Severity? {
        if let level = levels[descriptor.id] { return level }
        return descriptor.defaultSeverity
    }

    /// A numeric option of a rule, or its default.
    public func option(_ name: String, of ruleID: String, default value: Double) -> Double {
        options[ruleID]?[name] ?? value
    }
}
