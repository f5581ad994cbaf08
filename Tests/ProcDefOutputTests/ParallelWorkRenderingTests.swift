import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// What the goldens of `ParallelFixture` do not show: a cancellation with no handoff is drawn and listed as a gap,
/// and the step numbers a cancellation names read as a person would say them.
final class ParallelWorkRenderingTests: XCTestCase {
    /// The fixture with its cancellation's handoff taken away: the commander and the responders hand the case to
    /// the analyst with nothing said about it.
    private func withoutCancelHandoff() throws -> CheckedProcess {
        var process = ParallelFixture.process
        process.cancellations[0].handoff = nil
        let report = Model.report(catalogue: ParallelFixture.catalogue, processes: [process])
        return try XCTUnwrap(Model.checked(report, "security-incident"))
    }

    func testCancellationGapIsRedInTheDiagram() throws {
        let dot = DiagramRenderer().render(try withoutCancelHandoff())
        XCTAssertTrue(
            dot.contains(
                #""cancel_0" -> "a_close-false-alarm" [label="⚡ The alarm proves false.\nfrom steps 2–4\nhandoff gap", style=dashed, color=red"#
            ), dot)
        // The fork branch's gap is still red, from the gateway.
        XCTAssertTrue(dot.contains(#""fork_0" -> "a_send-sitrep" [label="handoff gap", color=red"#), dot)
    }

    func testCancellationGapIsListedOnceInTheRunbook() throws {
        let runbook = RunbookRenderer().render(try withoutCancelHandoff())
        XCTAssertTrue(
            runbook.contains(
                """
                - Go to [6. Close as a false alarm](#6-close-as-a-false-alarm) from steps 2–4, when: The alarm proves false.
                  - **Handoff gap:** responsibility passes from Incident Commander, Responders to Security Analyst (\\#soc) and no \
                handoff is declared.
                """), runbook)
        XCTAssertEqual(runbook.components(separatedBy: "The alarm proves false.").count - 1, 1, runbook)
    }

    func testArrivalsAtTheJoinAreNotHandoffs() throws {
        // The responders' work comes back to the incident commander, who ran the situation report: a return, not a gap.
        let runbook = RunbookRenderer().render(try XCTUnwrap(Model.checked(ParallelFixture.report, "security-incident")))
        XCTAssertFalse(runbook.contains("[3. Contain and remediate](#3-contain-and-remediate) | [5. Hold"), runbook)
    }

    func testHandoffMapNamesForkBranchesAndCancellations() {
        // The fork branches and the cancellation are handoffs; the arrivals at the join are returns, so not listed.
        let map = HandoffMap(report: ParallelFixture.report)
        assertGolden(HandoffMapTextRenderer().render(map), named: "review/security-incident-handoffs.txt")
        assertGolden(HandoffMapCSVRenderer().render(map), named: "review/security-incident-handoffs.csv")
        assertGolden(HandoffMapMarkdownRenderer().render(map), named: "review/security-incident-handoffs.md")
        XCTAssertFalse(map.entries.contains { $0.to.activityID == "retrospective" })
    }

    func testStepNumbers() {
        XCTAssertEqual(StepNumbers.phrase([]), "no step")
        XCTAssertEqual(StepNumbers.phrase([1]), "step 2")
        XCTAssertEqual(StepNumbers.phrase([2, 1]), "steps 2, 3")
        XCTAssertEqual(StepNumbers.phrase([1, 2, 3]), "steps 2–4")
        XCTAssertEqual(StepNumbers.phrase([0, 2, 4, 5, 6, 0]), "steps 1, 3 and 5–7")
        XCTAssertEqual(StepNumbers.phrase([0, 1, 3, 4]), "steps 1, 2 and 4, 5")
    }
}
