/// Counts that end every report: `2 errors, 1 warning in 14 files`.
public struct CheckSummary: Sendable, Hashable {
    public var files: Int
    public var processes: Int
    public var policies: Int
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    /// Findings a baseline hid (not counted above).
    public var baselined = 0
    /// The baseline file in use, as shown; nil without one.
    public var baselineFile: String?

    public init(files: Int, processes: Int, policies: Int, errors: Int, warnings: Int, notes: Int) {
        self.files = files
        self.processes = processes
        self.policies = policies
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }
}

/// The outcome of `procdef check`: the workspace and every finding, sorted.
public struct CheckReport: Sendable {
    public var workspace: Workspace
    public var diagnostics: [Diagnostic]
    public var summary: CheckSummary
    /// Per process id, how each applicable policy stands (for the runbooks' policy table).
    public var policyStatuses: [String: [PolicyStatus]]
    /// Per process id (its first definition), the analyses its rules ran on; empty unless
    /// `CheckOptions.keepsProcessContexts` asked for them.
    package var processContexts: [String: ProcessContext] = [:]
    /// The working seconds of a business day the check counted with, so that what is computed from the report
    /// later (the time verdicts `procdef diff` compares) counts the same.
    package var businessDaySeconds = TimeTarget.defaultBusinessDaySeconds
    /// The rule configuration the check ran with (the config's `rules` and `overrides`, `--select`), for findings
    /// made after it, such as the baseline's.
    public var ruleScopes = RuleScopes()
    /// The findings a baseline hid, in order: the JSON and SARIF reports show them under `--show-baselined`, and
    /// runbooks list them as known.
    public var baselined: [Diagnostic] = []
    /// The baseline in use; nil without one.
    public var baseline: BaselineUse?

    public init(workspace: Workspace, diagnostics: [Diagnostic], policyStatuses: [String: [PolicyStatus]] = [:]) {
        self.workspace = workspace
        self.policyStatuses = policyStatuses
        self.diagnostics = diagnostics.sorted(by: Diagnostic.precedes)
        self.summary = CheckSummary(
            files: workspace.sources.count,
            processes: workspace.processes.count,
            policies: workspace.policies.count,
            errors: diagnostics.count { $0.severity == .error },
            warnings: diagnostics.count { $0.severity == .warning },
            notes: diagnostics.count { $0.severity == .note }
        )
    }
}

extension CheckReport {
    /// The same report with other findings: they are sorted and counted again; the files counted, the analyses, the
    /// rule configuration and the baseline's figures stay.
    public func replacingDiagnostics(_ diagnostics: [Diagnostic]) -> CheckReport {
        var copy = self
        copy.diagnostics = diagnostics.sorted(by: Diagnostic.precedes)
        copy.summary.errors = diagnostics.count { $0.severity == .error }
        copy.summary.warnings = diagnostics.count { $0.severity == .warning }
        copy.summary.notes = diagnostics.count { $0.severity == .note }
        return copy
    }
}

/// The whole pipeline behind `procdef check`: read, decode, link, then run the rules.
public enum Checker {
    /// The rules about the role catalogue as a whole, which judge nothing on a check of some files only.
    public static let catalogueRuleIDs: Set<String> = [UnusedCatalogueRole.descriptor.id, "raci/idle-role"]

    public static func check(paths: [String], options: CheckOptions = CheckOptions()) throws(WorkspaceError) -> CheckReport {
        let workspace = try Workspace.load(paths: paths, options: options)
        return check(workspace, options: options)
    }

    /// The same check over files already in memory: `procdef explain`'s examples and the documentation tests use it.
    package static func check(files: [SourceFile], options: CheckOptions = CheckOptions()) -> CheckReport {
        check(Workspace.load(files: files, options: options), options: options)
    }

    /// Runs every process rule over an already loaded workspace, one process per task.
    public static func check(_ workspace: Workspace, options: CheckOptions = CheckOptions()) -> CheckReport {
        check(workspace, options: options, reusing: []).report
    }

    /// What the rules and policies found in one process: kept by the language server, which checks again only the
    /// processes an edit can change.
    package struct ProcessCheck: Sendable {
        package var diagnostics: [Diagnostic]
        package var statuses: [PolicyStatus]
        package var context: ProcessContext?
    }

    /// As `check(_:options:)`, taking the result of the process at each position from `reused` where it holds one
    /// (the caller knows the process and everything its rules read are unchanged), and returning every process's
    /// result for the next check. `processRoleUse` is how the processes use the catalogue's roles, when the caller
    /// keeps it up to date (`CatalogueRoleUse.Tally`); nil gathers it here.
    package static func check(
        _ workspace: Workspace, options: CheckOptions, reusing reused: [ProcessCheck?], processRoleUse: CatalogueRoleUse? = nil
    ) -> (report: CheckReport, processes: [ProcessCheck]) {
        let scopes = RuleScopes(base: options.rules, scopes: options.ruleScopes).prepared(for: workspace.sources.map(\.path))
        let rules = RuleRegistry.processRules
        let today = options.today ?? CalendarDate.todayUTC()
        let evaluator = PolicyEvaluator(policies: workspace.policies, today: today)
        let keepsContexts = options.keepsProcessContexts
        let perProcess = Array(workspace.processes.indices).parallelMap { index -> ProcessCheck in
            if index < reused.count, let result = reused[index] { return result }
            let process = workspace.processes[index]
            let configuration = scopes.configuration(for: process.file)
            let context = ProcessContext(
                process: process, graph: FlowGraph(process: process), workspace: workspace,
                configuration: configuration, stateLimit: options.maxStatesPerProcess, today: today, reviewEvery: options.reviewEvery,
                businessDay: options.businessDay, maxSilence: options.maxSilence)
            var findings = Findings(file: process.file, process: process.id.value, configuration: configuration)
            for rule in rules {
                rule.check(context, into: &findings)
            }
            let policies = evaluator.evaluate(context)
            return ProcessCheck(
                diagnostics: findings.diagnostics + policies.diagnostics, statuses: policies.statuses,
                context: keepsContexts ? context : nil)
        }
        var statuses: [String: [PolicyStatus]] = [:]
        var contexts: [String: ProcessContext] = [:]
        for (process, result) in zip(workspace.processes, perProcess) where statuses[process.id.value] == nil {
            statuses[process.id.value] = result.statuses
            contexts[process.id.value] = result.context
        }
        // Configured levels apply to every finding, wherever it was made; then inline suppressions, so a
        // suppression of a rule that is off reports as unused.
        // Every config document among the checked files is validated, whether or not it is the active one.
        let policyIDs = Set(workspace.policies.map(\.id.value))
        let configFindings = workspace.configs.flatMap { ConfigResolver.resolve($0, rules: RuleRegistry.all, policyIDs: policyIDs).1 }
        // The rules about the catalogue as a whole read every process at once.
        let roleUse = CatalogueRoleUse(workspace, processUse: processRoleUse)
        let catalogueFindings =
            UnusedCatalogueRole.diagnostics(roleUse, in: workspace, scopes: scopes)
            + IdleRole.catalogueFindings(roleUse, in: workspace, scopes: scopes)
        let levelled = scopes.relevel(
            workspace.diagnostics + perProcess.flatMap(\.diagnostics) + catalogueFindings + configFindings)
        let policyRuleIDs = Set(policyIDs.map { "policy/\($0)" })
        let ruleIDs = RuleRegistry.all.map(\.id) + policyRuleIDs.sorted()
        let kept = SuppressionFilter.apply(
            levelled,
            suppressions: workspace.suppressions,
            scopes: scopes,
            knownRule: { id in RuleRegistry.descriptor(for: id) != nil || policyRuleIDs.contains(id) },
            ruleIDs: ruleIDs,
            notJudged: roleUse.isJudged
                ? ([], [])
                : (catalogueRuleIDs, Set(workspace.catalogues.map(\.file)))
        )
        var report = CheckReport(workspace: workspace, diagnostics: kept, policyStatuses: statuses)
        report.ruleScopes = scopes
        report.processContexts = contexts
        report.businessDaySeconds = options.businessDay.seconds(businessDay: TimeTarget.defaultBusinessDaySeconds)
        return (report, perProcess)
    }
}
