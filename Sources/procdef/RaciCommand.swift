import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef raci ID`: one process's RACI matrix, as an aligned table or as CSV.
struct RaciCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raci",
        abstract: "Print the RACI matrix of one process.",
        discussion: "Exit codes: 0 printed, 1 the check found errors, 2 usage or I/O problems (such as an unknown id)."
    )

    @Argument(help: ArgumentHelp("The process id.", valueName: "process-id"))
    var id: String

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Print RFC 4180 CSV (as in raci/<id>.csv) instead of a table.")
    var csv = false

    @Flag(help: "Print the matrix even when the check finds errors.")
    var allowErrors = false

    func run() throws {
        let report = try CheckSession.run(inputs).report
        let process = try ProcessSelection.find(id, in: report)
        if FindingsReport.fails(report, allowErrors: allowErrors) {
            FindingsReport.print(report)
            throw ExitCode(ExitStatus.findings)
        }
        Terminal.write(csv ? RACICSVRenderer().render(process) : RACITableRenderer().render(process))
    }
}
