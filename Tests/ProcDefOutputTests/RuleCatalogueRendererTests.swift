import ProcDef
import ProcDefOutput
import ProcDefTestSupport
import XCTest

final class RuleCatalogueRendererTests: XCTestCase {
    let rules = [
        RuleDescriptor(
            id: "raci/responsible-is-accountable", defaultSeverity: nil,
            summary: "a role both R and A on one activity",
            explanation: "Some organisations forbid it.", failingExample: "kind: roles\n", fixedExample: "kind: roles\n"
        ),
        RuleDescriptor(
            id: "handoff/gap", defaultSeverity: .error,
            summary: "responsibility changes on a transition\nwith no handoff declared",
            explanation: """

                Every handoff is a moment of truth: say what is handed over and what the receiver commits to. Long paragraphs are wrapped at eighty columns for the terminal, and a word longer than that, https://example.com/a-very-long-address-that-cannot-be-broken-anywhere-at-all-really, stays whole.

                A transition where responsibility changes with no handoff is a gap.

                """,
            failingExample: """
                kind: process
                activities:
                  - id: log
                    responsible: service-desk

                  - id: diagnose
                    responsible: resolver-group

                """,
            fixedExample: """
                kind: process
                activities:
                  - id: log
                    responsible: service-desk
                    handoff: {artifact: incident-record, expectation: Acknowledged within 30 minutes.}
                  - id: diagnose
                    responsible: resolver-group
                """
        ),
        RuleDescriptor(
            id: "handoff/artifact-not-consumed", defaultSeverity: .note,
            summary: "the target declares inputs and the artifact is not among them",
            explanation: "", failingExample: "", fixedExample: "kind: roles"
        ),
    ]

    func testTableIsSortedAndAligned() {
        XCTAssertEqual(
            RuleCatalogueRenderer().renderTable(rules),
            """
            handoff/artifact-not-consumed    note   the target declares inputs and the artifact is not among them
            handoff/gap                      error  responsibility changes on a transition with no handoff declared
            raci/responsible-is-accountable  off    a role both R and A on one activity

            """)
    }

    func testEmptyCatalogue() {
        XCTAssertEqual(RuleCatalogueRenderer().renderTable([]), "")
    }

    func testExplanation() {
        assertGolden(RuleCatalogueRenderer().renderExplanation(of: rules[1]), named: "explain-handoff-gap.txt")
    }

    func testExplanationListsTheOptions() {
        var rule = rules[1]
        rule.options = [
            RuleOptionDescriptor(name: "max", defaultValue: 4, summary: "the most consulted roles an activity may have", allowed: 0...100),
            RuleOptionDescriptor(name: "share", defaultValue: 0.5, summary: "a fraction", allowed: 0...1),
        ]
        let text = RuleCatalogueRenderer().renderExplanation(of: rule)
        XCTAssertTrue(
            text.contains(
                """

                Options (set in .procdef.yaml, e.g. `handoff/gap: {max: 4}`):
                  max (default 4): the most consulted roles an activity may have
                  share (default 0.5): a fraction

                Failing example:
                """), text)
    }

    func testExplanationWithoutProseOrFailingExample() {
        XCTAssertEqual(
            RuleCatalogueRenderer().renderExplanation(of: rules[2]),
            """
            handoff/artifact-not-consumed
            default severity: note
            summary: the target declares inputs and the artifact is not among them

            Failing example:

                (none)

            Fixed example:

                kind: roles

            """)
    }
}
