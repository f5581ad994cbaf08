/// The effective severity of every rule and the rules' numeric options: the defaults, overridden by `.procdef.yaml`.
///
/// Precedence: a rule's own entry beats its family's (`handoff/*`), which beats the rule's default.
public struct RuleConfiguration: Sendable {
    /// Severity per rule id, for rules whose level was set; nil inside means "off".
    public var levels: [String: Severity?]
    /// Severity per family (`handoff` for `handoff/*`); nil inside means "off".
    public var familyLevels: [String: Severity?]
    /// Options per rule id, e.g. `raci/too-many-consulted` → `max` → 3.
    public var options: [String: [String: Double]]

    public init(levels: [String: Severity?] = [:], familyLevels: [String: Severity?] = [:], options: [String: [String: Double]] = [:]) {
        self.levels = levels
        self.familyLevels = familyLevels
        self.options = options
    }

    /// The configured level of a rule id, if any entry sets it: `.some(nil)` means the rule is off.
    public func configuredLevel(of ruleID: String) -> Severity?? {
        if let level = levels[ruleID] { return .some(level) }
        if let slash = ruleID.firstIndex(of: "/"), let level = familyLevels[String(ruleID[..<slash])] { return .some(level) }
        return nil
    }

    /// The severity a rule reports with, or nil when it is off.
    public func severity(of descriptor: RuleDescriptor) -> Severity? {
        if let level = configuredLevel(of: descriptor.id) { return level }
        return descriptor.defaultSeverity
    }

    /// A numeric option of a rule, or its default.
    public func option(_ name: String, of ruleID: String, default value: Double) -> Double {
        options[ruleID]?[name] ?? value
    }

    /// Applies the configured levels to findings made elsewhere (decoding, policies): re-levels or drops them.
    public func relevel(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !levels.isEmpty || !familyLevels.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let level = configuredLevel(of: diagnostic.rule) else { return diagnostic }
            guard let severity = level else { return nil }
            var copy = diagnostic
            copy.severity = severity
            return copy
        }
    }
}
