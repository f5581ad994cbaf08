import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef rules`: the catalogue, one rule a line, or the whole reference as Markdown.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its default severity and summary.",
        discussion: "With --format markdown, the full reference of every rule (docs/rules.md is this output)."
    )

    @Option(help: "Output format: text (one rule a line) or markdown (the full reference).")
    var format: RulesFormat = .text

    func run() {
        switch format {
        case .text: Terminal.write(RuleCatalogueRenderer().renderTable(RuleRegistry.all))
        case .markdown:
            Terminal.write(RuleReferenceRenderer().render(RuleRegistry.all, renames: RenamedRule.renames, splits: RuleSplit.splits))
        }
    }
}

/// How `procdef rules` prints the catalogue.
enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
}
