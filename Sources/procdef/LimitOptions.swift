import ArgumentParser
import ProcDef
import YAMLTree

/// The safety limits for untrusted input, as flags of every command that reads definitions (docs/security.md).
///
/// The defaults are the library's (`YAMLLimits`, `CheckOptions`). Raising one widens what a hostile file can
/// cost: libyaml's own parse is quadratic in flow nesting, so a depth far above the default is a denial of service
/// waiting for its input.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest file read, in bytes or with a KiB or MiB suffix (default: 8MiB).", valueName: "size"), transform: LimitOptions.size)
    var maxFileSize: Int?

    @Option(help: ArgumentHelp("Deepest nesting of YAML collections (default: 64).", valueName: "n"), transform: LimitOptions.count)
    var maxDepth: Int?

    @Option(help: ArgumentHelp("Most aliases (*name) in one YAML document (default: 100).", valueName: "n"), transform: LimitOptions.count)
    var maxAliases: Int?

    @Option(help: ArgumentHelp("Most nodes the aliases of one document may stand for, counted without expanding them (default: 10000).", valueName: "n"), transform: LimitOptions.count)
    var maxAliasExpansion: Int?

    @Option(help: ArgumentHelp("Most activities in one process (default: 1000).", valueName: "n"), transform: LimitOptions.count)
    var maxActivities: Int?

    /// `options` with every limit given on the command line applied.
    func applied(to options: CheckOptions) -> CheckOptions {
        var options = options
        if let maxFileSize { options.limits.maxFileSize = maxFileSize }
        if let maxDepth { options.limits.maxDepth = maxDepth }
        if let maxAliases { options.limits.maxAliasesPerDocument = maxAliases }
        if let maxAliasExpansion { options.limits.maxAliasExpansion = maxAliasExpansion }
        if let maxActivities { options.maxActivitiesPerProcess = maxActivities }
        return options
    }

    /// A whole number from 1 up.
    static func count(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else {
            throw ValidationError("expected a whole number from 1 up, got '\(text)'")
        }
        return value
    }

    /// `8388608`, `512KiB`, `8MiB` (also `K`, `KB`, `M`, `MB`, all powers of 1024), from 1 byte to 1 GiB.
    static func size(_ text: String) throws -> Int {
        let units: [(String, Int)] = [("MiB", 1 << 20), ("MB", 1 << 20), ("M", 1 << 20), ("KiB", 1 << 10), ("KB", 1 << 10), ("K", 1 << 10)]
        var digits = Substring(text)
        var unit = 1
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            digits = text.dropLast(suffix.count)
            unit = factor
            break
        }
        guard let value = Int(digits), value >= 1, value <= (1 << 30) / unit else {
            throw ValidationError("expected a size from 1 byte to 1024MiB, such as 8MiB or 524288, got '\(text)'")
        }
        return value * unit
    }
}
