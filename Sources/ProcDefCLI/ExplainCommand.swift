import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef explain RULE`: a rule's documentation, with a failing and a fixed example.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, with a failing and a fixed example, or a view of procdef build (swimlane, blueprint).",
        discussion: """
            For yaml/limits, also the safety limits in effect here and where each comes from (default, the config, \
            or a flag): the config is found as check finds it, and the limit flags are taken as check takes them. \
            For flow/analysis-limit, also how many states the soundness check explores in each process with parallel \
            work among the paths (as check reads them), against the max-states limit in effect.
            """
    )

    @Argument(help: ArgumentHelp("A rule id, such as handoff/gap; or a view: swimlane, blueprint.", valueName: "rule"))
    var rule: String

    @Option(
        help: ArgumentHelp(
            "For yaml/limits: the configuration file whose limits to show (default: the nearest .procdef.yaml from the current directory up).",
            valueName: "file"
        ))
    var config: String?

    @Argument(
        help: ArgumentHelp(
            "For flow/analysis-limit: the files or folders whose processes to explore (default: as check finds them).",
            valueName: "path"))
    var paths: [String] = []

    @OptionGroup(title: "Safety limits (yaml/limits and flow/analysis-limit only)") var limits: LimitOptions

    func run() throws {
        if let topic = ViewTopic(rawValue: rule) {
            Terminal.write(topic.terminalText)
            return
        }
        // A renamed rule is explained under its new id, after a line that says so.
        let current = RuleRegistry.descriptor(for: rule) == nil ? RenamedRule.currentID(of: rule) : nil
        guard let descriptor = RuleRegistry.descriptor(for: current ?? rule) else {
            throw Terminal.fail("unknown rule '\(rule)'", help: help(forUnknown: rule))
        }
        if let current { Terminal.write(RenamedRule.message(oldID: rule, currentID: current) + ".\n\n") }
        // Only the limits rule depends on the configuration; every other explanation is the same everywhere.
        let effective =
            descriptor.id == SafetyLimits.descriptor.id
            ? try CheckSession.setUp(config: config, limits: limits, base: CheckOptions()).limits
            : nil
        Terminal.write(RuleCatalogueRenderer().renderExplanation(of: descriptor, limits: effective))
        if descriptor.id == AnalysisLimit.descriptor.id { try writeExploration() }
    }

    /// The states explored per process with parallel work, so a process owner sees how far each is from the limit.
    private func writeExploration() throws {
        let setup = try CheckSession.setUp(config: config, limits: limits, base: CheckOptions())
        let workspace = try Workspace.load(paths: try CheckSession.inputPaths(paths, active: setup.active), options: setup.options)
        let limit = setup.options.maxStatesPerProcess
        var rows: [(id: String, states: String, verdict: String)] = []
        for process in workspace.processes.sorted(by: { $0.id.value < $1.id.value }) {
            let graph = FlowGraph(process: process)
            // The soundness check explores a process with only non-interrupting timers too: they start branches.
            guard graph.hasParallelWork || graph.hasDetachedTimers else { continue }
            let analysis = SoundnessAnalysis(graph: graph, activities: process.activities, stateLimit: limit)
            let verdict: String
            switch analysis.undecided {
            case nil: verdict = graph.hasUnknownTarget.contains(true) ? "not explored: a `next` names an unknown activity" : "decided"
            case .stateLimit?: verdict = "not decided: over the limit"
            case .tooManyBranches?: verdict = "not decided: a fork has more than \(SoundnessAnalysis.widestExploredFork) branches"
            }
            rows.append((process.id.value, String(analysis.statesExplored), verdict))
        }
        var out = "\nStates the soundness check explores here (limit \(limit), `max-states`):\n"
        if rows.isEmpty { out += "  no process here has a fork or a cancellation\n" }
        let idWidth = rows.map(\.id.count).max() ?? 0
        let statesWidth = rows.map(\.states.count).max() ?? 0
        for row in rows {
            let id = row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let states = String(repeating: " ", count: statesWidth - row.states.count) + row.states
            out += "  \(id)  \(states) states  \(row.verdict)\n"
        }
        Terminal.write(out)
    }

    private func help(forUnknown id: String) -> String {
        if let match = RuleSuggestion.closest(to: id, among: RuleRegistry.all.map(\.id)) {
            return "did you mean '\(match)'?"
        }
        if id.hasPrefix("policy/") {
            return "'policy/<id>' findings come from the policy with that id: read its title and rationale in Policies/"
        }
        return "procdef rules lists every rule; the views are swimlane and blueprint"
    }
}
