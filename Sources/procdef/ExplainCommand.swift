import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef explain RULE`: a rule's documentation, with a failing and a fixed example.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, with a failing and a fixed example."
    )

    @Argument(help: ArgumentHelp("A rule id, such as handoff/gap.", valueName: "rule"))
    var rule: String

    func run() throws {
        guard let descriptor = RuleRegistry.descriptor(for: rule) else {
            throw Terminal.fail("unknown rule '\(rule)'", help: help(forUnknown: rule))
        }
        Terminal.write(RuleCatalogueRenderer().renderExplanation(of: descriptor))
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
