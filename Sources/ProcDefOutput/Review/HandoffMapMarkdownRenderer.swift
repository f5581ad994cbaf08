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
        renderText(map).string
    }

    /// The map as the bytes a build writes.
    func renderText(_ map: HandoffMap) -> RenderedText {
        // About 450 bytes a row.
        var out = RenderedText(capacity: 4096 + 512 * map.entries.count)
        out.append("# Handoff map\n\n")
        let summary = HandoffMapWording.summary(map)
        out.append(summary.prefix(1).uppercased() + summary.dropFirst())
        out.append(". ")
        out.append("Every place where a case passes from one role to another, across all processes; gaps and handoffs missing their artifact or expectation come first.\n")
        out.append("\n## Teams\n\n")
        appendMatrix(map.teams, to: &out)
        out.append("\n## Handoffs\n\n")
        guard !map.entries.isEmpty else {
            out.append("Responsibility never passes to another role.\n")
            return out
        }
        out.append("| Status | Process | From | To | Roles (teams) | Artifact | Expectation | Agreement | Escalation |\n")
        out.append("|---|---|---|---|---|---|---|---|---|\n")
        for entry in map.entries {
            var row = MarkdownTableRow(&out)
            out.append(status(entry.status))
            row.next(&out)
            process(entry.from, to: &out)
            row.next(&out)
            activity(entry.from, to: &out)
            row.next(&out)
            if entry.isTrigger || entry.to.processID != entry.from.processID {
                process(entry.to, to: &out)
                out.append(": ")
            }
            activity(entry.to, to: &out)
            row.next(&out)
            roles(entry.from, to: &out)
            out.append(" → ")
            roles(entry.to, to: &out)
            row.next(&out)
            if entry.status != .gap {
                if let artifact = entry.artifact { MarkdownText.appendCode(artifact, to: &out) } else { out.append("*none*") }
            }
            row.next(&out)
            if entry.status != .gap {
                if let expectation = entry.expectation { MarkdownEscaping.appendCell(expectation, to: &out) } else { out.append("*none*") }
            }
            row.next(&out)
            if let agreement = entry.agreement { MarkdownEscaping.appendCell(agreement, to: &out) }
            row.next(&out)
            if let escalation = entry.escalation { out.append(escalation.rawValue) }
            row.end(&out)
        }
        return out
    }

    /// The team-by-team matrix as a table: a row per sending team, a column per receiving team, `·` for none.
    public func renderMatrix(_ matrix: TeamMatrix) -> String {
        var out = RenderedText()
        appendMatrix(matrix, to: &out)
        return out.string
    }

    func appendMatrix(_ matrix: TeamMatrix, to out: inout RenderedText) {
        guard !matrix.isEmpty else {
            out.append("No handoffs between teams.\n")
            return
        }
        out.append("| From / to")
        for team in matrix.teams {
            out.append(" | ")
            MarkdownEscaping.appendCell(team, to: &out)
        }
        out.append(" |\n|---|")
        for _ in matrix.teams { out.append("---|") }
        out.append("\n")
        for (row, team) in matrix.teams.enumerated() {
            var cells = MarkdownTableRow(&out)
            out.append("**")
            MarkdownEscaping.appendCell(team, to: &out)
            out.append("**")
            for count in matrix.counts[row] {
                cells.next(&out)
                if count == 0 { out.append("·") } else { out.append(count) }
            }
            cells.end(&out)
        }
        out.append("\nTransitions that change hands, from the team of each row to the team of each column. Teams are the roles' `team`, else the role id; ")
        out.append("a transition between several teams counts once for each pair, so the cells add up to the pairs of teams, not the transitions.\n")
    }

    private func status(_ status: HandoffMapEntry.Status) -> StaticString {
        switch status {
        case .gap: "**gap**"
        case .missingArtifact: "**no artifact**"
        case .missingExpectation: "**no expectation**"
        case .declared: "declared"
        }
    }

    private func process(_ side: HandoffMapEntry.Side, to out: inout RenderedText) {
        guard linksRunbooks, let runbook = OutputLayout.runbook(side.processID) else {
            MarkdownEscaping.appendInline(side.processName, to: &out)
            return
        }
        out.append("[")
        MarkdownEscaping.appendInline(side.processName, to: &out)
        out.append("](")
        out.append(runbook)
        out.append(")")
    }

    private func activity(_ side: HandoffMapEntry.Side, to out: inout RenderedText) {
        MarkdownText.appendCode(side.activityID, to: &out)
        out.append(" ")
        MarkdownEscaping.appendInline(side.activityName, to: &out)
    }

    /// `service-desk (Service Desk)`; roles and teams each once.
    private func roles(_ side: HandoffMapEntry.Side, to out: inout RenderedText) {
        guard !side.roles.isEmpty else {
            out.append("*nobody*")
            return
        }
        for (i, role) in side.roles.enumerated() {
            if i > 0 { out.append(", ") }
            MarkdownText.appendCode(role, to: &out)
        }
        out.append(" (")
        for (i, team) in side.teams.enumerated() {
            if i > 0 { out.append(", ") }
            MarkdownEscaping.appendCell(team, to: &out)
        }
        out.append(")")
    }
}
