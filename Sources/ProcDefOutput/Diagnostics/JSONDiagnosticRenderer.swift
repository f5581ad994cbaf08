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
///       "help": null,
///       "subjects": {
///         "process": "incident-management",
///         "activities": ["categorize", "diagnose"],
///         "roles": ["service-desk", "resolver-group"]
///       },
///       "path": [
///         {
///           "file": "Processes/incident.yaml",
///           "line": 38,
///           "column": 11,
///           "endLine": 38,
///           "endColumn": 21,
///           "message": "'categorize' is done by 'service-desk'"
///         }
///       ],
///       "fixes": [],
///       "url": "https://github.com/procdef/procdef/blob/main/docs/rules.md#handoffgap",
///       "key": "handoff/gap|Processes/incident.yaml|process=incident-management;activities=categorize,diagnose;roles=service-desk,resolver-group",
///       "baselined": false
///     }
///   ],
///   "summary": {
///     "files": 14,
///     "processes": 3,
///     "policies": 2,
///     "errors": 1,
///     "warnings": 0,
///     "notes": 0,
///     "baselined": 0
///   }
/// }
/// ```
///
/// Printed with two-space indentation, one key per line, and a final newline: it reads well in
/// a log and diffs well as a golden file, and any JSON reader takes it. `help` is `null` when there is none;
/// notes are not part of version 1.
/// `subjects` holds the ids the finding is about, with only the keys that apply, in the order `process`,
/// `activities`, `roles`, `policy`, `waiver` (an object with `process` and `policy`); `{}` when the finding names
/// none. `path` is the witness path, its steps in order, `[]` when the rule has none. Both were added to version 1
/// without changing any earlier key: readers that ignore unknown keys keep working. So were `url` (the rule's section
/// of docs/rules.md, the config's `docs-url`; null for a policy), `key` (what a baseline matches the finding by:
/// `FindingKey`), `baselined` (true only for the known findings `--show-baselined` lists) and the summary's
/// `baselined` (how many findings the baseline hid; the other counts leave them out). Lines and columns are 1-based, columns count Unicode scalars, and the end is
/// exclusive. The output is byte-for-byte deterministic: no key order from a dictionary, no locale, no floats.
/// Written by hand rather than with `JSONEncoder`, which would neither keep key order nor be as fast.
package struct JSONDiagnosticRenderer: Sendable {
    package var references: FindingReferences

    package init(references: FindingReferences = FindingReferences()) {
        self.references = references
    }

    /// The whole report.
    package func render(_ report: CheckReport) -> String {
        render(references.listed(report), summary: report.summary)
    }

    /// `diagnostics` in the order given, none of them baselined, and `summary`.
    package func render(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        var report = CheckReport(workspace: Workspace(), diagnostics: [])
        report.diagnostics = diagnostics
        return render(references.listed(report), summary: summary)
    }

    private func render(_ listed: [FindingReferences.Listed], summary: CheckSummary) -> String {
        var output = "{\n  \"version\": 1,\n  \"diagnostics\": ["
        for (index, entry) in listed.enumerated() {
            let diagnostic = entry.diagnostic
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
            output += ",\n      \"subjects\": "
            Self.append(diagnostic.subjects, to: &output)
            output += ",\n      \"path\": "
            Self.append(diagnostic.path, to: &output)
            output += ",\n      \"fixes\": "
            Self.append(diagnostic.fixes, to: &output)
            output += ",\n      \"url\": "
            if let url = references.url(forRule: diagnostic.rule) {
                JSONEscaping.appendQuoted(url, to: &output)
            } else {
                output += "null"
            }
            output += ",\n      \"key\": "
            JSONEscaping.appendQuoted(entry.key.text, to: &output)
            output += entry.baselined ? ",\n      \"baselined\": true" : ",\n      \"baselined\": false"
            output += "\n    }"
        }
        output += listed.isEmpty ? "],\n" : "\n  ],\n"
        output += """
              "summary": {
                "files": \(summary.files),
                "processes": \(summary.processes),
                "policies": \(summary.policies),
                "errors": \(summary.errors),
                "warnings": \(summary.warnings),
                "notes": \(summary.notes),
                "baselined": \(summary.baselined)
              }
            }

            """
        return output
    }

    /// Only the keys that apply, each on its own line; lists of ids on one line, like other id lists we print.
    private static func append(_ subjects: FindingSubjects, to output: inout String) {
        if subjects.isEmpty {
            output += "{}"
            return
        }
        var first = true
        func key(_ name: String) {
            output += first ? "{\n        \"" : ",\n        \""
            output += name
            output += "\": "
            first = false
        }
        func list(_ ids: [String]) {
            output += "["
            for (index, id) in ids.enumerated() {
                if index > 0 { output += ", " }
                JSONEscaping.appendQuoted(id, to: &output)
            }
            output += "]"
        }
        if let process = subjects.process {
            key("process")
            JSONEscaping.appendQuoted(process, to: &output)
        }
        if !subjects.activities.isEmpty {
            key("activities")
            list(subjects.activities)
        }
        if !subjects.roles.isEmpty {
            key("roles")
            list(subjects.roles)
        }
        if let policy = subjects.policy {
            key("policy")
            JSONEscaping.appendQuoted(policy, to: &output)
        }
        if let waiver = subjects.waiver {
            key("waiver")
            output += "{\"process\": "
            JSONEscaping.appendQuoted(waiver.process, to: &output)
            output += ", \"policy\": "
            JSONEscaping.appendQuoted(waiver.policy, to: &output)
            output += "}"
        }
        output += "\n      }"
    }

    /// Each fix as `{"description", "applicability", "edits": [{"file", "line", "column", "endLine", "endColumn",
    /// "newText"}]}`, an edit on one line; `[]` when there is none.
    private static func append(_ fixes: [Fix], to output: inout String) {
        if fixes.isEmpty {
            output += "[]"
            return
        }
        output += "["
        for (index, fix) in fixes.enumerated() {
            output += index == 0 ? "\n        {\n          \"description\": " : ",\n        {\n          \"description\": "
            JSONEscaping.appendQuoted(fix.description, to: &output)
            output += ",\n          \"applicability\": "
            JSONEscaping.appendQuoted(fix.applicability.rawValue, to: &output)
            output += ",\n          \"edits\": ["
            for (e, edit) in fix.edits.enumerated() {
                output += e == 0 ? "\n            {\"file\": " : ",\n            {\"file\": "
                JSONEscaping.appendQuoted(edit.file, to: &output)
                output += ", \"line\": \(edit.range.start.line), \"column\": \(edit.range.start.column)"
                output += ", \"endLine\": \(edit.range.end.line), \"endColumn\": \(edit.range.end.column), \"newText\": "
                JSONEscaping.appendQuoted(edit.newText, to: &output)
                output += "}"
            }
            output += fix.edits.isEmpty ? "]\n        }" : "\n          ]\n        }"
        }
        output += "\n      ]"
    }

    /// Each step as an object with the same position keys as a diagnostic.
    private static func append(_ path: [WitnessStep], to output: inout String) {
        if path.isEmpty {
            output += "[]"
            return
        }
        output += "["
        for (index, step) in path.enumerated() {
            output += index == 0 ? "\n        {\n          \"file\": " : ",\n        {\n          \"file\": "
            JSONEscaping.appendQuoted(step.file, to: &output)
            output += ",\n          \"line\": \(step.range.start.line)"
            output += ",\n          \"column\": \(step.range.start.column)"
            output += ",\n          \"endLine\": \(step.range.end.line)"
            output += ",\n          \"endColumn\": \(step.range.end.column)"
            output += ",\n          \"message\": "
            JSONEscaping.appendQuoted(step.message, to: &output)
            output += "\n        }"
        }
        output += "\n      ]"
    }
}
