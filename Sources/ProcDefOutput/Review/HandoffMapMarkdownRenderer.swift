import ProcDef

/// Renders the handoff map as Markdown: the team matrix, then every handoff, gaps first. `procdef build` writes it
/// as `handoffs.md`, with each process linked to its runbook.
package struct HandoffMapMarkdownRenderer: Sendable {
    /// Link each process to `runbooks/<id>.md` (paths relative to the build's root).
    package var linksRunbooks: Bool

    package init(linksRunbooks: Bool = false) {
        self.linksRunbooks = linksRunbooks
    }

    package func render(_ map: HandoffMap) -> String {
        renderText(map).string
    }

    /// The map as the bytes a build writes.
    func renderText(_ map: HandoffMap) -> RenderedText {
        // About 450 bytes a row.
        var md = MarkdownWriter(capacity: 4096 + 512 * map.entries.count)
        md.heading(1, "Handoff map")
        md.startParagraph()
        let summary = HandoffMapWording.summary(map)
        md.markdown(summary.prefix(1).uppercased() + summary.dropFirst())
        md.markdown(". ")
        md.markdown(
            "Every place where a case passes from one role to another, across all processes; gaps and handoffs missing their artifact or expectation come first."
        )
        md.endLine()
        md.heading(2, "Teams")
        writeMatrix(map.teams, to: &md)
        md.heading(2, "Handoffs")
        guard !map.entries.isEmpty else {
            md.paragraph("Responsibility never passes to another role.")
            return md.bytes
        }
        // The column of committed times only where a handoff states one: most repositories have none yet.
        let showsWithin = map.entries.contains { $0.within != nil }
        if showsWithin {
            md.startTable([
                "Status", "Process", "From", "To", "Roles (teams)", "Artifact", "Expectation", "Within", "Agreement", "Escalation",
            ])
        } else {
            md.startTable(["Status", "Process", "From", "To", "Roles (teams)", "Artifact", "Expectation", "Agreement", "Escalation"])
        }
        for entry in map.entries {
            md.startRow()
            status(entry.status, to: &md)
            md.nextCell()
            process(entry.from, to: &md)
            md.nextCell()
            if entry.kind == .cancel, !entry.interrupted.isEmpty {
                for (i, id) in entry.interrupted.enumerated() {
                    if i > 0 { md.markdown(", ") }
                    md.code(id)
                }
            } else {
                activity(entry.from, to: &md)
            }
            if let kind = HandoffMapWording.kind(entry.kind) {
                md.markdown(" (")
                md.markdown(kind)
                if let condition = entry.condition {
                    md.markdown(", when: ")
                    md.cellText(condition)
                }
                md.markdown(")")
            }
            md.nextCell()
            if entry.to.isExternal {
                md.externalProcess(name: entry.to.processName, link: entry.to.link)
            } else {
                if entry.isTrigger || entry.to.processID != entry.from.processID {
                    process(entry.to, to: &md)
                    md.markdown(": ")
                }
                activity(entry.to, to: &md)
            }
            md.nextCell()
            roles(entry.from, to: &md)
            md.markdown(" → ")
            roles(entry.to, to: &md)
            md.nextCell()
            if entry.status != .gap {
                if let artifact = entry.artifact { md.code(artifact) } else { md.emphasis("none") }
            }
            md.nextCell()
            if entry.status != .gap {
                if let expectation = entry.expectation { md.cellText(expectation) } else { md.emphasis("none") }
            }
            md.nextCell()
            if showsWithin {
                if let within = entry.within { md.cellText(within) }
                md.nextCell()
            }
            if let agreement = entry.agreement { md.cellText(agreement) }
            md.nextCell()
            if let escalation = entry.escalation { md.markdown(escalation.rawValue) }
            md.endRow()
        }
        return md.bytes
    }

    /// The team-by-team matrix as a table: a row per sending team, a column per receiving team, `·` for none.
    package func renderMatrix(_ matrix: TeamMatrix) -> String {
        var md = MarkdownWriter()
        writeMatrix(matrix, to: &md)
        return md.string
    }

    /// `renderMatrix`, as the next blocks of a page.
    func writeMatrix(_ matrix: TeamMatrix, to md: inout MarkdownWriter) {
        guard !matrix.isEmpty else {
            md.paragraph("No handoffs between teams.")
            return
        }
        md.startTableHeader()
        md.markdown("From / to")
        for team in matrix.teams {
            md.headerCell()
            md.cellText(team)
        }
        md.endTableHeader(columns: matrix.teams.count + 1)
        for (row, team) in matrix.teams.enumerated() {
            md.startRow()
            md.startStrong()
            md.cellText(team)
            md.endStrong()
            for count in matrix.counts[row] {
                md.nextCell()
                if count == 0 { md.markdown("·") } else { md.number(count) }
            }
            md.endRow()
        }
        md.startParagraph()
        md.markdown(
            "Transitions that change hands, from the team of each row to the team of each column. Teams are the roles' `team`, else the role id; "
        )
        md.markdown(
            "a transition between several teams counts once for each pair, so the cells add up to the pairs of teams, not the transitions.")
        md.endLine()
    }

    private func status(_ status: HandoffMapEntry.Status, to md: inout MarkdownWriter) {
        switch status {
        case .gap: md.strong("gap")
        case .missingArtifact: md.strong("no artifact")
        case .missingExpectation: md.strong("no expectation")
        case .declared: md.markdown("declared")
        }
    }

    private func process(_ side: HandoffMapEntry.Side, to md: inout MarkdownWriter) {
        guard linksRunbooks, let runbook = OutputLayout.runbook(side.processID) else {
            md.text(side.processName)
            return
        }
        md.link(text: side.processName, to: runbook)
    }

    private func activity(_ side: HandoffMapEntry.Side, to md: inout MarkdownWriter) {
        md.code(side.activityID)
        md.markdown(" ")
        md.text(side.activityName)
    }

    /// `service-desk (Service Desk)`; roles and teams each once.
    private func roles(_ side: HandoffMapEntry.Side, to md: inout MarkdownWriter) {
        guard !side.roles.isEmpty else {
            md.emphasis("nobody")
            return
        }
        for (i, role) in side.roles.enumerated() {
            if i > 0 { md.markdown(", ") }
            md.code(role)
        }
        md.markdown(" (")
        for (i, team) in side.teams.enumerated() {
            if i > 0 { md.markdown(", ") }
            md.cellText(team)
        }
        md.markdown(")")
    }
}
