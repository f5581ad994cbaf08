import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef graph ID`: one process's swimlane diagram as DOT on standard output (`| dot -Tsvg > flow.svg`).
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the Graphviz DOT diagram of one process.",
        discussion: "Exit codes: 0 printed, 1 the check found errors, 2 usage or I/O problems (such as an unknown id)."
    )

    @Argument(help: ArgumentHelp("The process id.", valueName: "process-id"))
    var id: String

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Print the diagram even when the check finds errors (handoff gaps are drawn in red).")
    var allowErrors = false

    func run() throws {
        let report = try CheckSession.run(inputs).report
        let process = try ProcessSelection.find(id, in: report)
        if FindingsReport.fails(report, allowErrors: allowErrors) {
            FindingsReport.print(report)
            throw ExitCode(ExitStatus.findings)
        }
        Terminal.write(DiagramRenderer().render(process))
    }
}
