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
        if let found = CheckedProcess.named(id, in: report) { return found }
        let ids = Set(report.workspace.processes.map(\.id.value)).sorted()
        let help: String
        if let suggestion = Suggestion.didYouMean(id, among: ids) {
            help = suggestion
        } else if ids.isEmpty {
            help = "no process was read; name the files or folders that hold them"
        } else {
            let shown = ids.prefix(10).joined(separator: ", ")
            help = "known processes: " + shown + (ids.count > 10 ? ", and \(ids.count - 10) more" : "")
        }
        throw Terminal.fail("no process with id '\(id)'", help: help)
    }
}
