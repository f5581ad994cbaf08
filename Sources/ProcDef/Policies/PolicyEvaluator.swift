import YAMLTree

/// One failing requirement, before it is turned into a `policy/<id>` diagnostic.
struct PolicyViolation {
    var range: SourceRange
    var message: String
    var activities: [String] = []
    var roles: [String] = []
    /// The path the graph search found, for `visits` and `before`.
    var path: [WitnessStep] = []
}

/// Evaluates the policies that apply to one process over its flow graph, and judges its waivers.
///
/// Each requirement is one pass over the activities or one graph search, so a policy costs time linear in the
/// process's activities plus transitions.
package struct PolicyEvaluator: Sendable {
    package let policies: [Policy]
    package let today: CalendarDate
    private let policyByID: [String: Policy]

    package init(policies: [Policy], today: CalendarDate) {
        self.policies = policies
        self.today = today
        var byID: [String: Policy] = [:]
        for policy in policies where byID[policy.id.value] == nil {
            byID[policy.id.value] = policy
        }
        policyByID = byID
    }

    /// Whether `policy` governs `process`: by `applies-to`, or because the process lists it under `policies:`.
    package func applies(_ policy: Policy, to process: ProcessDefinition) -> Bool {
        if process.policies.contains(where: { $0.value == policy.id.value }) { return true }
        guard let scope = policy.appliesTo else { return false }
        if scope.all { return true }
        if scope.ids.contains(where: { $0.value == process.id.value }) { return true }
        return scope.tags.contains { tag in process.tags.contains { $0.value == tag.value } }
    }

    /// The findings of every applicable policy and waiver of the process, and each applicable policy's status.
    package func evaluate(_ context: ProcessContext) -> (diagnostics: [Diagnostic], statuses: [PolicyStatus]) {
        let process = context.process
        var findings = Findings(file: process.file, process: process.id.value, configuration: context.configuration)
        var diagnostics: [Diagnostic] = []
        var statuses: [PolicyStatus] = []
        let matcher = SelectorMatcher(context: context)
        var waiverByPolicy: [String: Waiver] = [:]
        for waiver in process.waivers where waiverByPolicy[waiver.policy.value] == nil {
            waiverByPolicy[waiver.policy.value] = waiver
        }

        for policy in policies where applies(policy, to: process) {
            let scope = RunScope(policy, context: context, matcher: matcher)
            let violations =
                scope?.isEmpty == true
                ? [] : policy.requirements.flatMap { self.violations(of: $0.value, in: context, matcher: matcher, scope: scope) }
            let waiver = waiverByPolicy[policy.id.value]
            let activeWaiver = waiver.flatMap { w -> (Waiver, WaiverEnd)? in
                guard let until = w.until?.value, w.holds(on: today) else { return nil }
                return (w, until)
            }
            let ruleID = "policy/\(policy.id.value)"
            let severity: Severity? = context.configuration.configuredLevel(of: ruleID) ?? policy.severity.value
            if violations.isEmpty {
                statuses.append(
                    PolicyStatus(
                        policyID: policy.id.value, title: policy.title.value, severity: policy.severity.value, state: .holds,
                        runs: scope?.runs, policyRuns: scope?.policyRuns,
                        noRunInScope: scope?.isEmpty ?? false))
                if let waiver, activeWaiver != nil {
                    findings.report(
                        WaiverUnused.self, at: waiver.policy.range,
                        "waiver for policy '\(policy.id.value)' is not needed: the policy holds for process '\(process.id.value)'",
                        help: "remove the waiver",
                        policy: policy.id.value, waiver: WaiverSubject(process: process.id.value, policy: policy.id.value)
                    )
                }
            } else if let (waiver, until) = activeWaiver {
                statuses.append(
                    PolicyStatus(
                        policyID: policy.id.value, title: policy.title.value, severity: policy.severity.value,
                        state: .waived(until: until, reason: waiver.reason?.value ?? "", approvedBy: waiver.approvedBy?.value),
                        runs: scope?.runs, policyRuns: scope?.policyRuns))
            } else {
                statuses.append(
                    PolicyStatus(
                        policyID: policy.id.value, title: policy.title.value, severity: policy.severity.value,
                        state: .fails(count: violations.count), runs: scope?.runs,
                        policyRuns: scope?.policyRuns))
                if let severity {
                    let help = Self.help(for: policy)
                    for violation in violations {
                        diagnostics.append(
                            Diagnostic(
                                file: process.file, range: violation.range, severity: severity, rule: ruleID, message: violation.message,
                                help: help,
                                subjects: FindingSubjects(
                                    process: process.id.value, activities: violation.activities, roles: violation.roles,
                                    policy: policy.id.value),
                                path: violation.path
                            ))
                    }
                }
            }
        }

        for waiver in process.waivers {
            if let until = waiver.until, let last = until.value.date, last < today {
                findings.report(
                    WaiverExpired.self, at: until.range,
                    "waiver for policy '\(waiver.policy.value)' expired on \(last) (today is \(today))",
                    help: "fix what the policy asks for, or renew the waiver with a new `until` date and a reason",
                    policy: waiver.policy.value, waiver: WaiverSubject(process: process.id.value, policy: waiver.policy.value)
                )
            }
            guard let policy = policyByID[waiver.policy.value] else { continue }
            if !applies(policy, to: process), waiver.until == nil || waiver.holds(on: today) {
                findings.report(
                    WaiverUnused.self, at: waiver.policy.range,
                    "waiver for policy '\(policy.id.value)' is not needed: the policy does not apply to process '\(process.id.value)'",
                    help: "remove the waiver",
                    policy: policy.id.value, waiver: WaiverSubject(process: process.id.value, policy: policy.id.value)
                )
            }
        }
        return (diagnostics + findings.diagnostics, statuses)
    }

    private static func help(for policy: Policy) -> String {
        var text = "policy '\(policy.id.value)': \(policy.title.value)"
        if let rationale = policy.rationale?.value { text += " (\(rationale))" }
        return text
    }

    /// How the search for a goal that the start reaches while no `avoided` activity has run is shown: the witness's
    /// text and steps, the last step saying what went wrong. Without parallel work a run is a path, and one
    /// breadth-first search serves every goal; with forks or cancellations it is a run (`RunSearch`).
    /// The last step's text is made only for a goal that is reached: selectors' phrases are costly, and nearly every
    /// goal is not.
    ///
    /// With a `scope`, only runs in it count. `finishing`: the run ends at the goal (`visits`); otherwise it goes on
    /// from the goal, and what it does after the goal also decides whether it is in scope (`before`).
    private func witnesses(
        in context: ProcessContext, avoiding avoided: [Bool], siblingsStart: Bool, scope: RunScope?, finishing: Bool
    ) -> (Int, () -> String) -> (String, [WitnessStep])? {
        let process = context.process
        let graph = context.graph
        let activities = context.activities
        guard graph.hasParallelWork else {
            func witness(_ indices: [Int], _ last: () -> String) -> (String, [WitnessStep]) {
                let text = indices.map { activities[$0].id.value }.joined(separator: " -> ")
                // The same path as steps: each activity on it, the last one saying what went wrong there.
                let steps = indices.enumerated().map { offset, index in
                    let id = activities[index].id
                    let message =
                        offset == indices.count - 1
                        ? last() : offset == 0 ? "the case starts at '\(id.value)'" : "the case passes '\(id.value)'"
                    return WitnessStep(file: process.file, range: id.range, message: message)
                }
                return (text, steps)
            }
            if let scope {
                return { goal, last in
                    guard scope.inScope[goal], let indices = scope.path(to: goal, stoppingAt: avoided, finishing: finishing) else {
                        return nil
                    }
                    return witness(indices, last)
                }
            }
            let paths = graph.shortestPaths { avoided[$0] }
            return { goal, last in paths.path(to: goal).map { witness($0, last) } }
        }
        // Runs in scope pass no activity `unless` names and take no transition it names: the search avoids them too.
        var avoided = avoided
        if let scope {
            for index in avoided.indices where scope.unlessAt[index] { avoided[index] = true }
        }
        // Every run that reaches a goal is also a path over transitions and cancellations: goals no such path
        // reaches need no fixpoint.
        let candidates = RunSearch.reachable(in: graph, avoiding: avoided)
        let search = RunSearch(graph: graph, avoided: avoided, siblingsStart: siblingsStart, blocked: scope?.unlessEdge)
        let prefixes = RunPrefixes(search: search)
        return { goal, last in
            guard candidates[goal], let start = graph.start else { return nil }
            guard let scope else {
                guard let run = search.run(to: goal) else { return nil }
                let witness = RunWitness(run, context: context, last: last())
                return (witness.text, witness.steps)
            }
            guard scope.inScope[goal] else { return nil }
            let costs = search.costs(to: goal)
            guard let run = search.run(from: start, to: goal, costs: costs) else { return nil }
            var found: [RunSearch.Item]?
            if scope.accepts(run, goal: goal, finishing: finishing) {
                found = run
            } else {
                // The shortest run is not in scope: route one through what `when` asks, then on to the goal.
                // Only the anchors a run can reach at all, found once per requirement: most goals need none of them.
                let usable = prefixes.usableAnchors(scope.anchors.filter { $0.goOnFrom == $0.reach || !avoided[$0.reach] })
                for (anchor, prefix) in usable where costs[anchor.goOnFrom] < RunSearch.unreachable {
                    guard let rest = search.run(from: anchor.goOnFrom, to: goal, costs: costs) else { continue }
                    let routed = RunSearch.continuing(prefix, with: anchor.goOnFrom == anchor.reach ? Array(rest.dropFirst()) : rest)
                    if scope.accepts(routed, goal: goal, finishing: finishing, routed: true) {
                        found = routed
                        break
                    }
                }
            }
            guard let found else { return nil }
            let witness = RunWitness(found, context: context, last: last())
            return (witness.text, witness.steps)
        }
    }

    /// The violations of one requirement; with a `scope`, on the runs in it only (the scope is not empty).
    private func violations(of requirement: Requirement, in context: ProcessContext, matcher: SelectorMatcher, scope: RunScope?)
        -> [PolicyViolation]
    {
        let process = context.process
        let graph = context.graph
        let activities = context.activities
        // `, on runs through 'Confirm the incident'`: where each finding of a scoped policy says which runs it is about.
        let on = scope.map { " on \($0.runs)" } ?? ""
        let considered = scope.map { scope in activities.indices.filter { scope.inScope[$0] } } ?? Array(activities.indices)
        switch requirement {
        case .exists(let selector):
            if considered.contains(where: { matcher.matches(selector, at: $0) }) { return [] }
            return [
                PolicyViolation(
                    range: process.headerRange,
                    message: "process '\(process.id.value)' has no activity matching the policy\(on): it needs \(selector.phrase)")
            ]

        case .visits(let selector):
            let matching = matcher.matches(selector)
            let witness = witnesses(in: context, avoiding: matching, siblingsStart: true, scope: scope, finishing: true)
            var violations: [PolicyViolation] = []
            for end in graph.ends where !matching[end] {
                let last = { "the process ends at '\(activities[end].id.value)' without passing \(selector.phrase)" }
                guard let (text, path) = witness(end, last) else { continue }
                violations.append(
                    PolicyViolation(
                        range: activities[end].id.range,
                        message:
                            "the process can end at \(context.describe(activities[end])) without passing \(selector.phrase)\(on) (path: \(text))",
                        activities: [activities[end].id.value],
                        path: path
                    ))
            }
            return violations

        case .before(let first, let then):
            let isFirst = matcher.matches(first)
            let isThen = matcher.matches(then)
            // A path stops at its first violation: everything behind it would repeat the same missing step.
            let violating = activities.indices.map { isThen[$0] && !isFirst[$0] }
            let stops = activities.indices.map { isFirst[$0] || violating[$0] }
            let witness = witnesses(in: context, avoiding: stops, siblingsStart: false, scope: scope, finishing: false)
            var violations: [PolicyViolation] = []
            for index in activities.indices where violating[index] {
                let last = { "'\(activities[index].id.value)' is reached without passing \(first.phrase)" }
                guard let (text, path) = witness(index, last) else { continue }
                violations.append(
                    PolicyViolation(
                        range: activities[index].id.range,
                        message:
                            "activity \(context.describe(activities[index])) can be reached without passing \(first.phrase) before it\(on) (path: \(text))",
                        activities: [activities[index].id.value],
                        path: path
                    ))
            }
            return violations

        case .all(let of, let match):
            return considered.compactMap { index in
                guard matcher.matches(of, at: index), !matcher.matches(match, at: index) else { return nil }
                return PolicyViolation(
                    range: activities[index].id.range,
                    message:
                        "activity \(context.describe(activities[index])) \(of.condition.text) but does not \(match.condition.negatable)\(on)",
                    activities: [activities[index].id.value])
            }

        case .separate(let left, let right):
            return Self.separationViolations(
                left, right, among: considered, on: on, activities: activities, matcher: matcher, context: context)

        case .processHas(let fields):
            return fields.compactMap { field in
                process.presentFields.contains(field.value)
                    ? nil
                    : PolicyViolation(
                        range: process.headerRange, message: "process '\(process.id.value)' does not set '\(field.value)'\(on)")
            }

        case .max(let consulted, let informed, let activityLimit):
            var violations: [PolicyViolation] = []
            for activity in considered.map({ activities[$0] }) {
                if let limit = consulted?.value, activity.consulted.count > limit {
                    violations.append(
                        PolicyViolation(
                            range: activity.id.range,
                            message:
                                "activity \(context.describe(activity)) consults \(activity.consulted.count) roles, more than the \(limit) allowed\(on)",
                            activities: [activity.id.value]))
                }
                if let limit = informed?.value, activity.informed.count > limit {
                    violations.append(
                        PolicyViolation(
                            range: activity.id.range,
                            message:
                                "activity \(context.describe(activity)) informs \(activity.informed.count) roles, more than the \(limit) allowed\(on)",
                            activities: [activity.id.value]))
                }
            }
            if let limit = activityLimit?.value, activities.count > limit {
                violations.append(
                    PolicyViolation(
                        range: process.headerRange,
                        message: "process '\(process.id.value)' has \(activities.count) activities, more than the \(limit) allowed\(on)"))
            }
            return violations
        }
    }
}

extension PolicyEvaluator {
    /// `separate`: no one person does an activity of each side. Two activities are done by different people when
    /// their responsible roles differ, or when one declares `other-person-than` the other (four eyes within one role);
    /// `same-person-as` says one person does both, whatever the roles.
    /// `considered` are the activities on the runs in the policy's scope; `on` is the scope as a message suffix.
    static func separationViolations(
        _ left: ActivitySelector, _ right: ActivitySelector, among considered: [Int], on: String, activities: [Activity],
        matcher: SelectorMatcher, context: ProcessContext
    ) -> [PolicyViolation] {
        var indexByID: [String: Int] = [:]
        for (index, activity) in activities.enumerated() where indexByID[activity.id.value] == nil {
            indexByID[activity.id.value] = index
        }
        func declares(_ a: Int, otherPersonThan b: Int) -> Bool { activities[a].otherPersonThan?.value == activities[b].id.value }
        func samePerson(_ a: Int, _ b: Int) -> Bool {
            activities[a].samePersonAs?.value == activities[b].id.value || activities[b].samePersonAs?.value == activities[a].id.value
        }
        var leftByRole: [String: [Int]] = [:]
        var isLeft = Array(repeating: false, count: activities.count)
        for index in considered where matcher.matches(left, at: index) {
            isLeft[index] = true
            for role in activities[index].responsible where leftByRole[role.value]?.last != index {
                leftByRole[role.value, default: []].append(index)
            }
        }
        var violations: [PolicyViolation] = []
        var reportedSamePerson: Set<[Int]> = []
        for index in considered where matcher.matches(right, at: index) {
            // One person on both sides by declaration: reported once, at the declaration.
            var samePersonPartners: Set<Int> = []
            for partner in [activities[index].samePersonAs.flatMap { indexByID[$0.value] }].compactMap({ $0 }) where isLeft[partner] {
                samePersonPartners.insert(partner)
            }
            for role in activities[index].responsible {
                // The first activity of the other side with this role that another person does not have to do.
                guard
                    let other = leftByRole[role.value]?.first(where: {
                        $0 == index || !(declares(index, otherPersonThan: $0) || declares($0, otherPersonThan: index))
                    }), !samePerson(other, index) || other == index
                else { continue }
                let place =
                    other == index
                    ? "\(context.describe(activities[index])), which is both \(left.phrase) and \(right.phrase)"
                    : "\(context.describe(activities[other])) and \(context.describe(activities[index]))"
                let named = other == index ? [activities[index].id.value] : [activities[other].id.value, activities[index].id.value]
                violations.append(
                    PolicyViolation(
                        range: role.range,
                        message: "role \(context.describeRole(role.value)) is responsible for \(place); these duties must be separate\(on)",
                        activities: named, roles: [role.value]))
            }
            for partner in samePersonPartners.sorted() where reportedSamePerson.insert([index, partner]).inserted {
                violations.append(samePersonViolation(declaring: index, partner: partner, on: on, activities: activities, context: context))
            }
        }
        // `same-person-as` written on the left-hand activity, naming a right-hand one.
        for index in considered where isLeft[index] {
            guard let partner = activities[index].samePersonAs.flatMap({ indexByID[$0.value] }), partner != index,
                considered.contains(partner), matcher.matches(right, at: partner), reportedSamePerson.insert([index, partner]).inserted
            else { continue }
            violations.append(samePersonViolation(declaring: index, partner: partner, on: on, activities: activities, context: context))
        }
        return violations
    }

    private static func samePersonViolation(
        declaring index: Int, partner: Int, on: String, activities: [Activity], context: ProcessContext
    ) -> PolicyViolation {
        let declaration = activities[index].samePersonAs?.range ?? activities[index].id.range
        return PolicyViolation(
            range: declaration,
            message:
                "\(context.describe(activities[index])) is done by the same person as \(context.describe(activities[partner])) "
                + "(`same-person-as`); these duties must be separate\(on)",
            activities: [activities[partner].id.value, activities[index].id.value])
    }
}

/// The shortest runs from the start to each anchor of a scope, found once per search.
private final class RunPrefixes {
    let search: RunSearch
    private var runs: [Int: [RunSearch.Item]?] = [:]

    private var anchors: [(anchor: (reach: Int, goOnFrom: Int), prefix: [RunSearch.Item])]?

    init(search: RunSearch) { self.search = search }

    /// The anchors with a run to them, and those runs; computed on the first call (the anchors are the same for
    /// every goal of one requirement).
    func usableAnchors(_ candidates: @autoclosure () -> [(reach: Int, goOnFrom: Int)]) -> [(
        anchor: (reach: Int, goOnFrom: Int), prefix: [RunSearch.Item]
    )] {
        if let anchors { return anchors }
        let found = candidates().compactMap { anchor in run(to: anchor.reach).map { (anchor: anchor, prefix: $0) } }
        anchors = found
        return found
    }

    func run(to anchor: Int) -> [RunSearch.Item]? {
        if let known = runs[anchor] { return known }
        let run = search.run(to: anchor)
        runs[anchor] = run
        return run
    }
}
