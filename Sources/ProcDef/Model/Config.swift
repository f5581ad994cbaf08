import YAMLTree

/// A `kind: config` document (`.procdef.yaml`): default paths, output folder and per-rule settings.
public struct Config: Sendable {
    public var paths: [Located<String>]
    public var out: Located<String>?
    public var rules: [RuleSetting]
    public var file: String
    public var range: SourceRange

    public init(paths: [Located<String>] = [], out: Located<String>? = nil, rules: [RuleSetting] = [], file: String, range: SourceRange) {
        self.paths = paths
        self.out = out
        self.rules = rules
        self.file = file
        self.range = range
    }
}

/// One entry under `rules:`: a rule id or a family pattern (`handoff/*`), a severity and options.
public struct RuleSetting: Sendable {
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case error, warning, note, off

        public var severity: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .note: .note
            case .off: nil
            }
        }
    }

    public var pattern: Located<String>
    public var level: Located<Level>?
    public var options: [RuleOption]

    public init(pattern: Located<String>, level: Located<Level>? = nil, options: [RuleOption] = []) {
        self.pattern = pattern
        self.level = level
        self.options = options
    }
}

/// A rule option such as `max: 3` or `accountable-share: 0.5`.
public struct RuleOption: Sendable {
    public enum Value: Sendable, Hashable {
        case number(Double)
        case bool(Bool)
        case string(String)
    }

    public var name: Located<String>
    public var value: Located<Value>

    public init(name: Located<String>, value: Located<Value>) {
        self.name = name
        self.value = value
    }
}
