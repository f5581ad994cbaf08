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
        // The cancel event's edge passes through its red label.
        XCTAssertTrue(
            dot.contains(#""lc_0" [label="⚡ The alarm proves\nfalse.\nfrom steps 2–4\nhandoff gap", shape=plaintext"#), dot)
        XCTAssertTrue(dot.contains(#""cancel_0" -> "lc_0" [arrowhead=none, style=dashed, color=red];"#), dot)
        XCTAssertTrue(dot.contains(#""lc_0" -> "a_close-false-alarm" [style=dashed, color=red, penwidth=2];"#), dot)
        // The fork branch's gap is still red, from the gateway.
        XCTAssertTrue(dot.contains(#""l_1" [label="handoff gap", shape=plaintext"#), dot)
        XCTAssertTrue(dot.contains(#""fork_0" -> "l_1" [arrowhead=none, style=dashed, color=red, penwidth=2"#), dot)
        XCTAssertTrue(dot.contains(#""l_1" -> "a_send-sitrep" [style=dashed, color=red, penwidth=2"#), dot)
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
        // Once in the text; the Mermaid flowchart draws it as well.
        let text = runbook.replacing(/```mermaid\n(?s:.*?)```\n/, with: "")
        XCTAssertEqual(text.components(separatedBy: "The alarm proves false.").count - 1, 1, runbook)
    }

    func testADefaultFromIsAnyPointAndTheTargetsOwnRoleHandsNothingOver() throws {
        // Without `from`, triage (the analyst's, like the target) is interrupted too; the analyst hands over to no one.
        var process = ParallelFixture.process
        process.cancellations[0].from = nil
        process.cancellations[0].handoff = nil
        let report = Model.report(catalogue: ParallelFixture.catalogue, processes: [process])
        let runbook = RunbookRenderer().render(try XCTUnwrap(Model.checked(report, "security-incident")))
        XCTAssertTrue(
            runbook.contains(
                """
                - Go to [6. Close as a false alarm](#6-close-as-a-false-alarm) at any point in steps 1–4, when: The alarm proves false.
                  - **Handoff gap:** responsibility passes from Incident Commander, Responders to Security Analyst (\\#soc) and no \
                handoff is declared.
                """), runbook)
    }

    func testArrivalsAtTheJoinAreNotHandoffs() throws {
        // The responders' work comes back to the incident commander, who ran the situation report: a return, not a gap.
        let runbook = RunbookRenderer().render(try XCTUnwrap(Model.checked(ParallelFixture.report, "security-incident")))
        XCTAssertFalse(runbook.contains("[3. Contain and remediate](#3-contain-and-remediate) | [5. Hold"), runbook)
    }

    func testAReturnWithAHandoffNamesBothRoles() throws {
        // Back to the commander, who ran the situation report: no change of hands, but the handoff still goes from the
        // responders to the commander, and the map lists it as the handoff declared anyway that it is.
        var process = ParallelFixture.process
        process.activities[2].handoff = Model.handoff("containment-report", "The commander schedules the retrospective within 2 days.")
        let report = Model.report(catalogue: ParallelFixture.catalogue, processes: [process])
        let runbook = RunbookRenderer().render(try XCTUnwrap(Model.checked(report, "security-incident")))
        XCTAssertTrue(
            runbook.contains(
                """
                **Next:** [5. Hold the retrospective](#5-hold-the-retrospective) (it waits for every branch), with this handoff:

                - **Handoff** from Responders to Incident Commander (\\#sec-ic): hand over `containment-report`
                """), runbook)
        let entry = try XCTUnwrap(HandoffMap(report: report).entries.first { $0.to.activityID == "retrospective" })
        XCTAssertEqual(entry.status, .declared)
    }

    func testHandoffMapNamesForkBranchesAndCancellations() {
        // The fork branches and the cancellation are handoffs; the arrivals at the join are returns, so not listed.
        let map = HandoffMap(report: ParallelFixture.report)
        assertGolden(HandoffMapTextRenderer().render(map), named: "review/security-incident-handoffs.txt")
        assertGolden(HandoffMapCSVRenderer().render(map), named: "review/security-incident-handoffs.csv")
        assertGolden(HandoffMapMarkdownRenderer().render(map), named: "review/security-incident-handoffs.md")
        XCTAssertFalse(map.entries.contains { $0.to.activityID == "retrospective" })
    }

    /// Three branches, one of which forks again and meets at its own join before the outer one.
    private func nested() throws -> CheckedProcess {
        let process = Model.process(
            "nested", "Nested",
            activities: [
                Model.activity(
                    "split", "Split", responsible: ["desk"],
                    next: Model.all(Model.to("left"), Model.to("middle"), Model.forking(Model.to("up"), Model.to("down")))),
                Model.activity("left", "Left", responsible: ["desk"], next: Model.next("meet")),
                Model.activity("middle", "Middle", responsible: ["desk"], next: Model.next("meet")),
                Model.activity("up", "Up", responsible: ["desk"], next: Model.next("inner")),
                Model.activity("down", "Down", responsible: ["desk"], next: Model.next("inner")),
                Model.activity("inner", "Inner meeting", responsible: ["desk"], next: Model.next("meet"), join: true),
                Model.activity("meet", "Meet", responsible: ["desk"], end: true, join: true),
            ])
        let report = Model.report(catalogue: [Model.role("desk", "Desk", .practitioner)], processes: [process])
        return try XCTUnwrap(Model.checked(report, "nested"))
    }

    func testNestedForksInTheRunbook() throws {
        let runbook = RunbookRenderer().render(try nested())
        XCTAssertTrue(
            runbook.contains(
                """
                **Next:** these run at the same time:

                - [2. Left](#2-left) (Desk)
                - [3. Middle](#3-middle) (Desk)
                - These run at the same time too:
                  - [4. Up](#4-up) (Desk)
                  - [5. Down](#5-down) (Desk)
                  - They meet at [6. Inner meeting](#6-inner-meeting), which starts once both are done.

                They meet at [7. Meet](#7-meet), which starts once all 3 are done.
                """), runbook)
        XCTAssertTrue(
            runbook.contains(
                "**Waits for every branch:** this step starts once every branch started at [1. Split](#1-split) has reached it."),
            runbook)
    }

    func testNestedForksInTheDiagram() throws {
        let dot = DiagramRenderer().render(try nested())
        for edge in [
            #""a_split" -> "fork_0";"#, #""fork_0" -> "a_left";"#, #""fork_0" -> "fork_1";"#, #""fork_1" -> "a_up";"#,
            #""a_up" -> "join_inner";"#, #""join_inner" -> "a_inner";"#, #""a_inner" -> "join_meet";"#, #""join_meet" -> "a_meet";"#,
        ] {
            XCTAssertTrue(dot.contains(edge), "\(edge) in\n\(dot)")
        }
    }

    /// Needs Graphviz: the nested gateways are a graph `dot` lays out.
    func testNestedForksInTheDiagramRenderInDot() throws {
        let svg = try GraphvizTool.svg(DiagramRenderer().render(try nested()))
        XCTAssertTrue(svg.contains("<svg"))
    }

    func testHostileConditionsStayText() throws {
        var process = ParallelFixture.process
        process.cancellations[0].when = Model.at(HostileFixture.name)
        process.activities[0].next = Model.branches(
            Model.forking(when: HostileFixture.name + " | fork", Model.to("contain"), Model.to("send-sitrep")),
            Model.branch("assess", when: "Otherwise."))
        let report = Model.report(catalogue: ParallelFixture.catalogue, processes: [process])
        let checked = try XCTUnwrap(Model.checked(report, "security-incident"))
        let html = try CmarkGFM.html(RunbookRenderer().render(checked))
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertTrue(html.contains("Ev&quot;il | &lt;script&gt;alert(1)&lt;/script&gt; {x} \\"), html)
        let svg = try GraphvizTool.svg(DiagramRenderer().render(checked))
        XCTAssertFalse(svg.contains("<script"), svg)
        XCTAssertTrue(svg.contains("&lt;script&gt;"), svg)
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
