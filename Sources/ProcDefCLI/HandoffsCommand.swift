import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef handoffs`: the organisation's handoff map, gaps first, and how many handoffs go from team to team.
struct HandoffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoffs",
        abstract: "Print every handoff between roles and teams, gaps first, and the team-by-team matrix.",
        discussion: """
            Lists every transition and trigger where responsibility passes to other roles (declared or a gap), or \
            where a handoff is declared: from process, activity, roles and teams, to activity, roles and teams, \
            artifact, expectation, committed time (`within`), agreement and escalation. Gaps and handoffs missing an artifact or an \
            expectation come first. Teams are the roles' `team`, else the role id.

            Prints even when the check finds errors, then counts them on standard error (procdef check lists them). \
            Exit codes: 0 printed, 1 printed but the definitions have errors, such as handoff gaps (unless \
            --allow-errors), 2 usage or I/O problems.
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text, markdown or csv (one row per handoff).")
    var format: HandoffsFormat = .text

    @Flag(help: "Print only the team-by-team matrix.")
    var matrix = false

    @Flag(help: "Exit 0 even when the check finds errors, handoff gaps among them (the map is printed either way).")
    var allowErrors = false

    func run() throws {
        let report = try CheckSession.run(inputs).report
        Terminal.write(format.render(HandoffMap(report: report), matrixOnly: matrix))
        // Gaps are errors too, and showing them is the point; but a file that could not be read is missing from the
        // map, so the count goes to standard error, after the map, and the exit code tells CI.
        let errors = report.summary.errors
        guard errors > 0 else { return }
        Terminal.writeError(
            "\(errors) \(errors == 1 ? "error" : "errors") in the definitions; run `procdef check` for them (the map shows the definitions as they could be read)"
        )
        if !allowErrors { throw ExitCode(ExitStatus.findings) }
    }
}

/// How `procdef handoffs` prints the map.
enum HandoffsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv

    func render(_ map: HandoffMap, matrixOnly: Bool) -> String {
        switch self {
        case .text: matrixOnly ? HandoffMapTextRenderer().renderMatrix(map.teams) : HandoffMapTextRenderer().render(map)
        case .markdown: matrixOnly ? HandoffMapMarkdownRenderer().renderMatrix(map.teams) : HandoffMapMarkdownRenderer().render(map)
        case .csv: matrixOnly ? HandoffMapCSVRenderer().renderMatrix(map.teams) : HandoffMapCSVRenderer().render(map)
        }
    }
}
