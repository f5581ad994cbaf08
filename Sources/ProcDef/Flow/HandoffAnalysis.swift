import YAMLTree

/// Every place where work passes from one activity to the next (transitions and triggers into other processes), with
/// who is responsible on each side and the handoff that applies: what the handoff rules check, and what runbooks'
/// handoff tables, `procdef handoffs` and `procdef diff` show.
///
/// Built in time linear in activities, transitions and triggers; when the process triggers others, one index of the
/// workspace's processes (and one activity index per triggered process) is built once.
package struct HandoffAnalysis: Sendable {
    /// Transitions and triggers whose target resolves, per source activity in process order: its transitions in `next`
    /// order (or its fall-through), then its triggers. An edge to an unknown activity or process is left out: that is
    /// `ref/unknown-activity`'s and `ref/unknown-process`'s business, and the handoff rules apply once it is fixed.
    package let points: [HandoffPoint]
    /// Activity-level handoffs that apply to no transition: on an activity that ends the process, one with a `next`
    /// list (where each branch carries its own handoff), or a handoff around a fork none of whose branches change hands.
    package let strayHandoffs: [StrayHandoff]

    /// Analyses `process`, resolving its roles in `workspace` (its own local roles, then the catalogue).
    package init(process: ProcessDefinition, graph: FlowGraph, workspace: Workspace) {
        let catalogue = workspace.catalogueTable
        let here = RoleScope(process: process, catalogue: catalogue)
        let activities = process.activities
        var sourceRoles: [[ResolvedRole]?] = Array(repeating: nil, count: activities.count)
        func rolesHere(_ i: Int) -> [ResolvedRole] {
            if let known = sourceRoles[i] { return known }
            let resolved = here.resolve(activities[i].responsible)
            sourceRoles[i] = resolved
            return resolved
        }

        var targets = TriggerTargets(workspace: workspace, catalogue: catalogue)
        var triggersBySource: [Int: [(index: Int, trigger: Trigger)]] = [:]
        for edge in graph.triggers {
            let index = triggersBySource[edge.source]?.count ?? 0
            triggersBySource[edge.source, default: []].append((index, edge.trigger))
        }

        // Work arriving at a join from the branches it closes comes back to the role that coordinates it when that
        // role ran any of them: per join, the roles responsible in its forks' branches.
        var joinedBranchRoles: [Int: (activities: Set<Int>, roles: Set<String>)] = [:]
        if !graph.forks.isEmpty {
            let isJoin = activities.map(\.isJoin)
            let closing = Set(graph.forks.compactMap(\.join))
            for (f, fork) in graph.forks.enumerated() {
                guard let join = fork.join else { continue }
                var entry = joinedBranchRoles[join] ?? ([], [])
                for region in graph.branchRegions(of: f, isJoin: isJoin, passingJoins: { closing.contains($0) && $0 != join }) {
                    for a in region.activities where a != join && entry.activities.insert(a).inserted {
                        for role in rolesHere(a) { entry.roles.insert(role.identity) }
                    }
                }
                joinedBranchRoles[join] = entry
            }
        }

        var points: [HandoffPoint] = []
        points.reserveCapacity(graph.transitions.count + graph.triggers.count)
        var strays: [StrayHandoff] = []
        for (i, activity) in activities.enumerated() {
            // A handoff written around a fork (on the activity, a forking decision entry or an outer `all` entry)
            // applies to each branch that changes hands; one that none of them uses is a stray, by where it is written.
            var sharedHandoffs: [(handoff: Handoff, used: Bool)] = []
            for t in graph.outgoing[i] {
                let transition = graph.transitions[t]
                let kind: HandoffPoint.Kind
                switch transition.kind {
                case .fallThrough: kind = .fallThrough
                case .single: kind = .single
                case .branch(let index): kind = .branch(index: index)
                case .fork(let route): kind = .fork(route)
                case .timeout(let index): kind = .timeout(index: index)
                }
                let target = HandoffEndpoint(
                    process: nil, index: transition.target, activity: activities[transition.target], roles: rolesHere(transition.target))
                var point = HandoffPoint(
                    kind: kind, source: i, sourceActivity: activity, sourceRoles: rolesHere(i), target: target,
                    handoff: transition.handoff, range: transition.range)
                if point.change == .changed, let joined = joinedBranchRoles[transition.target], joined.activities.contains(i) {
                    let returning = target.roles.filter { joined.roles.contains($0.identity) }.map(\.id.value)
                    if !returning.isEmpty {
                        point.change = .returning
                        point.returningTo = returning
                    }
                }
                // Four eyes within one role: the same role, another person, so the work changes hands; and the
                // opposite, one person on both sides, so it does not.
                let targetActivity = activities[transition.target]
                if targetActivity.otherPersonThan?.value == activity.id.value {
                    point.person = .other
                    if case .unchanged = point.change { point.change = .changed }
                } else if targetActivity.samePersonAs?.value == activity.id.value || activity.samePersonAs?.value == targetActivity.id.value
                {
                    point.person = .same
                    if point.change == .changed || point.change == .returning { point.change = .unchanged(shared: []) }
                }
                if case .fork(let route) = transition.kind, let handoff = transition.handoff,
                    Self.ownHandoff(of: activity, decision: route.decision, path: graph.path(of: route))?.range != handoff.range
                {
                    let applies = point.change == .changed || point.change == .undetermined
                    if let k = sharedHandoffs.firstIndex(where: { $0.handoff.range == handoff.range }) {
                        sharedHandoffs[k].used = sharedHandoffs[k].used || applies
                    } else {
                        sharedHandoffs.append((handoff, applies))
                    }
                    if !applies { point.handoff = nil }
                }
                points.append(point)
            }
            for (index, trigger) in triggersBySource[i] ?? [] {
                guard let target = targets.endpoint(of: trigger) else { continue }
                points.append(
                    HandoffPoint(
                        kind: .trigger(index: index), source: i, sourceActivity: activity, sourceRoles: rolesHere(i), target: target,
                        handoff: trigger.handoff, range: trigger.range))
            }
            for shared in sharedHandoffs where !shared.used {
                strays.append(StrayHandoff(source: i, activity: activity, handoff: shared.handoff, reason: .noBranchChangesHands))
            }
            if let handoff = activity.handoff {
                switch activity.next {
                case .fork?:
                    break
                case .branches?:
                    strays.append(StrayHandoff(source: i, activity: activity, handoff: handoff, reason: .branchList))
                // A timer's transition has a handoff of its own: the activity's handoff is not the timer's.
                case nil where graph.outgoing[i].allSatisfy({ graph.transitions[$0].isTimeout }):
                    strays.append(StrayHandoff(source: i, activity: activity, handoff: handoff, reason: .endsProcess))
                case .single?, nil:
                    // A single `next` to an unknown activity is ref/unknown-activity's business.
                    break
                }
            }
        }
        // A cancellation is one point, however many activities it interrupts: its handoff is asked for once. It is
        // seen from the first interrupted activity whose roles differ from the target's (else the first one).
        for (c, entry) in graph.cancellations.enumerated() {
            guard let targetIndex = entry.target, let first = entry.sources.first else { continue }
            let target = HandoffEndpoint(
                process: nil, index: targetIndex, activity: activities[targetIndex], roles: rolesHere(targetIndex))
            let source =
                entry.sources.first {
                    ResponsibilityChange(from: rolesHere($0), to: target.roles) == .changed
                } ?? first
            points.append(
                HandoffPoint(
                    kind: .cancel(entry: c), source: source, sourceActivity: activities[source], sourceRoles: rolesHere(source),
                    target: target, handoff: entry.cancellation.handoff, range: entry.cancellation.range))
        }
        self.points = points
        self.strayHandoffs = strays
    }

    /// The handoff written on the fork branch at `route` itself, if any (not one it inherits from around it).
    private static func ownHandoff(of activity: Activity, decision: Int?, path: [Int]) -> Handoff? {
        branch(of: activity, decision: decision, path: path)?.handoff
    }

    /// The fork branch of `activity` at `path` (`FlowGraph.path(of:)`), in the fork of its `next` or of its decision
    /// entry `decision`.
    package static func branch(of activity: Activity, decision: Int?, path: [Int]) -> Branch? {
        var fork: Fork?
        switch activity.next {
        case .fork(let whole)?: fork = whole
        case .branches(let branches, _)?:
            guard let d = decision, branches.indices.contains(d) else { return nil }
            fork = branches[d].fork
        default: return nil
        }
        var branch: Branch?
        for b in path {
            guard let current = fork, current.branches.indices.contains(b) else { return nil }
            branch = current.branches[b]
            fork = branch?.fork
        }
        return branch
    }
}

/// One edge of the flow (or a trigger into another process) with both sides' responsible roles and its handoff.
package struct HandoffPoint: Sendable {
    /// How the edge was written.
    package enum Kind: Sendable, Hashable {
        /// No `next`: the flow falls through to the following activity; the activity's `handoff` applies.
        case fallThrough
        /// `next: target`; the activity's `handoff` applies.
        case single
        /// Entry `index` (0-based) of a `next` list; the branch's `handoff` applies.
        case branch(index: Int)
        /// Entry `index` (0-based) of the activity's `triggers`; the trigger's `handoff` applies.
        case trigger(index: Int)
        /// A branch of a fork; its own `handoff` applies, else the nearest one around it (the activity's, for
        /// `next: {all: ...}`).
        case fork(FlowGraph.ForkRoute)
        /// Entry `entry` (0-based) of the process's `cancel` list, seen from one of the activities it interrupts; the
        /// entry's `handoff` applies.
        case cancel(entry: Int)
        /// Entry `index` (0-based) of the source's `timeout` list; the timeout's `handoff` applies.
        case timeout(index: Int)
    }

    package let kind: Kind
    /// The source activity's position in the process.
    package let source: Int
    package let sourceActivity: Activity
    /// The source activity's responsible roles, resolved in its process.
    package let sourceRoles: [ResolvedRole]
    package let target: HandoffEndpoint
    /// The handoff that applies to this edge, if one is declared.
    package var handoff: Handoff?
    /// The edge's own node: the `next` entry, the `next` value, the trigger, or the source activity's id for a fall-through.
    package let range: SourceRange

    /// Whether responsibility passes to other roles on this edge.
    package var change: ResponsibilityChange
    /// For a `.returning` change, the target's roles that ran one of the joined branches (ids as written there).
    package var returningTo: [String] = []
    /// What the target says of the person who did the source (`other-person-than`, `same-person-as`).
    package var person: PersonRelation = .unstated

    /// Whether the two sides must be, or are, one person, whatever their roles.
    package enum PersonRelation: Sendable, Hashable {
        case unstated
        /// The target declares `other-person-than` the source: the work changes hands even within one role.
        case other
        /// One side declares `same-person-as` the other: the work stays with one person.
        case same
    }

    package init(
        kind: Kind, source: Int, sourceActivity: Activity, sourceRoles: [ResolvedRole], target: HandoffEndpoint, handoff: Handoff?,
        range: SourceRange
    ) {
        self.kind = kind
        self.source = source
        self.sourceActivity = sourceActivity
        self.sourceRoles = sourceRoles
        self.target = target
        self.handoff = handoff
        self.range = range
        self.change = ResponsibilityChange(from: sourceRoles, to: target.roles)
    }

    /// True for a trigger into another process (or into this one, started anew).
    package var isTrigger: Bool {
        if case .trigger = kind { return true }
        return false
    }

    /// The artifact the handoff names, when it names one.
    package var artifact: Located<String>? { handoff?.statedArtifact }
}

/// The receiving side of a handoff point.
package struct HandoffEndpoint: Sendable {
    /// The other process for a trigger; nil for an edge inside the analysed process, and for a process defined elsewhere.
    package var process: ProcessDefinition?
    /// The process defined elsewhere a trigger starts; nil for any other edge.
    package var external: ExternalProcess?
    /// The target activity's position in its process (0 for a process defined elsewhere).
    package var index: Int
    /// The target activity; nil for a process defined elsewhere, which has none.
    package var activity: Activity?
    /// The target activity's responsible roles, resolved in its own process; for a process defined elsewhere, its
    /// receiver (none when it names none).
    package var roles: [ResolvedRole]

    init(process: ProcessDefinition?, index: Int, activity: Activity, roles: [ResolvedRole]) {
        self.process = process
        self.index = index
        self.activity = activity
        self.roles = roles
    }

    init(external: ExternalProcess, receiver: [ResolvedRole]) {
        self.external = external
        self.index = 0
        self.roles = receiver
    }

    /// The target's id as findings name it: the activity's, or the process defined elsewhere's.
    package var id: Located<String> { activity?.id ?? external?.id ?? Located("", at: .fileStart) }
}

/// A responsible-role reference with the role it names (local to its process first, then the catalogue).
package struct ResolvedRole: Sendable {
    package var id: Located<String>
    /// nil when no role has this id (`ref/unknown-role`).
    package var role: Role?
    /// Identifies the role across processes: two processes' local roles with the same id are different roles.
    package var identity: String

    /// True for a role of kind `supplier`.
    package var isSupplier: Bool { role?.kind.value == .supplier }
    /// True for a role of kind `system`.
    package var isSystem: Bool { role?.kind.value == .system }
}

/// Whether the responsible roles differ between the two sides of an edge.
package enum ResponsibilityChange: Sendable, Hashable {
    /// Both sides share these roles (ids as written at the source, in its order): no handoff is needed.
    case unchanged(shared: [String])
    /// The sides share no role: a handoff is needed.
    case changed
    /// A side names no responsible role, or one that no catalogue or process defines: those are raci/ and ref/
    /// findings, and guessing here would only add noise behind them.
    case undetermined
    /// A branch arrives at a `join: all` whose responsible roles (`HandoffPoint.returningTo`) ran one of the joined
    /// branches: the work comes back to the role that coordinates it, which is not a handoff. The ids are kept on
    /// the point, not here: a second array payload would share its pointer's spare bits with the enum's tag, which
    /// hides it from LeakSanitizer's scan of live memory.
    case returning

    package init(from source: [ResolvedRole], to target: [ResolvedRole]) {
        var shared: [String] = []
        if source.count <= RoleLookup.linearLimit && target.count <= RoleLookup.linearLimit {
            // A step has one to a few responsible roles: comparing them costs less than hashing them into sets.
            for (index, role) in source.enumerated()
            where target.contains(where: { $0.identity == role.identity })
                && !source[..<index].contains(where: { $0.identity == role.identity })
            {
                shared.append(role.id.value)
            }
        } else {
            let targetIdentities = Set(target.map(\.identity))
            var seen: Set<String> = []
            for role in source where targetIdentities.contains(role.identity) && seen.insert(role.identity).inserted {
                shared.append(role.id.value)
            }
        }
        if !shared.isEmpty {
            self = .unchanged(shared: shared)
        } else if source.isEmpty || target.isEmpty || source.contains(where: { $0.role == nil })
            || target.contains(where: { $0.role == nil })
        {
            self = .undetermined
        } else {
            self = .changed
        }
    }
}

/// An activity-level `handoff` that no transition uses.
package struct StrayHandoff: Sendable {
    package enum Reason: Sendable, Hashable {
        /// The activity ends the process (`end: true`, or the last activity without `next`).
        case endsProcess
        /// The activity has a `next` list: each branch carries its own handoff.
        case branchList
        /// The handoff is written around a fork (for all its branches), and no branch changes hands.
        case noBranchChangesHands
    }

    package var source: Int
    package var activity: Activity
    package var handoff: Handoff
    package var reason: Reason
}

/// Resolves role ids as one process sees them: its local roles first, then the catalogue.
private struct RoleScope {
    let processID: String
    let local: [String: Role]
    let catalogue: IDTable<Role>

    init(process: ProcessDefinition, catalogue: IDTable<Role>) {
        processID = process.id.value
        var local: [String: Role] = [:]
        for role in process.roles where local[role.id.value] == nil {
            local[role.id.value] = role
        }
        self.local = local
        self.catalogue = catalogue
    }

    func resolve(_ ids: [Located<String>]) -> [ResolvedRole] {
        ids.map { id in
            if !local.isEmpty, let role = local[id.value] {
                return ResolvedRole(id: id, role: role, identity: "\(processID)/\(id.value)")
            }
            // Unknown ids keep their plain id: the same misspelling on both sides still reads as the same role.
            return ResolvedRole(id: id, role: catalogue[id.value], identity: id.value)
        }
    }
}

/// Finds the entry activity of a trigger through the workspace's own process index, resolving each triggered
/// process's roles once.
private struct TriggerTargets {
    private let workspace: Workspace
    private let catalogue: IDTable<Role>
    private var scopes: [String: RoleScope] = [:]

    init(workspace: Workspace, catalogue: IDTable<Role>) {
        self.workspace = workspace
        self.catalogue = catalogue
    }

    mutating func endpoint(of trigger: Trigger) -> HandoffEndpoint? {
        let processID = trigger.process.value
        if let external = workspace.externalProcess(id: processID) {
            // Its receiver is a catalogue role: a process defined elsewhere has no roles of its own.
            guard trigger.activity == nil else { return nil }
            let receiver = external.receiver.map { [ResolvedRole(id: $0, role: catalogue[$0.value], identity: $0.value)] } ?? []
            return HandoffEndpoint(external: external, receiver: receiver)
        }
        guard let process = workspace.process(id: processID), !process.activities.isEmpty else { return nil }
        let index: Int
        if let entry = trigger.activity {
            guard let found = process.activityIndex(entry.value) else { return nil }
            index = found
        } else {
            index = 0
        }
        let scope = scopes[processID] ?? RoleScope(process: process, catalogue: catalogue)
        scopes[processID] = scope
        let activity = process.activities[index]
        return HandoffEndpoint(process: process, index: index, activity: activity, roles: scope.resolve(activity.responsible))
    }
}

extension Handoff {
    /// `artifact`, unless it is missing or blank (written but saying nothing).
    package var statedArtifact: Located<String>? { Self.stated(artifact) }
    /// `expectation`, unless it is missing or blank.
    package var statedExpectation: Located<String>? { Self.stated(expectation) }
    /// `agreement`, unless it is missing or blank.
    package var statedAgreement: Located<String>? { Self.stated(agreement) }

    private static func stated(_ field: Located<String>?) -> Located<String>? {
        guard let field, !field.value.isBlank else { return nil }
        return field
    }
}
