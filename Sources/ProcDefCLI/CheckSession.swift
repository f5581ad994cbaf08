import ArgumentParser
import Foundation
import ProcDef

/// The options every command that reads definitions shares: paths, the configuration file and the check date.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Files or folders to read; folders are searched for *.yaml and *.yml.",
            discussion: "Default: the config's `paths`, else Processes and Policies in the current directory (those that exist).",
            valueName: "path"
        ))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp("The configuration file (default: the nearest .procdef.yaml from the current directory up).", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The date expired waivers and overdue reviews are judged against (default: today, UTC).", valueName: "YYYY-MM-DD"),
        transform: { text in
            guard let date = CalendarDate(parsing: text) else {
                throw ValidationError("expected a calendar date written YYYY-MM-DD")
            }
            return date
        }
    )
    var today: CalendarDate?

    @Option(
        help: ArgumentHelp(
            "Threads to read, check and write with (default: one per core).",
            discussion: "--jobs 1 does all the work on one thread; the output is the same for every value.",
            valueName: "n"))
    var jobs: Int?

    @OptionGroup(title: "Safety limits") var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, found \(jobs)") }
    }

    /// The configuration located and read, and the options the definitions are then read with.
    func setUp() throws -> CheckSession.Setup {
        if let jobs { Parallelism.limit(to: jobs) }
        return try CheckSession.setUp(config: config, limits: limits, base: CheckOptions(today: today))
    }
}

/// One run of the checker as the commands need it: the configuration found and applied, the paths resolved.
struct CheckSession {
    /// The folders read when neither the command line nor the config names any.
    static let defaultPaths = ["Processes", "Policies"]

    var report: CheckReport
    var active: ActiveConfig?

    /// The output folder the config names, resolved against the config file's folder.
    var configuredOut: String? {
        guard let out = active?.config?.out?.value, let file = active?.source?.path else { return nil }
        return Self.resolve(out, relativeTo: file)
    }

    /// Locates and applies the configuration, reads the paths and runs every rule. Throws `ExitCode` (after
    /// printing why) for usage and I/O problems.
    /// `keepingProcessContexts`: keep each process's analyses in the report, for a command that renders from them.
    static func run(_ inputs: InputOptions, keepingProcessContexts: Bool = false) throws -> CheckSession {
        let setup = try inputs.setUp()
        let active = setup.active
        var options = setup.options
        options.keepsProcessContexts = keepingProcessContexts
        let paths = try inputPaths(inputs.paths, active: active)
        do {
            var workspace = try Workspace.load(paths: paths, options: options)
            // The config's `paths` (or the default folders) are the whole repository, whatever they name: only files
            // named on the command line make a partial check, whose catalogue findings would be guesses.
            if inputs.paths.isEmpty { workspace.isPartial = false }
            return CheckSession(report: Checker.check(workspace, config: active, options: options), active: active)
        } catch {
            throw Terminal.fail(error.description)
        }
    }

    /// The configuration a command runs with, and the options it reads the definitions with.
    struct Setup {
        var active: ActiveConfig?
        /// Each safety limit's value and where it came from: the flags, else the config, else the default.
        var limits: EffectiveLimits
        /// `base` with the effective limits.
        var options: CheckOptions
    }

    /// Locates and reads the configuration, then works out the limits the definitions are read under. The config
    /// is read under the defaults or the flags, since its own `limits:` are known only once it is read; they then
    /// apply to every other file. Throws `ExitCode` (after printing why) when the config cannot be read.
    static func setUp(config explicit: String?, limits flags: LimitOptions, base: CheckOptions) throws -> Setup {
        let active = try activeConfig(explicit: explicit, options: flags.applied(to: base))
        let limits = EffectiveLimits(config: active?.config, flags: flags.given)
        return Setup(active: active, limits: limits, options: limits.applied(to: base))
    }

    /// The configuration `--config` names, else the nearest `.procdef.yaml` from the current directory up, read and
    /// decoded; nil when there is none. Throws `ExitCode` (after printing why) when it cannot be read.
    static func activeConfig(explicit: String?, options: CheckOptions) throws -> ActiveConfig? {
        let configPath: String?
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw Terminal.fail("no such configuration file: \(explicit)")
            }
            configPath = explicit
        } else {
            configPath = ConfigResolver.locate(from: FileManager.default.currentDirectoryPath)
        }
        guard let configPath else { return nil }
        do {
            return try ConfigResolver.load(displayPath(configPath), options: options)
        } catch {
            throw Terminal.fail(error.description)
        }
    }

    /// The paths given, else the config's (relative to the config file), else the default folders that exist.
    static func inputPaths(_ given: [String], active: ActiveConfig?) throws -> [String] {
        if !given.isEmpty { return given }
        if let configured = configuredPaths(active) { return configured }
        let present = defaultPaths.filter { FileManager.default.fileExists(atPath: $0) }
        guard !present.isEmpty else {
            throw Terminal.fail(
                "nothing to check: no path given, and neither 'Processes' nor 'Policies' exists in the current directory",
                help: "run procdef in the repository root, or name the files or folders to read"
            )
        }
        return present
    }

    /// The config's `paths`, each taken relative to the config file; nil when there is no config or it names none.
    static func configuredPaths(_ active: ActiveConfig?) -> [String]? {
        guard let config = active?.config, !config.paths.isEmpty, let file = active?.source?.path else { return nil }
        return config.paths.map { resolve($0.value, relativeTo: file) }
    }

    /// A path written in the config, taken relative to the folder holding the config file.
    private static func resolve(_ path: String, relativeTo configFile: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (configFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : displayPath((folder as NSString).appendingPathComponent(path))
    }

    /// Relative to the current directory when below it, so findings show short paths.
    private static func displayPath(_ path: String) -> String {
        DisplayPath.make(path, currentDirectory: FileManager.default.currentDirectoryPath)
    }
}
