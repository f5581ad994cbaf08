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
    /// `--select` and `--ignore`: the rules this run checks, over every level set here.
    public var selection: RuleSelection?

    public init(levels: [String: Severity?] = [:], familyLevels: [String: Severity?] = [:], options: [String: [String: Double]] = [:]) {
        self.levels = levels
        self.familyLevels = familyLevels
        self.options = options
    }

    /// The configured level of a rule id, if any entry sets it: `.some(nil)` means the rule is off.
    public func configuredLevel(of ruleID: String) -> Severity?? {
        if let selection, !selection.includes(ruleID) { return .some(nil) }
        if let level = levels[ruleID] { return .some(level) }
        if let slash = ruleID.firstIndex(of: "/"), let level = familyLevels[String(ruleID[..<slash])] { return .some(level) }
        return nil
    }

    /// The severity a rule reports with, or nil when it is off.
    public func severity(of descriptor: RuleDescriptor) -> Severity? {
        if let level = configuredLevel(of: descriptor.id) { return level }
        return descriptor.defaultSeverity
    }

    /// This configuration with `layer` written over it, as an override's entry is over the top-level `rules`: each
    /// level `layer` sets wins, a family's level over the rules of that family set here too (`raci/*: warning` in an
    /// override makes every raci rule a warning for its files), and each option `layer` sets wins.
    public func overlaid(with layer: RuleConfiguration) -> RuleConfiguration {
        var result = self
        for (family, level) in layer.familyLevels {
            let prefix = family + "/"
            for id in result.levels.keys where id.hasPrefix(prefix) { result.levels[id] = nil }
            result.familyLevels[family] = .some(level)
        }
        for (id, level) in layer.levels { result.levels[id] = .some(level) }
        for (id, values) in layer.options { result.options[id, default: [:]].merge(values) { _, new in new } }
        return result
    }

    /// A numeric option of a rule, or its default.
    public func option(_ name: String, of ruleID: String, default value: Double) -> Double {
        options[ruleID]?[name] ?? value
    }

    /// Applies the configured levels to findings made elsewhere (decoding, policies): re-levels or drops them.
    public func relevel(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !levels.isEmpty || !familyLevels.isEmpty || selection != nil else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let level = configuredLevel(of: diagnostic.rule) else { return diagnostic }
            guard let severity = level else { return nil }
            var copy = diagnostic
            copy.severity = severity
            return copy
        }
    }
}

/// `--select` and `--ignore`: rule ids or families (`handoff` or `handoff/*`) one run checks or leaves out.
///
/// The findings of a file procdef cannot read (`RuleSelection.alwaysChecked`) are reported whatever the selection:
/// no rule judged that file, and a run that hid them would pass it.
public struct RuleSelection: Sendable, Hashable {
    /// The rules checked; nil: every rule.
    public var selected: [String]?
    public var ignored: [String]

    /// The rules that say a file could not be read at all.
    public static let alwaysChecked: Set<String> = [
        "yaml/syntax", "yaml/encoding", "yaml/limits", "io/unreadable", "io/symlink-loop",
    ]

    public init(selected: [String]? = nil, ignored: [String] = []) {
        self.selected = selected
        self.ignored = ignored
    }

    public func includes(_ ruleID: String) -> Bool {
        if Self.alwaysChecked.contains(ruleID) { return true }
        if ignored.contains(where: { Self.pattern($0, names: ruleID) }) { return false }
        guard let selected else { return true }
        return selected.contains { Self.pattern($0, names: ruleID) }
    }

    /// `handoff/gap` names itself; `handoff` and `handoff/*` name every rule of the family.
    static func pattern(_ pattern: String, names ruleID: String) -> Bool {
        if pattern == ruleID { return true }
        let family = pattern.hasSuffix("/*") ? String(pattern.dropLast(2)) : pattern
        return !family.contains("/") && ruleID.hasPrefix(family + "/")
    }
}
