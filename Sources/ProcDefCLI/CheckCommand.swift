import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `procdef check`: reads the definitions, runs every rule, prints the findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check process definitions and policies against the rules.",
        discussion: """
            `procdef check -` checks the text on standard input: alone, or with --stdin-filename PATH in place of \
            the file at PATH in the workspace read as usual (only that file's findings are reported).

            Findings the baseline (.procdef-baseline.json) lists are neither reported nor fail the run; \
            --write-baseline [FILE] writes every current finding to it (FILE when it ends in .json; else write \
            --write-baseline=FILE).

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

    @Option(
        help: ArgumentHelp(
            "Check only these rules: ids or families (handoff/gap,raci/*), comma-separated or repeated; over the config.",
            valueName: "rules"))
    var select: [String] = []

    @Option(
        help: ArgumentHelp("Leave out these rules: ids or families, comma-separated or repeated; over the config.", valueName: "rules"))
    var ignore: [String] = []

    @Option(
        help: ArgumentHelp(
            "With `-`: check the text on standard input as the file at this path, in the workspace read as usual.", valueName: "path"))
    var stdinFilename: String?

    @Flag(help: "Print only the findings that fail the run, and no summary line.")
    var quiet = false

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write the report to this file (replaced whole, or left as it was); a summary still goes to the terminal.", valueName: "file"))
    var output: String?

    @Flag(help: "Print one line per rule with its count of findings, most first, instead of the findings.")
    var statistics = false

    @Flag(help: "JSON and SARIF: list the findings the baseline hides too, marked as baselined.")
    var showBaselined = false

    @Flag(
        help: ArgumentHelp(
            "Write every current finding to the baseline, pruning the fixed ones, and exit 0. `--write-baseline FILE.json` names the file (default: where check reads it)."
        ))
    var writeBaseline = false

    @Flag(help: "Apply the safe fixes of the findings, then check again and report what is left.")
    var fix = false

    @Flag(help: "With --fix: apply the unsafe fixes too (guesses, placeholders to fill in); review the result.")
    var unsafeFixes = false

    @Flag(
        help:
            "With --fix: print the changes as a unified diff and write nothing (exit 1 when there are any). It shows the first round: fixes that overlap it, or that it makes possible, come after."
    )
    var diff = false

    /// The file of `--write-baseline FILE`, passed on by `ProcdefCommand.optionalValues`.
    @Option(help: .hidden)
    var writeBaselineFile: String?

    func validate() throws {
        if let maxWarnings, maxWarnings < 0 {
            throw ValidationError("--max-warnings takes a count of 0 or more")
        }
        if inputs.paths.contains("-") && inputs.paths.count > 1 {
            throw ValidationError("`-` (standard input) cannot be combined with other paths")
        }
        if stdinFilename != nil && inputs.paths != ["-"] {
            throw ValidationError("--stdin-filename names the file that standard input stands for: give `-` as the path")
        }
        if statistics && format != .text {
            throw ValidationError("--statistics prints text; leave out --format \(format.rawValue)")
        }
        if quiet && ![.text, .github].contains(format) {
            throw ValidationError(
                "--quiet is for text and github output; a \(format.rawValue) report keeps every finding and its summary (filter it with --select or --ignore)"
            )
        }
        if showBaselined && ![.json, .sarif].contains(format) {
            throw ValidationError("--show-baselined lists known findings in json and sarif reports; add --format json or --format sarif")
        }
        if showBaselined && inputs.noBaseline {
            throw ValidationError("--show-baselined and --no-baseline cannot be used together")
        }
        if (unsafeFixes || diff) && !fix {
            throw ValidationError("\(unsafeFixes ? "--unsafe-fixes" : "--diff") goes with --fix")
        }
        if fix && (writeBaseline || inputs.paths == ["-"]) {
            throw ValidationError(
                writeBaseline
                    ? "--fix and --write-baseline cannot be used together: fix first, then write the baseline"
                    : "--fix changes files; standard input has none")
        }
        if writeBaselineFile != nil && !writeBaseline {
            throw ValidationError("give the baseline's file as --write-baseline FILE.json")
        }
        if writeBaseline {
            if inputs.noBaseline { throw ValidationError("--write-baseline and --no-baseline cannot be used together") }
            if statistics || quiet || output != nil || showBaselined || format != .text || strict || maxWarnings != nil {
                throw ValidationError(
                    "--write-baseline writes the baseline and exits 0; leave out --format, --strict, --max-warnings, --statistics, --quiet, --output and --show-baselined"
                )
            }
        }
    }

    func run() throws {
        let selection = try ruleSelection()
        if writeBaseline {
            try writeBaselineFile(writeBaselineFile, selection: selection)
            return
        }
        var request = CheckSession.Request(selection: selection)
        if fix {
            try applyFixes(request)
            return
        }
        if inputs.paths == ["-"] {
            request.standardInput = (try Self.readStandardInput(limit: try inputs.setUp().options.limits.maxFileSize), stdinFilename)
        }
        let session = try CheckSession.run(inputs, request)
        ExitRetention.keep(session)
        try checkSelection(selection, against: session.report)
        var report = session.report
        let fails = Self.fails(report.summary, strict: strict, maxWarnings: maxWarnings)
        if quiet {
            let warningsFail = strict || maxWarnings.map { report.summary.warnings > $0 } == true
            report.diagnostics = report.diagnostics.filter { $0.severity == .error || ($0.severity == .warning && warningsFail) }
        }
        let references = session.references(showBaselined: showBaselined)
        if let output {
            let text = render(report, colors: false, references: references)
            do {
                try AtomicFile.store(text, at: output)
            } catch {
                throw Terminal.fail(error.description)
            }
            if !quiet {
                let colors = inputs.color.enabled(for: STDOUT_FILENO)
                let line = TextDiagnosticRenderer.summaryLine(for: report.summary)
                Terminal.write((colors ? "\u{1B}[1m\(line)\u{1B}[0m" : line) + " (report written to \(output))\n")
            }
        } else {
            Terminal.write(render(report, colors: inputs.color.enabled(for: STDOUT_FILENO), references: references))
        }
        if fails { throw ExitCode(ExitStatus.findings) }
    }

    private func render(_ report: CheckReport, colors: Bool, references: FindingReferences) -> String {
        if statistics { return TextDiagnosticRenderer(colors: colors).renderStatistics(report, summary: !quiet) }
        return format.render(report, colors: colors, references: references, summary: !quiet)
    }

    /// Errors always fail the run; warnings under `--strict`, or past `--max-warnings`.
    static func fails(_ summary: CheckSummary, strict: Bool, maxWarnings: Int?) -> Bool {
        if summary.errors > 0 { return true }
        if strict && summary.warnings > 0 { return true }
        if let maxWarnings, summary.warnings > maxWarnings { return true }
        return false
    }

    // MARK: --fix

    /// Most rounds of fixes `--fix` applies: each round's fixes can make room for fixes that overlapped them.
    static let fixRounds = 10

    /// Applies the fixes, or prints them as a diff, then checks again and reports as `check` does.
    private func applyFixes(_ request: CheckSession.Request) throws {
        let session = try CheckSession.run(inputs, request)
        ExitRetention.keep(session)
        let plan = FixPlan(report: session.report, unsafe: unsafeFixes)
        for (file, reason) in plan.untouched {
            Terminal.writeError("warning: \(file) is left as it is: \(reason)")
        }
        let count = plan.changes.reduce(0) { $0 + $1.applied.count }
        let files = plan.changes.count
        let summary = "\(count) fix\(count == 1 ? "" : "es") in \(files) file\(files == 1 ? "" : "s")"
        if diff {
            for change in plan.changes {
                Terminal.write(UnifiedDiff.render(path: change.file, old: change.original, new: change.fixed))
            }
            Terminal.writeError(count == 0 ? "nothing to fix" : "\(summary) to apply (--diff: nothing written)")
            if count > 0 { throw ExitCode(ExitStatus.findings) }
            return
        }
        var round = plan
        var applied = 0
        var changedFiles: Set<String> = []
        // A fix that overlaps one applied before it is applied in the next round, on the fixed text, so that a
        // second `--fix` has nothing left to do; the rounds stop when nothing changes (or after ten).
        for _ in 0..<Self.fixRounds {
            guard !round.changes.isEmpty else { break }
            for change in round.changes {
                do {
                    try AtomicFile.store(change.fixed, at: change.diskPath)
                } catch {
                    throw Terminal.fail(error.description)
                }
                for (finding, fix) in change.applied {
                    Terminal.writeError(
                        "fixed \(finding.file):\(finding.range.start.line):\(finding.range.start.column): \(fix.description) [\(finding.rule)]"
                    )
                }
                applied += change.applied.count
                changedFiles.insert(change.file)
            }
            round = FixPlan(report: try CheckSession.run(inputs, request).report, unsafe: unsafeFixes)
        }
        if applied > 0 {
            let files = changedFiles.count
            Terminal.writeError(
                "applied \(applied) fix\(applied == 1 ? "" : "es") in \(files) file\(files == 1 ? "" : "s"); checking again")
        }
        let after = try CheckSession.run(inputs, request)
        ExitRetention.keep(after)
        Terminal.write(render(after.report, colors: inputs.color.enabled(for: STDOUT_FILENO), references: after.references()))
        if Self.fails(after.report.summary, strict: strict, maxWarnings: maxWarnings) { throw ExitCode(ExitStatus.findings) }
    }

    // MARK: --select and --ignore

    /// The rules `--select` and `--ignore` name, split at commas; nil when neither is given.
    private func ruleSelection() throws -> RuleSelection? {
        func split(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let selected = split(select)
        let ignored = split(ignore)
        if select.isEmpty && ignore.isEmpty { return nil }
        if !select.isEmpty && selected.isEmpty { throw Terminal.fail("--select names no rule") }
        return RuleSelection(selected: select.isEmpty ? nil : selected, ignored: ignored)
    }

    /// Every id `--select` and `--ignore` name must be a rule, a family or a policy of the workspace.
    private func checkSelection(_ selection: RuleSelection?, against report: CheckReport) throws {
        guard let selection else { return }
        let policies = report.workspace.policies.map { "policy/\($0.id.value)" }
        let ids = RuleRegistry.all.map(\.id) + policies
        let families = Set(RuleRegistry.all.map(\.family) + ["policy"])
        for (flag, names) in [("--select", selection.selected ?? []), ("--ignore", selection.ignored)] {
            for name in names {
                let family = name.hasSuffix("/*") ? String(name.dropLast(2)) : name
                if ids.contains(name) || (!family.contains("/") && families.contains(family)) { continue }
                let help =
                    RuleSuggestion.closest(to: name, among: ids + families.sorted()).map { "did you mean '\($0)'?" }
                    ?? "`procdef rules` lists every rule"
                throw Terminal.fail("\(flag) names '\(name)', which is no rule or family", help: help)
            }
        }
    }

    // MARK: Standard input

    /// At most `limit` bytes of standard input; more is a usage problem, as a file over the limit is a finding.
    private static func readStandardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Terminal.fail("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > limit {
                throw Terminal.fail(
                    "standard input is over the \(limit)-byte limit (max-file-size)", help: "split the file, or raise --max-file-size")
            }
        }
        return bytes
    }

    // MARK: --write-baseline

    /// Checks the whole workspace and writes every finding to the baseline, pruning what was fixed.
    private func writeBaselineFile(_ written: String?, selection: RuleSelection?) throws {
        if selection != nil {
            throw Terminal.fail(
                "--write-baseline cannot be used with --select or --ignore: it would prune the findings of the rules it did not run",
                help: "write the baseline with every rule, then check with --select")
        }
        if inputs.paths == ["-"] {
            throw Terminal.fail("--write-baseline checks the whole workspace, not standard input")
        }
        if !inputs.paths.isEmpty {
            let setup = try inputs.setUp()
            let whole = try CheckSession.inputPaths([], active: setup.active).map(CheckSession.absolute)
            if Set(inputs.paths.map(CheckSession.absolute)) != Set(whole) {
                throw Terminal.fail(
                    "--write-baseline checks the whole workspace, and these paths are only part of it: it would prune the findings of the files it did not read",
                    help:
                        "run it without paths (the config's `paths`, else Processes and Policies: \(whole.map(CheckSession.displayPath).joined(separator: ", ")))"
                )
            }
        }
        let session = try CheckSession.run(inputs, CheckSession.Request(ignoringBaseline: true))
        ExitRetention.keep(session)
        var location = session.baseline
        if let written {
            location = CheckSession.BaselineLocation(
                path: CheckSession.displayPath(written), namedBy: "--write-baseline",
                root: ActiveConfig.folder(of: written, currentDirectory: CheckSession.currentDirectory))
        }
        // The baseline being replaced, to say what changed; one that cannot be read is replaced all the same.
        var previous: Baseline?
        do {
            let old = CheckSession.BaselineLocation(path: location.path, namedBy: nil, root: location.root)
            previous = try CheckSession.loadBaseline(old, limit: Int(Int32.max))?.baseline
        } catch {
            Terminal.writeError("warning: replacing \(location.path), which is not a baseline: \(error.message)")
        }
        let baseline = Baseline(
            findings: session.report.diagnostics, root: location.root, currentDirectory: CheckSession.currentDirectory)
        do {
            try AtomicFile.store(BaselineFileRenderer.render(baseline), at: location.path)
        } catch {
            throw Terminal.fail(error.description)
        }
        var message = "wrote \(Self.counted(baseline.findingCount, "known finding")) to \(location.path)"
        if let previous {
            let change = BaselineChange(from: previous, to: baseline)
            message += " (\(change.pruned) fixed and pruned, \(change.added) added)"
        }
        if location.path != session.baseline.path {
            message += "; check reads it with --baseline \(location.path)"
            // The config's `baseline` is relative to the config's own folder.
            if let config = session.active?.config?.file {
                let absolute = CheckSession.absolute(location.path)
                let folder = ActiveConfig.folder(of: config, currentDirectory: CheckSession.currentDirectory)
                let written = PathGlob.relative(DisplayPath.real(DisplayPath.parent(absolute)), to: folder).map { $0 + "/" } ?? ""
                message += ", or `baseline: \(written + DisplayPath.name(absolute))` in \(config)"
            }
        }
        Terminal.write(message + "\n")
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// How many findings a new baseline drops and adds, key by key.
struct BaselineChange {
    var pruned = 0
    var added = 0

    init(from old: Baseline, to new: Baseline) {
        var counts: [FindingKey: Int] = [:]
        for entry in old.entries { counts[entry.key, default: 0] += entry.count }
        for entry in new.entries { counts[entry.key, default: 0] -= entry.count }
        for delta in counts.values {
            if delta > 0 { pruned += delta } else { added -= delta }
        }
    }
}

/// How `procdef check` prints its findings.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, gitlab

    func render(_ report: CheckReport, colors: Bool, references: FindingReferences, summary: Bool = true) -> String {
        switch self {
        case .text: TextDiagnosticRenderer(colors: colors).render(report, summary: summary)
        case .json: JSONDiagnosticRenderer(references: references).render(report)
        case .sarif: SARIFRenderer(toolVersion: ProcdefVersion.current, references: references).render(report)
        case .github: GitHubAnnotationRenderer().render(report)
        case .gitlab: GitLabCodeQualityRenderer().render(report)
        }
    }
}
