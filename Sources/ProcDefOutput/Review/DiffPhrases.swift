import ProcDef

/// The wording of `procdef diff`, shared by the text and Markdown renderers.
struct DiffPhrases: Sendable {
    let style: DiffStyle

    var arrow: String { style.arrow }

    // MARK: Edges and handoffs

    /// `'confirm' -> 'investigate'`, `'resolve' -> process 'problem-management'`, or `... at 'record'`; `fork branch
    /// 'assess' -> 'contain'`; `cancellation 'assess', 'contain' -> 'close-false-alarm'`; `timer 'wait' -> 'escalate'`.
    func edge(_ ref: EdgeRef) -> String {
        let from = style.id(ref.source)
        switch ref.kind {
        case .fork:
            return "fork branch \(from) \(arrow) \(style.id(ref.target ?? ""))"
        case .cancel:
            let sources = ref.interrupted.isEmpty ? [ref.source] : ref.interrupted
            return "cancellation \(sources.map(style.id).joined(separator: ", ")) \(arrow) \(style.id(ref.target ?? ""))"
        case .timeout:
            return "timer \(from) \(arrow) \(style.id(ref.target ?? ""))"
        case .transition, .trigger:
            break
        }
        guard let process = ref.process else { return "\(from) \(arrow) \(style.id(ref.target ?? ""))" }
        return "\(from) \(arrow) process \(style.id(process))" + (ref.target.map { " at \(style.id($0))" } ?? "")
    }

    /// `service-desk`, `application-support, infrastructure-ops`, or `nobody`.
    func roles(_ ids: [String]) -> String {
        ids.isEmpty ? "nobody" : ids.map(style.id).joined(separator: ", ")
    }

    /// `artifact 'incident-record', expectation "...", within 30m, informed 'user', escalation functional, agreement "OLA-7"`.
    func handoff(_ facts: HandoffFacts) -> String {
        var parts = [facts.artifact.map { "artifact \(style.id($0))" } ?? "no artifact"]
        parts.append(facts.expectation.map { "expectation \(style.text($0))" } ?? "no expectation")
        if let within = facts.within { parts.append("within \(within)") }
        if !facts.informed.isEmpty { parts.append("informed \(roles(facts.informed))") }
        if let escalation = facts.escalation { parts.append("escalation \(escalation.rawValue)") }
        if let agreement = facts.agreement { parts.append("agreement \(style.text(agreement))") }
        return parts.joined(separator: ", ")
    }

    /// `service-desk -> application-support, infrastructure-ops`
    func passage(_ state: EdgeState) -> String {
        if state.toOtherPersonInRole { return "\(roles(state.fromRoles)) \(arrow) another person in the same role (four eyes)" }
        return "\(roles(state.fromRoles)) \(arrow) \(roles(state.toRoles))"
    }

    /// What happened to an edge, after its name: `added, when "...", handoff: ...`, `removed`, or the changes.
    func edgeChange(_ change: EdgeChange) -> String {
        switch change.kind {
        case .added:
            guard let state = change.after else { return "added" }
            return (["added"] + describe(state)).joined(separator: "; ")
        case .removed:
            guard let state = change.before else { return "removed" }
            return (["removed"] + describe(state)).joined(separator: "; ")
        case .changed:
            guard let before = change.before, let after = change.after else { return "changed" }
            return differences(before, after).joined(separator: "; ")
        }
    }

    private func describe(_ state: EdgeState) -> [String] {
        var parts: [String] = []
        if let outcome = state.outcome { parts.append("if \(outcome)") }
        if !state.priorities.isEmpty { parts.append("only for \(state.priorities.joined(separator: ", "))") }
        if let condition = state.condition { parts.append("when \(style.text(condition))") }
        if let handoff = state.handoff {
            parts.append("handoff: \(self.handoff(handoff))")
        } else if state.passesResponsibility == true {
            parts.append("no handoff where responsibility passes (\(passage(state)))")
        }
        return parts
    }

    private func differences(_ a: EdgeState, _ b: EdgeState) -> [String] {
        var parts: [String] = []
        if a.outcome != b.outcome { parts.append("outcome: \(a.outcome ?? "-") \(arrow) \(b.outcome ?? "-")") }
        if a.priorities != b.priorities {
            func list(_ priorities: [String]) -> String { priorities.isEmpty ? "every priority" : priorities.joined(separator: ", ") }
            parts.append("priorities: \(list(a.priorities)) \(arrow) \(list(b.priorities))")
        }
        switch (a.condition, b.condition) {
        case (nil, let new?): parts.append("condition added: when \(style.text(new))")
        case (_?, nil): parts.append("condition removed")
        case (let old?, let new?) where old != new: parts.append("condition: when \(style.text(old)) \(arrow) \(style.text(new))")
        default: break
        }
        switch (a.handoff, b.handoff) {
        case (nil, let new?): parts.append("handoff declared: \(handoff(new))")
        case (let old?, nil): parts.append("handoff removed (was: \(handoff(old)))")
        case (let old?, let new?) where old != new:
            parts += new.changedFields(from: old).map { field in "handoff " + self.field(field) }
        default: break
        }
        switch (a.passesResponsibility, b.passesResponsibility) {
        case (let old, true) where old != true:
            parts.append("responsibility now passes: \(passage(b))")
        case (true, false):
            parts.append("responsibility no longer passes: \(roles(b.fromRoles)) on both ends")
        case (_?, nil) where b.toUnnamedReceiver:
            parts.append("the process it starts no longer names a receiver: nobody is named to take the case in")
        case (_?, nil):
            parts.append("whether responsibility passes can no longer be told (an unknown role or target, or no responsible role)")
        case (nil, false):
            parts.append("responsibility now stays with \(roles(b.fromRoles)) on both ends")
        case (true, true) where a.fromRoles != b.fromRoles || a.toRoles != b.toRoles:
            parts.append("responsibility passes \(passage(b)) (was \(passage(a)))")
        default: break
        }
        return parts
    }

    /// `'confirm' -> 'investigate': service-desk -> application-support, no handoff declared`.
    func gap(_ change: GapChange) -> String {
        switch change.kind {
        case .introduced:
            return "responsibility passes from \(roles(change.state.fromRoles)) to \(roles(change.state.toRoles)) with no handoff declared"
        case .fixed:
            let how: String
            switch change.fix {
            case .handoffDeclared?: how = "a handoff is declared"
            case .edgeRemoved?: how = "the transition is gone"
            case .sameRoles?: how = "the same roles are responsible on both ends"
            case .undetermined?, nil: how = "responsibility can no longer be told to pass"
            }
            return "fixed: \(how) (was \(passage(change.state)))"
        }
    }

    // MARK: Who holds the case, parallel work

    /// `'application-support' -> 'infrastructure-ops', team moves: "Applications" -> "Infrastructure"`, or, when
    /// only the team changed, `'application-support', team moves: "Applications" -> "Platform"`.
    func holder(_ change: CaseHolderChange) -> String {
        var text = change.changesHolder ? "\(roles(change.before)) \(arrow) \(roles(change.after))" : roles(change.after)
        if change.movesTeam { text += ", team moves: " + teamMove(change) }
        return text
    }

    /// `'diagnose': ` and the holder change.
    func holderAt(_ change: CaseHolderChange) -> String {
        "\(style.id(change.activity)): \(holder(change))"
    }

    /// `"Applications" -> "Infrastructure"`, or `-` when the case stays with its teams.
    func teamMove(_ change: CaseHolderChange) -> String {
        guard change.movesTeam else { return "-" }
        return "\(teams(change.teamsBefore)) \(arrow) \(teams(change.teamsAfter))"
    }

    private func teams(_ names: [String]) -> String {
        names.map(style.text).joined(separator: ", ")
    }

    /// `fork branch 'assess' -> 'contain'`, `cancellation to 'close-false-alarm'`, `join 'retrospective'`.
    func parallelPart(_ change: ParallelChange) -> String {
        switch change.kind {
        case .forkBranch: return "fork branch \(change.from.map(style.id).joined(separator: ", ")) \(arrow) \(style.id(change.to))"
        case .cancellation: return "cancellation to \(style.id(change.to))"
        case .join: return "join \(style.id(change.to))"
        }
    }

    /// `added; when "..."; interrupts 'assess', 'contain'`, `removed; closed the fork at 'assess'`.
    func parallelChange(_ change: ParallelChange) -> String {
        var parts = [change.change.rawValue]
        if let condition = change.when { parts.append("when \(style.text(condition))") }
        let added = change.change == .added
        switch change.kind {
        case .forkBranch:
            break
        case .cancellation:
            if change.from.isEmpty {
                parts.append(added ? "interrupts no step" : "interrupted no step")
            } else {
                parts.append((added ? "interrupts " : "interrupted ") + change.from.map(style.id).joined(separator: ", "))
            }
        case .join:
            let forks = change.from.map { "the fork at \(style.id($0))" }.joined(separator: ", ")
            parts.append(
                added ? (forks.isEmpty ? "closes no fork" : "closes \(forks)") : (forks.isEmpty ? "closed no fork" : "closed \(forks)"))
        }
        return parts.joined(separator: "; ")
    }

    // MARK: Fields, activities, RACI, policies

    /// `owner: 'a' -> 'b'`, `target: 1d -> 2d`, `purpose: "..." -> "..."`; `-` when not set.
    func field(_ change: FieldChange) -> String {
        "\(style.key(change.field)): \(value(change.field, change.before)) \(arrow) \(value(change.field, change.after))"
    }

    private func value(_ field: String, _ value: String?) -> String {
        guard let value else { return "-" }
        switch field {
        case "owner", "manager", "case-owner", "requester", "defaults.accountable", "approved-by", "start", "artifact", "until":
            return style.id(value)
        case "informed", "tags", "records", "inputs", "outputs", "policies":
            // Lists of ids, joined with ", " by `FieldChange`.
            return value.components(separatedBy: ", ").map(style.id).joined(separator: ", ")
        case "version", "target", "timeout", "every", "end", "procedure", "escalation", "kind", "effective", "review.last", "review.every":
            return PlainText.line(value)
        default: return style.text(value)
        }
    }

    /// `added 'triage' ("Triage the call") at 2`, `renamed 'diagnose' -> 'investigate' (same name)`, ...
    func activity(_ change: ActivityChange) -> String {
        let id = style.id(change.id)
        switch change.kind {
        case .added: return "added \(id) (\(style.text(change.name))) at position \(change.position)"
        case .removed: return "removed \(id) (\(style.text(change.name))), was at position \(change.position)"
        case .renamed:
            let basis: String
            switch change.basis {
            case .name?: basis = "same name"
            case .procedure?: basis = "same procedure"
            case .roles?, nil: basis = "same place and roles"
            }
            return "renamed \(style.id(change.previousID ?? "")) \(arrow) \(id) (\(basis))"
        case .moved: return "moved \(id) from position \(change.previousPosition ?? 0) to \(change.position)"
        case .edited: return "\(id): " + change.fields.map(field).joined(separator: "; ")
        }
    }

    /// `service-desk: R -> I on 'diagnose'`
    func raci(_ change: RACIChange) -> String {
        "\(style.id(change.role)): \(change.before) \(arrow) \(change.after) on \(style.id(change.activity))"
    }

    /// `holds`, `waived until 2027-03-31`, `waived permanently (approved by 'security-owner')`, `fails (2 findings)`, or
    /// `not applied`.
    func policyState(_ state: PolicyStatus.State?) -> String {
        switch state {
        case nil: return "not applied"
        case .holds?: return "holds"
        case .waived(let until, _, let approver)?:
            let term = until.date.map { "waived until \($0)" } ?? "waived permanently"
            return term + (approver.map { " (approved by \(style.id($0)))" } ?? "")
        case .fails(let count)?: return "fails (\(count) \(count == 1 ? "finding" : "findings"))"
        }
    }

    /// With the runs of each side where the policy's `when` or `unless` changed, or whether the process has a run
    /// in its scope: `fails (1 finding), on runs through an activity that is tagged 'confirmed'`, `holds, with no runs
    /// through ...`.
    func policy(_ change: PolicyStatusChange) -> String {
        let showsRuns = change.before != nil && change.after != nil && change.runsBefore != change.runsAfter
        func side(_ state: PolicyStatus.State?, _ runs: String?, _ noRun: Bool) -> String {
            var text = policyState(state)
            guard state != nil else { return text }
            if noRun, let runs {
                text += ", with no \(style.phrase(runs))"
            } else if showsRuns {
                text += ", on \(style.phrase(runs ?? "every run"))"
            }
            return text
        }
        let before = side(change.before, change.runsBefore, change.noRunBefore)
        let after = side(change.after, change.runsAfter, change.noRunAfter)
        return "\(style.id(change.policyID)) (\(style.text(change.title))): \(before) \(arrow) \(after)"
    }

    func role(_ change: RoleChange) -> String {
        let id = style.id(change.id)
        switch change.kind {
        case .added: return "added \(id) (\(style.text(change.name)))"
        case .removed: return "removed \(id) (\(style.text(change.name)))"
        case .changed: return "\(id): " + change.fields.map(field).joined(separator: "; ")
        }
    }

    func externalProcess(_ change: ExternalProcessChange) -> String {
        let id = style.id(change.id)
        switch change.kind {
        case .added: return "added \(id) (\(style.text(change.name)))"
        case .removed: return "removed \(id) (\(style.text(change.name)))"
        case .changed: return "\(id): " + change.fields.map(field).joined(separator: "; ")
        }
    }

    // MARK: Summary

    /// `1 process changed: 1 handoff gap introduced, 1 new error`, or `no changes`.
    static func summary(_ diff: WorkspaceDiff) -> String {
        if diff.isEmpty { return "no changes to processes, roles or findings" }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let counts = [ProcessChange.Status.changed, .added, .removed].compactMap { status -> (Int, String)? in
            let n = diff.processes.count { $0.status == status }
            return n > 0 ? (n, status.rawValue) : nil
        }
        // The noun goes with the first count only: "2 processes changed, 1 added".
        let head =
            counts.isEmpty
            ? "no process changed"
            : counts.enumerated().map { index, item in
                index == 0 ? "\(count(item.0, "process", "processes")) \(item.1)" : "\(item.0) \(item.1)"
            }.joined(separator: ", ")
        var parts: [String] = []
        let gaps = diff.gaps.map(\.gap)
        let introduced = gaps.count { $0.kind == .introduced }
        let fixed = gaps.count { $0.kind == .fixed }
        if introduced > 0 { parts.append(count(introduced, "handoff gap introduced", "handoff gaps introduced")) }
        if fixed > 0 { parts.append(count(fixed, "handoff gap fixed", "handoff gaps fixed")) }
        let moves = diff.teamMoves.count
        if moves > 0 { parts.append(count(moves, "step moved to another team", "steps moved to another team")) }
        let findings = diff.introducedFindings
        for severity in Severity.allCases {
            let n = findings.count { $0.severity == severity }
            if n > 0 { parts.append("\(n) new \(n == 1 ? severity.rawValue : severity.rawValue + "s")") }
        }
        let resolved = diff.resolvedFindings.count
        if resolved > 0 { parts.append(count(resolved, "finding resolved", "findings resolved")) }
        if !diff.roles.isEmpty { parts.append(count(diff.roles.count, "catalogue role changed", "catalogue roles changed")) }
        if !diff.externalProcesses.isEmpty {
            parts.append(
                count(diff.externalProcesses.count, "process defined elsewhere changed", "processes defined elsewhere changed"))
        }
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }
}
