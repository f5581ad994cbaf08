import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef explain RULE`: a rule's documentation, with a failing and a fixed example.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, with a failing and a fixed example.",
        discussion: """
            For yaml/limits, also the safety limits in effect here and where each comes from (default, the config, \
            or a flag): the config is found as check finds it, and the limit flags are taken as check takes them.
            """
    )

    @Argument(help: ArgumentHelp("A rule id, such as handoff/gap.", valueName: "rule"))
    var rule: String

    @Option(
        help: ArgumentHelp(
            "For yaml/limits: the configuration file whose limits to show (default: the nearest .procdef.yaml from the current directory up).",
            valueName: "file"
        ))
    var config: String?

    @OptionGroup(title: "Safety limits (yaml/limits only)") var limits: LimitOptions

    func run() throws {
        guard let descriptor = RuleRegistry.descriptor(for: rule) else {
            throw Terminal.fail("unknown rule '\(rule)'", help: help(forUnknown: rule))
        }
        // Only the limits rule depends on the configuration; every other explanation is the same everywhere.
        let effective =
            descriptor.id == SafetyLimits.descriptor.id
            ? try CheckSession.setUp(config: config, limits: limits, base: CheckOptions()).limits
            : nil
        Terminal.write(RuleCatalogueRenderer().renderExplanation(of: descriptor, limits: effective))
    }

    private func help(forUnknown id: String) -> String {
        if let match = RuleSuggestion.closest(to: id, among: RuleRegistry.all.map(\.id)) {
            return "did you mean '\(match)'?"
        }
        if id.hasPrefix("policy/") {
            return "'policy/<id>' findings come from the policy with that id: read its title and rationale in Policies/"
        }
        return "procdef rules lists every rule"
    }
}
