import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef raci ID`: one process's RACI matrix, as an aligned table or as CSV.
struct RaciCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raci",
        abstract: "Print the RACI matrix of one process.",
        discussion: """
            Prints even when the check finds errors, then counts them on standard error (procdef check lists them). \
            Exit codes: 0 printed, 1 printed but the process has errors (unless --allow-errors), 2 usage or I/O \
            problems (such as an unknown id).
            """
    )

    @Argument(help: ArgumentHelp("The process id.", valueName: "process-id"))
    var id: String

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Print RFC 4180 CSV (as in raci/<id>.csv) instead of a table.")
    var csv = false

    @Flag(help: "Exit 0 even when the process has errors (the matrix is printed either way).")
    var allowErrors = false

    func run() throws {
        let report = try CheckSession.run(inputs).report
        let process = try ProcessSelection.find(id, in: report)
        Terminal.write(csv ? RACICSVRenderer().render(process) : RACITableRenderer().render(process))
        try FindingsReport.finish(printing: process.process, from: report, allowErrors: allowErrors)
    }
}
