import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef graph ID`: one process's swimlane diagram as DOT on standard output (`| dot -Tsvg > flow.svg`).
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the Graphviz DOT diagram of one process.",
        discussion: """
            Prints even when the check finds errors, then counts them on standard error (procdef check lists them). \
            Exit codes: 0 printed, 1 printed but the process has errors (unless --allow-errors), 2 usage or I/O \
            problems (such as an unknown id).
            """
    )

    @Argument(help: ArgumentHelp("The process id.", valueName: "process-id"))
    var id: String

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Exit 0 even when the process has errors (the diagram is printed either way, handoff gaps in red).")
    var allowErrors = false

    func run() throws {
        let report = try CheckSession.run(inputs).report
        let process = try ProcessSelection.find(id, in: report)
        Terminal.write(DiagramRenderer().render(process))
        try FindingsReport.finish(printing: process.process, from: report, allowErrors: allowErrors)
    }
}
