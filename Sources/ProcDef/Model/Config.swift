import YAMLTree

/// A `kind: config` document (`.procdef.yaml`): default paths, output folder, per-rule settings and lowered limits.
public struct Config: Sendable {
    public var paths: [Located<String>]
    public var out: Located<String>?
    public var rules: [RuleSetting]
    /// The safety limits the config lowers, each at most its default (see `LimitSetting`).
    public var limits: [LimitSetting]
    /// `review-every`: the review cycle of every process that gives no `review.every` of its own.
    public var reviewEvery: Located<TimeTarget>?
    /// `business-day`: the working hours of a business day (`bd`); default `TimeTarget.defaultBusinessDay`.
    public var businessDay: Located<TimeTarget>?
    /// `max-silence`: the longest a customer may go without news, for every process that gives none.
    public var maxSilence: Located<TimeTarget>?
    /// `extends`: the configs this one builds on, each relative to this file, merged in order before this one.
    public var extends: [Located<String>] = []
    /// `exclude`: globs, relative to this file's folder, of files and folders never read from a folder walk.
    public var exclude: [Located<String>] = []
    /// `overrides`: rule settings for the files some globs match; later entries win.
    public var overrides: [RuleOverride] = []
    /// `baseline`: the baseline file, relative to this file; default `.procdef-baseline.json` beside the config.
    public var baseline: Located<String>?
    /// `docs-url`: where docs/rules.md is published, for the rule links of the JSON and SARIF reports.
    public var docsURL: Located<String>?
    public var file: String
    public var range: SourceRange

    public init(
        paths: [Located<String>] = [], out: Located<String>? = nil, rules: [RuleSetting] = [], limits: [LimitSetting] = [],
        reviewEvery: Located<TimeTarget>? = nil, file: String, range: SourceRange
    ) {
        self.reviewEvery = reviewEvery
        self.paths = paths
        self.out = out
        self.rules = rules
        self.limits = limits
        self.file = file
        self.range = range
    }
}

/// One entry under `overrides:`: rule settings for the files `paths` match, globs relative to the config's folder.
public struct RuleOverride: Sendable {
    public var paths: [Located<String>]
    public var rules: [RuleSetting]
    /// The config file that wrote it: its globs are relative to that file's folder, whichever config extends it.
    public var file: String
    public var range: SourceRange

    public init(paths: [Located<String>], rules: [RuleSetting], file: String, range: SourceRange) {
        self.paths = paths
        self.rules = rules
        self.file = file
        self.range = range
    }
}

/// One entry under `limits:` that the config applies, such as `max-depth: 32`.
///
/// Only values up to the limit's default become settings: the decoder refuses a higher one (`schema/type`), and a
/// refused value is not applied even when that finding is turned off or suppressed, since the config sits where a pull
/// request can change it.
public struct LimitSetting: Sendable {
    public var limit: InputLimit
    /// The key, where a finding or `procdef explain yaml/limits` points.
    public var name: Located<String>
    public var value: Located<Int>

    public init(limit: InputLimit, name: Located<String>, value: Located<Int>) {
        self.limit = limit
        self.name = name
        self.value = value
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
