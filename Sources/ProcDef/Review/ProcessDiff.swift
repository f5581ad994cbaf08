/// Compares two checked workspaces (before and after a change) and says what the change does for the people
/// involved: who gains or loses accountability, who holds the case at each step and in which team, which handoffs
/// appear, change or disappear, which gaps open or close, which fork branches, cancellations and joins come or go,
/// which policies and findings change.
///
/// Processes are the same process when they have the same id (a renamed process is one removed and one added).
/// Activities pair as `ActivityAlignment` says. Edges are the same edge when they join the same activities (by
/// their new ids) in the same way. Findings pair as `FindingChanges.compare` says. Both reports should come from
/// checks with the same options, so that only the definitions differ.
package enum ProcessDiff {
    package static func compare(old: CheckReport, new: CheckReport) -> WorkspaceDiff {
        let before = ReviewSnapshot(old)
        let after = ReviewSnapshot(new)
        let ids = Set(before.processes.keys).union(after.processes.keys).sorted()
        let changes = ids.parallelMap { id in
            compareProcess(old: before.processes[id], new: after.processes[id], before: before, after: after)
        }
        let changed = changes.compactMap { $0 }.filter { !$0.isEmpty }
        let unchanged = ids.count { before.processes[$0] != nil && after.processes[$0] != nil } - changed.count { $0.status == .changed }
        return WorkspaceDiff(
            processes: changed,
            roles: RoleChange.compare(before.catalogue, after.catalogue),
            externalProcesses: ExternalProcessChange.compare(old.workspace.externalProcesses, new.workspace.externalProcesses),
            findings: FindingChanges.compare(before.otherFindings, after.otherFindings),
            unchangedProcesses: unchanged
        )
    }

    private static func compareProcess(old: ProcessDefinition?, new: ProcessDefinition?, before: ReviewSnapshot, after: ReviewSnapshot)
        -> ProcessChange?
    {
        guard let shown = new ?? old else { return nil }
        let id = shown.id.value
        let status: ProcessChange.Status = old == nil ? .added : (new == nil ? .removed : .changed)
        let alignment = ActivityAlignment(old: old, new: new)
        let places = Places(alignment: alignment)
        var change = ProcessChange(id: id, name: shown.name.value, status: status, file: shown.file)

        change.ownership = [
            FieldChange.compare("owner", old?.owner?.value, new?.owner?.value),
            FieldChange.compare("manager", old?.manager?.value, new?.manager?.value),
            FieldChange.compare("case-owner", old?.caseOwner?.value, new?.caseOwner?.value),
            FieldChange.compare("requester", old?.requester?.value, new?.requester?.value),
            FieldChange.compare("defaults.accountable", old?.defaultAccountable?.value, new?.defaultAccountable?.value),
        ].compactMap { $0 }
        if let old, let new {
            change.fields = fields(old, new, alignment) + verdictChanges(old, new, before: before, after: after)
        }
        change.activities = activities(old, new, alignment, places)
        change.raci = raci(old, new, alignment, places)
        if let old, let new {
            change.caseHolders = CaseHolderChange.compare(
                old, new, alignment, before: before.report.workspace, after: after.report.workspace)
        }
        change.parallel = ParallelChange.compare(old, new, alignment)
        (change.edges, change.gaps) = edges(old, new, alignment, places, before, after)
        change.policies = PolicyStatusChange.compare(before.report.policyStatuses[id] ?? [], after.report.policyStatuses[id] ?? [])
        change.findings = FindingChanges.compare(old == nil ? [] : before.findings[id] ?? [], new == nil ? [] : after.findings[id] ?? [])
        return change
    }

    // MARK: Process fields

    private static func fields(_ old: ProcessDefinition, _ new: ProcessDefinition, _ alignment: ActivityAlignment) -> [FieldChange] {
        // `access-approval-separated until 2027-06-30`, `... permanently (approved by security-owner)`: no comma, since the
        // list is shown comma-separated.
        func waivers(_ process: ProcessDefinition) -> [String] {
            process.waivers.map { waiver in
                var text = waiver.policy.value
                switch waiver.until?.value {
                case .date(let last)?: text += " until \(last)"
                case .permanent?: text += " permanently"
                case nil: break
                }
                if let approver = waiver.approvedBy { text += " (approved by \(approver.value))" }
                return text
            }
        }
        let oldStart = old.activities.first.map { alignment.newIDs[$0.id.value] ?? $0.id.value }
        return [
            FieldChange.compare("name", old.name.value, new.name.value),
            FieldChange.compare("version", old.version.map { String($0.value) }, new.version.map { String($0.value) }),
            FieldChange.compare(
                "effective", old.governance.effective?.value.description, new.governance.effective?.value.description),
            FieldChange.compare("approved-by", old.governance.approvedBy?.value, new.governance.approvedBy?.value),
            FieldChange.compare(
                "review.last", old.governance.review?.last?.value.description, new.governance.review?.last?.value.description),
            FieldChange.compare("review.every", old.governance.review?.every?.value.text, new.governance.review?.every?.value.text),
            FieldChange.compare("purpose", old.purpose?.value, new.purpose?.value),
            FieldChange.compare("trigger", old.trigger?.value, new.trigger?.value),
            FieldChange.compare("outcome", old.outcome?.value, new.outcome?.value),
            FieldChange.compare("tags", old.tags.values(), new.tags.values()),
            FieldChange.compare("policies", old.policies.values(), new.policies.values()),
            FieldChange.compare("waivers", waivers(old), waivers(new)),
            FieldChange.compare("priorities", old.priorities.values(), new.priorities.values()),
            FieldChange.compare("max-silence", old.maxSilence?.value.text, new.maxSilence?.value.text),
            FieldChange.compare("start", oldStart, new.activities.first?.id.value),
        ].compactMap { $0 } + targetChanges(old, new, alignment)
    }

    /// One `targets.ID` change per target added, removed or changed, in the new order and then the removed ones; the
    /// old target's activities are named by their new ids, so a renamed activity alone changes no target.
    private static func targetChanges(_ old: ProcessDefinition, _ new: ProcessDefinition, _ alignment: ActivityAlignment)
        -> [FieldChange]
    {
        guard !old.targets.isEmpty || !new.targets.isEmpty else { return [] }
        func summary(_ target: ServiceTarget, renaming: [String: String]) -> String {
            func end(_ end: ServiceTarget.End?) -> String {
                guard let end else { return "?" }
                return "\(end.moment.rawValue) of \(renaming[end.activity.value] ?? end.activity.value)"
            }
            var text = "\(target.name?.value ?? target.id.value): \(end(target.from)) to \(end(target.to))"
            text += " within \(target.within?.text ?? "?")"
            if let when = target.when { text += ", when \(when.value)" }
            if target.clock?.value == .business { text += ", business clock" }
            return text
        }
        let before = Dictionary(old.targets.map { ($0.id.value, summary($0, renaming: alignment.newIDs)) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.targets.map { ($0.id.value, summary($0, renaming: [:])) }, uniquingKeysWith: { a, _ in a })
        var ids: [String] = []
        for id in new.targets.map(\.id.value) + old.targets.map(\.id.value) where !ids.contains(id) { ids.append(id) }
        return ids.compactMap { FieldChange.compare("targets.\($0)", before[$0], after[$0]) }
    }

    /// One `targets.ID for PRIORITY` change per target and priority whose verdict the change moves (met, at risk,
    /// cannot be met...): the change that turns a target infeasible is the one a reviewer must not miss. The sums
    /// themselves move with every budget, so only the verdict is compared.
    private static func verdictChanges(_ old: ProcessDefinition, _ new: ProcessDefinition, before: ReviewSnapshot, after: ReviewSnapshot)
        -> [FieldChange]
    {
        guard !old.targets.isEmpty || !new.targets.isEmpty else { return [] }
        /// In the order of the targets, then of the priorities.
        func verdicts(_ process: ProcessDefinition, businessDay: Int) -> [(key: String, verdict: String)] {
            let analysis = TargetAnalysis(process: process, graph: FlowGraph(process: process), businessDay: businessDay)
            return analysis.verdicts.enumerated().flatMap { t, perPriority in
                perPriority.map { verdict in
                    (
                        "targets.\(process.targets[t].id.value) verdict" + (verdict.priority.map { " for \($0)" } ?? ""),
                        verdict.summary(businessDay: businessDay)
                    )
                }
            }
        }
        let was = Dictionary(verdicts(old, businessDay: before.report.businessDaySeconds), uniquingKeysWith: { first, _ in first })
        // Only targets on both sides: an added or removed target is its own `targets.ID` change.
        return verdicts(new, businessDay: after.report.businessDaySeconds).compactMap { entry in
            was[entry.key].flatMap { FieldChange.compare(entry.key, $0, entry.verdict) }
        }
    }

    // MARK: Activities

    private static func activities(_ old: ProcessDefinition?, _ new: ProcessDefinition?, _ alignment: ActivityAlignment, _ places: Places)
        -> [ActivityChange]
    {
        let before = old?.activities ?? []
        let after = new?.activities ?? []
        var changes: [(place: Place, change: ActivityChange)] = []
        for i in alignment.removed {
            changes.append(
                (
                    places.old(i, rank: 0),
                    ActivityChange(kind: .removed, id: before[i].id.value, name: before[i].name.value, position: i + 1)
                ))
        }
        for j in alignment.added {
            changes.append(
                (places.new(j, rank: 0), ActivityChange(kind: .added, id: after[j].id.value, name: after[j].name.value, position: j + 1)))
        }
        let moved = Set(alignment.moved)
        for pair in alignment.pairs {
            let a = before[pair.old]
            let b = after[pair.new]
            if let basis = pair.basis {
                changes.append(
                    (
                        places.new(pair.new, rank: 1),
                        ActivityChange(
                            kind: .renamed, id: b.id.value, name: b.name.value, previousID: a.id.value, basis: basis, position: pair.new + 1
                        )
                    ))
            }
            if moved.contains(pair) {
                changes.append(
                    (
                        places.new(pair.new, rank: 2),
                        ActivityChange(
                            kind: .moved, id: b.id.value, name: b.name.value, position: pair.new + 1, previousPosition: pair.old + 1)
                    ))
            }
            let edited = activityFields(a, b, renaming: alignment.newIDs)
            if !edited.isEmpty {
                changes.append(
                    (
                        places.new(pair.new, rank: 3),
                        ActivityChange(kind: .edited, id: b.id.value, name: b.name.value, position: pair.new + 1, fields: edited)
                    ))
            }
        }
        return changes.sorted { $0.place < $1.place }.map(\.change)
    }

    /// `a`'s references to activities are read by their new ids (`renaming`), so a renamed activity alone changes
    /// no timer and no `until`.
    private static func activityFields(_ a: Activity, _ b: Activity, renaming: [String: String]) -> [FieldChange] {
        func renamed(_ id: Located<String>?) -> Located<String>? {
            id.map { Located(renaming[$0.value] ?? $0.value, at: $0.range) }
        }
        let oldTimeouts = a.timeouts.map { timeout in
            var timeout = timeout
            timeout.to = renamed(timeout.to)
            timeout.from = renamed(timeout.from)
            return timeout
        }
        return [
            FieldChange.compare("name", a.name.value, b.name.value),
            FieldChange.compare("type", a.stepType.rawValue, b.stepType.rawValue),
            FieldChange.compare("other-person-than", a.otherPersonThan?.value, b.otherPersonThan?.value),
            FieldChange.compare("same-person-as", a.samePersonAs?.value, b.samePersonAs?.value),
            // Who takes part is the RACI change's; the condition's wording is the activity's.
            FieldChange.compare("conditions", conditionTexts(a), conditionTexts(b)),
            FieldChange.compare("target", a.target?.text, b.target?.text),
            FieldChange.compare("timeout", oldTimeouts.map(\.text), b.timeouts.map(\.text)),
            FieldChange.compare("every", a.cadence.map(\.text), b.cadence.map(\.text)),
            FieldChange.compare("until", renamed(a.until)?.value, b.until?.value),
            FieldChange.compare("records", a.records.values(), b.records.values()),
            FieldChange.compare("inputs", a.inputs.values(), b.inputs.values()),
            FieldChange.compare("outputs", a.outputs.values(), b.outputs.values()),
            FieldChange.compare("tags", a.tags.values(), b.tags.values()),
            procedureChange(a.procedure.values(), b.procedure.values()),
            FieldChange.compare("end", a.isEnd ? "true" : nil, b.isEnd ? "true" : nil),
        ].compactMap { $0 }
    }

    /// `consulted security-lead when medium or low severity`, per conditional entry, in the order written.
    private static func conditionTexts(_ activity: Activity) -> [String] {
        activity.conditions.map { "\($0.involvement.rawValue) \($0.role.value) when \($0.when.value)" }
    }

    /// Steps are prose: the change is summed up by its step counts, `5 steps` to `6 steps`, or `5 steps (edited)`.
    private static func procedureChange(_ a: [String], _ b: [String]) -> FieldChange? {
        guard a != b else { return nil }
        func steps(_ n: Int) -> String? { n == 0 ? nil : n == 1 ? "1 step" : "\(n) steps" }
        let after = a.count == b.count ? steps(b.count).map { $0 + " (edited)" } : steps(b.count)
        return FieldChange(field: "procedure", before: steps(a.count), after: after)
    }

    // MARK: RACI

    private static func raci(_ old: ProcessDefinition?, _ new: ProcessDefinition?, _ alignment: ActivityAlignment, _ places: Places)
        -> [RACIChange]
    {
        let before = old?.activities ?? []
        let after = new?.activities ?? []
        let oldDefault = old?.defaultAccountable?.value
        let newDefault = new?.defaultAccountable?.value
        var changes: [(place: Place, changes: [RACIChange])] = []
        for i in alignment.removed {
            let lost = RACIAssignments.changes(
                from: RACIAssignments(before[i], defaultAccountable: oldDefault), to: RACIAssignments(), activity: before[i].id.value)
            changes.append((places.old(i, rank: 0), lost))
        }
        for j in alignment.added {
            let gained = RACIAssignments.changes(
                from: RACIAssignments(), to: RACIAssignments(after[j], defaultAccountable: newDefault), activity: after[j].id.value)
            changes.append((places.new(j, rank: 0), gained))
        }
        for pair in alignment.pairs {
            let a = RACIAssignments(before[pair.old], defaultAccountable: oldDefault)
            let b = RACIAssignments(after[pair.new], defaultAccountable: newDefault)
            changes.append((places.new(pair.new, rank: 0), RACIAssignments.changes(from: a, to: b, activity: after[pair.new].id.value)))
        }
        return changes.sorted { $0.place < $1.place }.flatMap(\.changes)
    }

    // MARK: Edges and gaps

    private static func edges(
        _ old: ProcessDefinition?, _ new: ProcessDefinition?, _ alignment: ActivityAlignment, _ places: Places,
        _ before: ReviewSnapshot, _ after: ReviewSnapshot
    ) -> ([EdgeChange], [GapChange]) {
        var oldEdges = old.map(before.edges(of:)) ?? []
        let newEdges = new.map(after.edges(of:)) ?? []
        // Old edges are named by their activities' new ids, so a renamed activity keeps its edges.
        for k in oldEdges.indices {
            let ref = oldEdges[k].ref
            oldEdges[k].ref.source = alignment.newIDs[ref.source] ?? ref.source
            if !ref.isTrigger, let target = ref.target { oldEdges[k].ref.target = alignment.newIDs[target] ?? target }
        }
        var unmatched: [EdgeRef: [Int]] = [:]
        for (k, edge) in oldEdges.enumerated() { unmatched[edge.ref, default: []].append(k) }

        // A cancellation that is a gap is one gap however many activities it interrupts: one more or one fewer of
        // them neither introduces nor fixes it.
        func cancelGaps(_ edges: [FlowEdge]) -> Set<CancelGap> {
            Set(
                edges.filter { $0.ref.kind == .cancel && $0.state.isGap }.map {
                    CancelGap(target: $0.ref.target, condition: $0.state.condition)
                })
        }
        let oldCancelGaps = cancelGaps(oldEdges)
        let newCancelGaps = cancelGaps(newEdges)
        func isKnownCancelGap(_ edge: FlowEdge, in gaps: Set<CancelGap>) -> Bool {
            edge.ref.kind == .cancel && gaps.contains(CancelGap(target: edge.ref.target, condition: edge.state.condition))
        }

        var edgeChanges: [(place: Place, change: EdgeChange)] = []
        var gapChanges: [(place: Place, change: GapChange)] = []
        for edge in newEdges {
            let place = places.new(edge.source, rank: edge.order)
            guard let k = unmatched[edge.ref]?.first else {
                edgeChanges.append((place, EdgeChange(kind: .added, edge: edge.ref, before: nil, after: edge.state)))
                if edge.state.isGap && !isKnownCancelGap(edge, in: oldCancelGaps) {
                    gapChanges.append((place, GapChange(kind: .introduced, edge: edge.ref, state: edge.state)))
                }
                continue
            }
            unmatched[edge.ref]?.removeFirst()
            let a = oldEdges[k].state
            let b = edge.state
            if differs(a, b) {
                edgeChanges.append((place, EdgeChange(kind: .changed, edge: edge.ref, before: a, after: b)))
            }
            if !a.isGap && b.isGap {
                gapChanges.append((place, GapChange(kind: .introduced, edge: edge.ref, state: b)))
            } else if a.isGap && !b.isGap {
                let fix: GapChange.Fix =
                    b.handoff != nil ? .handoffDeclared : (b.passesResponsibility == false ? .sameRoles : .undetermined)
                gapChanges.append((place, GapChange(kind: .fixed, edge: edge.ref, state: a, fix: fix)))
            }
        }
        for (k, edge) in oldEdges.enumerated() where unmatched[edge.ref]?.contains(k) ?? false {
            let place = places.old(edge.source, rank: edge.order)
            edgeChanges.append((place, EdgeChange(kind: .removed, edge: edge.ref, before: edge.state, after: nil)))
            if edge.state.isGap && !isKnownCancelGap(edge, in: newCancelGaps) {
                gapChanges.append((place, GapChange(kind: .fixed, edge: edge.ref, state: edge.state, fix: .edgeRemoved)))
            }
        }
        return (
            groupCancellations(edgeChanges.sorted { $0.place < $1.place }.map(\.change)),
            groupCancellations(gapChanges.sorted { $0.place < $1.place }.map(\.change))
        )
    }

    /// A cancellation is an edge from each activity it interrupts, but written once: the changes of its edges that
    /// are alike (same change, target and states) become one, at the place of the first, naming every source.
    private static func groupCancellations<Change: GroupableEdgeChange>(_ changes: [Change]) -> [Change] {
        guard changes.contains(where: { $0.edge.kind == .cancel }) else { return changes }
        var grouped: [Change] = []
        var firstOfGroup: [Change.GroupKey: Int] = [:]
        for change in changes {
            guard change.edge.kind == .cancel else {
                grouped.append(change)
                continue
            }
            if let k = firstOfGroup[change.groupKey] {
                grouped[k].edge.interrupted.append(change.edge.source)
            } else {
                firstOfGroup[change.groupKey] = grouped.count
                var first = change
                first.edge.interrupted = [change.edge.source]
                grouped.append(first)
            }
        }
        return grouped
    }

    /// Worth a reviewer's attention: a new condition or handoff, responsibility starting or stopping to change
    /// hands, or, where it changes hands, other roles on either end.
    private static func differs(_ a: EdgeState, _ b: EdgeState) -> Bool {
        if a.condition != b.condition || a.outcome != b.outcome || a.priorities != b.priorities || a.handoff != b.handoff
            || a.passesResponsibility != b.passesResponsibility
        {
            return true
        }
        let handsOver = a.passesResponsibility == true || b.passesResponsibility == true
        return handsOver && (a.fromRoles != b.fromRoles || a.toRoles != b.toRoles)
    }
}

/// Where a change is listed: in the new process's flow order, with what happened to a removed activity listed
/// after the activity it used to follow.
private struct Place: Comparable {
    /// The new position the change is listed at (for an old activity, of the paired activity before it; -1 at the top).
    let anchor: Int
    /// 0 on the new side; 1 for what was after the anchor on the old side.
    let side: Int
    /// The position on its own side.
    let position: Int
    let rank: Int

    static func < (a: Place, b: Place) -> Bool {
        (a.anchor, a.side, a.position, a.rank) < (b.anchor, b.side, b.position, b.rank)
    }
}

/// Places of both sides' activities, computed once per process.
private struct Places {
    /// Per old position: the new position of the nearest paired activity at or before it, or -1.
    private let oldAnchors: [Int]
    private let pairedOld: Set<Int>

    init(alignment: ActivityAlignment) {
        var partner: [Int: Int] = [:]
        for pair in alignment.pairs { partner[pair.old] = pair.new }
        let count = (alignment.pairs.map(\.old) + alignment.removed).max().map { $0 + 1 } ?? 0
        var anchors: [Int] = []
        var anchor = -1
        for i in 0..<count {
            if let j = partner[i] { anchor = j }
            anchors.append(anchor)
        }
        oldAnchors = anchors
        pairedOld = Set(partner.keys)
    }

    func new(_ position: Int, rank: Int) -> Place { Place(anchor: position, side: 0, position: position, rank: rank) }

    /// A paired old activity is listed where its partner is; an unpaired one after the paired activity before it.
    func old(_ position: Int, rank: Int) -> Place {
        let anchor = oldAnchors.indices.contains(position) ? oldAnchors[position] : -1
        if pairedOld.contains(position) { return Place(anchor: anchor, side: 0, position: anchor, rank: rank) }
        return Place(anchor: anchor, side: 1, position: position, rank: rank)
    }
}

/// A cancellation that is a gap, by its target and condition.
private struct CancelGap: Hashable {
    var target: String?
    var condition: String?
}

/// An edge or gap change that a cancellation's edges can be grouped by.
private protocol GroupableEdgeChange {
    associatedtype GroupKey: Hashable
    var edge: EdgeRef { get set }
    /// Alike when equal: everything but the source activity.
    var groupKey: GroupKey { get }
}

extension EdgeChange: GroupableEdgeChange {
    fileprivate var groupKey: EdgeChange {
        var key = self
        key.edge.source = ""
        return key
    }
}

extension GapChange: GroupableEdgeChange {
    fileprivate var groupKey: GapChange {
        var key = self
        key.edge.source = ""
        return key
    }
}
