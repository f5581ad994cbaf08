/// One safety limit on untrusted input: its name, which is both its key under `limits:` in `.procdef.yaml` and its
/// flag (`--max-depth`), its value syntax, and where its value sits in `CheckOptions`.
///
/// The names are a contract: CI scripts spell the flags and repositories the keys. A new limit is one more entry in
/// `all` (and one more `@Option` in the command line's `LimitOptions`, which a test holds to this list).
public struct InputLimit: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    package let syntax: LimitSyntax
    /// What the limit bounds, as a sentence without its final period: for `--help`, the JSON Schema and the docs.
    public let summary: String
    private let keyPath: WritableKeyPath<CheckOptions, Int> & Sendable

    init(_ name: String, _ syntax: LimitSyntax, _ summary: String, _ keyPath: WritableKeyPath<CheckOptions, Int> & Sendable) {
        self.name = name
        self.syntax = syntax
        self.summary = summary
        self.keyPath = keyPath
    }

    public static let maxFileSize = InputLimit(
        "max-file-size", .size, "Largest file read, in bytes or with a KiB or MiB suffix", \.limits.maxFileSize)
    public static let maxDepth = InputLimit("max-depth", .count, "Deepest nesting of YAML collections", \.limits.maxDepth)
    public static let maxAliases = InputLimit(
        "max-aliases", .count, "Most aliases (*name) in one YAML document", \.limits.maxAliasesPerDocument)
    public static let maxAliasExpansion = InputLimit(
        "max-alias-expansion", .count, "Most nodes the aliases of one document may stand for, counted without expanding them",
        \.limits.maxAliasExpansion)
    public static let maxActivities = InputLimit("max-activities", .count, "Most activities in one process", \.maxActivitiesPerProcess)

    public static let maxStates = InputLimit(
        "max-states", .count, "Most states the soundness check explores in one process's parallel work", \.maxStatesPerProcess)

    /// Every limit, in the order help, docs and `procdef explain yaml/limits` list them.
    public static let all: [InputLimit] = [maxFileSize, maxDepth, maxAliases, maxAliasExpansion, maxActivities, maxStates]

    public static func named(_ name: String) -> InputLimit? {
        all.first { $0.name == name }
    }

    /// `--max-depth`.
    public var flag: String { "--" + name }

    /// The library's own value, the most a config may ask for.
    public var defaultValue: Int { CheckOptions()[keyPath: keyPath] }

    public func value(in options: CheckOptions) -> Int { options[keyPath: keyPath] }

    public func set(_ value: Int, in options: inout CheckOptions) { options[keyPath: keyPath] = value }

    public var description: String { name }

    public static func == (lhs: InputLimit, rhs: InputLimit) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
