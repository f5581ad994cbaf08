import LanguageServerProtocol
import ProcDef
import ProcDefOutput
import YAMLTree

extension Features {
    /// On a finding: its rule explained, as `procdef explain` prints it. On an id: what it names (a role with where
    /// it is R, A, C or I; an activity with its RACI; a process; a policy with its rationale).
    func hover(_ params: TextDocumentPositionParams) -> Hover? {
        guard let (path, offset) = place(params.textDocument, params.position) else { return nil }
        var sections: [String] = []
        var range: SourceRange?
        for finding in workspace.diagnostics(in: path)
        where finding.range.start.offset <= offset && offset <= max(finding.range.end.offset, finding.range.start.offset) {
            sections.append(explanation(of: finding))
            range = range ?? finding.range
        }
        if let occurrence = index.occurrence(in: path, at: offset), let text = describe(occurrence.symbol) {
            sections.append(text)
            range = occurrence.range
        }
        guard !sections.isEmpty else { return nil }
        return Hover(contents: .markdown(sections.joined(separator: "\n\n---\n\n")), range: range.map { positions.range($0, in: path) })
    }

    private func explanation(of finding: ProcDef.Diagnostic) -> String {
        var text = "**\(finding.rule)**: \(MarkdownEscaping.inline(finding.message))"
        if let help = finding.help { text += "\n\nhelp: \(MarkdownEscaping.inline(help))" }
        if let descriptor = RuleRegistry.descriptor(for: finding.rule) {
            text += "\n\n```text\n" + RuleCatalogueRenderer().renderExplanation(of: descriptor) + "```"
        } else if finding.rule.hasPrefix("policy/"), let policy = workspace.report?.workspace.policy(id: String(finding.rule.dropFirst(7)))
        {
            text += "\n\n" + describe(policy)
        }
        return text
    }

    private func describe(_ symbol: Symbol) -> String? {
        guard let model = workspace.report?.workspace else { return nil }
        switch symbol {
        case .role(let id, let processID):
            let role = processID.flatMap { model.process(id: $0)?.localRole(id) } ?? (processID == nil ? model.catalogueRoles[id] : nil)
            guard let role else { return "**role `\(id)`**: defined nowhere" }
            return describe(role, symbol: symbol, in: model)
        case .activity(let id, let processID):
            guard let process = model.process(id: processID), let index = process.activityIndex(id) else { return nil }
            let activity = process.activities[index]
            var lines = ["**activity `\(id)`** of process `\(processID)`: \(MarkdownEscaping.inline(activity.name.value))"]
            for (letter, roles) in [
                ("R", activity.responsible), ("A", Self.accountable(activity, in: process)), ("C", activity.consulted),
                ("I", activity.informed),
            ] where !roles.isEmpty {
                lines.append("- \(letter): " + roles.map { "`\($0.value)`" }.joined(separator: ", "))
            }
            return lines.joined(separator: "\n")
        case .process(let id):
            if let process = model.process(id: id) {
                var text = "**process `\(id)`**: \(MarkdownEscaping.inline(process.name.value))"
                if let purpose = process.purpose { text += "\n\n\(MarkdownEscaping.inline(purpose.value))" }
                if let owner = process.owner { text += "\n\nowner: `\(owner.value)`" }
                return text + "\n\n\(process.activities.count) activities, in \(process.file)"
            }
            if let external = model.externalProcess(id: id) {
                return "**process `\(id)`**, defined elsewhere: \(MarkdownEscaping.inline(external.name.value))"
                    + (external.link.map { "\n\n\($0.value)" } ?? "")
            }
            return "**process `\(id)`**: defined nowhere"
        case .policy(let id):
            guard let policy = model.policy(id: id) else { return "**policy `\(id)`**: defined nowhere" }
            return describe(policy)
        }
    }

    /// The activity's accountable roles, or the process's `defaults.accountable` when it names none.
    private static func accountable(_ activity: Activity, in process: ProcessDefinition) -> [Located<String>] {
        activity.accountable.isEmpty ? process.defaultAccountable.map { [$0] } ?? [] : activity.accountable
    }

    private func describe(_ policy: Policy) -> String {
        var text = "**policy `\(policy.id.value)`**: \(MarkdownEscaping.inline(policy.title.value))"
        if let rationale = policy.rationale { text += "\n\n\(MarkdownEscaping.inline(rationale.value))" }
        return text
    }

    /// The role's card, and every activity it takes part in, as R, A, C or I.
    private func describe(_ role: Role, symbol: Symbol, in model: Workspace) -> String {
        var lines = ["**role `\(role.id.value)`**: \(MarkdownEscaping.inline(role.name.value))", ""]
        lines.append("- kind: \(role.kind.value.rawValue)")
        if let team = role.team { lines.append("- team: \(MarkdownEscaping.inline(team.value))") }
        if let contact = role.contactText { lines.append("- contact: \(MarkdownEscaping.inline(contact))") }
        var uses: [String] = []
        for process in model.processes {
            func names(_ ids: [Located<String>]) -> Bool {
                ids.contains { $0.value == role.id.value && Symbol.role($0.value, as: process) == symbol }
            }
            for activity in process.activities {
                var letters = ""
                if names(activity.responsible) { letters += "R" }
                if names(Self.accountable(activity, in: process)) { letters += "A" }
                // Conditional entries (`{role, when}`) are in these lists too.
                if names(activity.consulted) { letters += "C" }
                if names(activity.informed) { letters += "I" }
                if !letters.isEmpty { uses.append("- \(letters) in `\(process.id.value)` / `\(activity.id.value)`") }
            }
        }
        lines.append("")
        if uses.isEmpty {
            lines.append("Not R, A, C or I in any activity.")
        } else {
            let shown = 30
            lines.append("R, A, C or I in \(uses.count) \(uses.count == 1 ? "activity" : "activities"):")
            lines += uses.prefix(shown)
            if uses.count > shown { lines.append("- and \(uses.count - shown) more") }
        }
        return lines.joined(separator: "\n")
    }
}

extension Symbol {
    /// The role a process means by `id`: its own, else the catalogue's.
    static func role(_ id: String, as process: ProcessDefinition) -> Symbol {
        .role(id: id, process: process.localRole(id) == nil ? nil : process.id.value)
    }
}
