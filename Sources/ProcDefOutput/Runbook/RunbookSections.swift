import ProcDef

/// The runbook's sections for the person on call and for its reviewers: the escalation ladder, what the customer
/// sees, and the closing section with the check's findings.
extension RunbookPage {
    // MARK: Escalation

    /// The handoff points a case escalates along: a handoff marked `escalation`, and every timer that fires, in the
    /// order of their steps (a cancel entry's escalation last).
    static func escalationPoints(_ process: CheckedProcess) -> [Int] {
        let points = process.handoffs.points
        return points.indices.filter { k in
            if points[k].handoff?.escalation != nil { return true }
            if case .timeout = points[k].kind { return true }
            return false
        }.sorted { a, b in
            let (x, y) = (points[a], points[b])
            if x.isCancel != y.isCancel { return !x.isCancel }
            return x.source != y.source ? x.source < y.source : a < b
        }
    }

    /// The ladder: from which step, after what, to whom, and how to reach them.
    mutating func escalationLadder() {
        md.paragraph("When the case is stuck or a timer runs out, it goes up this ladder:")
        md.startTable(["From", "When", "To", "How to reach them"])
        for k in escalations {
            let point = points[k]
            md.startRow()
            if case .cancel(let c) = point.kind, process.graph.cancellations.indices.contains(c) {
                md.markdown(StepNumbers.phrase(process.graph.cancellations[c].sources))
            } else {
                activityLink(point.source)
            }
            md.nextCell()
            escalationMoment(point)
            md.nextCell()
            if let external = point.target.external {
                md.externalProcess(name: external.name.value, link: external.link?.value)
            } else if point.isTrigger {
                targetRoleNames(k)
                md.markdown(" in ")
                processLink(point.target.process?.id.value ?? "")
            } else {
                targetRoleNames(k)
                md.markdown(" at ")
                activityLink(point.target.index)
            }
            md.nextCell()
            var first = true
            for resolved in point.target.roles {
                guard let contact = resolved.role?.contactText else { continue }
                if !first { md.markdown("; ") }
                first = false
                if point.target.roles.count > 1, let name = resolved.role?.name.value {
                    md.text(name)
                    md.markdown(": ")
                }
                md.cellText(contact)
            }
            if first { md.emphasis("no contact recorded") }
            md.endRow()
        }
    }

    /// `after 4h`, `when the resolution target is at risk`, and the kind of escalation.
    private mutating func escalationMoment(_ point: HandoffPoint) {
        let activity = activities[point.source]
        var wrote = false
        if case .timeout(let t) = point.kind, activity.timeouts.indices.contains(t) {
            let timer = activity.timeouts[t]
            md.markdown("◷ ")
            if let after = timer.after { budget(after) } else { md.markdown("a timer") }
            md.markdown(timer.isInterrupting ? " without an end" : " (the step goes on)")
            wrote = true
        } else if let condition = condition(of: point) {
            md.cellText(condition)
            wrote = true
        }
        if let escalation = point.handoff?.escalation?.value {
            if wrote { md.markdown(" — ") }
            md.markdown(escalation == .functional ? "to another team" : "up the line")
            wrote = true
        }
        if !wrote { md.markdown("when needed") }
    }

    /// The condition of every transition that has one, by its source and kind: looked up per escalation.
    static func transitionConditions(_ process: CheckedProcess) -> [EdgeKey: String] {
        var conditions: [EdgeKey: String] = [:]
        for transition in process.graph.transitions {
            if let when = transition.condition?.value {
                conditions[EdgeKey(source: transition.source, kind: transition.handoffKind)] = when
            }
        }
        return conditions
    }

    /// The condition written on the edge of a handoff point, if any.
    private func condition(of point: HandoffPoint) -> String? {
        switch point.kind {
        case .cancel(let c):
            return process.graph.cancellations.indices.contains(c) ? process.graph.cancellations[c].cancellation.when?.value : nil
        case .trigger(let t):
            let triggers = activities[point.source].triggers
            return triggers.indices.contains(t) ? triggers[t].when?.value : nil
        default:
            return transitionConditions[EdgeKey(source: point.source, kind: point.kind)]
        }
    }

    // MARK: The customer's side

    /// The service's two sides: which steps the customer sees (those of front-stage and customer roles) and each
    /// moment a step tells or asks the customer something, in the order of the steps.
    mutating func customerView(_ image: DiagramImageFormat?) {
        var lines: [(index: Int, front: [String], told: [String], asked: [String])] = []
        // The moments the customer is told or asked something, as the blueprint marks them.
        let moments = DiagramRenderer.Drawing.customerMoments(process)
        for (i, activity) in activities.enumerated() {
            // Each role once, however often the step names it.
            var named: Set<String> = []
            let front = activity.responsible.map(\.value).filter {
                let stage = self.process.role($0)?.serviceStage
                return (stage == .front || stage == .customer) && named.insert($0).inserted
            }
            let asked = (moments[i] ?? []).filter(\.asks).map(\.role)
            let told = (moments[i] ?? []).filter { !$0.asks }.map(\.role)
            if !front.isEmpty || !told.isEmpty || !asked.isEmpty { lines.append((i, front, told, asked)) }
        }
        guard !lines.isEmpty else {
            md.paragraph(
                "The customer sees nothing of this process: no step is done in front of the counter, and no step tells or asks a customer anything."
            )
            return
        }
        md.paragraph(
            "A service has two sides: what the customer sees, and what happens behind the counter. These are the moments the customer sees, in order; every other step happens out of their sight."
        )
        md.startList()
        for line in lines {
            md.bulletItem()
            activityLink(line.index)
            md.markdown(": ")
            var parts = 0
            // The customer's own step, then the front stage's.
            let own = line.front.filter { process.role($0)?.serviceStage == .customer }
            let front = line.front.filter { process.role($0)?.serviceStage != .customer }
            if !own.isEmpty {
                md.markdown("the customer does it (")
                roleNames(own)
                md.markdown(")")
                parts += 1
            }
            if !front.isEmpty {
                if parts > 0 { md.markdown("; ") }
                roleNames(front)
                md.markdown(front.count == 1 ? " deals with the customer" : " deal with the customer")
                parts += 1
            }
            if !line.asked.isEmpty {
                if parts > 0 { md.markdown("; ") }
                roleNames(line.asked)
                md.markdown(line.asked.count == 1 ? " is asked" : " are asked")
                parts += 1
            }
            if !line.told.isEmpty {
                if parts > 0 { md.markdown("; ") }
                roleNames(line.told)
                md.markdown(line.told.count == 1 ? " is told" : " are told")
            }
            md.endLine()
        }
        guard let image else { return }
        renderedDiagram("Service blueprint of ", "blueprint.", image)
    }

    // MARK: For reviewers

    /// Severity, rule, place and message of each finding.
    private mutating func findingsTable(_ findings: [Diagnostic]) {
        md.startTable(["Severity", "Rule", "Where", "Finding"])
        for finding in findings {
            md.startRow()
            md.markdown(finding.severity == .error ? "**error**" : finding.severity == .warning ? "warning" : "note")
            md.nextCell()
            md.code(finding.rule)
            md.nextCell()
            md.code("\(finding.file):\(finding.range.start.line):\(finding.range.start.column)")
            md.nextCell()
            md.cellText(finding.message)
            md.endRow()
        }
    }

    /// What a reviewer of the definition needs and the person on call does not: the check's findings, where the
    /// definition lives, its ids, and the diagrams' sources.
    mutating func reviewers(_ image: DiagramImageFormat?) {
        let findings = process.findings
        if findings.isEmpty {
            md.paragraph(
                process.knownFindings.isEmpty
                    ? "The check found nothing to report in this process."
                    : "The check found nothing new to report in this process.")
        } else {
            md.startParagraph()
            md.markdown("The check's findings in this process (")
            md.number(findings.count)
            md.markdown("):")
            md.endLine()
            findingsTable(findings)
        }
        if !process.knownFindings.isEmpty {
            md.startParagraph()
            md.markdown("Known findings, accepted in the baseline")
            if let file = process.baselineFile {
                md.markdown(" ")
                md.path(file)
            }
            md.markdown(" until they are fixed (")
            md.number(process.knownFindings.count)
            md.markdown("):")
            md.endLine()
            findingsTable(process.knownFindings)
        }
        md.startList()
        md.labelledItem("Definition")
        md.path(definition.file)
        md.markdown(", process ")
        md.code(definition.id.value)
        if let version = definition.version {
            md.markdown(", version ")
            md.number(version.value)
        }
        md.endLine()
        if OutputLayout.isSafeID(process.id) {
            md.labelledItem("Diagrams")
            dotLinks()
            if image == nil { md.markdown(" (Graphviz: `dot -Tsvg`, or build with `procdef build --render svg`)") }
            md.endLine()
        }
        if !process.policyStatuses.isEmpty {
            md.labelledItem("Policies")
            for (i, status) in process.policyStatuses.enumerated() {
                if i > 0 { md.markdown(", ") }
                md.code(status.policyID)
            }
            md.endLine()
        }
        md.startParagraph()
        md.markdown("Generated by procdef. Change the definition and rebuild; edits here are overwritten.")
        md.endLine()
    }
}

/// The commits that touched each definition file, newest first: what `procdef build --history` reads from
/// `git log`, once for every file.
package struct ChangeHistory: Sendable {
    package struct Record: Sendable, Equatable {
        package var commit: String
        package var date: String
        package var author: String
        package var subject: String

        package init(commit: String, date: String, author: String, subject: String) {
            self.commit = commit
            self.date = date
            self.author = author
            self.subject = subject
        }
    }

    /// How many commits a runbook lists.
    package static let limit = 5

    /// Per definition file, as the check read its path.
    private var byFile: [String: [Record]] = [:]

    package init(byFile: [String: [Record]] = [:]) {
        self.byFile = byFile
    }

    package func records(for file: String) -> [Record] {
        Array((byFile[file] ?? []).prefix(Self.limit))
    }

    /// The `git log` arguments whose output `parse` reads. Every field ends with NUL, which no commit subject, author
    /// or path can hold (a subject may hold any other control character); paths are written as they are, not
    /// quoted (`core.quotePath=false`), one per line after the commit.
    package static let gitArguments = [
        "-c", "core.quotePath=false", "log", "--no-renames", "--date=short", "--format=%x00%h%x00%ad%x00%an%x00%s%x00",
        "--name-only",
    ]

    /// Reads `git log` output made with `gitArguments`. `files` maps each path as git prints it (relative to the top
    /// of the repository) to the definition file it is; each keeps its newest `limit` commits.
    package static func parse(_ output: String, files: [String: String]) -> ChangeHistory {
        var byFile: [String: [Record]] = [:]
        var fields = output.split(separator: "\u{0}", omittingEmptySubsequences: false).dropFirst()[...]
        while fields.count >= 5 {
            let group = Array(fields.prefix(5))
            fields = fields.dropFirst(5)
            let record = Record(commit: String(group[0]), date: String(group[1]), author: String(group[2]), subject: String(group[3]))
            for line in group[4].split(separator: "\n") {
                guard let file = files[String(line)], byFile[file, default: []].count < limit else { continue }
                byFile[file, default: []].append(record)
            }
        }
        return ChangeHistory(byFile: byFile)
    }
}
