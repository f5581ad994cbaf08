import ProcDef
import ProcDefOutput
import XCTest

final class RuleReferenceRendererTests: XCTestCase {
    let rules = [
        RuleDescriptor(
            id: "raci/too-many-consulted", defaultSeverity: .warning,
            summary: "more consulted roles than the limit | a pipe\nand a second line",
            explanation: "\nFirst paragraph.\n\nSecond paragraph.\n",
            failingExample: "kind: roles\n", fixedExample: "",
            options: [RuleOptionDescriptor(name: "max", defaultValue: 4, summary: "the most roles consulted", allowed: 0...100)]
        ),
        RuleDescriptor(
            id: "handoff/gap", defaultSeverity: nil, summary: "a gap",
            explanation: "Why.", failingExample: "kind: process\n", fixedExample: "kind: process\nid: x\n"
        ),
    ]

    /// Sorted by id, one table row a rule linking to its section, a section per family and per rule; a pipe in a
    /// summary cannot split its row, and an empty example says so.
    func testReferencePage() {
        let page = RuleReferenceRenderer().render(rules)
        let table = """
            | Rule | Default | Summary |
            |---|---|---|
            | [`handoff/gap`](#handoffgap) | off | a gap |
            | [`raci/too-many-consulted`](#racitoo-many-consulted) | warning | more consulted roles than the limit \\| a pipe and a second line |

            ## handoff

            ### handoff/gap

            - Default severity: **off**
            - Summary: a gap

            Why.

            Failing example:

            ```yaml
            kind: process
            ```

            Fixed example:

            ```yaml
            kind: process
            id: x
            ```

            ## raci

            ### raci/too-many-consulted

            - Default severity: **warning**
            - Summary: more consulted roles than the limit | a pipe and a second line

            First paragraph.

            Second paragraph.

            Options, set in `.procdef.yaml` (for example `raci/too-many-consulted: {max: 4}`):

            | Option | Default | Meaning |
            |---|---|---|
            | `max` | 4 | the most roles consulted |

            Failing example:

            ```yaml
            kind: roles
            ```

            Fixed example:

            ```yaml
            # (none)
            ```

            """
        XCTAssertTrue(page.hasPrefix("# Rule reference\n"), page)
        XCTAssertTrue(page.hasSuffix(table), page)
    }

    /// A rule split out of another gets a row in its own section after the table, linking both rules.
    func testSplitRulesSection() {
        let page = RuleReferenceRenderer().render(rules, splits: [(from: "raci/too-many-consulted", to: "handoff/gap")])
        XCTAssertTrue(page.contains("\n## Split rules\n"), page)
        XCTAssertTrue(page.contains("| [`handoff/gap`](#handoffgap) | [`raci/too-many-consulted`](#racitoo-many-consulted) |\n"), page)
        XCTAssertFalse(RuleReferenceRenderer().render(rules).contains("## Split rules"))
    }
}
