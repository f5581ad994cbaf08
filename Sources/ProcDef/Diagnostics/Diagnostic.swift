import YAMLTree

/// How much a finding matters. `error` fails the run; `warning` fails it only under `--strict`.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding: a rule id, a severity, a precise place, a message naming the things involved, and optional help and notes.
public struct Diagnostic: Sendable, Hashable {
    /// A secondary message, optionally with its own place (e.g. "first defined here").
    public struct Note: Sendable, Hashable {
        public var message: String
        public var file: String?
        public var range: SourceRange?

        public init(message: String, file: String? = nil, range: SourceRange? = nil) {
            self.message = message
            self.file = file
            self.range = range
        }
    }

    /// The path as shown to the user: relative to the current directory when below it, always with `/`.
    public var file: String
    public var range: SourceRange
    public var severity: Severity
    public var rule: String
    public var message: String
    public var help: String?
    public var notes: [Note]
    /// The ids the finding is about: the stable key, where the message is only wording.
    public var subjects: FindingSubjects
    /// How the problem arises, step by step, when the rule has a witness (a transition, a path through the flow).
    public var path: [WitnessStep]
    /// Changes that resolve it, where procdef knows them (`Fix`).
    public var fixes: [Fix] = []

    public init(
        file: String, range: SourceRange, severity: Severity, rule: String, message: String, help: String? = nil, notes: [Note] = [],
        subjects: FindingSubjects = FindingSubjects(), path: [WitnessStep] = []
    ) {
        self.subjects = subjects
        self.path = path
        self.file = file
        self.range = range
        self.severity = severity
        self.rule = rule
        self.message = message
        self.help = help
        self.notes = notes
    }

    /// The one order every output uses: file, line, column, rule, then message.
    public static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.range.start.line != b.range.start.line { return a.range.start.line < b.range.start.line }
        if a.range.start.column != b.range.start.column { return a.range.start.column < b.range.start.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
