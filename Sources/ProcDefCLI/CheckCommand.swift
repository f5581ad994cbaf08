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
            Exit codes: 0 no errors (warnings allowed unless --strict or --max-warnings), 1 findings that fail \
            the run, 2 usage or I/O problems.
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(
        help:
            "Output format: text (for people), json (for scripts), sarif (code scanning), github (workflow annotations) or gitlab (Code Quality report)."
    )
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail the run on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Fail the run when there are more than this many warnings.", valueName: "count"))
    var maxWarnings: Int?

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 {
            throw ValidationError("--max-warnings takes a count of 0 or more")
        }
    }

    func run() throws {
        let session = try CheckSession.run(inputs)
        ExitRetention.keep(session)
        let report = session.report
        Terminal.write(format.render(report))
        if Self.fails(report.summary, strict: strict, maxWarnings: maxWarnings) {
            throw ExitCode(ExitStatus.findings)
        }
    }

    /// Errors always fail the run; warnings under `--strict`, or past `--max-warnings`.
    static func fails(_ summary: CheckSummary, strict: Bool, maxWarnings: Int?) -> Bool {
        if summary.errors > 0 { return true }
        if strict && summary.warnings > 0 { return true }
        if let maxWarnings, summary.warnings > maxWarnings { return true }
        return false
    }
}

/// How `procdef check` prints its findings.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, gitlab

    func render(_ report: CheckReport) -> String {
        switch self {
        case .text: TextDiagnosticRenderer(colors: Terminal.wantsColor).render(report)
        case .json: JSONDiagnosticRenderer().render(report)
        case .sarif: SARIFRenderer(toolVersion: ProcdefVersion.current).render(report)
        case .github: GitHubAnnotationRenderer().render(report)
        case .gitlab: GitLabCodeQualityRenderer().render(report)
        }
    }
}
