import ProcDef

/// Renders a `WorkspaceDiff` as GitHub-flavoured Markdown, ready to paste as a pull-request comment.
///
/// The most important changes come first, across all processes: handoff gaps introduced and new findings, then
/// accountability and ownership, then handoffs and transitions, then everything else per process, and last the
/// findings resolved. Every piece of text from the definitions is escaped (`MarkdownEscaping`), and ids are code
/// spans only when they are plain kebab-case.
public struct DiffMarkdownRenderer: Sendable {
    public init() {}

    private let phrases = DiffPhrases(style: .markdown)

    public func render(_ diff: WorkspaceDiff) -> String {
        var out = "## procdef diff\n\n"
        guard !diff.isEmpty else { return out + "No changes to processes, roles or findings.\n" }
        let summary = DiffPhrases.summary(diff)
        out += "**" + summary.prefix(1).uppercased() + summary.dropFirst() + ".**\n"
        let arrivals = diff.processes.filter { $0.status != .changed }
        if !arrivals.isEmpty {
            out += "\n" + arrivals.map { process in
                "- Process \(MarkdownText.code(process.id)) (\(MarkdownText.text(process.name))) \(process.status.rawValue), in \(MarkdownText.path(process.file))\n"
            }.joined()
        }

        out += section("Handoff gaps introduced", table(
            ["Process", "Transition", "Responsibility passes"],
            diff.gaps.filter { $0.gap.kind == .introduced }.map { process, gap in
                [MarkdownText.code(process.id), phrases.edge(gap.edge), phrases.passage(gap.state)]
            }
        ))
        out += section("New findings", findingTable(diff.introducedFindings))

        let ownership = diff.processes.flatMap { process in
            process.ownership.map { [MarkdownText.code(process.id), "`\($0.field)`", value($0.before), value($0.after)] }
        }
        let raci = diff.processes.flatMap { process in
            byRole(process.raci).map { [MarkdownText.code(process.id), MarkdownText.code($0.role), MarkdownText.code($0.activity), $0.before, $0.after] }
        }
        out += section("Accountability and ownership", [
            table(["Process", "Field", "Before", "After"], ownership),
            table(["Process", "Role", "Activity", "Before", "After"], raci)
                + (raci.isEmpty ? "" : "\nR responsible, A accountable, C consulted, I informed; - no part.\n"),
        ].filter { !$0.isEmpty }.joined(separator: "\n"))

        let edges = diff.processes.flatMap { process in
            process.edges.map { [MarkdownText.code(process.id), phrases.edge($0.edge), phrases.edgeChange($0)] }
                + process.gaps.filter { $0.kind == .fixed }.map { [MarkdownText.code(process.id), phrases.edge($0.edge), "gap " + phrases.gap($0)] }
        }
        out += section("Handoffs and transitions", table(["Process", "Transition", "Change"], edges))

        out += section("Other changes", diff.processes.compactMap(otherChanges).joined(separator: "\n"))
        if !diff.roles.isEmpty {
            out += section("Role catalogue", diff.roles.map { "- " + phrases.role($0) + "\n" }.joined())
        }
        out += section("Findings resolved", findingTable(diff.resolvedFindings))
        return out
    }

    /// Activities, policies and process fields of one process, as a list under its name.
    private func otherChanges(_ process: ProcessChange) -> String? {
        let items = process.activities.map { "Activity " + phrases.activity($0) }
            + process.policies.map { "Policy " + phrases.policy($0) }
            + process.fields.map { "Field " + phrases.field($0) }
        guard !items.isEmpty else { return nil }
        return "**\(MarkdownText.code(process.id))** (\(MarkdownText.text(process.name)))\n\n" + items.map { "- \($0)\n" }.joined()
    }

    private func section(_ title: String, _ body: String) -> String {
        body.isEmpty ? "" : "\n### \(title)\n\n" + body
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        rows.isEmpty ? "" : MarkdownText.table(header: header, rows: rows)
    }

    private func findingTable(_ records: [FindingRecord]) -> String {
        table(["Severity", "Process", "Finding", "Rule", "Where"], records.map { record in
            [
                record.severity == .error ? "**error**" : record.severity.rawValue,
                record.processID.map(MarkdownText.code) ?? "",
                MarkdownEscaping.cell(record.message),
                ruleCode(record.rule),
                "\(MarkdownText.path(record.file)) line \(record.line)",
            ]
        })
    }

    /// `handoff/gap` or `policy/incidents-are-logged` in code style: ids with a `/`, checked part by part.
    private func ruleCode(_ rule: String) -> String {
        let parts = rule.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy({ OutputLayout.isSafeID(String($0)) }) ? "`\(rule)`" : MarkdownEscaping.cell(rule)
    }

    private func value(_ id: String?) -> String {
        id.map(MarkdownText.code) ?? "-"
    }
}
