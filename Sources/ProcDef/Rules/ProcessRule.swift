import YAMLTree

/// A rule that checks one process at a time; rules read the model and the flow graph, never YAML.
package protocol ProcessRule: Rule {
    static func check(_ context: ProcessContext, into findings: inout Findings)
}

/// Everything a rule may read about one process: the process, its flow graph, the workspace (roles, other
/// processes) and the configuration.
package struct ProcessContext: Sendable {
    package let process: ProcessDefinition
    package let graph: FlowGraph
    package let workspace: Workspace
    package let catalogue: [String: Role]
    package let configuration: RuleConfiguration
    /// Every transition and trigger with both sides' roles, computed once for all the rules that need it.
    package let handoffs: HandoffAnalysis
    /// The known roles of each activity's RACI lists, by activity position, resolved once for all the rules.
    package let activityRoles: [ActivityRoles]
    /// Whether the parallel work can always finish cleanly; trivial for a process without forks or cancellations.
    package let soundness: SoundnessAnalysis
    /// The day reviews are judged against (`--today`).
    package let today: CalendarDate
    /// The config's `review-every`, for a process that gives no `review.every`.
    package let reviewEvery: TimeTarget?
    /// The seconds of working time in a business day (`business-day` of `.procdef.yaml`, default 8h).
    package let businessDaySeconds: Int
    /// The config's `max-silence` (default 1d), for a process that gives none.
    package let maxSilence: TimeTarget
    /// The sums of every service target's budgets, per priority; empty for a process without `targets`.
    package let targets: TargetAnalysis
    private let localRoles: [String: Role]
    private let catalogueTable: IDTable<Role>

    package init(
        process: ProcessDefinition, graph: FlowGraph, workspace: Workspace, configuration: RuleConfiguration,
        stateLimit: Int = CheckOptions().maxStatesPerProcess, today: CalendarDate? = nil, reviewEvery: TimeTarget? = nil,
        businessDay: TimeTarget = TimeTarget.defaultBusinessDay, maxSilence: TimeTarget = CheckOptions.defaultMaxSilence
    ) {
        self.businessDaySeconds = businessDay.seconds(businessDay: TimeTarget.defaultBusinessDaySeconds)
        self.maxSilence = maxSilence
        self.today = today ?? .todayUTC()
        self.reviewEvery = reviewEvery
        self.process = process
        self.graph = graph
        self.workspace = workspace
        self.catalogue = workspace.catalogueRoles
        let catalogueTable = workspace.catalogueTable
        self.catalogueTable = catalogueTable
        self.configuration = configuration
        var local: [String: Role] = [:]
        for role in process.roles where local[role.id.value] == nil {
            local[role.id.value] = role
        }
        self.localRoles = local
        let defaultAccountable = process.defaultAccountable
        self.activityRoles = process.activities.map { activity in
            ActivityRoles(activity, defaultAccountable: defaultAccountable) { id in
                (!local.isEmpty && local[id] != nil) || catalogueTable[id] != nil
            }
        }
        self.handoffs = HandoffAnalysis(process: process, graph: graph, workspace: workspace)
        self.soundness =
            graph.hasParallelWork || graph.hasDetachedTimers
            ? SoundnessAnalysis(graph: graph, activities: process.activities, stateLimit: stateLimit) : .trivial
        self.targets =
            process.targets.isEmpty ? .none : TargetAnalysis(process: process, graph: graph, businessDay: businessDaySeconds)
    }

    package var activities: [Activity] { process.activities }

    /// The role with this id, local to the process first, then from the catalogue.
    package func role(_ id: String) -> Role? {
        // A lookup hashes the id even in an empty dictionary, and most processes have no local roles.
        if !localRoles.isEmpty, let local = localRoles[id] { return local }
        return catalogueTable[id]
    }

    /// The accountable roles of an activity, with `defaults.accountable` applied.
    package func accountable(_ activity: Activity) -> [Located<String>] {
        if !activity.accountable.isEmpty { return activity.accountable }
        return process.defaultAccountable.map { [$0] } ?? []
    }

    /// `'log' (Log the incident)`: how messages name an activity.
    package func describe(_ activity: Activity) -> String {
        "'\(activity.id.value)' (\(activity.name.value))"
    }

    /// `'service-desk' (Service Desk Analyst)` when the role is known, else `'service-desk'`.
    package func describeRole(_ id: String) -> String {
        guard let role = role(id) else { return "'\(id)'" }
        return "'\(id)' (\(role.name.value))"
    }

    /// A numeric option of rule `R`, or its default.
    package func option<R: Rule>(_ name: String, of rule: R.Type, default value: Double) -> Double {
        configuration.option(name, of: R.descriptor.id, default: value)
    }
}

/// Collects the findings of one rule run, stamping each with the rule's id, its configured severity, the file and
/// the process, so that no rule can forget the process it checks.
package struct Findings: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []
    let file: String
    let process: String?
    let configuration: RuleConfiguration

    /// `process` is the id of the process being checked, nil for findings outside any process (suppressions).
    package init(file: String, process: String? = nil, configuration: RuleConfiguration) {
        self.file = file
        self.process = process
        self.configuration = configuration
    }

    /// Records a finding of rule `R` about `activities` and `roles` (ids, the one the finding is about first),
    /// with its witness `path` and the `fixes` that resolve it; nothing when the rule is off.
    package mutating func report<R: Rule>(
        _ rule: R.Type, at range: SourceRange, _ message: String, help: String? = nil, notes: [Diagnostic.Note] = [],
        activities: [String] = [], roles: [String] = [], policy: String? = nil, waiver: WaiverSubject? = nil, path: [WitnessStep] = [],
        fixes: [Fix] = []
    ) {
        guard let severity = configuration.severity(of: R.descriptor) else { return }
        let subjects = FindingSubjects(process: process, activities: activities, roles: roles, policy: policy, waiver: waiver)
        var diagnostic = Diagnostic(
            file: file, range: range, severity: severity, rule: R.descriptor.id, message: message, help: help, notes: notes,
            subjects: subjects, path: path
        )
        diagnostic.fixes = fixes
        diagnostics.append(diagnostic)
    }
}
