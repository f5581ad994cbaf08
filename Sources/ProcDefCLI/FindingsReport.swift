import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How commands that emit from the checked model report its findings.
enum FindingsReport {
    /// Whether the findings stop the command: any error (unless errors are allowed), or a warning under `--strict`.
    static func fails(_ report: CheckReport, strict: Bool = false, allowErrors: Bool = false) -> Bool {
        (report.summary.errors > 0 && !allowErrors) || (strict && report.summary.warnings > 0)
    }

    /// After a command printed one process (a matrix, a diagram) on standard output: one line on standard error
    /// that counts the errors it did not print, and exit code 1 when the process itself has errors, unless
    /// `allowErrors`. The output stays clean for a pipe; the exit code still tells CI.
    static func finish(printing process: ProcessDefinition, from report: CheckReport, allowErrors: Bool) throws {
        let count = ProcessErrorCount(process, in: report)
        guard let summary = count.summary else { return }
        Terminal.writeError(summary)
        if count.inProcess > 0 && !allowErrors { throw ExitCode(ExitStatus.findings) }
    }

    /// The diagnostics, as `procdef check` prints them, on standard error: standard output carries the command's
    /// own output (a DOT file, a table).
    static func print(_ report: CheckReport, color: ColorChoice = .auto) {
        guard !report.diagnostics.isEmpty else { return }
        let colors = color.enabled(for: STDERR_FILENO)
        let text = TextDiagnosticRenderer(colors: colors).render(report)
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Picks the process a command is about.
enum ProcessSelection {
    /// The checked process with this id; an unknown id is a usage problem (exit 2) with a did-you-mean.
    static func find(_ id: String, in report: CheckReport) throws -> CheckedProcess {
        if let found = CheckedProcess.named(id, in: report) { return found }
        let ids = Set(report.workspace.processes.map(\.id.value)).sorted()
        var help: String
        if let suggestion = Suggestion.didYouMean(id, among: ids) {
            help = suggestion
        } else if ids.isEmpty {
            help = "no process was read; name the files or folders that hold them"
        } else {
            let shown = ids.prefix(10).joined(separator: ", ")
            help = "known processes: " + shown + (ids.count > 10 ? ", and \(ids.count - 10) more" : "")
        }
        let unread = unreadFiles(in: report)
        if !unread.isEmpty {
            // A process whose file has a YAML error, or whose document has no id, was never read: say so, since no
            // flag can draw it.
            let files = unread.prefix(3).joined(separator: ", ") + (unread.count > 3 ? ", and \(unread.count - 3) more" : "")
            help += "\nhelp: errors keep \(files) from being read, even with --allow-errors; run `procdef check` for them"
        }
        throw Terminal.fail("no process with id '\(id)'", help: help)
    }

    /// Files with errors that define no process: where a process that could not be read would be.
    private static func unreadFiles(in report: CheckReport) -> [String] {
        let withProcesses = Set(report.workspace.processes.map(\.file))
        let withErrors = Set(report.diagnostics.lazy.filter { $0.severity == .error }.map(\.file))
        return withErrors.subtracting(withProcesses).sorted()
    }
}
