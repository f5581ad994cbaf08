import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef graph ID`: one process's swimlane diagram (or its service blueprint) as DOT on standard output
/// (`| dot -Tsvg > flow.svg`), or its flow as a Mermaid flowchart.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the diagram of one process: Graphviz DOT, or a Mermaid flowchart.",
        discussion: """
            Prints even when the check finds errors, then counts them on standard error (procdef check lists them). \
            Exit codes: 0 printed, 1 printed but the process has errors (unless --allow-errors), 2 usage or I/O \
            problems (such as an unknown id).
            """
    )

    @Argument(help: ArgumentHelp("The process id.", valueName: "process-id"))
    var id: String

    @OptionGroup var inputs: InputOptions

    @Option(
        help: ArgumentHelp(
            "swimlane: who does what, in order; blueprint: the same lanes in a service blueprint's rows (customer, front stage, back stage, support).",
            valueName: "swimlane|blueprint"))
    var view: DiagramView = .swimlane

    @Option(
        help: ArgumentHelp(
            "dot: Graphviz DOT (pipe to dot -Tsvg); mermaid: the flowchart each runbook carries, for GitHub and GitLab.",
            valueName: "dot|mermaid"))
    var format: DiagramTextFormat = .dot

    @Flag(help: "Exit 0 even when the process has errors (the diagram is printed either way, handoff gaps in red).")
    var allowErrors = false

    func validate() throws {
        if format == .mermaid, view == .blueprint {
            throw ValidationError("--view blueprint is drawn with Graphviz only; use --format dot, or the swimlane view for Mermaid")
        }
    }

    func run() throws {
        let report = try CheckSession.run(inputs).report
        let process = try ProcessSelection.find(id, in: report)
        switch (format, view) {
        case (.dot, .swimlane): Terminal.write(DiagramRenderer().render(process))
        case (.dot, .blueprint): Terminal.write(DiagramRenderer(view: .blueprint).render(process))
        case (.mermaid, .swimlane): Terminal.write(MermaidRenderer().render(process))
        case (.mermaid, .blueprint): break  // refused by validate()
        }
        try FindingsReport.finish(printing: process.process, from: report, allowErrors: allowErrors)
    }
}

enum DiagramView: String, ExpressibleByArgument, CaseIterable {
    case swimlane, blueprint
}

enum DiagramTextFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid
}
