import ArgumentParser
import ProcDef
import ProcDefOutput

/// `procdef rules`: the catalogue, one rule a line.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its default severity and summary."
    )

    func run() {
        Terminal.write(RuleCatalogueRenderer().renderTable(RuleRegistry.all))
    }
}
