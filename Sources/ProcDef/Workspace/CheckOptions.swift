import YAMLTree

/// How a check runs: safety limits, the date waivers are judged against, rule settings.
public struct CheckOptions: Sendable {
    public var limits: YAMLLimits
    /// The day expired waivers and overdue reviews are judged against; today's date (UTC) when nil. `--today` sets it
    /// for reproducible CI.
    public var today: CalendarDate?
    /// The config's `review-every`: the review cycle of a process that gives none.
    public var reviewEvery: TimeTarget?
    /// The config's `business-day`: the working hours a `bd` counts.
    public var businessDay: TimeTarget = TimeTarget.defaultBusinessDay
    /// The config's `max-silence`: the longest a customer may go without news in a process that gives none.
    public var maxSilence: TimeTarget = CheckOptions.defaultMaxSilence
    /// `max-silence` when neither the process nor the config gives one.
    public static let defaultMaxSilence = TimeTarget(amount: 1, unit: .days)
    /// Most activities one process may have (a `yaml/limits` error beyond it).
    public var maxActivitiesPerProcess: Int
    /// Most states the soundness check explores in one process's parallel work (`flow/analysis-limit` beyond it).
    public var maxStatesPerProcess: Int = 100_000
    /// Severities and options of the rules.
    public var rules: RuleConfiguration
    /// The config's `overrides`: other severities and options for the files some globs match.
    public var ruleScopes: [RuleScopes.Scope] = []
    /// The config's `exclude`: files and folders a folder walk passes over.
    public var excludes: [PathGlob] = []
    /// `procdef check - --stdin-filename PATH`: text that replaces the file at PATH in the workspace read.
    public var standardInput: StandardInputFile?
    /// Whether the report keeps each process's `ProcessContext` (flow graph, handoff analysis, resolved roles), so
    /// `procdef build` renders from the analyses the rules used instead of making them again. Off for `check`: kept for
    /// every process at once, they would hold memory that a check never reads again.
    public var keepsProcessContexts = false

    public init(
        limits: YAMLLimits = YAMLLimits(), today: CalendarDate? = nil, maxActivitiesPerProcess: Int = 1000,
        rules: RuleConfiguration = RuleConfiguration()
    ) {
        self.limits = limits
        self.today = today
        self.maxActivitiesPerProcess = maxActivitiesPerProcess
        self.rules = rules
    }
}

/// A problem with the command's inputs themselves (exit code 2), not with what they contain.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case pathNotFound(String)
    /// A config's `extends` names a file that does not exist, or leads back to a file of its own chain.
    case configChain(String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "no such file or directory: \(path)"
        case .configChain(let message): message
        }
    }
}

/// Text read from standard input, checked as the file at `path` (as typed: relative to the current directory, or
/// absolute) would be.
public struct StandardInputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
