import ProcDef

/// Renders `runbooks/<id>.md`: the process as a practitioner on call follows it.
///
/// Layout: title and purpose, a facts table, the roles with team and contact, the flow diagram, the RACI matrix,
/// one numbered section per activity (who, target time, records, inputs and outputs, the procedure, where it goes
/// next and on what condition, each handoff, the processes it triggers), a handoff table linked to the build's
/// handoff map, and the policies with their status. Every piece of input text goes through `MarkdownEscaping`; links are built from validated ids.
public struct RunbookRenderer: Sendable {
    /// The image the diagram was rendered to (`--render`), or nil to link the DOT file instead.
    public var diagramImage: DiagramImageFormat?

    public init(diagramImage: DiagramImageFormat? = nil) {
        self.diagramImage = diagramImage
    }

    public func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The runbook as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        var page = RunbookPage(process: process)
        page.render(diagramImage: diagramImage)
        return page.out
    }
}

/// The headings of one runbook, registered in document order so anchors match GitHub's, and the text under them,
/// written into `out` piece by piece.
private struct RunbookPage {
    let process: CheckedProcess
    // Read once: `CheckedProcess.process` and `.graph` are computed properties, each read a copy and its retains.
    let definition: ProcessDefinition
    let activities: [Activity]
    let points: [HandoffPoint]
    var anchors = HeadingAnchors()
    /// The anchor of each activity's section, by position.
    var activityAnchors: [String] = []
    var out: RenderedText

    init(process: CheckedProcess) {
        self.process = process
        definition = process.process
        activities = definition.activities
        points = process.handoffs.points
        // A runbook takes about 1.7 KB per activity: one allocation for nearly every page, and little memory touched
        // for nothing.
        out = RenderedText(capacity: 2048 + 1792 * activities.count)
        // GitHub numbers repeated anchors in document order, so register every heading before any link is written.
        _ = anchors.register(definition.name.value)
        for section in ["Roles", "Flow", "RACI matrix"] { _ = anchors.register(section) }
        activityAnchors = activities.indices.map { i in anchors.register(Self.activityHeading(i, activities[i])) }
        for section in ["Handoffs", "Policies"] { _ = anchors.register(section) }
    }

    static func activityHeading(_ index: Int, _ activity: Activity) -> String {
        "\(index + 1). \(activity.name.value)"
    }

    // MARK: Pieces

    mutating func text(_ value: String) { MarkdownEscaping.appendInline(value, to: &out) }
    mutating func cell(_ value: String) { MarkdownEscaping.appendCell(value, to: &out) }
    mutating func code(_ value: String) { MarkdownText.appendCode(value, to: &out) }

    /// `[3. Investigate and diagnose](#3-investigate-and-diagnose)`
    mutating func activityLink(_ index: Int) {
        guard activities.indices.contains(index) else { return }
        // The number is procdef's own; only the name needs escaping (escaping "1." would show a backslash in raw text).
        out.append("[")
        out.append(index + 1)
        out.append(". ")
        text(activities[index].name.value)
        out.append("](#")
        out.append(activityAnchors[index])
        out.append(")")
    }

    /// `Service Desk Analyst (`service-desk`)`, or the bare id marked unknown.
    mutating func role(_ id: String) {
        MarkdownText.appendRole(id, in: process, to: &out)
    }

    /// Role names joined by commas; an unknown id shows as itself.
    mutating func roleNames(_ ids: [Located<String>]) {
        for (i, id) in ids.enumerated() {
            if i > 0 { out.append(", ") }
            MarkdownText.appendRoleName(id.value, in: process, to: &out)
        }
    }

    /// `roleNames` of the roles responsible for the source activity of point `k`.
    mutating func sourceRoleNames(_ k: Int) {
        for (i, role) in points[k].sourceRoles.enumerated() {
            if i > 0 { out.append(", ") }
            MarkdownText.appendRoleName(role.id.value, in: process, to: &out)
        }
    }

    /// `roleNames`, or `*nobody*` when they come out empty.
    mutating func roleNamesOrNobody(_ ids: [Located<String>]) {
        let start = out.count
        roleNames(ids)
        if out.count == start { out.append("*nobody*") }
    }

    mutating func codes(_ values: [Located<String>]) {
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(", ") }
            code(value.value)
        }
    }

    // MARK: The page

    mutating func render(diagramImage: DiagramImageFormat?) {
        out.append("# ")
        text(definition.name.value)
        out.append("\n\n")
        if let purpose = definition.purpose {
            text(purpose.value)
            out.append("\n\n")
        }
        facts()
        out.append("\n## Roles\n\n")
        roles()
        out.append("\n## Flow\n\n")
        flow(diagramImage)
        out.append("\n## RACI matrix\n\n")
        matrix()
        for i in activities.indices {
            out.append("\n## ")
            out.append(i + 1)
            out.append(". ")
            text(activities[i].name.value)
            out.append("\n\n")
            section(i, activities[i])
        }
        out.append("\n## Handoffs\n\n")
        handoffTable()
        out.append("\n## Policies\n\n")
        policies()
        out.append("\n---\n\n")
        out.append("Generated by procdef from ")
        out.append(MarkdownText.path(definition.file))
        out.append(" (process ")
        code(definition.id.value)
        if let version = definition.version {
            out.append(", version ")
            out.append(version.value)
        }
        out.append("). Change the definition and rebuild; edits here are overwritten.\n")
    }

    // MARK: Facts and roles

    mutating func facts() {
        out.append("| Fact | Value |\n|---|---|\n")
        for (label, field) in [("Owner" as StaticString, definition.owner), ("Manager", definition.manager), ("Case owner", definition.caseOwner)] {
            var row = MarkdownTableRow(&out)
            out.append(label)
            row.next(&out)
            if let field { role(field.value) } else { out.append("*not set*") }
            row.end(&out)
        }
        var row = MarkdownTableRow(&out)
        out.append("Version")
        row.next(&out)
        if let version = definition.version { out.append(version.value) } else { out.append("*not set*") }
        row.end(&out)
        for (label, field) in [("Trigger" as StaticString, definition.trigger), ("Outcome", definition.outcome)] {
            var row = MarkdownTableRow(&out)
            out.append(label)
            row.next(&out)
            if let field { cell(field.value) } else { out.append("*not set*") }
            row.end(&out)
        }
        row = MarkdownTableRow(&out)
        out.append("Tags")
        row.next(&out)
        if definition.tags.isEmpty { out.append("*none*") } else { codes(definition.tags) }
        row.end(&out)
        let starters = process.triggeredBy
        if !starters.isEmpty {
            var row = MarkdownTableRow(&out)
            out.append("Started by")
            row.next(&out)
            for (i, (other, activity)) in starters.enumerated() {
                if i > 0 { out.append("; ") }
                if OutputLayout.isSafeID(other.id.value) {
                    out.append("[")
                    text(other.name.value)
                    out.append("](")
                    out.append(other.id.value)
                    out.append(".md)")
                } else {
                    text(other.name.value)
                }
                out.append(", from *")
                text(activity.name.value)
                out.append("*")
            }
            row.end(&out)
        }
    }

    /// Every role the process names: owner, manager and case owner first, then in RACI column order, then roles
    /// only told on a handoff.
    func roleOrder() -> [String] {
        var order: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) {
            if seen.insert(id).inserted { order.append(id) }
        }
        for field in [definition.owner, definition.manager, definition.caseOwner] {
            if let field { add(field.value) }
        }
        process.raci.roles.forEach(add)
        for activity in definition.activities {
            if let handoff = activity.handoff { handoff.informed.forEach { add($0.value) } }
            if case .branches(let branches, _)? = activity.next {
                for branch in branches { branch.handoff?.informed.forEach { add($0.value) } }
            }
            for trigger in activity.triggers { trigger.handoff?.informed.forEach { add($0.value) } }
        }
        return order
    }

    mutating func roles() {
        let order = roleOrder()
        guard !order.isEmpty else {
            out.append("No roles are named.\n")
            return
        }
        let tallies = process.raci.letterCounts()
        out.append("| Role | Team | Contact | Part in this process |\n|---|---|---|---|\n")
        for id in order {
            var row = MarkdownTableRow(&out)
            role(id)
            row.next(&out)
            let known = process.role(id)
            if let team = known?.team { cell(team.value) }
            row.next(&out)
            if let contact = known?.contact { cell(contact.value) }
            row.next(&out)
            // "Process owner, responsible for 5 activities, accountable for 3": the first part capitalised, the noun once.
            var parts = RolePartSentence()
            if definition.owner?.value == id { parts.add("process owner", to: &out) }
            if definition.manager?.value == id { parts.add("process manager", to: &out) }
            if definition.caseOwner?.value == id { parts.add("case owner", to: &out) }
            let counts = tallies[id] ?? RACIMatrix.LetterCounts()
            var counted = false
            for (letter, phrase) in [(RACIMatrix.Letter.responsible, "responsible for " as StaticString), (.accountable, "accountable for "), (.consulted, "consulted on "), (.informed, "informed on ")] {
                let n = counts[letter]
                guard n > 0 else { continue }
                parts.add(phrase, to: &out)
                out.append(n)
                if !counted { out.append(n == 1 ? " activity" : " activities") }
                counted = true
            }
            if parts.isEmpty { parts.add("told on handoffs", to: &out) }
            row.end(&out)
        }
    }

    // MARK: Flow and RACI

    mutating func flow(_ image: DiagramImageFormat?) {
        let id = process.id
        guard OutputLayout.isSafeID(id) else {
            out.append("No diagram: the process id is not a valid file name.\n")
            return
        }
        if let image {
            out.append("![Flow of ")
            text(definition.name.value)
            out.append("](../diagrams/")
            out.append(id)
            out.append(".")
            out.append(image.rawValue)
            out.append(")\n\n")
            out.append("Lanes are the responsible roles. Bold arrows are handoffs, labelled with what is handed over; dashed arrows start other processes. ")
            out.append("Source: [")
            out.append(id)
            out.append(".dot](../diagrams/")
            out.append(id)
            out.append(".dot).\n")
            return
        }
        out.append("The flow diagram is [")
        out.append(id)
        out.append(".dot](../diagrams/")
        out.append(id)
        out.append(".dot) (Graphviz). ")
        out.append("Render it with `dot -Tsvg`, or build with `procdef build --render svg` to see it here.\n")
    }

    mutating func matrix() {
        let raci = process.raci
        guard !raci.roles.isEmpty else {
            out.append("No activity names a role.\n")
            return
        }
        out.append("| Activity")
        for id in raci.roles {
            out.append(" | ")
            if let role = process.role(id) { text(role.name.value) } else { code(id) }
        }
        out.append(" |\n|---|")
        for _ in raci.roles { out.append("---|") }
        out.append("\n")
        for i in raci.rows.indices {
            var row = MarkdownTableRow(&out)
            activityLink(i)
            for cell in raci.rows[i].cells {
                row.next(&out)
                cell.append(to: &out)
            }
            row.end(&out)
        }
        out.append("\n**R** responsible: does the work. **A** accountable: answers for it, one role per activity. ")
        out.append("**C** consulted: asked before. **I** informed: told after.\n")
    }

    // MARK: Activities

    mutating func section(_ index: Int, _ activity: Activity) {
        out.append("- **Responsible:** ")
        roleNamesOrNobody(activity.responsible)
        out.append("\n- **Accountable:** ")
        let accountable = process.context.accountable(activity)
        roleNamesOrNobody(accountable)
        if activity.accountable.isEmpty, !accountable.isEmpty { out.append(", the process default") }
        if !activity.consulted.isEmpty {
            out.append("\n- **Consulted:** ")
            roleNames(activity.consulted)
        }
        if !activity.informed.isEmpty {
            out.append("\n- **Informed:** ")
            roleNames(activity.informed)
        }
        if let target = activity.target {
            out.append("\n- **Target time:** ")
            MarkdownText.appendDuration(target.value, to: &out)
        }
        if !activity.records.isEmpty {
            out.append("\n- **Records:** ")
            codes(activity.records)
        }
        if !activity.inputs.isEmpty {
            out.append("\n- **Inputs:** ")
            codes(activity.inputs)
        }
        if !activity.outputs.isEmpty {
            out.append("\n- **Outputs:** ")
            codes(activity.outputs)
        }
        out.append("\n")

        if !activity.procedure.isEmpty {
            out.append("\n**Procedure**\n\n")
            for (n, step) in activity.procedure.enumerated() {
                out.append(n + 1)
                out.append(". ")
                text(step.value)
                out.append("\n")
            }
        }

        let leaving = process.handoffPointIndices(from: index)
        out.append("\n")
        next(index, activity, leaving.filter { !points[$0].isTrigger })
        if !activity.triggers.isEmpty {
            out.append("\n**Starts another process** (this flow goes on)\n\n")
            for (t, trigger) in activity.triggers.enumerated() {
                guard let k = leaving.first(where: { points[$0].kind == .trigger(index: t) }) else {
                    out.append("- ")
                    code(trigger.process.value)
                    out.append(" (no such process or entry activity)\n")
                    continue
                }
                out.append("- ")
                processLink(trigger.process.value)
                if trigger.activity != nil {
                    out.append(" at *")
                    text(points[k].target.activity.name.value)
                    out.append("*")
                }
                if let when = trigger.when {
                    out.append(", when: ")
                    text(when.value)
                }
                out.append("\n")
                handoffDetails(k, indent: "  ")
            }
        }
    }

    /// Where the flow goes after the activity: the end, one target with its handoff, or each branch with its
    /// condition and handoff.
    mutating func next(_ index: Int, _ activity: Activity, _ leaving: [Int]) {
        let isEnd = process.graph.ends.contains(index)
        if leaving.isEmpty {
            out.append(isEnd ? "**Next:** this activity ends the process.\n" : "**Next:** nothing (the flow stops here).\n")
            return
        }
        let isDecision: Bool
        if case .branches? = activity.next { isDecision = true } else { isDecision = false }
        if !isDecision, let k = leaving.first {
            out.append("**Next:** ")
            activityLink(points[k].target.index)
            // `handoffDetails` writes nothing for a point that is neither a gap nor a handoff.
            let isGap = points[k].isGap
            guard isGap || points[k].handoff != nil else {
                out.append("\n")
                return
            }
            out.append(isGap ? "\n\n" : ", with this handoff:\n\n")
            handoffDetails(k, indent: "")
            return
        }
        out.append("**Next**, by condition:\n\n")
        for k in leaving {
            out.append("- ")
            activityLink(points[k].target.index)
            if case .branch(let b) = points[k].kind, case .branches(let branches, _)? = activity.next, branches.indices.contains(b), let when = branches[b].when {
                out.append(", when: ")
                text(when.value)
            } else {
                out.append(" (no condition stated)")
            }
            out.append("\n")
            handoffDetails(k, indent: "  ")
        }
        if isEnd { out.append("\nThis activity can also end the process.\n") }
    }

    /// The handoff on one transition or trigger as list items (artifact, expectation, who is told, escalation,
    /// agreement), or the gap when responsibility changes with no handoff.
    mutating func handoffDetails(_ k: Int, indent: StaticString) {
        if points[k].isGap {
            out.append(indent)
            out.append("- **Handoff gap:** responsibility passes from ")
            sourceRoleNames(k)
            out.append(" to ")
            targetRoleNames(k, contacts: true)
            out.append(" and no handoff is declared.\n")
            return
        }
        guard let handoff = points[k].handoff else { return }
        out.append(indent)
        out.append("- **Handoff**")
        if points[k].change == .changed {
            out.append(" from ")
            sourceRoleNames(k)
            out.append(" to ")
            targetRoleNames(k, contacts: true)
        }
        out.append(": hand over ")
        if let artifact = handoff.statedArtifact { code(artifact.value) } else { out.append("*no artifact named*") }
        out.append("\n")
        out.append(indent)
        out.append("- **Expectation:** ")
        if let expectation = handoff.statedExpectation { text(expectation.value) } else { out.append("*none stated*") }
        out.append("\n")
        if !handoff.informed.isEmpty {
            out.append(indent)
            out.append("- **Who is told:** ")
            roleNames(handoff.informed)
            out.append("\n")
        }
        if let escalation = handoff.escalation {
            out.append(indent)
            switch escalation.value {
            case .functional: out.append("- **Escalation:** functional (to another team)\n")
            case .hierarchic: out.append("- **Escalation:** hierarchic (up the line)\n")
            }
        }
        if let agreement = handoff.statedAgreement {
            out.append(indent)
            out.append("- **Agreement:** ")
            text(agreement.value)
            out.append("\n")
        }
    }

    /// The receiving roles, named as the receiving process sees them; with `contacts`, each with its contact, which
    /// is what the person handing over needs at that moment.
    mutating func targetRoleNames(_ k: Int, contacts: Bool = false) {
        let roles = points[k].target.roles
        guard !roles.isEmpty else {
            out.append("*nobody*")
            return
        }
        for (i, resolved) in roles.enumerated() {
            if i > 0 { out.append(", ") }
            guard let role = resolved.role else {
                code(resolved.id.value)
                out.append(" (unknown role)")
                continue
            }
            text(role.name.value)
            if contacts, let contact = role.contact?.value, !contact.isBlank {
                out.append(" (")
                text(contact)
                out.append(")")
            }
        }
    }

    /// `[Problem Management](problem-management.md)`, or the id when the process is unknown or its id unusable.
    mutating func processLink(_ id: String) {
        guard let other = process.processesByID[id] else {
            code(id)
            out.append(" (no such process)")
            return
        }
        guard OutputLayout.isSafeID(id) else {
            text(other.name.value)
            return
        }
        out.append("[")
        text(other.name.value)
        out.append("](")
        out.append(id)
        out.append(".md)")
    }

    // MARK: Handoffs and policies

    mutating func handoffTable() {
        let handoffPoints = points.indices.filter { points[$0].isHandoff }
        defer {
            out.append("\nEvery process's handoffs, and how many pass from team to team: [the handoff map](../")
            out.append(OutputLayout.handoffs)
            out.append(").\n")
        }
        guard !handoffPoints.isEmpty else {
            out.append("Responsibility never passes to another role in this process.\n")
            return
        }
        out.append("| From | To | Roles | Artifact | Expectation | Agreement |\n|---|---|---|---|---|---|\n")
        for k in handoffPoints {
            var row = MarkdownTableRow(&out)
            activityLink(points[k].source)
            row.next(&out)
            if points[k].isTrigger {
                processLink(points[k].target.process?.id.value ?? "")
                out.append(": *")
                text(points[k].target.activity.name.value)
                out.append("*")
            } else {
                activityLink(points[k].target.index)
            }
            row.next(&out)
            sourceRoleNames(k)
            out.append(" → ")
            targetRoleNames(k)
            row.next(&out)
            guard let handoff = points[k].handoff else {
                out.append("**gap: no handoff declared**")
                row.next(&out)
                row.next(&out)
                row.end(&out)
                continue
            }
            if let artifact = handoff.statedArtifact { code(artifact.value) } else { out.append("*none*") }
            row.next(&out)
            if let expectation = handoff.statedExpectation { cell(expectation.value) } else { out.append("*none*") }
            row.next(&out)
            if let agreement = handoff.statedAgreement { cell(agreement.value) }
            row.end(&out)
        }
    }

    mutating func policies() {
        let statuses = process.policyStatuses
        guard !statuses.isEmpty else {
            out.append("No policy applies to this process.\n")
            return
        }
        out.append("| Policy | Severity | Status |\n|---|---|---|\n")
        for status in statuses {
            var row = MarkdownTableRow(&out)
            cell(status.title)
            out.append(" (")
            code(status.policyID)
            out.append(")")
            row.next(&out)
            out.append(status.severity.rawValue)
            row.next(&out)
            switch status.state {
            case .holds:
                out.append("holds")
            case .waived(let until, let reason):
                out.append("waived until ")
                out.append(until.description)
                if !reason.isEmpty {
                    out.append(": ")
                    cell(reason)
                }
            case .fails(let count):
                out.append("**fails** (")
                out.append(count)
                out.append(count == 1 ? " finding)" : " findings)")
            }
            row.end(&out)
        }
    }
}

/// The "Part in this process" sentence of a role, written part by part: the first part capitalised, the others
/// after a comma.
private struct RolePartSentence {
    private(set) var isEmpty = true

    mutating func add(_ phrase: StaticString, to out: inout RenderedText) {
        phrase.withUTF8Buffer { bytes in
            guard let first = bytes.first else { return }
            if isEmpty {
                // Every phrase starts with a lower-case ASCII letter.
                out.append(byte: (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) ? first - 0x20 : first)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.dropFirst()))
            } else {
                out.append(", ")
                out.append(contentsOf: bytes)
            }
        }
        isEmpty = false
    }
}
