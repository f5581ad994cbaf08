import ProcDef

/// Renders a `WorkspaceDiff` for a terminal or a CI log: one block per process, its most important changes first
/// (gaps introduced, new findings, accountability and ownership, who holds the case, handoffs, parallel work, then
/// the rest), and a summary line.
///
/// Every piece of text from the definitions is put on one line and made safe for a terminal.
package struct DiffTextRenderer: Sendable {
    package init() {}

    private let phrases = DiffPhrases(style: .plain)

    package func render(_ diff: WorkspaceDiff) -> String {
        var out = ""
        for process in diff.processes {
            out += block(process) + "\n"
        }
        if !diff.roles.isEmpty {
            out += "role catalogue:\n"
            out += diff.roles.map { "  " + phrases.role($0) + "\n" }.joined() + "\n"
        }
        if !diff.externalProcesses.isEmpty {
            out += "processes defined elsewhere:\n"
            out += diff.externalProcesses.map { "  " + phrases.externalProcess($0) + "\n" }.joined() + "\n"
        }
        if !diff.findings.isEmpty {
            out += "outside any process:\n" + findings(diff.findings) + "\n"
        }
        return out + DiffPhrases.summary(diff) + "\n"
    }

    private func block(_ process: ProcessChange) -> String {
        var out = "\(PlainText.line(process.id)) (\(PlainText.line(process.name))): \(process.status.rawValue)"
        if process.status != .changed { out += " (\(PlainText.line(process.file)))" }
        out += "\n"
        let introduced = process.gaps.filter { $0.kind == .introduced }
        let fixed = process.gaps.filter { $0.kind == .fixed }
        out += section("handoff gaps introduced", introduced.map { phrases.edge($0.edge) + ": " + phrases.gap($0) })
        out += section("new findings", process.findings.introduced.map(finding))
        out += section("accountability and ownership", process.ownership.map(phrases.field) + byRole(process.raci).map(phrases.raci))
        out += section("who holds the case", process.caseHolders.map { phrases.holderAt($0) })
        out += section(
            "handoffs and transitions",
            process.edges.map { phrases.edge($0.edge) + ": " + phrases.edgeChange($0) }
                + fixed.map { phrases.edge($0.edge) + ": gap " + phrases.gap($0) })
        out += section("parallel work", process.parallel.map { phrases.parallelPart($0) + ": " + phrases.parallelChange($0) })
        out += section("activities", process.activities.map(phrases.activity))
        out += section("policies", process.policies.map(phrases.policy))
        out += section("process fields", process.fields.map(phrases.field))
        out += section("resolved findings", process.findings.resolved.map(finding))
        return out
    }

    private func section(_ title: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "  \(title):\n" + lines.map { "    \($0)\n" }.joined()
    }

    private func findings(_ changes: FindingChanges) -> String {
        section("new findings", changes.introduced.map(finding)) + section("resolved findings", changes.resolved.map(finding))
    }

    /// `Processes/a.yaml:12:5: error: message [rule]`, as `procdef check` prints it.
    private func finding(_ record: FindingRecord) -> String {
        "\(PlainText.line(record.file)):\(record.line):\(record.column): \(record.severity.rawValue): \(PlainText.line(record.message)) [\(PlainText.line(record.rule))]"
    }
}

/// RACI changes grouped by role (by id), each role's in activity order: who gains and who loses, role by role.
func byRole(_ changes: [RACIChange]) -> [RACIChange] {
    changes.enumerated().sorted { a, b in (a.element.role, a.offset) < (b.element.role, b.offset) }.map(\.element)
}
