import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inputs `build`, `raci` and `graph` share with `check`: the paths to read and the date waivers are judged
/// against, and how a failing check is reported.
struct InputOptions: ParsableArguments {
    /// The folders read when no path is given, as a repository lays them out.
    static let defaultPaths = ["Processes", "Policies"]

    @Argument(help: ArgumentHelp(
        "Files or folders to read; folders are searched for *.yaml and *.yml.",
        discussion: "Default: Processes and Policies in the current directory, those that exist.",
        valueName: "path"
    ))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp("The date expired waivers are judged against (default: today, UTC).", valueName: "YYYY-MM-DD"),
        transform: { text in
            guard let date = CalendarDate(parsing: text) else {
                throw ValidationError("expected a calendar date written YYYY-MM-DD")
            }
            return date
        }
    )
    var today: CalendarDate?

    /// Reads and checks the inputs; a path that cannot be read is a usage problem (exit 2).
    func check() throws -> CheckReport {
        do {
            return try Checker.check(paths: try inputPaths(), options: CheckOptions(today: today))
        } catch let error as WorkspaceError {
            throw Terminal.fail(error.description)
        }
    }

    private func inputPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        let present = Self.defaultPaths.filter { FileManager.default.fileExists(atPath: $0) }
        guard !present.isEmpty else {
            throw Terminal.fail(
                "nothing to read: no path given, and neither 'Processes' nor 'Policies' exists in the current directory",
                help: "run procdef in the repository root, or name the files or folders to read"
            )
        }
        return present
    }
}

/// How commands that emit from the checked model report its findings.
enum FindingsReport {
    /// Whether the findings stop the command: any error (unless errors are allowed), or a warning under `--strict`.
    static func fails(_ report: CheckReport, strict: Bool = false, allowErrors: Bool = false) -> Bool {
        (report.summary.errors > 0 && !allowErrors) || (strict && report.summary.warnings > 0)
    }

    /// The diagnostics, as `procdef check` prints them, on standard error: standard output carries the command's
    /// own output (a DOT file, a table).
    static func print(_ report: CheckReport) {
        guard !report.diagnostics.isEmpty else { return }
        let colors = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty && isatty(STDERR_FILENO) != 0
        let text = TextDiagnosticRenderer(colors: colors).render(report)
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Picks the process a command is about.
enum ProcessSelection {
    /// The checked process with this id; an unknown id is a usage problem (exit 2) with a did-you-mean.
    static func find(_ id: String, in report: CheckReport) throws -> CheckedProcess {
        let processes = CheckedProcess.all(in: report)
        if let found = processes.first(where: { $0.id == id }) { return found }
        let ids = processes.map(\.id)
        var help: String
        if let close = closest(to: id, among: ids) {
            help = "did you mean '\(close)'?"
        } else if ids.isEmpty {
            help = "no process was read; name the files or folders that hold them"
        } else {
            help = "known processes: " + ids.joined(separator: ", ")
        }
        throw Terminal.fail("no process with id '\(id)'", help: help)
    }

    /// The id closest to a mistyped one, when within a third of its length in edits (at least one).
    static func closest(to typed: String, among ids: [String]) -> String? {
        let a = Array(typed.lowercased())
        guard !a.isEmpty, a.count <= 64 else { return nil }
        let allowed = max(1, a.count / 3)
        var best: (id: String, distance: Int)?
        for id in ids.sorted() {
            let b = Array(id.lowercased())
            guard abs(b.count - a.count) <= allowed else { continue }
            let distance = editDistance(a, b)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (id, distance) }
        }
        return best?.id
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
