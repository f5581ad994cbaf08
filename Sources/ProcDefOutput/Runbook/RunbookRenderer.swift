import ProcDef

/// Renders `runbooks/<id>.md`: the process as a practitioner on call follows it.
///
/// Layout: title and purpose, a facts table, the roles with team and contact, the flow diagram, the RACI matrix,
/// one numbered section per activity (who, target time, records, inputs and outputs, the procedure, where it goes
/// next and on what condition, which steps run at the same time and where they meet, each handoff, the processes it
/// triggers), the process's cancellations once, a handoff table linked to the build's handoff map, and the policies
/// with their status. Everything is written through `MarkdownWriter`, which escapes every piece of input text; links are built from validated ids.
package struct RunbookRenderer: Sendable {
    /// The image the diagrams were rendered to (`--render`), or nil: the runbook then shows the flow as Mermaid only.
    package var diagramImage: DiagramImageFormat?
    /// Per definition file, the commits that touched it, newest first (`build --history`); nil leaves the change
    /// history out, so that the same sources give the same bytes on any clone.
    package var history: ChangeHistory?

    package init(diagramImage: DiagramImageFormat? = nil, history: ChangeHistory? = nil) {
        self.diagramImage = diagramImage
        self.history = history
    }

    package func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The runbook as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        var page = RunbookPage(process: process, history: history)
        page.render(diagramImage: diagramImage)
        return page.md.bytes
    }
}

/// The headings of one runbook, registered in document order so anchors match GitHub's, and the text under them,
/// written into `md` piece by piece.
struct RunbookPage {
    let process: CheckedProcess
    // Read once: `CheckedProcess.process` and `.graph` are computed properties, each read a copy and its retains.
    let definition: ProcessDefinition
    let activities: [Activity]
    let points: [HandoffPoint]
    var anchors = HeadingAnchors()
    /// The anchor of each activity's section, by position.
    var activityAnchors: [String] = []
    var md: MarkdownWriter

    init(process: CheckedProcess, history: ChangeHistory? = nil) {
        self.process = process
        self.history = history
        definition = process.process
        activities = definition.activities
        points = process.handoffs.points
        // A runbook takes about 1.7 KB per activity: one allocation for nearly every page, and little memory touched
        // for nothing.
        md = MarkdownWriter(capacity: 2048 + 1792 * activities.count)
        // GitHub numbers repeated anchors in document order, so register every heading before any link is written.
        _ = anchors.register(definition.name.value)
        for section in ["Document control"] { _ = anchors.register(section) }
        errors = process.findings.count { $0.severity == .error }
        if history != nil { _ = anchors.register("Change history") }
        for section in ["About this process", "Roles", "RACI matrix", "Flow"] { _ = anchors.register(section) }
        activityAnchors = activities.indices.map { i in anchors.register(Self.activityHeading(i, activities[i])) }
        if !definition.cancellations.isEmpty { _ = anchors.register("\(Self.cancellationHeading)") }
        escalations = Self.escalationPoints(process)
        if !escalations.isEmpty {
            _ = anchors.register("Escalation")
            transitionConditions = Self.transitionConditions(process)
        }
        if !definition.targets.isEmpty { _ = anchors.register("Service targets") }
        silence = longestSilenceFound()
        if silence != nil { _ = anchors.register("Keeping the customer informed") }
        for section in ["What the customer sees", "Handoffs", "Policies"] { _ = anchors.register(section) }
        reviewersAnchor = anchors.register("For reviewers")
    }

    /// The errors the check found in this process: a runbook built with them is a draft.
    var errors = 0
    /// The handoff points that escalate (a handoff marked `escalation`) or that a timer takes, in step order.
    var escalations: [Int] = []
    var reviewersAnchor = ""
    var history: ChangeHistory? = nil
    /// The conditions of the transitions, by source and kind, when the process has an escalation ladder.
    var transitionConditions: [EdgeKey: String] = [:]
    /// The longest customer silence, found once: the heading is registered before it is written.
    var silence: (analysis: SilenceAnalysis, longest: SilenceAnalysis.Stretch)?

    static let cancellationHeading: StaticString = "Cutting the case short"

    static func activityHeading(_ index: Int, _ activity: Activity) -> String {
        "\(index + 1). \(activity.name.value)"
    }

    // MARK: Pieces

    /// `[3. Investigate and diagnose](#3-investigate-and-diagnose)`
    mutating func activityLink(_ index: Int) {
        guard activities.indices.contains(index) else { return }
        // The number is procdef's own; only the name needs escaping (escaping "1." would show a backslash in raw text).
        md.startLink()
        md.number(index + 1)
        md.markdown(". ")
        md.text(activities[index].name.value)
        md.endLink(toAnchor: activityAnchors[index])
    }

    /// `Service Desk Analyst`: the role's name (the practitioner's word for it, not the definition's id), or the
    /// bare id marked unknown.
    mutating func role(_ id: String) {
        roleName(id)
    }

    /// A role's name, or its id marked unknown.
    mutating func roleName(_ id: String) {
        if let name = process.role(id)?.name.value {
            md.text(name)
        } else {
            md.code(id)
            md.markdown(" (unknown role)")
        }
    }

    /// Role names joined by commas; an unknown id shows as itself.
    mutating func roleNames(_ ids: [Located<String>]) {
        roleNames(ids.lazy.map(\.value))
    }

    mutating func roleNames(_ ids: some Sequence<String>) {
        for (i, id) in ids.enumerated() {
            if i > 0 { md.markdown(", ") }
            roleName(id)
        }
    }

    /// `roleNames` of the roles responsible for the source activity of point `k`; for a cancellation, of every step
    /// it can interrupt (but the target's roles), since any of them may be the one that hands over.
    mutating func sourceRoleNames(_ k: Int) {
        guard case .cancel(let c) = points[k].kind, process.graph.cancellations.indices.contains(c) else {
            for (i, role) in points[k].sourceRoles.enumerated() {
                if i > 0 { md.markdown(", ") }
                roleName(role.id.value)
            }
            return
        }
        // The target's own roles hand nothing over when the case is cut short from their steps.
        var seen = Set(points[k].target.roles.map(\.id.value))
        var ids: [Located<String>] = []
        for source in process.graph.cancellations[c].sources {
            for id in activities[source].responsible where seen.insert(id.value).inserted { ids.append(id) }
        }
        if ids.isEmpty { ids = points[k].sourceRoles.map(\.id) }
        roleNames(ids)
    }

    /// `roleNames`, each followed by its condition when it has one: `Security Lead (only when: medium or low severity)`.
    mutating func conditionalRoleNames(_ ids: [Located<String>], condition: (String) -> Located<String>?) {
        for (i, id) in ids.enumerated() {
            if i > 0 { md.markdown(", ") }
            roleName(id.value)
            if let when = condition(id.value) {
                md.markdown(" (only when: ")
                md.text(when.value)
                md.markdown(")")
            }
        }
    }

    /// What a step of each type asks of the person reading the runbook.
    static func typePhrase(_ type: ActivityType) -> StaticString {
        switch type {
        case .task: "task"
        case .approval: "approval: a decision, which can be yes or no"
        case .notification: "notification: the work is telling the roles informed"
        case .automated: "automated: a system does it; the people named watch for its result"
        case .wait: "wait: the case waits for something outside the process"
        case .request: "request: where the work is asked for"
        }
    }

    /// `roleNames`, or `*nobody*` when they come out empty.
    mutating func roleNamesOrNobody(_ ids: [Located<String>]) {
        let start = md.bytes.count
        roleNames(ids)
        if md.bytes.count == start { md.emphasis("nobody") }
    }

    mutating func codes(_ values: [Located<String>]) {
        for (i, value) in values.enumerated() {
            if i > 0 { md.markdown(", ") }
            md.code(value.value)
        }
    }

    /// `- **Records:** `a`, `b``; nothing when there are none.
    mutating func codesItem(_ label: StaticString, _ values: [Located<String>]) {
        guard !values.isEmpty else { return }
        md.labelledItem(label)
        codes(values)
        md.endLine()
    }

    /// `90 seconds`, `10 minutes`, `1 hour`, `2 days`, `3 weeks`, `12 months`, `6 business hours`, `1 business day`.
    mutating func duration(_ target: TimeTarget) {
        md.number(target.amount)
        switch target.unit {
        case .seconds: md.markdown(" second")
        case .minutes: md.markdown(" minute")
        case .hours: md.markdown(" hour")
        case .days: md.markdown(" day")
        case .weeks: md.markdown(" week")
        case .months: md.markdown(" month")
        case .businessHours: md.markdown(" business hour")
        case .businessDays: md.markdown(" business day")
        }
        if target.amount != 1 { md.markdown("s") }
    }

    /// `10 minutes`; per priority `` `p1`: 10 minutes, otherwise 30 minutes ``; a mapping without `default` names only
    /// its priorities, and `(no other priority)` says the rest have no budget.
    mutating func budget(_ budget: TimeBudget) {
        guard budget.isPerPriority else {
            if let single = budget.single { duration(single.value) }
            return
        }
        for (i, entry) in budget.entries.enumerated() {
            if i > 0 { md.markdown(", ") }
            md.code(entry.priority.value)
            md.markdown(": ")
            duration(entry.duration.value)
        }
        if let fallback = budget.fallback {
            if !budget.entries.isEmpty { md.markdown(", otherwise ") }
            duration(fallback.value)
        }
    }

    // MARK: The page

    mutating func render(diagramImage: DiagramImageFormat?) {
        if errors > 0 { draftBanner() }
        md.startHeading(1)
        md.text(definition.name.value)
        md.endLine()
        if let purpose = definition.purpose {
            md.startParagraph()
            md.text(purpose.value)
            md.endLine()
        }
        firstFiveMinutes()
        md.heading(2, "Document control")
        documentControl()
        md.heading(2, "About this process")
        facts()
        md.heading(2, "Roles")
        roles()
        md.heading(2, "RACI matrix")
        matrix()
        md.heading(2, "Flow")
        flow(diagramImage)
        for i in activities.indices {
            md.startHeading(2)
            md.number(i + 1)
            md.markdown(". ")
            md.text(activities[i].name.value)
            md.endLine()
            section(i, activities[i])
        }
        if !definition.cancellations.isEmpty {
            md.heading(2, Self.cancellationHeading)
            cancellations()
        }
        if !escalations.isEmpty {
            md.heading(2, "Escalation")
            escalationLadder()
        }
        if !definition.targets.isEmpty {
            md.heading(2, "Service targets")
            serviceTargets()
        }
        longestSilence()
        md.heading(2, "What the customer sees")
        customerView(diagramImage)
        md.heading(2, "Handoffs")
        handoffTable()
        md.heading(2, "Policies")
        policies()
        md.heading(2, "For reviewers")
        reviewers(diagramImage)
    }

    /// The first line of a runbook built from a definition with errors (`build --allow-errors`).
    mutating func draftBanner() {
        md.startQuote()
        md.quoteLine()
        md.strong("Draft: do not follow this runbook as written.")
        md.markdown(" It was built from a definition with ")
        md.number(errors)
        md.markdown(errors == 1 ? " error" : " errors")
        md.markdown(", listed under ")
        md.startLink()
        md.markdown("For reviewers")
        md.endLink(toAnchor: reviewersAnchor)
        md.markdown(".")
        md.endLine()
    }

    /// A box for the person who has just been paged: what starts the process, who answers for the case, the first
    /// step and who does it, and whom to call when stuck, each with how to reach them.
    mutating func firstFiveMinutes() {
        md.startQuote()
        md.quoteLine()
        md.strong("First five minutes")
        md.endLine()
        md.quoteBlankLine()
        md.quoteItem("What starts it")
        if let trigger = definition.trigger { md.text(trigger.value) } else { md.emphasis("not stated") }
        md.endLine()
        let accountable = caseAccountable()
        md.quoteItem("Who answers for the case")
        if let accountable { nameWithContact(accountable) } else { md.emphasis("nobody is named") }
        md.endLine()
        if let start = process.graph.start {
            md.quoteItem("First step")
            activityLink(start)
            md.markdown(", done by ")
            if activities[start].responsible.isEmpty {
                md.emphasis("nobody: no role is responsible")
            } else {
                for (i, role) in activities[start].responsible.enumerated() {
                    if i > 0 { md.markdown(", ") }
                    nameWithContact(role.value)
                }
            }
            md.endLine()
        }
        md.quoteItem("Stuck? Call")
        let stuck = stuckContacts()
        if stuck.isEmpty {
            md.emphasis("nobody is named")
        } else {
            for (i, contact) in stuck.enumerated() {
                if i > 0 { md.markdown("; then ") }
                md.text(contact.name)
                if let reach = contact.reach {
                    md.markdown(" (")
                    md.text(reach)
                    md.markdown(")")
                }
            }
        }
        md.endLine()
    }

    /// The role that answers for a case: the case owner, else the process's default accountable role, else the first
    /// step's accountable role, else the process manager.
    func caseAccountable() -> String? {
        if let owner = definition.caseOwner?.value { return owner }
        if let role = definition.defaultAccountable?.value { return role }
        if let start = process.graph.start, let first = process.context.accountable(activities[start]).first { return first.value }
        return definition.manager?.value
    }

    /// Whom to call when stuck, with how to reach them: the roles the first escalation up the line goes to (as the
    /// receiving process names them: a trigger's are another process's roles), then the process manager, then the
    /// owner; each once, at most three.
    func stuckContacts() -> [(name: String, reach: String?)] {
        var result: [(name: String, reach: String?)] = []
        var seen: Set<String> = []
        if let k = escalations.first(where: { points[$0].handoff?.escalation?.value == .hierarchic }) {
            for resolved in points[k].target.roles where seen.insert(resolved.identity).inserted {
                result.append((resolved.role?.name.value ?? resolved.id.value, resolved.role?.contactText))
            }
        }
        for field in [definition.manager, definition.owner] {
            guard let id = field?.value else { continue }
            // The process's own view of the role: its local role, else the catalogue's.
            let identity = process.role(id).map { role in role.scope == .catalogue ? id : "\(process.id)/\(id)" } ?? id
            guard seen.insert(identity).inserted else { continue }
            result.append((process.role(id)?.name.value ?? id, process.role(id)?.contactText))
        }
        return Array(result.prefix(3))
    }

    /// `Incident Manager on Duty (pager: ...; phone: ...)`: a role's name and how to reach it.
    mutating func nameWithContact(_ id: String) {
        roleName(id)
        if let contact = process.role(id)?.contactText {
            md.markdown(" (")
            md.text(contact)
            md.markdown(")")
        }
    }

    /// Owner, version, status, effective date, approver, reviews; with `build --history`, the change history.
    mutating func documentControl() {
        md.startTable(["Field", "Value"])
        md.startRow()
        md.markdown("Owner")
        md.nextCell()
        if let owner = definition.owner { role(owner.value) } else { md.emphasis("not set") }
        md.endRow()
        md.startRow()
        md.markdown("Version")
        md.nextCell()
        if let version = definition.version { md.number(version.value) } else { md.emphasis("not set") }
        md.endRow()
        md.startRow()
        md.markdown("Status")
        md.nextCell()
        if errors > 0 {
            md.strong("draft")
            md.markdown(": built from a definition with errors")
        } else if definition.governance.approvedBy != nil {
            md.markdown("approved")
        } else {
            md.markdown("in use, no approval recorded")
        }
        md.endRow()
        governanceFacts()
        guard let history else { return }
        md.heading(3, "Change history")
        let records = history.records(for: definition.file)
        guard !records.isEmpty else {
            md.paragraph("No commit has changed the definition yet.")
            return
        }
        md.startTable(["Date", "Change", "By", "Commit"])
        for record in records {
            md.startRow()
            md.cellText(record.date)
            md.nextCell()
            md.cellText(record.subject)
            md.nextCell()
            md.cellText(record.author)
            md.nextCell()
            md.code(record.commit)
            md.endRow()
        }
    }

    // MARK: Facts and roles

    mutating func facts() {
        md.startTable(["Fact", "Value"])
        for (label, field) in [("Manager" as StaticString, definition.manager), ("Case owner", definition.caseOwner)] {
            md.startRow()
            md.markdown(label)
            md.nextCell()
            if let field { role(field.value) } else { md.emphasis("not set") }
            md.endRow()
        }
        if let requester = definition.requester {
            md.startRow()
            md.markdown("Requester")
            md.nextCell()
            role(requester.value)
            md.endRow()
        }
        for (label, field) in [("Trigger" as StaticString, definition.trigger), ("Outcome", definition.outcome)] {
            md.startRow()
            md.markdown(label)
            md.nextCell()
            if let field { md.cellText(field.value) } else { md.emphasis("not set") }
            md.endRow()
        }
        if !definition.priorities.isEmpty {
            md.startRow()
            md.markdown("Priorities")
            md.nextCell()
            codes(definition.priorities)
            md.endRow()
        }
        if let maxSilence = definition.maxSilence {
            md.startRow()
            md.markdown("Longest silence towards customers")
            md.nextCell()
            duration(maxSilence.value)
            md.endRow()
        }
        md.startRow()
        md.markdown("Tags")
        md.nextCell()
        if definition.tags.isEmpty { md.emphasis("none") } else { codes(definition.tags) }
        md.endRow()
        let starters = process.triggeredBy
        if !starters.isEmpty {
            md.startRow()
            md.markdown("Started by")
            md.nextCell()
            for (i, (other, activity)) in starters.enumerated() {
                if i > 0 { md.markdown("; ") }
                if OutputLayout.isSafeID(other.id.value) {
                    md.link(text: other.name.value, to: other.id.value, suffix: ".md")
                } else {
                    md.text(other.name.value)
                }
                md.markdown(", from ")
                md.emphasis(text: activity.name.value)
            }
            md.endRow()
        }
    }

    /// Document control: effective date, approver, last review and next review due, each when the process records
    /// it (next review due also when only a cycle is asked for: then now).
    mutating func governanceFacts() {
        let governance = definition.governance
        if let effective = governance.effective {
            md.startRow()
            md.markdown("Effective")
            md.nextCell()
            md.markdown(effective.value.description)
            md.endRow()
        }
        if let approver = governance.approvedBy {
            md.startRow()
            md.markdown("Approved by")
            md.nextCell()
            role(approver.value)
            md.endRow()
        }
        let cycle = governance.cycle(default: process.context.reviewEvery)
        if let last = governance.review?.last {
            md.startRow()
            md.markdown("Last review")
            md.nextCell()
            md.markdown(last.value.description)
            md.endRow()
        }
        guard let cycle else { return }
        md.startRow()
        md.markdown("Next review due")
        md.nextCell()
        if let due = governance.nextReview(default: process.context.reviewEvery) {
            md.markdown(due.description)
        } else if governance.review?.last == nil {
            md.emphasis("no review recorded")
        } else {
            md.emphasis("after the year 9999")
        }
        md.markdown(" (every ")
        duration(cycle)
        md.markdown(")")
        md.endRow()
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
            // In the order the runbook names them: the activity's own handoff, its branches', its triggers'.
            var handoffs = [activity.handoff]
            func forkHandoffs(_ fork: Fork) {
                for branch in fork.branches {
                    handoffs.append(branch.handoff)
                    if let nested = branch.fork { forkHandoffs(nested) }
                }
            }
            switch activity.next {
            case .branches(let branches, _)?:
                for branch in branches {
                    handoffs.append(branch.handoff)
                    if let fork = branch.fork { forkHandoffs(fork) }
                }
            case .fork(let fork)?: forkHandoffs(fork)
            case .single?, nil: break
            }
            handoffs += activity.triggers.map(\.handoff)
            for handoff in handoffs.compactMap({ $0 }) {
                for role in handoff.informed { add(role.value) }
            }
        }
        for cancellation in definition.cancellations {
            for role in cancellation.handoff?.informed ?? [] { add(role.value) }
        }
        return order
    }

    mutating func roles() {
        let order = roleOrder()
        guard !order.isEmpty else {
            md.paragraph("No roles are named.")
            return
        }
        let tallies = process.raci.letterCounts()
        md.startTable(["Role", "Team", "Contact", "Part in this process"])
        for id in order {
            md.startRow()
            role(id)
            md.nextCell()
            let known = process.role(id)
            if let team = known?.team { md.cellText(team.value) }
            md.nextCell()
            if let contact = known?.contactText { md.cellText(contact) }
            md.nextCell()
            // "Process owner, responsible for 5 activities, accountable for 3": the first part capitalised, the noun once.
            var parts = RolePartSentence()
            if definition.owner?.value == id { parts.add("process owner", to: &md) }
            if definition.manager?.value == id { parts.add("process manager", to: &md) }
            if definition.caseOwner?.value == id { parts.add("case owner", to: &md) }
            let counts = tallies[id] ?? RACIMatrix.LetterCounts()
            var counted = false
            for (letter, phrase) in [
                (RACIMatrix.Letter.responsible, "responsible for " as StaticString), (.accountable, "accountable for "),
                (.consulted, "consulted on "), (.informed, "informed on "),
            ] {
                let n = counts[letter]
                guard n > 0 else { continue }
                parts.add(phrase, to: &md)
                md.number(n)
                if !counted { md.markdown(n == 1 ? " activity" : " activities") }
                counted = true
            }
            if parts.isEmpty { parts.add("told on handoffs", to: &md) }
            md.endRow()
        }
    }

    // MARK: Flow and RACI

    /// The flow as a Mermaid flowchart, which GitHub and GitLab draw in place; with `--render`, the swimlane
    /// diagram too.
    mutating func flow(_ image: DiagramImageFormat?) {
        md.fencedBlock(info: "mermaid", MermaidRenderer().render(process))
        md.startParagraph()
        md.markdown(
            "Read it top down: each box is a step, with its number; ◇× is a decision and its ways, ◇+ steps that run at the same time")
        md.markdown(" and where they meet; thick arrows hand the case to another role, with what is handed over; dotted red arrows are")
        md.markdown(" handoff gaps; dotted arrows start other processes.")
        md.endLine()
        guard let image else { return }
        renderedDiagram("Swimlanes of ", "", image)
    }

    /// `![Swimlanes of Incident](../diagrams/incident.svg)`: a diagram rendered with `--render`, for a safe id (the id
    /// is then a file name, written as it is in the link); nothing for another.
    mutating func renderedDiagram(_ alt: StaticString, _ view: StaticString, _ image: DiagramImageFormat) {
        guard OutputLayout.isSafeID(process.id) else { return }
        md.startParagraph()
        md.startImage()
        md.markdown(alt)
        md.text(definition.name.value)
        md.endLink(to: "../diagrams/\(process.id).\(view)\(image.rawValue)")
        md.endLine()
    }

    /// `[incident.dot](...), [incident.blueprint.dot](...)`: the sources of both diagrams, for a safe id.
    mutating func dotLinks() {
        dotLink(process.id)
        md.markdown(", ")
        dotLink(process.id, blueprint: true)
    }

    /// `[incident.dot](../diagrams/incident.dot)`, for a safe id; `.blueprint.dot` with `blueprint`.
    private mutating func dotLink(_ id: String, blueprint: Bool = false) {
        md.startLink()
        md.markdown(id)
        md.markdown(blueprint ? ".blueprint.dot" : ".dot")
        md.endLink(to: "../diagrams/\(id)", suffix: blueprint ? ".blueprint.dot" : ".dot")
    }

    mutating func matrix() {
        let raci = process.raci
        guard !raci.roles.isEmpty else {
            md.paragraph("No activity names a role.")
            return
        }
        md.startTableHeader()
        md.markdown("Activity")
        for id in raci.roles {
            md.headerCell()
            if let role = process.role(id) { md.text(role.name.value) } else { md.code(id) }
        }
        md.endTableHeader(columns: raci.roles.count + 1)
        for i in raci.rows.indices {
            md.startRow()
            activityLink(i)
            for cell in raci.rows[i].cells {
                md.nextCell()
                md.markdown { cell.append(to: &$0) }
            }
            md.endRow()
        }
        md.startParagraph()
        md.markdown("**R** responsible: does the work. **A** accountable: answers for it, one role per activity. ")
        md.markdown("**C** consulted: asked before. **I** informed: told after.")
        let conditions = raci.conditions
        if !conditions.isEmpty { md.markdown(" **\\*** only when:") }
        md.endLine()
        guard !conditions.isEmpty else { return }
        md.startList()
        for condition in conditions {
            md.bulletItem()
            roleName(condition.role)
            md.markdown(condition.letter == .consulted ? " is consulted on " : " is informed on ")
            if let k = definition.activityIndex(condition.activity.id.value) { activityLink(k) }
            md.markdown(" when ")
            md.text(condition.when)
            md.endLine()
        }
    }

    // MARK: Activities

    mutating func section(_ index: Int, _ activity: Activity) {
        md.startList()
        if let type = activity.type?.value, type != .task {
            md.labelledItem("Type")
            md.markdown(Self.typePhrase(type))
            md.endLine()
        }
        md.labelledItem("Responsible")
        roleNamesOrNobody(activity.responsible)
        md.endLine()
        md.labelledItem("Accountable")
        let accountable = process.context.accountable(activity)
        roleNamesOrNobody(accountable)
        if activity.accountable.isEmpty, !accountable.isEmpty { md.markdown(", the process default") }
        md.endLine()
        if !activity.consulted.isEmpty {
            md.labelledItem("Consulted")
            conditionalRoleNames(activity.consulted) { activity.condition(consulted: $0) }
            md.endLine()
        }
        if !activity.informed.isEmpty {
            md.labelledItem("Informed")
            conditionalRoleNames(activity.informed) { activity.condition(informed: $0) }
            md.endLine()
        }
        if let other = activity.otherPersonThan, let k = definition.activityIndex(other.value) {
            md.labelledItem("Four eyes")
            md.markdown("not the person who did ")
            activityLink(k)
            md.endLine()
        }
        if let same = activity.samePersonAs, let k = definition.activityIndex(same.value) {
            md.labelledItem("Same person")
            md.markdown("the person who did ")
            activityLink(k)
            md.endLine()
        }
        if let target = activity.target {
            md.labelledItem("Target time")
            budget(target)
            md.endLine()
        }
        if activity.isCadence {
            // "every 1h until 6. Resolve": the step repeats, and passes its branch on once `until` has ended.
            md.labelledItem("Repeats")
            for (n, entry) in activity.cadence.enumerated() {
                if n > 0 { md.markdown("; ") }
                md.markdown("every ")
                budget(entry.every)
                if let duration = entry.duration {
                    md.markdown(" for the first ")
                    self.duration(duration.value)
                }
                if let when = entry.when {
                    md.markdown(" when ")
                    md.text(when.value)
                }
            }
            untilActivity(activity)
            md.endLine()
        } else if activity.until != nil {
            md.labelledItem("Engaged")
            md.markdown("in the background")
            untilActivity(activity)
            md.endLine()
        }
        codesItem("Records", activity.records)
        codesItem("Inputs", activity.inputs)
        codesItem("Outputs", activity.outputs)

        if !activity.procedure.isEmpty {
            md.startParagraph()
            md.strong("Procedure")
            md.endLine()
            md.startList()
            for (n, step) in activity.procedure.enumerated() {
                md.numberedItem(n + 1)
                md.text(step.value)
                md.endLine()
            }
        }

        let leaving = process.handoffPointIndices(from: index)
        if activity.isJoin { joinWait(index) }
        next(index, activity, leaving.filter { !points[$0].isTrigger && !points[$0].isCancel && !points[$0].isTimeout })
        if !activity.timeouts.isEmpty { timers(activity, leaving) }
        if !activity.triggers.isEmpty {
            md.startParagraph()
            md.strong("Starts another process")
            md.markdown(" (this flow goes on)")
            md.endLine()
            md.startList()
            for (t, trigger) in activity.triggers.enumerated() {
                guard let k = leaving.first(where: { points[$0].kind == .trigger(index: t) }) else {
                    md.bulletItem()
                    md.code(trigger.process.value)
                    md.markdown(" (no such process or entry activity)")
                    md.endLine()
                    continue
                }
                md.bulletItem()
                if let external = points[k].target.external {
                    md.externalProcess(name: external.name.value, link: external.link?.value)
                } else {
                    processLink(trigger.process.value)
                }
                if trigger.activity != nil, let entry = points[k].target.activity {
                    md.markdown(" at ")
                    md.emphasis(text: entry.name.value)
                }
                if let when = trigger.when {
                    md.markdown(", when: ")
                    md.text(when.value)
                }
                md.endLine()
                handoffDetails(k, depth: 1)
            }
        }
    }

    /// ` until 6. Resolve has ended`, for a cadence or a continuous duty.
    private mutating func untilActivity(_ activity: Activity) {
        guard let until = activity.until else { return }
        md.markdown(" until ")
        if let k = definition.activityIndex(until.value) {
            activityLink(k)
        } else {
            md.code(until.value)
        }
        md.markdown(" has ended")
    }

    /// The step's timers: `after 4h: go to 5. Escalate to the carrier's manager`, each with its handoff.
    private mutating func timers(_ activity: Activity, _ leaving: [Int]) {
        md.startParagraph()
        md.strong("Timers")
        md.endLine()
        md.startList()
        for (t, timeout) in activity.timeouts.enumerated() {
            md.bulletItem()
            md.markdown("after ")
            if let after = timeout.after { budget(after) } else { md.markdown("(no time)") }
            if let from = timeout.from {
                md.markdown(" from the start of ")
                if let k = definition.activityIndex(from.value) { activityLink(k) } else { md.code(from.value) }
            }
            if let when = timeout.when {
                md.markdown(", when ")
                md.text(when.value)
            }
            md.markdown(timeout.isInterrupting ? ": go to " : ": start, beside this step, ")
            guard let k = leaving.first(where: { points[$0].kind == .timeout(index: t) }) else {
                md.code(timeout.to?.value ?? "")
                md.markdown(" (no such activity)")
                md.endLine()
                continue
            }
            activityLink(points[k].target.index)
            md.endLine()
            handoffDetails(k, depth: 1)
        }
    }

    /// Where the flow goes after the activity: the end, one target with its handoff, the steps that run at the same
    /// time and where they meet, or each branch with its condition and handoff.
    mutating func next(_ index: Int, _ activity: Activity, _ leaving: [Int]) {
        let isEnd = process.graph.ends.contains(index)
        if leaving.isEmpty {
            md.paragraph(isEnd ? "**Next:** this activity ends the process." : "**Next:** nothing (the flow stops here).")
            return
        }
        if case .fork? = activity.next, let site = forkSite(of: index, decision: nil) {
            md.startParagraph()
            md.strong("Next:")
            md.markdown(" these run at the same time:")
            md.endLine()
            md.startList()
            forkBranches(site, depth: 0, leaving)
            md.startParagraph()
            meeting(site)
            md.endLine()
            return
        }
        guard case .branches(let branches, _)? = activity.next else {
            guard let k = leaving.first else { return }
            md.startParagraph()
            md.strong("Next:")
            md.markdown(" ")
            activityLink(points[k].target.index)
            if points[k].target.activity?.isJoin == true { md.markdown(" (it waits for every branch)") }
            // `handoffDetails` writes nothing for a point that is neither a gap nor a handoff.
            let isGap = points[k].isGap
            if !isGap, points[k].handoff != nil { md.markdown(", with this handoff:") }
            md.endLine()
            handoffDetails(k, depth: 0)
            return
        }
        md.startParagraph()
        md.strong("Next")
        md.markdown(", by condition:")
        md.endLine()
        md.startList()
        for (b, branch) in branches.enumerated() {
            if branch.fork != nil {
                guard let site = forkSite(of: index, decision: b) else { continue }
                md.bulletItem()
                md.markdown("These run at the same time")
                onlyFor(branch.priorities)
                condition(branch.when)
                md.endLine()
                forkBranches(site, depth: 1, leaving)
                // After the branches, on a line of its own: the condition is the author's sentence, with its own stop.
                md.bulletItem(depth: 1)
                meeting(site)
                md.endLine()
                continue
            }
            guard let k = leaving.first(where: { points[$0].kind == .branch(index: b) }) else { continue }
            md.bulletItem()
            activityLink(points[k].target.index)
            if let outcome = branch.outcome?.value { md.markdown(outcome == .approved ? " (**approved**)" : " (**rejected**)") }
            onlyFor(branch.priorities)
            condition(branch.when)
            md.endLine()
            handoffDetails(k, depth: 1)
        }
        if isEnd { md.paragraph("This activity can also end the process.") }
    }

    /// ` (only for `p1`, `p2`)` for a branch only some priorities take; nothing for one every case may take.
    private mutating func onlyFor(_ priorities: [Located<String>]) {
        guard !priorities.isEmpty else { return }
        md.markdown(" (only for ")
        codes(priorities)
        md.markdown(")")
    }

    /// `, when: ...`, or ` (no condition stated)`.
    private mutating func condition(_ when: Located<String>?) {
        if let when {
            md.markdown(", when: ")
            md.text(when.value)
        } else {
            md.markdown(" (no condition stated)")
        }
    }

    /// The outermost fork an activity's `next` (or its decision entry `decision`) starts.
    private func forkSite(of index: Int, decision: Int?) -> Int? {
        process.graph.forks.indices.first { f in
            let fork = process.graph.forks[f]
            return fork.source == index && fork.parent == nil && fork.route.decision == decision
        }
    }

    /// One item per branch of a fork: the step it starts, with who does it and the handoff on the way, or the steps
    /// of a fork nested in it, one level deeper.
    private mutating func forkBranches(_ site: Int, depth: Int, _ leaving: [Int]) {
        let fork = process.graph.forks[site]
        for start in fork.branches {
            switch start {
            case .activity(let target, let transition):
                guard case .fork(let route) = process.graph.transitions[transition].kind,
                    let k = leaving.first(where: { points[$0].kind == .fork(route) })
                else { continue }
                md.bulletItem(depth: depth)
                activityLink(target)
                md.markdown(" (")
                targetRoleNames(k)
                md.markdown(")")
                md.endLine()
                handoffDetails(k, depth: depth + 1)
            case .fork(let inner):
                md.bulletItem(depth: depth)
                md.markdown("These run at the same time too:")
                md.endLine()
                forkBranches(inner, depth: depth + 1, leaving)
                md.bulletItem(depth: depth + 1)
                meeting(inner)
                md.endLine()
            case .unknown:
                continue
            }
        }
    }

    /// `They meet at [5. Hold the retrospective](#...), which starts once both are done.`, or that nothing waits for
    /// all of them.
    private mutating func meeting(_ site: Int) {
        let fork = process.graph.forks[site]
        guard let join = fork.join else {
            md.markdown("No step waits for all of them.")
            return
        }
        md.markdown("They meet at ")
        activityLink(join)
        if fork.branches.count == 2 {
            md.markdown(", which starts once both are done.")
        } else {
            md.markdown(", which starts once all ")
            md.number(fork.branches.count)
            md.markdown(" are done.")
        }
    }

    /// What a `join: all` step waits for: every branch of the forks it closes, named by the steps that start them.
    private mutating func joinWait(_ index: Int) {
        var starters: [Int] = []
        for fork in process.graph.forks where fork.join == index && !starters.contains(fork.source) {
            starters.append(fork.source)
        }
        md.startParagraph()
        md.strong("Waits for every branch:")
        guard !starters.isEmpty else {
            md.markdown(" this step starts once every branch running at the same time has reached it.")
            md.endLine()
            return
        }
        md.markdown(" this step starts once every branch started at ")
        for (n, source) in starters.enumerated() {
            if n > 0 { md.markdown(n == starters.count - 1 ? " or " : ", ") }
            activityLink(source)
        }
        md.markdown(" has reached it.")
        md.endLine()
    }

    /// The handoff on one transition or trigger as list items (artifact, expectation, who is told, escalation,
    /// agreement), or the gap when responsibility changes with no handoff; at `depth` under the list item before
    /// (0: as a list of its own). Nothing for a point that is neither.
    mutating func handoffDetails(_ k: Int, depth: Int) {
        if points[k].isGap {
            if depth == 0 { md.startList() }
            md.labelledItem("Handoff gap", depth: depth)
            md.markdown("responsibility passes from ")
            sourceRoleNames(k)
            md.markdown(" to ")
            if points[k].person == .other, points[k].isWithinOneRole {
                md.markdown("another person in the same role (four eyes)")
            } else {
                targetRoleNames(k, contacts: true)
            }
            md.markdown(" and no handoff is declared.")
            md.endLine()
            return
        }
        if points[k].handoff == nil, let external = points[k].target.external, external.receiver == nil {
            if depth == 0 { md.startList() }
            md.labelledItem("No receiver named", depth: depth)
            md.markdown("the process is defined elsewhere and names nobody to take the case in.")
            md.endLine()
            return
        }
        guard let handoff = points[k].handoff else { return }
        if depth == 0 { md.startList() }
        let itemDepth = depth
        md.bulletItem(depth: itemDepth)
        md.strong("Handoff")
        // Work coming back to a join's coordinating role is no change of hands, but a handoff declared on the way
        // still goes from one role to another.
        if points[k].person == .other, points[k].isWithinOneRole {
            md.markdown(" to another person in the same role (four eyes)")
        } else if points[k].change == .changed || points[k].isReturn {
            md.markdown(" from ")
            sourceRoleNames(k)
            md.markdown(" to ")
            targetRoleNames(k, contacts: true)
        }
        md.markdown(": hand over ")
        if let artifact = handoff.statedArtifact { md.code(artifact.value) } else { md.emphasis("no artifact named") }
        md.endLine()
        md.labelledItem("Expectation", depth: itemDepth)
        if let expectation = handoff.statedExpectation {
            md.text(expectation.value)
        } else if points[k].isToSystem {
            md.emphasis("none needed: a system commits to nothing")
        } else {
            md.emphasis("none stated")
        }
        md.endLine()
        if let within = handoff.within {
            md.labelledItem("Within", depth: itemDepth)
            budget(within)
            md.endLine()
        }
        if !handoff.informed.isEmpty {
            md.labelledItem("Who is told", depth: itemDepth)
            roleNames(handoff.informed)
            md.endLine()
        }
        if let escalation = handoff.escalation {
            md.labelledItem("Escalation", depth: itemDepth)
            switch escalation.value {
            case .functional: md.markdown("functional (to another team)")
            case .hierarchic: md.markdown("hierarchic (up the line)")
            }
            md.endLine()
        }
        if let agreement = handoff.statedAgreement {
            md.labelledItem("Agreement", depth: itemDepth)
            md.text(agreement.value)
            md.endLine()
        }
    }

    // MARK: Cancellations

    /// Each `cancel` entry once: the steps it can interrupt, the condition, where it goes and its handoff.
    mutating func cancellations() {
        md.paragraph("Each of these stops every step still running and goes straight to the step it names.")
        md.startList()
        for (c, entry) in process.graph.cancellations.enumerated() {
            md.bulletItem()
            md.markdown("Go to ")
            if let target = entry.target {
                activityLink(target)
            } else {
                md.code(entry.cancellation.to.value)
                md.markdown(" (no such activity)")
            }
            md.markdown(entry.cancellation.from == nil && !entry.sources.isEmpty ? " at any point in " : " from ")
            stepNumbers(entry.sources)
            condition(entry.cancellation.when)
            md.endLine()
            if let k = points.indices.first(where: { points[$0].kind == .cancel(entry: c) }) { handoffDetails(k, depth: 1) }
        }
    }

    /// `step 2`, `steps 2–4`: `StepNumbers`, whose digits, commas and dashes need no escaping.
    private mutating func stepNumbers(_ positions: [Int]) {
        md.markdown(StepNumbers.phrase(positions))
    }

    /// The receiving roles, named as the receiving process sees them; with `contacts`, each with its contact, which
    /// is what the person handing over needs at that moment.
    mutating func targetRoleNames(_ k: Int, contacts: Bool = false) {
        let roles = points[k].target.roles
        guard !roles.isEmpty else {
            md.emphasis("nobody")
            return
        }
        for (i, resolved) in roles.enumerated() {
            if i > 0 { md.markdown(", ") }
            guard let role = resolved.role else {
                md.code(resolved.id.value)
                md.markdown(" (unknown role)")
                continue
            }
            md.text(role.name.value)
            if contacts, let contact = role.contactText {
                md.markdown(" (")
                md.text(contact)
                md.markdown(")")
            }
        }
    }

    /// `[Problem Management](problem-management.md)`, or the id when the process is unknown or its id unusable.
    mutating func processLink(_ id: String) {
        guard let other = process.processesByID[id] else {
            md.code(id)
            md.markdown(" (no such process)")
            return
        }
        guard OutputLayout.isSafeID(id) else {
            md.text(other.name.value)
            return
        }
        md.link(text: other.name.value, to: id, suffix: ".md")
    }

    // MARK: Handoffs and policies

    mutating func handoffTable() {
        let handoffPoints = points.indices.filter { points[$0].isHandoff }
        defer {
            md.startParagraph()
            md.markdown("Every process's handoffs, and how many pass from team to team: ")
            md.startLink()
            md.markdown("the handoff map")
            md.endLink(to: "../\(OutputLayout.handoffs)")
            md.markdown(".")
            md.endLine()
        }
        guard !handoffPoints.isEmpty else {
            md.paragraph("Responsibility never passes to another role in this process.")
            return
        }
        // The column of committed times only where a handoff states one: most processes have none yet.
        let showsWithin = handoffPoints.contains { points[$0].handoff?.within != nil }
        if showsWithin {
            md.startTable(["From", "To", "Roles", "Artifact", "Expectation", "Within", "Agreement"])
        } else {
            md.startTable(["From", "To", "Roles", "Artifact", "Expectation", "Agreement"])
        }
        for k in handoffPoints {
            md.startRow()
            if case .cancel(let c) = points[k].kind, process.graph.cancellations.indices.contains(c) {
                stepNumbers(process.graph.cancellations[c].sources)
                md.markdown(", cut short")
            } else {
                activityLink(points[k].source)
            }
            md.nextCell()
            if let external = points[k].target.external {
                md.externalProcess(name: external.name.value, link: external.link?.value)
            } else if points[k].isTrigger {
                processLink(points[k].target.process?.id.value ?? "")
                md.markdown(": ")
                md.emphasis(text: points[k].target.activity?.name.value ?? "")
            } else {
                activityLink(points[k].target.index)
            }
            md.nextCell()
            sourceRoleNames(k)
            md.markdown(" → ")
            targetRoleNames(k)
            md.nextCell()
            guard let handoff = points[k].handoff else {
                // A trigger into a process defined elsewhere with no receiver is listed, but nobody can tell a gap.
                if points[k].isGap { md.strong("gap: no handoff declared") } else { md.emphasis("no handoff declared") }
                md.nextCell()
                md.nextCell()
                if showsWithin { md.nextCell() }
                md.endRow()
                continue
            }
            if let artifact = handoff.statedArtifact { md.code(artifact.value) } else { md.emphasis("none") }
            md.nextCell()
            if let expectation = handoff.statedExpectation { md.cellText(expectation.value) } else { md.emphasis("none") }
            md.nextCell()
            if showsWithin {
                if let within = handoff.within { budget(within) }
                md.nextCell()
            }
            if let agreement = handoff.statedAgreement { md.cellText(agreement.value) }
            md.endRow()
        }
    }

    /// The process's `targets`, as written; whether the plan can meet them comes with the time analysis.
    mutating func serviceTargets() {
        md.startTable(["Target", "For", "Clock starts", "Clock stops", "Within", "Clock"])
        for target in definition.targets {
            md.startRow()
            if let name = target.name { md.cellText(name.value) } else { md.code(target.id.value) }
            md.nextCell()
            if let priority = target.priority {
                md.markdown("priority ")
                md.code(priority.value)
            } else if let when = target.when {
                md.cellText(when.value)
            } else {
                md.markdown("every case")
            }
            md.nextCell()
            targetEnd(target.from)
            md.nextCell()
            targetEnd(target.to)
            md.nextCell()
            if let within = target.within { budget(within) }
            md.nextCell()
            md.markdown(target.clock?.value == .business ? "business time" : "elapsed")
            md.endRow()
        }
        targetVerdicts()
    }

    /// Per target and priority, what its budgets add up to on the fastest and the slowest path, and what that means;
    /// the same sums as `time/target-infeasible` and `time/target-at-risk`.
    private mutating func targetVerdicts() {
        let analysis = process.context.targets
        guard analysis.verdicts.contains(where: { !$0.isEmpty }) else { return }
        let businessDay = analysis.businessDay
        md.paragraph("What the budgets on the way add up to (steps' targets, handoffs' within, timers' after; a loop counted once):")
        md.startTable(["Target", "Priority", "Fastest path", "Slowest path", "Verdict"])
        for (t, verdicts) in analysis.verdicts.enumerated() {
            let target = definition.targets[t]
            for verdict in verdicts {
                md.startRow()
                if let name = target.name { md.cellText(name.value) } else { md.code(target.id.value) }
                md.nextCell()
                if let priority = verdict.priority { md.code(priority) } else { md.markdown("every case") }
                md.nextCell()
                let clock = verdict.isBusinessClock
                if let fastest = verdict.fastest {
                    md.cellText(TimeComparison.describe(fastest.total, businessClock: clock, businessDay: businessDay))
                }
                md.nextCell()
                if let slowest = verdict.slowest {
                    md.cellText(TimeComparison.describe(slowest.total, businessClock: clock, businessDay: businessDay))
                    if !slowest.unboundedLoops.isEmpty { md.markdown(" (a loop no timer leaves: unbounded)") }
                }
                md.nextCell()
                md.text(verdict.summary(businessDay: businessDay))
                md.endRow()
            }
        }
    }

    /// The longest stretch without news to the customers, as the silence analysis measures it; nil for a process
    /// that tells no customer, or whose steps have no budgets to add up.
    func longestSilenceFound() -> (analysis: SilenceAnalysis, longest: SilenceAnalysis.Stretch)? {
        guard let analysis = process.context.silenceAnalyses().first(where: { $0.audience.ownRole == nil }),
            let longest = analysis.longest, longest.length.bestElapsed > 0
        else { return nil }
        return (analysis, longest)
    }

    private mutating func longestSilence() {
        guard let (analysis, longest) = silence else { return }
        let businessDay = process.context.businessDaySeconds
        md.heading(2, "Keeping the customer informed")
        md.startParagraph()
        md.markdown("Longest customer silence: ")
        md.text(TimeComparison.describe(longest.length, businessClock: false, businessDay: businessDay))
        if let priority = longest.priority {
            md.markdown(" for ")
            md.code(priority)
        }
        if let from = longest.from {
            md.markdown(", from the end of ")
            activityLink(from)
        } else {
            md.markdown(", from the start of the case")
        }
        md.markdown(longest.closesCase ? " to the close at " : " to the start of ")
        activityLink(longest.to)
        md.markdown(" (the limit is ")
        md.text(analysis.audience.limitText)
        md.markdown(").")
        md.endLine()
    }

    /// `start of [1. Log](#1-log)`; the id when no activity has it.
    private mutating func targetEnd(_ end: ServiceTarget.End?) {
        guard let end else { return }
        md.markdown(end.moment == .start ? "start of " : "end of ")
        if let k = definition.activityIndex(end.activity.value) { activityLink(k) } else { md.code(end.activity.value) }
    }

    mutating func policies() {
        let statuses = process.policyStatuses
        guard !statuses.isEmpty else {
            md.paragraph("No policy applies to this process.")
            return
        }
        md.startTable(["Policy", "Severity", "Status"])
        for status in statuses {
            md.startRow()
            md.cellText(status.title)
            if let runs = status.runs {
                md.markdown(", on ")
                md.cellText(runs)
            }
            md.nextCell()
            md.markdown(status.severity.rawValue)
            md.nextCell()
            switch status.state {
            case .holds:
                md.markdown(status.noRunInScope ? "holds: the process has no such run" : "holds")
            case .waived(let until, let reason, let approver):
                switch until {
                case .date(let last):
                    md.markdown("waived until ")
                    md.markdown(last.description)
                case .permanent:
                    md.markdown("waived permanently")
                }
                if let approver {
                    md.markdown(" (approved by ")
                    roleName(approver)
                    md.markdown(")")
                }
                if !reason.isEmpty {
                    md.markdown(": ")
                    md.cellText(reason)
                }
            case .fails(let count):
                md.strong("fails")
                md.markdown(" (")
                md.number(count)
                md.markdown(count == 1 ? " finding)" : " findings)")
            }
            md.endRow()
        }
    }
}

/// The "Part in this process" sentence of a role, written part by part: the first part capitalised, the others
/// after a comma.
private struct RolePartSentence {
    private(set) var isEmpty = true

    mutating func add(_ phrase: StaticString, to md: inout MarkdownWriter) {
        if isEmpty {
            md.capitalized(phrase)
        } else {
            md.markdown(", ")
            md.markdown(phrase)
        }
        isEmpty = false
    }
}

extension HandoffPoint {
    /// True for a `cancel` entry: the runbook lists those once, apart from each step's own way on.
    var isCancel: Bool {
        if case .cancel = kind { return true }
        return false
    }

    /// True for a `timeout` entry: the runbook lists a step's timers apart from its way on.
    var isTimeout: Bool {
        if case .timeout = kind { return true }
        return false
    }

    /// True for a branch arriving back at the role that coordinates its join.
    var isReturn: Bool {
        if case .returning = change { return true }
        return false
    }
}
