import ProcDef
import YAMLTree

/// Renders diagnostics for people, in the style of a compiler.
///
/// ```
/// Processes/incident-management.yaml:41:9: error: responsibility passes from service-desk to resolver-group with no handoff declared [handoff/gap]
///    41 |       - to: diagnose
///       |         ^
/// help: add a `handoff:` with the artifact handed over and the receiver's expectation
/// note: ...
///
/// 1 error in 14 files
/// ```
///
/// - The first line is `file:line:column: severity: message [rule]`, which editors and CI log viewers link to the
///   place. A finding about a whole file (line 0) shows `file: severity: ...`; one without a file omits the place.
/// - The source line follows with a caret under the column (`^~~~` under a range on that line), unless the line
///   cannot be shown: no source, line 0, past the end, a binary file, or a file that changed on disk since it was
///   checked (its content is read again for the snippets, once per report: see `SnippetSources`).
/// - Then `help:` (a help of several lines continues indented under its first line) and each note, a note with a
///   place as `file:line:column: note: message`.
/// - A blank line separates diagnostics; the summary line (`summaryLine(for:)`) ends the output.
///
/// Everything that came from input (messages name keys and values from the file) is passed through
/// `TerminalEscaping`, so a hostile file cannot send escape sequences to the reader's terminal.
package struct TextDiagnosticRenderer: Sendable {
    /// Bold headers, red errors, yellow warnings, cyan notes. The command line turns it on only when standard
    /// output is a terminal and `NO_COLOR` is unset or empty (https://no-color.org).
    package var colors: Bool
    /// How a checked file is read again for its snippets.
    let readSource: SourceReader

    package init(colors: Bool = false) {
        self.init(colors: colors, readSource: { $0.currentBytes() })
    }

    /// A renderer that reads files for snippets through `readSource`: tests count the reads with it.
    init(colors: Bool, readSource: @escaping SourceReader) {
        self.colors = colors
        self.readSource = readSource
    }

    /// The whole report: every diagnostic with its source line, then the summary line (unless `summary` is false:
    /// `--quiet`).
    package func render(_ report: CheckReport, summary: Bool = true) -> String {
        render(report.diagnostics, sources: report.workspace.sources, summary: summary ? report.summary : nil)
    }

    /// Every diagnostic in the order given, each with its source line from `sources` (matched by path), then the
    /// summary line, if any.
    package func render(_ diagnostics: [Diagnostic], sources: [SourceFile], summary: CheckSummary?) -> String {
        var files = SnippetSources(sources, read: readSource)
        var output = ""
        for diagnostic in diagnostics {
            output += render(diagnostic, lines: files.file(diagnostic.file))
            output += "\n"
        }
        if let summary {
            output += style.paint(Self.summaryLine(for: summary), .bold)
            output += "\n"
        }
        return output
    }

    /// `--statistics`: one line per rule, most findings first (then by rule id), each with its count and severity,
    /// then the summary line.
    package func renderStatistics(_ report: CheckReport, summary: Bool = true) -> String {
        var counts: [String: (count: Int, severities: Set<Severity>)] = [:]
        for diagnostic in report.diagnostics {
            counts[diagnostic.rule, default: (0, [])].count += 1
            counts[diagnostic.rule, default: (0, [])].severities.insert(diagnostic.severity)
        }
        let rows = counts.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let countWidth = rows.map { String($0.value.count).count }.max() ?? 1
        let ruleWidth = rows.map(\.key.count).max() ?? 0
        var output = ""
        for (rule, entry) in rows {
            let count = String(entry.count)
            let severities = Severity.allCases.filter(entry.severities.contains).map(\.rawValue).joined(separator: ", ")
            output += String(repeating: " ", count: countWidth - count.count) + count + "  "
            output += TerminalEscaping.sanitized(rule) + String(repeating: " ", count: max(0, ruleWidth - rule.count)) + "  "
            output += style.paint(severities, entry.severities.min()?.color ?? .bold) + "\n"
        }
        if summary {
            output += style.paint(Self.summaryLine(for: report.summary), .bold)
            output += "\n"
        }
        return output
    }

    /// One diagnostic, each of its lines ending in a newline; `source` is the file it points into, if known.
    package func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        render(diagnostic, lines: source.flatMap(readSource).map(SnippetSource.init))
    }

    /// The line that ends every text report.
    ///
    /// Each severity that occurred is counted, in the order errors, warnings, notes, then the files read:
    /// `2 errors, 1 warning in 14 files`, `1 error in 5 files`, `1 error, 2 notes in 5 files`, `3 warnings in 1 file`.
    /// A count of zero is left out, as it tells the reader nothing; a run with no findings at all says
    /// `no problems in 3 files`. Each noun agrees with its number.
    ///
    /// With a baseline that hid findings, the counts are of new findings, and the line says how many the baseline
    /// hid: `3 new errors in 14 files; 214 known findings hidden by .procdef-baseline.json`.
    package static func summaryLine(for summary: CheckSummary) -> String {
        let files = counted(summary.files, "file")
        let hides = summary.baselined > 0 && summary.baselineFile != nil
        let new = hides ? "new " : ""
        let counts = [(summary.errors, "error"), (summary.warnings, "warning"), (summary.notes, "note")]
            .filter { $0.0 > 0 }
            .map { counted($0.0, new + $0.1) }
        var line = (counts.isEmpty ? "no \(new)problems" : counts.joined(separator: ", ")) + " in " + files
        if hides, let file = summary.baselineFile {
            line += "; \(counted(summary.baselined, "known finding")) hidden by \(TerminalEscaping.sanitized(file))"
        }
        return line
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private var style: TerminalStyle { TerminalStyle(enabled: colors) }

    private func render(_ diagnostic: Diagnostic, lines: SnippetSource?) -> String {
        var output = ""
        let place = Self.place(file: diagnostic.file, range: diagnostic.range)
        output += style.paint(place, .bold)
        output += style.paint("\(diagnostic.severity.rawValue):", diagnostic.severity.color)
        output += style.paint(" " + TerminalEscaping.sanitized(diagnostic.message), .bold)
        output += " [\(TerminalEscaping.sanitized(diagnostic.rule))]\n"

        if let snippet = snippet(for: diagnostic, in: lines) {
            for line in snippet.lines(style: style, severity: diagnostic.severity) {
                output += line + "\n"
            }
        }
        if let help = diagnostic.help {
            output += style.paint("help:", .bold) + " " + Self.continued(help, indent: "help: ".count) + "\n"
        }
        for note in diagnostic.notes {
            if let range = note.range {
                output += style.paint(Self.place(file: note.file ?? diagnostic.file, range: range), .bold)
            } else if let file = note.file {
                output += style.paint(Self.place(file: file, range: Self.wholeFile), .bold)
            }
            output += style.paint("note:", .cyan) + " " + TerminalEscaping.sanitized(note.message) + "\n"
        }
        return output
    }

    /// A help text of several lines (such as a YAML snippet to paste) printed as several lines, each escaped, the
    /// later ones indented under the first: indented, no line of input can pass for a `file:line:column:` finding.
    private static func continued(_ text: String, indent: Int) -> String {
        let margin = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { index, line in (index == 0 ? "" : margin) + TerminalEscaping.sanitized(String(line)) }
            .joined(separator: "\n")
    }

    private func snippet(for diagnostic: Diagnostic, in lines: SnippetSource?) -> SourceSnippet? {
        let number = diagnostic.range.start.line
        guard let lines, !lines.isBinary, let text = lines.scalars(ofLine: number) else { return nil }
        return SourceSnippet(line: text, lineNumber: number, range: diagnostic.range)
    }

    /// Line 0: the place of something about a file as a whole.
    private static let wholeFile = SourceRange(at: SourcePosition(line: 0, column: 0, offset: 0))

    /// `file:line:column: `, shortened when the line or column is unknown (0), or empty without a file.
    private static func place(file: String, range: SourceRange) -> String {
        guard !file.isEmpty else { return "" }
        var place = TerminalEscaping.sanitized(file, keepingTabs: false)
        if range.start.line >= 1 {
            place += ":\(range.start.line)"
            if range.start.column >= 1 { place += ":\(range.start.column)" }
        }
        return place + ": "
    }
}
