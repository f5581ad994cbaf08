import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef check`: reads the definitions, runs every rule, prints the findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check process definitions and policies against the rules.",
        discussion: """
            Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings that fail the run, \
            2 usage or I/O problems.
            """
    )

    /// The folders read when no path is given, as a repository lays them out.
    static let defaultPaths = ["Processes", "Policies"]

    @Argument(help: ArgumentHelp(
        "Files or folders to check; folders are searched for *.yaml and *.yml.",
        discussion: "Default: Processes and Policies in the current directory, those that exist.",
        valueName: "path"
    ))
    var paths: [String] = []

    @Option(help: "Output format: text (for people) or json (for scripts).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail the run on warnings too.")
    var strict = false

    @Option(
        help: ArgumentHelp("The date expired waivers are judged against (default: today, UTC).", valueName: "YYYY-MM-DD"),
        transform: { text in
            guard let date = CalendarDate(parsing: text) else {
                throw ValidationError("expected a calendar date written YYYY-MM-DD")
            }
            return date
        }
    )
    var today: CalendarDate?

    func run() throws {
        let report: CheckReport
        do {
            report = try Checker.check(paths: try inputPaths(), options: CheckOptions(today: today))
        } catch let error as WorkspaceError {
            throw Terminal.fail(error.description)
        }

        switch format {
        case .text: Terminal.write(TextDiagnosticRenderer(colors: Terminal.wantsColor).render(report))
        case .json: Terminal.write(JSONDiagnosticRenderer().render(report))
        }

        let fails = report.summary.errors > 0 || (strict && report.summary.warnings > 0)
        if fails { throw ExitCode(ExitStatus.findings) }
    }

    /// The paths given, or the default folders that exist here.
    private func inputPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        let present = Self.defaultPaths.filter { FileManager.default.fileExists(atPath: $0) }
        guard !present.isEmpty else {
            throw Terminal.fail(
                "nothing to check: no path given, and neither 'Processes' nor 'Policies' exists in the current directory",
                help: "run procdef check in the repository root, or name the files or folders to check"
            )
        }
        return present
    }
}

/// How `procdef check` prints its findings.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
