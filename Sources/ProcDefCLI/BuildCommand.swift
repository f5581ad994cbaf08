import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef build`: checks the definitions, then writes runbooks, diagrams, RACI CSVs and an index into `--out`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write Markdown runbooks, Graphviz diagrams, RACI CSVs and an index.",
        discussion: """
            Runs the full check first. Any error (or warning, with --strict) prints the findings, writes nothing, \
            leaves the previous output as it was, and exits with 1. Otherwise the whole tree is written beside \
            --out and swapped in at once:

              index.md                every process, with links, and the team-by-team handoff matrix
              handoffs.md             every handoff between roles and teams, gaps first
              runbooks/<id>.md        the runbook of each process
              diagrams/<id>.dot       its swimlane flowchart (.svg, .png: --render)
              diagrams/<id>.blueprint.dot  its service blueprint
              diagrams/landscape.dot  the processes and their triggers
              raci/<id>.csv           its RACI matrix
              raci/roles.csv          every role: id, name, kind, team

            An existing --out is replaced only if it is empty or holds the .procdef-build file of an earlier build.
            Exit codes: 0 written, 1 findings, 2 usage or I/O problems.
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("The folder to write; replaced as a whole (default: the config's `out`, else out).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Also render each diagram with Graphviz (dot on PATH) and embed it in the runbook.", valueName: "svg|png"))
    var render: DiagramImageFormat?

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Build even when the check finds errors (handoff gaps are drawn in red); the findings are still printed.")
    var allowErrors = false

    @Flag(help: "Add each runbook's change history: the last commits that touched its definition (git log, run once).")
    var history = false

    func validate() throws {
        if strict && allowErrors {
            throw ValidationError("--strict and --allow-errors cannot be used together")
        }
    }

    func run() throws {
        // Find Graphviz before anything else, so a missing tool costs no check and writes nothing.
        var graphviz: Graphviz?
        if let render {
            guard let found = Graphviz.find() else {
                throw Terminal.fail(
                    "--render \(render.rawValue) needs Graphviz, and no 'dot' was found on PATH",
                    help: "install Graphviz (Debian/Ubuntu: apt-get install graphviz), or build without --render"
                )
            }
            graphviz = found
        }

        let session = try CheckSession.run(inputs, CheckSession.Request(keepingProcessContexts: true))
        ExitRetention.keep(session)
        let report = session.report
        let out = self.out ?? session.configuredOut ?? "out"
        FindingsReport.print(report, color: inputs.color)
        if FindingsReport.fails(report, strict: strict, allowErrors: allowErrors) {
            // Name the way out that exists: --allow-errors builds past errors, never past warnings under --strict.
            let way = report.summary.errors > 0 ? " (--allow-errors builds anyway, with the errors marked in the output)" : ""
            Terminal.writeError("error: build stopped by the findings above; nothing was written to '\(out)'\(way)")
            throw ExitCode(ExitStatus.findings)
        }

        do {
            let changes = history ? try ChangeHistoryReader.read(files: Set(report.workspace.processes.map(\.file))) : nil
            var plan = try BuildPlan(report: report, diagramImage: render, history: changes)
            for id in plan.skipped {
                Terminal.writeError("warning: process '\(id)' is left out: its id cannot be a file name")
            }
            if let graphviz { try plan.renderImages(with: graphviz) }
            try plan.tree.install(at: out, crashAfterFiles: Self.crashAfterFiles)
            ExitRetention.keep(plan)
            let processes = report.workspace.processes.count - plan.skipped.count
            var line = "built \(processes) \(processes == 1 ? "process" : "processes") into \(out) (\(plan.tree.files.count) files)"
            if let baseline = report.baseline, baseline.hidden > 0 {
                line +=
                    "; \(baseline.hidden) known finding\(baseline.hidden == 1 ? "" : "s") hidden by \(baseline.file), listed in the runbooks"
            }
            Terminal.write(line + "\n")
        } catch let error as BuildError {
            throw Terminal.fail(error.description)
        } catch let error as OutputTreeError {
            throw Terminal.fail(error.description)
        }
    }

    /// Test hook, not an option: with `PROCDEF_TEST_CRASH_AFTER_FILES=N` set, the build exits abruptly (status 70)
    /// after writing N files of the new tree, as a build killed mid-write would. Tests use it to show that the
    /// previous output survives; see docs/security.md.
    static var crashAfterFiles: Int? {
        ProcessInfo.processInfo.environment["PROCDEF_TEST_CRASH_AFTER_FILES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}

extension DiagramImageFormat: ExpressibleByArgument {}
