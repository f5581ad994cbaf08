import ProcDef

/// Renders diagnostics as JSON for scripts and CI: the stable, versioned machine-readable report.
///
/// The shape, with keys always in this order:
///
/// ```
/// {
///   "version": 1,
///   "diagnostics": [
///     {
///       "file": "Processes/incident.yaml",
///       "line": 41,
///       "column": 9,
///       "endLine": 41,
///       "endColumn": 17,
///       "severity": "error",
///       "rule": "handoff/gap",
///       "message": "responsibility passes from service-desk to resolver-group with no handoff declared",
///       "help": null
///     }
///   ],
///   "summary": {
///     "files": 14,
///     "processes": 3,
///     "policies": 2,
///     "errors": 1,
///     "warnings": 0,
///     "notes": 0
///   }
/// }
/// ```
///
/// Printed with two-space indentation, one key per line, and a final newline: it reads well in
/// a log and diffs well as a golden file, and any JSON reader takes it. `help` is `null` when there is none;
/// notes are not part of version 1. Lines and columns are 1-based, columns count Unicode scalars, and the end is
/// exclusive. The output is byte-for-byte deterministic: no key order from a dictionary, no locale, no floats.
/// Written by hand rather than with `JSONEncoder`, which would neither keep key order nor be as fast.
public struct JSONDiagnosticRenderer: Sendable {
    public init() {}

    /// The whole report.
    public func render(_ report: CheckReport) -> String {
        render(report.diagnostics, summary: report.summary)
    }

    /// `diagnostics` in the order given, and `summary`.
    public func render(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        var output = "{\n  \"version\": 1,\n  \"diagnostics\": ["
        for (index, diagnostic) in diagnostics.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += "    {\n"
            output += "      \"file\": "
            JSONEscaping.appendQuoted(diagnostic.file, to: &output)
            output += ",\n      \"line\": \(diagnostic.range.start.line)"
            output += ",\n      \"column\": \(diagnostic.range.start.column)"
            output += ",\n      \"endLine\": \(diagnostic.range.end.line)"
            output += ",\n      \"endColumn\": \(diagnostic.range.end.column)"
            output += ",\n      \"severity\": "
            JSONEscaping.appendQuoted(diagnostic.severity.rawValue, to: &output)
            output += ",\n      \"rule\": "
            JSONEscaping.appendQuoted(diagnostic.rule, to: &output)
            output += ",\n      \"message\": "
            JSONEscaping.appendQuoted(diagnostic.message, to: &output)
            output += ",\n      \"help\": "
            if let help = diagnostic.help {
                JSONEscaping.appendQuoted(help, to: &output)
            } else {
                output += "null"
            }
            output += "\n    }"
        }
        output += diagnostics.isEmpty ? "],\n" : "\n  ],\n"
        output += """
              "summary": {
                "files": \(summary.files),
                "processes": \(summary.processes),
                "policies": \(summary.policies),
                "errors": \(summary.errors),
                "warnings": \(summary.warnings),
                "notes": \(summary.notes)
              }
            }

            """
        return output
    }
}
