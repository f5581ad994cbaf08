import ArgumentParser
import ProcDef

/// The safety limits for untrusted input, as flags of every command that reads definitions (docs/security.md).
///
/// Names, defaults and value syntax are the library's (`InputLimit`), shared with the `limits:` keys of
/// `.procdef.yaml`. A flag beats the config, and unlike the config it may raise a limit: raising one widens what a
/// hostile file can cost (libyaml's own parse is quadratic in flow nesting, so a depth far above the default is a
/// denial of service waiting for its input), a decision for whoever writes the CI script.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong(InputLimit.maxFileSize.name), help: Self.help(.maxFileSize), transform: Self.parse(.maxFileSize))
    var maxFileSize: Int?

    @Option(name: .customLong(InputLimit.maxDepth.name), help: Self.help(.maxDepth), transform: Self.parse(.maxDepth))
    var maxDepth: Int?

    @Option(name: .customLong(InputLimit.maxAliases.name), help: Self.help(.maxAliases), transform: Self.parse(.maxAliases))
    var maxAliases: Int?

    @Option(
        name: .customLong(InputLimit.maxAliasExpansion.name), help: Self.help(.maxAliasExpansion), transform: Self.parse(.maxAliasExpansion)
    )
    var maxAliasExpansion: Int?

    @Option(name: .customLong(InputLimit.maxActivities.name), help: Self.help(.maxActivities), transform: Self.parse(.maxActivities))
    var maxActivities: Int?

    @Option(name: .customLong(InputLimit.maxStates.name), help: Self.help(.maxStates), transform: Self.parse(.maxStates))
    var maxStates: Int?

    /// The limits given on the command line.
    var given: [InputLimit: Int] {
        let flags: [(InputLimit, Int?)] = [
            (.maxFileSize, maxFileSize), (.maxDepth, maxDepth), (.maxAliases, maxAliases),
            (.maxAliasExpansion, maxAliasExpansion), (.maxActivities, maxActivities), (.maxStates, maxStates),
        ]
        return Dictionary(uniqueKeysWithValues: flags.compactMap { limit, value in value.map { (limit, $0) } })
    }

    /// `options` with every limit given on the command line applied.
    func applied(to options: CheckOptions) -> CheckOptions {
        var options = options
        for (limit, value) in given { limit.set(value, in: &options) }
        return options
    }

    private static func help(_ limit: InputLimit) -> ArgumentHelp {
        ArgumentHelp(
            "\(limit.summary) (default: \(limit.syntax.format(limit.defaultValue))).", valueName: limit.syntax == .size ? "size" : "n")
    }

    private static func parse(_ limit: InputLimit) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = limit.syntax.parse(text) else {
                throw ValidationError("expected \(limit.syntax.expected), got '\(text)'")
            }
            return value
        }
    }
}
