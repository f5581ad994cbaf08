import YAMLTree

/// `tell/requester-not-told`: whoever raised the case, or was told it is under way, hears how it ended.
enum RequesterNotTold: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "tell/requester-not-told",
        defaultSeverity: .warning,
        summary: "a run of the case ends without telling the requester (or a customer told earlier) how it ended",
        explanation: """
            Service is two jobs: fixing, and telling. A case that is fixed and closed without a word to the person \
            who raised it is, to that person, a case that vanished: they call again, a duplicate is logged, and the \
            desk cannot say what they were told. The same holds for everyone who was told that something is \
            happening: a downtime notice calls for an all-clear.

            Who is owed the end of the story: the process's `requester` (a role), or, without one, each \
            `customer`-kind role responsible or informed at the start activity; and on each run, every other \
            `customer`-kind role that the run informed before it ends (an activity's `informed:` without a `when`, \
            or a handoff's `informed:`).

            The rule looks at every run from the start to an end. At the end activity, the role is told how the case \
            ended when it is informed, consulted or responsible there (a handoff's `informed:` on the transition into \
            it counts), or at the activity directly before it on the run, or when a `type: notification` step that \
            informs it runs after the run's last handoff. The run's last handoff is the last transition on the run \
            where responsibility changes: the responsible roles on its two sides share none (as `handoff/gap` judges \
            it; work coming back to the role that coordinates a `join: all` is not a handoff), or a cancellation \
            between activities whose responsible roles share none. A notification before that handoff told the \
            role about a case that was then handed on, not how it ended, so it does not count.

            With forks, a run follows one branch to the end and takes the others along. At a `join: all`, the \
            activities that arrive at it from the branches it closes all count as directly before it, and a handoff \
            on another of those branches counts as after everything the followed branch did. A notification \
            on another branch counts when no handoff follows it on its own branch and no other branch of the fork \
            changes responsibility: a handoff on a parallel branch is not ordered with the notification, and may \
            come after it (the progress notice sent while the fix was still under way). Each end is reported once \
            per role, with the shortest run that shows it. An end where the end activity or the one before it names \
            an unknown role is left to `ref/unknown-role`, since that role may be the one meant; and when the \
            exploration of the parallel work reached its limit (`flow/analysis-limit`), the rule says nothing about \
            the process. Each role costs one search, linear in the process's size; a process that informs thousands \
            of customer roles is checked for as many of them as fit in four million search states, the requester \
            first.

            To fix a finding, add the role to the `informed:` of the end activity or the one before it, or add a \
            `type: notification` step that informs it after the last handoff (a closure notice, an all-clear). The \
            `customer-informed-at-close` policy of an organisation may ask more: that every end informs a customer.
            """,
        failingExample: """
            kind: roles
            roles:
              request-process-owner: {name: Service Request Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              fulfilment-team: {name: Fulfilment Team, kind: practitioner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: service-request
            name: Service Request Fulfilment
            owner: request-process-owner
            defaults:
              accountable: request-process-owner
            activities:
              - id: log
                name: Log the request
                responsible: service-desk
                informed: [end-user]
                handoff:
                  artifact: request-record
                  expectation: The fulfilment team picks the request up within 1 day.
              - id: fulfil
                name: Fulfil the request
                responsible: fulfilment-team
              - id: close
                name: Close the request
                responsible: fulfilment-team
            """,
        fixedExample: """
            kind: roles
            roles:
              request-process-owner: {name: Service Request Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              fulfilment-team: {name: Fulfilment Team, kind: practitioner}
              end-user: {name: End User, kind: customer}
            ---
            kind: process
            id: service-request
            name: Service Request Fulfilment
            owner: request-process-owner
            defaults:
              accountable: request-process-owner
            activities:
              - id: log
                name: Log the request
                responsible: service-desk
                informed: [end-user]
                handoff:
                  artifact: request-record
                  expectation: The fulfilment team picks the request up within 1 day.
              - id: fulfil
                name: Fulfil the request
                responsible: fulfilment-team
              - id: close
                name: Close the request
                responsible: fulfilment-team
                informed: [end-user]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let graph = context.graph
        guard graph.start != nil, !graph.ends.isEmpty else { return }
        // Searches per role are the costliest work of any rule: none when the rule is off.
        guard context.configuration.severity(of: descriptor) != nil else { return }
        // Runs past the exploration's limit were not all seen; `flow/analysis-limit` says so.
        guard context.soundness.undecided == nil else { return }
        let owed = owedRoles(context)
        guard !owed.isEmpty else { return }
        let runs = TellingRuns(context)
        // Per end, per role: ends in the order written, the requester first.
        var failures = Array(repeating: [TellingRuns.Failure?](repeating: nil, count: owed.count), count: graph.activityCount)
        var budget = stateBudget
        for (r, role) in owed.enumerated() {
            guard let found = runs.failures(of: role.id, isRequester: role.isRequester, budget: &budget) else { break }
            for failure in found { failures[failure.end][r] = failure }
        }
        for end in graph.ends {
            for (r, role) in owed.enumerated() {
                guard let failure = failures[end][r] else { continue }
                report(failure, role: role, context: context, into: &findings)
            }
        }
    }

    /// The most states the searches of one process may visit, over all its roles: each role's search is linear,
    /// but a process that informs thousands of customer roles would make them quadratic together. Past it, the
    /// roles not yet searched are left unchecked (the requester comes first).
    static let stateBudget = 4_000_000

    /// A role the end of the case is owed to.
    private struct OwedRole {
        var id: String
        /// The requester is owed from the start; another customer once a run informs it.
        var isRequester: Bool
    }

    /// The requester (or the customer roles at the start), then every other customer role the process informs
    /// anywhere, in the order written.
    private static func owedRoles(_ context: ProcessContext) -> [OwedRole] {
        let activities = context.activities
        var roles: [OwedRole] = []
        var seen: Set<String> = []
        func isCustomer(_ id: String) -> Bool { context.role(id)?.kind.value == .customer }
        func add(_ id: String, requester: Bool) {
            guard seen.insert(id).inserted else { return }
            roles.append(OwedRole(id: id, isRequester: requester))
        }
        if let requester = context.process.requester {
            // Unknown: `ref/unknown-role` says so, and guessing whom it meant would only add noise.
            if context.role(requester.value) != nil { add(requester.value, requester: true) }
        } else if let start = context.graph.start {
            for id in activities[start].responsible + activities[start].informed where isCustomer(id.value) {
                add(id.value, requester: true)
            }
        }
        for activity in activities {
            for id in activity.informed where isCustomer(id.value) { add(id.value, requester: false) }
        }
        for transition in context.graph.transitions {
            for id in transition.handoff?.informed ?? [] where isCustomer(id.value) { add(id.value, requester: false) }
        }
        for entry in context.graph.cancellations {
            for id in entry.cancellation.handoff?.informed ?? [] where isCustomer(id.value) { add(id.value, requester: false) }
        }
        return roles
    }

    private static func report(_ failure: TellingRuns.Failure, role: OwedRole, context: ProcessContext, into findings: inout Findings) {
        let activities = context.activities
        let graph = context.graph
        let wording = SoundnessWording(context)
        let file = context.process.file
        let path = failure.path
        let end = failure.end
        let endID = activities[end].id.value
        let before = path.count >= 2 ? path[path.count - 2].activity : nil
        let lastHandoff = path.lastIndex { $0.isHandoff }

        var parts: [String] = []
        var steps: [WitnessStep] = []
        for (offset, step) in path.enumerated() {
            let id = activities[step.activity].id
            var part = id.value
            var message: String
            switch step.via {
            case .start:
                message = "the case starts at '\(id.value)'"
            case .transition(let t):
                if let fork = graph.transitions[t].fork {
                    let branch = wording.branch(site: fork.site, index: fork.branch)
                    part += " [\(branch)]"
                    message = "the case passes '\(id.value)' on \(branch)"
                } else {
                    message = "the case passes '\(id.value)'"
                }
            case .cancel:
                part = "(cancelled) " + part
                message = "the case is cancelled and goes to '\(id.value)'"
            }
            if offset == lastHandoff {
                let goes = message.hasPrefix("the case is cancelled") ? "the case is cancelled and goes to" : "the case passes to"
                message = "\(goes) '\(id.value)': responsibility changes (the run's last handoff)"
            } else if step.notifies {
                message = "'\(id.value)' informs '\(role.id)', before the run's last handoff"
            } else if offset == failure.owedFrom && !role.isRequester {
                message = "'\(role.id)' is informed at '\(id.value)': the case is under way"
            }
            parts.append(part)
            steps.append(WitnessStep(file: file, range: id.range, message: message))
        }
        let beforeText = before.map { " or at '\(activities[$0].id.value)' before it" } ?? ""
        var ends = "the case ends"
        if case .cancel? = path.last?.via { ends = "the case is cancelled and ends" }
        steps[steps.count - 1].message =
            "\(ends) at '\(endID)': '\(role.id)' is not informed, consulted or responsible here\(beforeText), and no notification informs it after the run's last handoff"

        let who: String
        if role.isRequester {
            who = "the requester \(context.describeRole(role.id))"
        } else {
            let informedAt = failure.owedFrom.map { ", informed at '\(activities[path[$0].activity].id.value)'," } ?? ""
            who = "\(context.describeRole(role.id))\(informedAt)"
        }
        let places = before.map { "'\(endID)' or '\(activities[$0].id.value)' before it" } ?? "'\(endID)'"
        findings.report(
            Self.self, at: activities[end].id.range,
            "the case can end at \(context.describe(activities[end])) without telling \(who) how it ended (path: \(parts.joined(separator: " -> ")))",
            help:
                "add `\(role.id)` to the `informed:` of \(places), or add a `type: notification` step that informs `\(role.id)` after the last handoff",
            activities: [endID] + (before.map { [activities[$0].id.value] } ?? []),
            roles: [role.id],
            path: steps
        )
    }
}

/// The runs of one process as seen by `tell/requester-not-told`: per role, a search over the activities with three
/// facts about the run so far (the role is owed the end, a notification has told it since the last handoff, it
/// takes part in the current activity), so each role costs one breadth-first search over eight states per activity,
/// linear in activities plus transitions plus cancellation edges.
///
/// A run is followed along one branch at a time, as a path over transitions (each fork branch is one) and
/// cancellations; at a `join: all` the branches it closes are taken along: their last activities count as directly
/// before the join, a handoff on one of them comes after what the followed branch did, and a notification on one of
/// them counts when nothing hands off after it (no later handoff on its branch, none on the others).
private struct TellingRuns {
    enum Via {
        case start
        case transition(Int)
        case cancel(Int)
    }

    struct Step {
        var activity: Int
        var via: Via
        /// The edge into the activity changes responsibility.
        var isHandoff: Bool
        /// The activity is a notification that informs the role.
        var notifies: Bool
    }

    struct Failure {
        var end: Int
        var path: [Step]
        /// The step where the role became owed the end (nil for the requester, owed from the start).
        var owedFrom: Int?
    }

    private let context: ProcessContext
    private let graph: FlowGraph
    /// Per transition: responsibility changes on it.
    private let transitionHandoff: [Bool]
    private let isEnd: [Bool]
    /// Per closing join, the activities on the branches of the forks it closes.
    private let joinedRegion: [Int: Set<Int>]
    /// Per activity: it names a role no catalogue or process defines, which may be the one meant at the end
    /// (`ref/unknown-role` reports the misspelling).
    private let namesUnknown: [Bool]
    /// Per fork with a join, per branch: the activities on it before the join.
    private let branchRegions: [Int: [Set<Int>]]
    /// Per fork with a join, per branch: a transition on it changes responsibility.
    private let branchHandsOff: [Int: [Bool]]
    /// Per activity, the fork branches on which nothing after it changes responsibility: a notification there is
    /// the last word of its branch. Found once, for every role.
    private let lastOnBranch: [[(fork: Int, branch: Int)]]

    init(_ context: ProcessContext) {
        self.context = context
        let graph = context.graph
        self.graph = graph
        // The handoff analysis lists each activity's transitions in `next` order, then its triggers, then the
        // cancellations: its transition points are the graph's transitions, in order.
        let points = context.handoffs.points.filter { point in
            switch point.kind {
            case .trigger, .cancel: return false
            default: return true
            }
        }
        let transitionHandoff =
            points.count == graph.transitions.count
            ? points.map { $0.change == .changed } : graph.transitions.map { _ in false }
        self.transitionHandoff = transitionHandoff
        var isEnd = Array(repeating: false, count: graph.activityCount)
        for end in graph.ends { isEnd[end] = true }
        self.isEnd = isEnd
        namesUnknown = context.activityRoles.map(\.namesUnknownRole)
        var joinedRegion: [Int: Set<Int>] = [:]
        var branchRegions: [Int: [Set<Int>]] = [:]
        var branchHandsOff: [Int: [Bool]] = [:]
        if !graph.forks.isEmpty {
            var isClosingJoin = Array(repeating: false, count: graph.activityCount)
            for fork in graph.forks { if let join = fork.join { isClosingJoin[join] = true } }
            for (f, fork) in graph.forks.enumerated() {
                guard let join = fork.join else { continue }
                let regions = graph.branchRegions(of: f, isJoin: isClosingJoin, passingJoins: { isClosingJoin[$0] && $0 != join }).map {
                    Set($0.activities.lazy.filter { $0 != join && $0 != fork.source })
                }
                branchRegions[f] = regions
                branchHandsOff[f] = regions.map { region in
                    region.contains { a in graph.outgoing[a].contains { transitionHandoff[$0] } }
                }
                for region in regions { joinedRegion[join, default: []].formUnion(region) }
            }
        }
        var lastOnBranch = Array(repeating: [(fork: Int, branch: Int)](), count: graph.activityCount)
        for f in branchRegions.keys.sorted() {
            guard let regions = branchRegions[f] else { continue }
            for (b, region) in regions.enumerated() {
                // Backwards from the handoffs inside the branch: the activities that can still hand off.
                var handsOffLater = Set<Int>()
                var queue = region.filter { a in graph.outgoing[a].contains { transitionHandoff[$0] } }.sorted()
                handsOffLater.formUnion(queue)
                var head = 0
                while head < queue.count {
                    let a = queue[head]
                    head += 1
                    for t in graph.incoming[a] {
                        let source = graph.transitions[t].source
                        if region.contains(source), handsOffLater.insert(source).inserted { queue.append(source) }
                    }
                }
                for a in region where !handsOffLater.contains(a) { lastOnBranch[a].append((f, b)) }
            }
        }
        self.lastOnBranch = lastOnBranch
        self.joinedRegion = joinedRegion
        self.branchRegions = branchRegions
        self.branchHandsOff = branchHandsOff
    }

    /// Per transition into a `join: all` from a branch of a fork it closes: another branch of that fork has a
    /// notification that informs the role with no handoff after it on its branch, and no branch but its own changes
    /// responsibility, so the notification comes after every handoff of the parallel work (a handoff on a sibling
    /// branch is not ordered with it, and may come later).
    /// `handsOff`: per such transition, another branch of that fork changes responsibility, after anything the
    /// branch arriving here did since the fork.
    private func siblingNotifications(_ notifies: [Bool]) -> (notifies: [Bool], handsOff: [Bool]) {
        var result = Array(repeating: false, count: graph.transitions.count)
        var siblingHandsOff = result
        guard !branchRegions.isEmpty else { return (result, siblingHandsOff) }
        // Per fork, per branch: a notification on the branch has no handoff after it there. Only the activities that
        // notify this role are looked at.
        var notifiedLast: [Int: [Bool]] = [:]
        for (f, regions) in branchRegions { notifiedLast[f] = Array(repeating: false, count: regions.count) }
        for a in notifies.indices where notifies[a] {
            for slot in lastOnBranch[a] { notifiedLast[slot.fork]?[slot.branch] = true }
        }
        for (f, fork) in graph.forks.enumerated() {
            guard let join = fork.join, let regions = branchRegions[f], let last = notifiedLast[f], let handsOff = branchHandsOff[f]
            else { continue }
            for t in graph.incoming[join] {
                let source = graph.transitions[t].source
                guard regions.contains(where: { $0.contains(source) }) else { continue }
                for b in regions.indices where !regions[b].contains(source) {
                    if handsOff[b] { siblingHandsOff[t] = true }
                    if last[b] && !handsOff.indices.contains(where: { $0 != b && handsOff[$0] }) { result[t] = true }
                }
            }
        }
        return (result, siblingHandsOff)
    }

    /// A cancellation from `source` changes responsibility: both sides name known responsible roles, and share none.
    private func cancelHandoff(from source: Int, to target: Int) -> Bool {
        let activities = context.activities
        let from = context.activityRoles[source].responsible
        let to = context.activityRoles[target].responsible
        guard !from.isEmpty, !to.isEmpty, from.count == Set(activities[source].responsible.map(\.value)).count,
            to.count == Set(activities[target].responsible.map(\.value)).count
        else { return false }
        return !from.contains { a in to.contains { $0.value == a.value } }
    }

    /// Per end, the shortest run on which `role` is owed the end and not told it.
    /// Nil when the search would pass the remaining `budget` of states (which it lowers by what it visits).
    func failures(of role: String, isRequester: Bool, budget: inout Int) -> [Failure]? {
        let activities = context.activities
        let count = graph.activityCount
        guard let start = graph.start else { return [] }
        // Reading the activities' lists costs as much as a search's first pass.
        budget -= count + graph.transitions.count
        guard budget > 0 else { return nil }
        var involved = Array(repeating: false, count: count)
        var informs = Array(repeating: false, count: count)
        var notifies = Array(repeating: false, count: count)
        for (a, activity) in activities.enumerated() {
            // Only an unconditional entry tells on every run: `{role, when}` tells on some runs only.
            let informed = activity.informed.contains { $0.value == role } && activity.condition(informed: role) == nil
            let consulted = activity.consulted.contains { $0.value == role } && activity.condition(consulted: role) == nil
            involved[a] = informed || consulted || activity.responsible.contains { $0.value == role }
            informs[a] = informed
            notifies[a] = informed && activity.stepType == .notification
        }
        // At a join, the branches it closes: whether one of them notifies the role, or ends next to the join with it.
        var regionToldBefore: [Int: Bool] = [:]
        for (join, region) in joinedRegion {
            regionToldBefore[join] = graph.incoming[join].contains { t in
                let source = graph.transitions[t].source
                return region.contains(source) && involved[source]
            }
        }

        let (siblingNotifies, siblingHandsOff) = siblingNotifications(notifies)

        // State: activity * 8 + owed * 4 + notified * 2 + told here.
        func state(_ a: Int, owed: Bool, notified: Bool, told: Bool) -> Int {
            a * 8 + (owed ? 4 : 0) + (notified ? 2 : 0) + (told ? 1 : 0)
        }
        var parent = Array(repeating: -2, count: count * 8)
        // The edge into the state: a transition's index, or `transitions.count` plus a cancellation's.
        var parentEdge = Array(repeating: -1, count: count * 8)
        let first = state(start, owed: isRequester || informs[start], notified: notifies[start], told: involved[start])
        parent[first] = -1
        var found: [Int: (from: Int, edge: Int)] = [:]
        var foundOrder: [Int] = []
        if isEnd[start], (isRequester || informs[start]) && !involved[start] && !namesUnknown[start] {
            found[start] = (-1, -1)
            foundOrder.append(start)
        }
        var queue = [first]
        var head = 0
        while head < queue.count {
            guard head < budget else {
                budget = 0
                return nil
            }
            let current = queue[head]
            head += 1
            let a = current / 8
            if isEnd[a] { continue }
            let owed = current & 4 != 0
            let notified = current & 2 != 0
            let toldHere = current & 1 != 0
            func step(to b: Int, edge: Int, handoff: Bool, informedOnEdge: Bool) {
                let fromRegion = joinedRegion[b]?.contains(a) ?? false
                let isTransition = edge < graph.transitions.count
                let nextNotified =
                    (!handoff && !(isTransition && siblingHandsOff[edge]) && notified) || notifies[b]
                    || (isTransition && siblingNotifies[edge])
                let nextOwed = owed || informs[b] || informedOnEdge
                let nextTold = involved[b] || informedOnEdge
                if isEnd[b], found[b] == nil, nextOwed, !nextTold, !toldHere, !nextNotified, !namesUnknown[a], !namesUnknown[b],
                    !(fromRegion && regionToldBefore[b] == true)
                {
                    found[b] = (current, edge)
                    foundOrder.append(b)
                }
                let next = state(b, owed: nextOwed, notified: nextNotified, told: nextTold)
                guard parent[next] == -2 else { return }
                parent[next] = current
                parentEdge[next] = edge
                queue.append(next)
            }
            for t in graph.outgoing[a] {
                let transition = graph.transitions[t]
                step(
                    to: transition.target, edge: t, handoff: transitionHandoff[t],
                    informedOnEdge: transition.handoff?.informed.contains { $0.value == role } ?? false)
            }
            for c in graph.cancellable[a] {
                let entry = graph.cancellations[c]
                guard let target = entry.target else { continue }
                step(
                    to: target, edge: graph.transitions.count + c, handoff: cancelHandoff(from: a, to: target),
                    informedOnEdge: entry.cancellation.handoff?.informed.contains { $0.value == role } ?? false)
            }
        }

        budget -= head
        return foundOrder.map { end in
            guard let (from, edge) = found[end] else { return Failure(end: end, path: [], owedFrom: nil) }
            // The states back to the start, then the end.
            var chain: [(state: Int, edge: Int)] = []
            if from >= 0 {
                chain.append((from, parentEdge[from]))
                var cursor = from
                while parent[cursor] >= 0 {
                    cursor = parent[cursor]
                    chain.append((cursor, parentEdge[cursor]))
                }
                chain.reverse()
            }
            var path: [Step] = []
            for link in chain {
                path.append(describe(link.state / 8, edge: link.edge, from: path.last?.activity, notifies: notifies))
            }
            if from >= 0 {
                path.append(describe(end, edge: edge, from: path.last?.activity, notifies: notifies))
            } else {
                path.append(Step(activity: end, via: .start, isHandoff: false, notifies: false))
            }
            var owedFrom: Int?
            if !isRequester {
                owedFrom = chain.firstIndex { $0.state & 4 != 0 }
            }
            return Failure(end: end, path: path, owedFrom: owedFrom)
        }
    }

    private func describe(_ activity: Int, edge: Int, from previous: Int?, notifies: [Bool]) -> Step {
        if edge < 0 { return Step(activity: activity, via: .start, isHandoff: false, notifies: notifies[activity]) }
        if edge < graph.transitions.count {
            return Step(activity: activity, via: .transition(edge), isHandoff: transitionHandoff[edge], notifies: notifies[activity])
        }
        let c = edge - graph.transitions.count
        let source = previous ?? activity
        return Step(activity: activity, via: .cancel(c), isHandoff: cancelHandoff(from: source, to: activity), notifies: notifies[activity])
    }
}
