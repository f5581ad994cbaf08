import ProcDef

/// Renders a `WorkspaceDiff` as GitHub-flavoured Markdown, ready to paste as a pull-request comment.
///
/// The most important changes come first, across all processes: handoff gaps introduced and new findings, then
/// accountability and ownership, who holds the case at each step, handoffs and transitions, and parallel work, then
/// everything else per process, and last the findings resolved. Every piece of text from the definitions is escaped
/// (`MarkdownEscaping`), and ids are code spans only when they are plain kebab-case.
package struct DiffMarkdownRenderer: Sendable {
    package init() {}

    private let phrases = DiffPhrases(style: .markdown)

    package func render(_ diff: WorkspaceDiff) -> String {
        var md = MarkdownWriter()
        md.heading(2, "procdef diff")
        guard !diff.isEmpty else {
            md.paragraph("No changes to processes, roles or findings.")
            return md.string
        }
        let summary = DiffPhrases.summary(diff)
        md.startParagraph()
        md.startStrong()
        md.markdown(summary.prefix(1).uppercased() + summary.dropFirst())
        md.markdown(".")
        md.endStrong()
        md.endLine()
        let arrivals = diff.processes.filter { $0.status != .changed }
        if !arrivals.isEmpty {
            md.startList()
            for process in arrivals {
                md.bulletItem()
                md.markdown("Process ")
                md.code(process.id)
                md.markdown(" (")
                md.text(process.name)
                md.markdown(") ")
                md.markdown(process.status.rawValue)
                md.markdown(", in ")
                md.path(process.file)
                md.endLine()
            }
        }

        let gaps = diff.gaps.filter { $0.gap.kind == .introduced }.map { process, gap in
            [code(process.id), phrases.edge(gap.edge), phrases.passage(gap.state)]
        }
        if !gaps.isEmpty {
            md.heading(3, "Handoff gaps introduced")
            md.table(["Process", "Transition", "Responsibility passes"], rows: gaps)
        }
        findingSection("New findings", diff.introducedFindings, to: &md)

        let ownership = diff.processes.flatMap { process in
            process.ownership.map { [code(process.id), "`\($0.field)`", value($0.before), value($0.after)] }
        }
        let raci = diff.processes.flatMap { process in
            byRole(process.raci).map { [code(process.id), code($0.role), code($0.activity), $0.before, $0.after] }
        }
        if !ownership.isEmpty || !raci.isEmpty {
            md.heading(3, "Accountability and ownership")
            if !ownership.isEmpty { md.table(["Process", "Field", "Before", "After"], rows: ownership) }
            if !raci.isEmpty {
                md.table(["Process", "Role", "Activity", "Before", "After"], rows: raci)
                md.paragraph("R responsible, A accountable, C consulted, I informed; - no part.")
            }
        }

        let holders = diff.processes.flatMap { process in
            process.caseHolders.map {
                [
                    code(process.id), code($0.activity), phrases.roles($0.before), phrases.roles($0.after),
                    phrases.teamMove($0),
                ]
            }
        }
        if !holders.isEmpty {
            md.heading(3, "Who holds the case")
            md.table(["Process", "Activity", "Before", "After", "Team"], rows: holders)
            md.paragraph(
                "Before and After: the roles responsible for the step, who hold the case there. Team: the teams the case moves between; - when it stays with its team."
            )
        }

        let edges = diff.processes.flatMap { process in
            process.edges.map { [code(process.id), phrases.edge($0.edge), phrases.edgeChange($0)] }
                + process.gaps.filter { $0.kind == .fixed }.map { [code(process.id), phrases.edge($0.edge), "gap " + phrases.gap($0)] }
        }
        if !edges.isEmpty {
            md.heading(3, "Handoffs and transitions")
            md.table(["Process", "Transition", "Change"], rows: edges)
        }

        let parallel = diff.processes.flatMap { process in
            process.parallel.map { [code(process.id), phrases.parallelPart($0), phrases.parallelChange($0)] }
        }
        if !parallel.isEmpty {
            md.heading(3, "Parallel work")
            md.table(["Process", "Fork branch, cancellation or join", "Change"], rows: parallel)
        }

        let changed = diff.processes.filter { !$0.activities.isEmpty || !$0.policies.isEmpty || !$0.fields.isEmpty }
        if !changed.isEmpty {
            md.heading(3, "Other changes")
            for change in changed { otherChanges(change, to: &md) }
        }
        if !diff.roles.isEmpty {
            md.heading(3, "Role catalogue")
            md.startList()
            for role in diff.roles {
                md.bulletItem()
                md.markdown(phrases.role(role))
                md.endLine()
            }
        }
        if !diff.externalProcesses.isEmpty {
            md.heading(3, "Processes defined elsewhere")
            md.startList()
            for process in diff.externalProcesses {
                md.bulletItem()
                md.markdown(phrases.externalProcess(process))
                md.endLine()
            }
        }
        findingSection("Findings resolved", diff.resolvedFindings, to: &md)
        return md.string
    }

    /// Activities, policies and process fields of one process, as a list under its name.
    private func otherChanges(_ process: ProcessChange, to md: inout MarkdownWriter) {
        md.startParagraph()
        md.startStrong()
        md.code(process.id)
        md.endStrong()
        md.markdown(" (")
        md.text(process.name)
        md.markdown(")")
        md.endLine()
        md.startList()
        for activity in process.activities { item("Activity ", phrases.activity(activity), to: &md) }
        for policy in process.policies { item("Policy ", phrases.policy(policy), to: &md) }
        for field in process.fields { item("Field ", phrases.field(field), to: &md) }
    }

    private func item(_ kind: StaticString, _ phrase: String, to md: inout MarkdownWriter) {
        md.bulletItem()
        md.markdown(kind)
        md.markdown(phrase)
        md.endLine()
    }

    private func findingSection(_ title: StaticString, _ records: [FindingRecord], to md: inout MarkdownWriter) {
        guard !records.isEmpty else { return }
        md.heading(3, title)
        md.startTable(["Severity", "Process", "Finding", "Rule", "Where"])
        for record in records {
            md.startRow()
            if record.severity == .error { md.strong("error") } else { md.markdown(record.severity.rawValue) }
            md.nextCell()
            if let processID = record.processID { md.code(processID) }
            md.nextCell()
            md.cellText(record.message)
            md.nextCell()
            ruleCode(record.rule, to: &md)
            md.nextCell()
            md.path(record.file)
            md.markdown(" line ")
            md.number(record.line)
            md.endRow()
        }
    }

    /// `handoff/gap` or `policy/incidents-are-logged` in code style: ids with a `/`, checked part by part.
    private func ruleCode(_ rule: String, to md: inout MarkdownWriter) {
        let parts = rule.split(separator: "/", omittingEmptySubsequences: false)
        if parts.allSatisfy({ OutputLayout.isSafeID(String($0)) }) { md.codeSpan(rule) } else { md.cellText(rule) }
    }

    private func code(_ id: String) -> String {
        MarkdownWriter.inline { $0.code(id) }
    }

    private func value(_ id: String?) -> String {
        id.map(code) ?? "-"
    }
}
