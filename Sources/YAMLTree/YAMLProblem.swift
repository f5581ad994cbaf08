/// Something wrong with the YAML itself, before any procdef meaning is given to it.
public struct YAMLProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// libyaml refused the input (`yaml/syntax`).
        case syntax
        /// A mapping holds the same key twice (`yaml/duplicate-key`).
        case duplicateKey
        /// A safety limit was exceeded (`yaml/limits`).
        case limits
        /// The bytes are not UTF-8 text (`yaml/encoding`).
        case encoding
    }

    /// A secondary location, such as the first occurrence of a duplicate key or libyaml's context.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var range: SourceRange

        public init(message: String, range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange
    public var notes: [Note]

    public init(kind: Kind, message: String, range: SourceRange, notes: [Note] = []) {
        self.kind = kind
        self.message = message
        self.range = range
        self.notes = notes
    }
}

/// Safety limits for untrusted input; each breach is a `yaml/limits` problem.
public struct YAMLLimits: Sendable, Hashable {
    public var maxFileSize: Int
    public var maxDepth: Int
    public var maxAliasesPerDocument: Int
    /// How many nodes all alias expansions of one document may visit, counted without expanding them.
    public var maxAliasExpansion: Int

    public init(maxFileSize: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxAliasesPerDocument: Int = 100, maxAliasExpansion: Int = 10_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasesPerDocument = maxAliasesPerDocument
        self.maxAliasExpansion = maxAliasExpansion
    }
}

/// What parsing one file produced: the documents read, and the problems met.
///
/// A document after a fatal problem is not returned; documents before it are.
public struct YAMLParseResult: Sendable {
    public var documents: [YAMLDocument]
    public var problems: [YAMLProblem]

    public init(documents: [YAMLDocument], problems: [YAMLProblem]) {
        self.documents = documents
        self.problems = problems
    }
}
