import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The time format as outputs show it: per-priority targets, a handoff's `within`, a branch only some priorities
/// take, and the service targets (the analysis of whether they can be met comes with the time rules).
final class TimeRenderingTests: XCTestCase {
    private static func process(restore: String = "{p1: 4h, p2: 8h, p3: 3bd}", within: String = "15m") -> String {
        """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner}
          desk: {name: Service Desk Analyst, kind: practitioner}
          manager: {name: Incident Manager, kind: manager}
          user: {name: End User, kind: customer}
        ---
        kind: process
        id: incident
        name: Incident
        owner: owner
        priorities: [p1, p2, p3]
        max-silence: 4h
        targets:
          - id: restore
            name: Restore service
            from: log
            to: resolve
            within: \(restore)
          - id: first-update
            name: First update
            from: {end: log}
            to: {start: resolve}
            within: 1bh
            when: p1
            clock: business
        defaults:
          accountable: owner
        activities:
          - id: log
            name: Log the incident
            responsible: desk
            informed: [user]
            target: {p1: 10m, default: 30m}
            next:
              - to: escalate
                when: Major incident.
                priorities: [p1]
                handoff: {artifact: incident-record, expectation: The manager takes the lead., within: \(within)}
              - to: resolve
                when: Otherwise.
          - id: escalate
            name: Escalate
            responsible: manager
            target: {p1: 1h, p2: 6bh}
            handoff: {artifact: incident-record, expectation: The desk resolves it., within: {p1: 1h, default: 2bd}}
          - id: resolve
            name: Resolve
            responsible: desk
            informed: [user]
            target: 4h
            end: true
        """
    }

    private static func report(_ text: String) -> CheckReport {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.keepsProcessContexts = true
        return Checker.check(Workspace.load(files: [SourceFile(path: "incident.yaml", bytes: Array(text.utf8))]), options: options)
    }

    private func checked() throws -> CheckedProcess {
        let report = Self.report(Self.process())
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.message), [])
        return try XCTUnwrap(CheckedProcess.named("incident", in: report))
    }

    func testTheRunbookShowsBudgetsPrioritiesAndTargets() throws {
        let runbook = RunbookRenderer().render(try checked())
        XCTAssertTrue(runbook.contains("| Priorities | `p1`, `p2`, `p3` |\n"), runbook)
        XCTAssertTrue(runbook.contains("| Longest silence towards customers | 4 hours |\n"), runbook)
        XCTAssertTrue(runbook.contains("- **Target time:** `p1`: 10 minutes, otherwise 30 minutes\n"), runbook)
        // No `default`: the other priorities have no budget, and the runbook names none.
        XCTAssertTrue(runbook.contains("- **Target time:** `p1`: 1 hour, `p2`: 6 business hours\n"), runbook)
        XCTAssertTrue(runbook.contains("- **Target time:** 4 hours\n"), runbook)
        XCTAssertTrue(runbook.contains("- [2. Escalate](#2-escalate) (only for `p1`), when: Major incident.\n"), runbook)
        XCTAssertTrue(runbook.contains("  - **Within:** 15 minutes\n"), runbook)
        XCTAssertTrue(runbook.contains("- **Within:** `p1`: 1 hour, otherwise 2 business days\n"), runbook)
        XCTAssertTrue(runbook.contains("| From | To | Roles | Artifact | Expectation | Within | Agreement |\n"), runbook)
        XCTAssertTrue(
            runbook.contains(
                """
                ## Service targets

                | Target | For | Clock starts | Clock stops | Within | Clock |
                |---|---|---|---|---|---|
                | Restore service | every case | start of [1. Log the incident](#1-log-the-incident) | end of [3. Resolve](#3-resolve) \
                | `p1`: 4 hours, `p2`: 8 hours, `p3`: 3 business days | elapsed |
                | First update | priority `p1` | end of [1. Log the incident](#1-log-the-incident) | start of [3. Resolve](#3-resolve) \
                | 1 business hour | business time |
                """), runbook)
    }

    /// The whole runbook, diagram and handoff map of the timed process, for review when the time outputs change.
    func testGoldens() throws {
        let process = try checked()
        assertGolden(RunbookRenderer().render(process), named: "time/incident.md")
        assertGolden(DiagramRenderer().render(process), named: "time/incident.dot")
        let map = HandoffMap(report: Self.report(Self.process()))
        assertGolden(HandoffMapMarkdownRenderer().render(map), named: "time/incident-handoffs.md")
    }

    func testTheDiagramLabelsAPerPriorityTarget() throws {
        let dot = DiagramRenderer().render(try checked())
        XCTAssertTrue(dot.contains(#"label="1. Log the incident\n(p1: 10m, otherwise 30m)""#), dot)
        XCTAssertTrue(dot.contains(#"label="2. Escalate\n(p1: 1h, p2: 6bh)""#), dot)
    }

    func testTheHandoffMapShowsWithin() throws {
        let map = HandoffMap(report: Self.report(Self.process()))
        let text = HandoffMapTextRenderer().render(map)
        XCTAssertTrue(text.contains("  within: 15m\n"), text)
        XCTAssertTrue(text.contains("  within: p1: 1h, otherwise 2bd\n"), text)
        let csv = HandoffMapCSVRenderer().render(map)
        XCTAssertTrue(csv.contains(",incident-record,The manager takes the lead.,15m,"), csv)
        let markdown = HandoffMapMarkdownRenderer().render(map)
        XCTAssertTrue(markdown.contains("| Expectation | Within | Agreement |"), markdown)
        XCTAssertTrue(markdown.contains("| The manager takes the lead. | 15m |"), markdown)
    }

    func testTheDiffShowsChangedWithinAndTargets() throws {
        let changed = Self.process(restore: "{p1: 2h, default: 8h}", within: "30m")
            .replacingOccurrences(
                of: """
                      - id: first-update
                        name: First update
                        from: {end: log}
                        to: {start: resolve}
                        within: 1bh
                        when: p1
                        clock: business

                    """,
                with: """
                      - id: resolve-fast
                        name: Resolve fast
                        from: escalate
                        to: resolve
                        within: 1h

                    """
            )
            .replacingOccurrences(of: "priorities: [p1]\n", with: "priorities: [p1, p2]\n")
        XCTAssertNotEqual(changed, Self.process(restore: "{p1: 2h, default: 8h}", within: "30m"))
        let diff = ProcessDiff.compare(old: Self.report(Self.process()), new: Self.report(changed))
        let text = DiffTextRenderer().render(diff)
        XCTAssertTrue(
            text.contains(
                """
                  handoffs and transitions:
                    'log' -> 'escalate': priorities: p1 -> p1, p2; handoff within: "15m" -> "30m"
                  process fields:
                    targets.restore: "Restore service: start of log to end of resolve within p1: 4h, p2: 8h, p3: 3bd" \
                -> "Restore service: start of log to end of resolve within p1: 2h, otherwise 8h"
                    targets.resolve-fast: - -> "Resolve fast: start of escalate to end of resolve within 1h"
                    targets.first-update: "First update: end of log to start of resolve within 1bh, when p1, business clock" -> -

                """), text)
        let json = DiffJSONRenderer().render(diff)
        XCTAssertTrue(json.contains(#""priorities": ["p1", "p2"]"#), json)
        XCTAssertTrue(json.contains(#""within": "30m""#), json)
    }

    /// A change that turns a target infeasible (or back) shows as the verdict of that target and priority.
    func testTheDiffShowsAChangedVerdict() throws {
        let changed = Self.process(restore: "{p1: 5h, p2: 4h, p3: 3bd}")
        let text = DiffTextRenderer().render(ProcessDiff.compare(old: Self.report(Self.process()), new: Self.report(changed)))
        XCTAssertTrue(
            text.contains(
                """
                  process fields:
                    targets.restore: "Restore service: start of log to end of resolve within p1: 4h, p2: 8h, p3: 3bd" \
                -> "Restore service: start of log to end of resolve within p1: 5h, p2: 4h, p3: 3bd"
                    targets.restore verdict for p1: "cannot be met as budgeted" -> "at risk on the slowest path"
                    targets.restore verdict for p2: "met as budgeted" -> "cannot be met as budgeted"

                """), text)
        let json = DiffJSONRenderer().render(ProcessDiff.compare(old: Self.report(Self.process()), new: Self.report(changed)))
        XCTAssertTrue(json.contains(#""targets.restore verdict for p2""#), json)
    }
}
