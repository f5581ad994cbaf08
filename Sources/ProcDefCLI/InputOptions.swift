import ArgumentParser
import Foundation
import ProcDef

/// The options every command that reads definitions shares: paths, the configuration file and the check date.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Files or folders to read; folders are searched for *.yaml and *.yml.",
            discussion: "Default: the config's `paths`, else Processes and Policies in the current directory (those that exist).",
            valueName: "path"
        ))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp("The configuration file (default: the nearest .procdef.yaml from the current directory up).", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The date expired waivers and overdue reviews are judged against (default: today, UTC).", valueName: "YYYY-MM-DD"),
        transform: { text in
            guard let date = CalendarDate(parsing: text) else {
                throw ValidationError("expected a calendar date written YYYY-MM-DD")
            }
            return date
        }
    )
    var today: CalendarDate?

    @Option(
        help: ArgumentHelp(
            "Threads to read, check and write with (default: one per core).",
            discussion: "--jobs 1 does all the work on one thread; the output is the same for every value.",
            valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "The baseline of known findings (default: the config's `baseline`, else .procdef-baseline.json beside the config).",
            valueName: "file"))
    var baseline: String?

    @Flag(help: "Report every finding, whatever the baseline lists.")
    var noBaseline = false

    @Option(help: ArgumentHelp("Colour the findings: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never."))
    var color: ColorChoice = .auto

    @OptionGroup(title: "Safety limits") var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, found \(jobs)") }
        if baseline != nil && noBaseline { throw ValidationError("--baseline and --no-baseline cannot be used together") }
    }

    /// The configuration located and read, and the options the definitions are then read with.
    func setUp() throws -> CheckSession.Setup {
        if let jobs { Parallelism.limit(to: jobs) }
        return try CheckSession.setUp(config: config, limits: limits, base: CheckOptions(today: today))
    }
}
