import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// One run of the checker as the commands need it: the configuration found and applied, the paths resolved, the
/// baseline applied.
struct CheckSession {
    /// The folders read when neither the command line nor the config names any.
    static let defaultPaths = ["Processes", "Policies"]

    var report: CheckReport
    var active: ActiveConfig?
    /// Where the baseline is (whether or not it exists), and the folder the findings' keys are relative to.
    var baseline: BaselineLocation

    /// The output folder the config names, resolved against the config file that wrote it.
    var configuredOut: String? {
        guard let out = active?.setting(\.out) else { return nil }
        return Self.resolve(out.value.value, relativeTo: out.file)
    }

    /// What the JSON and SARIF reports link and key each finding with.
    func references(showBaselined: Bool = false) -> FindingReferences {
        FindingReferences(
            docsURL: active?.setting(\.docsURL)?.value.value, keyRoot: baseline.root, currentDirectory: Self.currentDirectory,
            showBaselined: showBaselined)
    }

    /// What a run reads besides its options.
    struct Request {
        /// Keep each process's analyses in the report, for a command that renders from them.
        var keepingProcessContexts = false
        /// `--select` and `--ignore`.
        var selection: RuleSelection?
        /// `procdef check -`: the text read from standard input, and `--stdin-filename`.
        var standardInput: (bytes: [UInt8], path: String?)?
        /// Leave the baseline out (`--write-baseline` needs every finding).
        var ignoringBaseline = false
    }

    /// Locates and applies the configuration, reads the paths, runs every rule and sets aside what the baseline
    /// knows. Throws `ExitCode` (after printing why) for usage and I/O problems.
    static func run(_ inputs: InputOptions, _ request: Request = Request()) throws -> CheckSession {
        let setup = try inputs.setUp()
        let active = setup.active
        var options = setup.options
        options.keepsProcessContexts = request.keepingProcessContexts
        let location = try baselineLocation(flag: inputs.baseline, active: active)
        do {
            var workspace: Workspace
            var scopePaths: [String]?
            if let standardInput = request.standardInput {
                if let path = standardInput.path {
                    // The text stands in for the file at `path` in the workspace read as usual.
                    options.standardInput = StandardInputFile(path: path, bytes: standardInput.bytes)
                    let paths = try inputPaths([], active: active)
                    workspace = try Workspace.load(paths: paths, options: options)
                    workspace.isPartial = false
                    scopePaths = [DisplayPath.real(absolute(path))]
                } else {
                    workspace = Workspace.load(files: [SourceFile(path: "-", bytes: standardInput.bytes)], options: options)
                }
            } else {
                let paths = try inputPaths(inputs.paths, active: active)
                workspace = try Workspace.load(paths: paths, options: options)
                // The config's `paths` (or the default folders) are the whole repository, whatever they name: only
                // files named on the command line make a partial check, whose catalogue findings would be guesses.
                if inputs.paths.isEmpty {
                    workspace.isPartial = false
                } else {
                    scopePaths = inputs.paths.map { DisplayPath.real(absolute($0)) }
                }
            }
            var report = Checker.check(workspace, config: active, options: options, selection: request.selection)
            if let standardInput = request.standardInput {
                if let path = standardInput.path {
                    let file = DisplayPath.make(path, currentDirectory: currentDirectory)
                    if !report.workspace.sources.contains(where: { $0.path == file }) {
                        Terminal.writeError("note: \(file) is excluded by the config's `exclude`: standard input was not checked")
                    }
                    report = onlyFile(file, of: report)
                } else {
                    report.summary.files = 1
                }
            }
            let usesBaseline =
                !inputs.noBaseline && !request.ignoringBaseline && !(request.standardInput != nil && request.standardInput?.path == nil)
            if usesBaseline, let baseline = try readBaseline(location, limit: options.limits.maxFileSize) {
                let scope = BaselineScope(
                    paths: scopePaths, selection: request.selection,
                    unjudgedRules: report.workspace.isPartial ? Checker.catalogueRuleIDs : [], excludes: options.excludes)
                report = report.applying(
                    baseline.baseline, source: baseline.source, root: location.root, currentDirectory: currentDirectory, scope: scope,
                    configuration: report.ruleScopes.configuration(for: location.path))
            }
            return CheckSession(report: report, active: active, baseline: location)
        } catch let error as WorkspaceError {
            throw Terminal.fail(error.description)
        }
    }

    /// The report cut down to one file's findings (`--stdin-filename`), counted as one file.
    private static func onlyFile(_ file: String, of report: CheckReport) -> CheckReport {
        var cut = report.replacingDiagnostics(report.diagnostics.filter { $0.file == file })
        cut.summary.files = report.workspace.sources.contains { $0.path == file } ? 1 : 0
        return cut
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
        let limits = EffectiveLimits(configs: active?.layers ?? [], flags: flags.given)
        var options = limits.applied(to: base)
        // Every command that walks the folders passes over what the config excludes.
        options.excludes = active?.excludes(currentDirectory: currentDirectory) ?? []
        return Setup(active: active, limits: limits, options: options)
    }

    /// The configuration `--config` names, else the nearest `.procdef.yaml` from the current directory up, read and
    /// decoded with the files its `extends` names; nil when there is none. Throws `ExitCode` (after printing why)
    /// when it cannot be read.
    static func activeConfig(explicit: String?, options: CheckOptions) throws -> ActiveConfig? {
        let configPath: String?
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw Terminal.fail("no such configuration file: \(explicit)")
            }
            configPath = explicit
        } else {
            configPath = ConfigResolver.locate(from: currentDirectory)
        }
        guard let configPath else { return nil }
        do {
            return try ConfigResolver.loadChain(displayPath(configPath), options: options)
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

    /// The config's `paths`, each taken relative to the config file that names them; nil when there is no config or
    /// it names none.
    static func configuredPaths(_ active: ActiveConfig?) -> [String]? {
        active?.configuredPaths(currentDirectory: currentDirectory)
    }

    // MARK: The baseline

    typealias BaselineLocation = ProcDef.BaselineLocation

    /// `--baseline`, else the config's `baseline` (relative to the file that wrote it), else `.procdef-baseline.json`
    /// beside the active config, else in the current directory.
    static func baselineLocation(flag: String?, active: ActiveConfig?) throws -> BaselineLocation {
        BaselineLocation.locate(flag: flag, active: active, currentDirectory: currentDirectory)
    }

    /// The baseline at `location`, and its text for snippets; nil when the default file does not exist. A named
    /// file that does not exist, or a file that is not a baseline, stops the command (exit code 2).
    static func readBaseline(_ location: BaselineLocation, limit: Int) throws -> (baseline: Baseline, source: SourceFile)? {
        do {
            return try location.load(limit: limit)
        } catch {
            throw Terminal.fail(error.message, help: error.help)
        }
    }

    /// `readBaseline` without printing: the caller says what a problem means.
    static func loadBaseline(_ location: BaselineLocation, limit: Int) throws(BaselineProblem) -> (baseline: Baseline, source: SourceFile)?
    {
        try location.load(limit: limit)
    }

    // MARK: Paths

    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// A path as typed, made absolute.
    static func absolute(_ path: String) -> String {
        DisplayPath.absolute(path, currentDirectory: currentDirectory)
    }

    /// A path written in the config file `configFile`, taken relative to the folder holding it.
    static func resolve(_ path: String, relativeTo configFile: String) -> String {
        DisplayPath.resolve(path, relativeTo: configFile, currentDirectory: currentDirectory)
    }

    /// Relative to the current directory when below it, so findings show short paths.
    static func displayPath(_ path: String) -> String {
        DisplayPath.make(path, currentDirectory: currentDirectory)
    }
}
