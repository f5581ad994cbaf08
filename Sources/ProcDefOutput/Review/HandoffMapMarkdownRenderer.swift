import ProcDef

/// Renders the handoff map as Markdown: the team matrix, then every handoff, gaps first. `procdef build` writes it
/// as `handoffs.md`, with each process linked to its runbook.
public struct HandoffMapMarkdownRenderer: Sendable {
    /// Link each process to `runbooks/<id>.md` (paths relative to the build's root).
    public var linksRunbooks: Bool

    public init(linksRunbooks: Bool = false) {
        self.linksRunbooks = linksRunbooks
    }

    public func render(_ map: HandoffMap) -> String {
        var out = "# Handoff map\n\n"
        let summary = HandoffMapWording.summary(map)
        out += summary.prefix(1).uppercased() + summary.dropFirst() + ". "
        out += "Every place where a case passes from one role to another, across all processes; gaps and handoffs missing their artifact or expectation come first.\n"
        out += "\n## Teams\n\n" + renderMatrix(map.teams)
        out += "\n## Handoffs\n\n"
        guard !map.entries.isEmpty else { return out + "Responsibility never passes to another role.\n" }
        let rows = map.entries.map { entry -> [String] in
            [
                status(entry.status),
                process(entry.from),
                activity(entry.from),
                entry.isTrigger || entry.to.processID != entry.from.processID ? process(entry.to) + ": " + activity(entry.to) : activity(entry.to),
                roles(entry.from) + " → " + roles(entry.to),
                entry.status == .gap ? "" : entry.artifact.map(MarkdownText.code) ?? "*none*",
                entry.status == .gap ? "" : entry.expectation.map(MarkdownEscaping.cell) ?? "*none*",
                entry.agreement.map(MarkdownEscaping.cell) ?? "",
                entry.escalation?.rawValue ?? "",
            ]
        }
        return out + MarkdownText.table(header: ["Status", "Process", "From", "To", "Roles (teams)", "Artifact", "Expectation", "Agreement", "Escalation"], rows: rows)
    }

    /// The team-by-team matrix as a table: a row per sending team, a column per receiving team, `·` for none.
    public func renderMatrix(_ matrix: TeamMatrix) -> String {
        guard !matrix.isEmpty else { return "No handoffs between teams.\n" }
        let header = ["From / to"] + matrix.teams.map(MarkdownEscaping.cell)
        let rows = matrix.teams.enumerated().map { row, team in
            ["**\(MarkdownEscaping.cell(team))**"] + matrix.counts[row].map { $0 == 0 ? "·" : String($0) }
        }
        return MarkdownText.table(header: header, rows: rows)
            + "\nHandoffs from the team of each row to the team of each column. Teams are the roles' `team`, else the role id; "
            + "a handoff between several teams counts once for each pair.\n"
    }

    private func status(_ status: HandoffMapEntry.Status) -> String {
        switch status {
        case .gap: "**gap**"
        case .missingArtifact: "**no artifact**"
        case .missingExpectation: "**no expectation**"
        case .declared: "declared"
        }
    }

    private func process(_ side: HandoffMapEntry.Side) -> String {
        let name = MarkdownText.text(side.processName)
        guard linksRunbooks, let runbook = OutputLayout.runbook(side.processID) else { return name }
        return "[\(name)](\(runbook))"
    }

    private func activity(_ side: HandoffMapEntry.Side) -> String {
        "\(MarkdownText.code(side.activityID)) \(MarkdownText.text(side.activityName))"
    }

    /// `service-desk (Service Desk)`; roles and teams each once.
    private func roles(_ side: HandoffMapEntry.Side) -> String {
        guard !side.roles.isEmpty else { return "*nobody*" }
        return side.roles.map(MarkdownText.code).joined(separator: ", ") + " (" + side.teams.map(MarkdownEscaping.cell).joined(separator: ", ") + ")"
    }
}
