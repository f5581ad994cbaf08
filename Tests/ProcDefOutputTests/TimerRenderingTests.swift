import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// Timers and cadences as outputs show them: the runbook's **Timers** and **Repeats**, the diagram's dashed timer edge
/// (`after 4h`) and cadence marker (`↻ 1h`), and the diff's `timeout`, `every` and `until` fields.
final class TimerRenderingTests: XCTestCase {
    private static func process(after: String = "{p1: 2h, default: 4h}", every: String = "1h") -> String {
        """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner}
          desk: {name: Service Desk Analyst, kind: practitioner}
          carrier: {name: Network Carrier, kind: supplier}
          carrier-manager: {name: Carrier Duty Manager, kind: supplier}
          user: {name: End User, kind: customer}
        ---
        kind: process
        id: incident
        name: Incident
        owner: owner
        priorities: [p1, p2]
        defaults:
          accountable: owner
        activities:
          - id: log
            name: Log the incident
            responsible: desk
            informed: [user]
            next:
              all:
                - to: wait-for-carrier
                  handoff: {artifact: incident-record, expectation: The carrier acknowledges within 30 minutes., agreement: UC-014}
                - send-update
          - id: wait-for-carrier
            name: Wait for the carrier's fix
            type: wait
            responsible: carrier
            target: 4h
            timeout:
              after: \(after)
              to: escalate
              handoff: {artifact: carrier-fault-report, expectation: The duty manager calls back within 30 minutes., agreement: UC-014}
            next: resolve
            handoff: {artifact: carrier-fault-report, expectation: The desk confirms the fix within 1 hour.}
          - id: escalate
            name: Escalate to the carrier's manager
            responsible: carrier-manager
            timeout:
              after: 2h
              to: resolve
              handoff: {artifact: carrier-fault-report, expectation: The desk takes the fault back within 15 minutes.}
            next: resolve
            handoff: {artifact: carrier-fault-report, expectation: The desk confirms the fix within 1 hour.}
          - id: send-update
            name: Update the users
            type: notification
            responsible: desk
            informed: [user]
            every: \(every)
            until: resolve
            next: close
          - id: resolve
            name: Resolve
            responsible: desk
            next: close
          - id: close
            name: Close
            responsible: desk
            informed: [user]
            join: all
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
        XCTAssertEqual(report.diagnostics.filter { $0.severity != .note }.map(\.message), [])
        return try XCTUnwrap(CheckedProcess.named("incident", in: report))
    }

    func testTheRunbookListsTimersAndCadences() throws {
        let runbook = RunbookRenderer().render(try checked())
        XCTAssertTrue(
            runbook.contains(
                """
                **Timers**

                - after `p1`: 2 hours, otherwise 4 hours: go to [3. Escalate to the carrier's manager](#3-escalate-to-the-carriers-manager)
                  - **Handoff** from Network Carrier to Carrier Duty Manager: hand over `carrier-fault-report`
                """), runbook)
        XCTAssertTrue(runbook.contains("- **Repeats:** every 1 hour until [5. Resolve](#5-resolve) has ended\n"), runbook)
        // The timer is listed apart from the step's way on.
        XCTAssertTrue(runbook.contains("**Next:** [5. Resolve](#5-resolve), with this handoff:\n"), runbook)
    }

    func testTheDiagramDrawsTheTimerAndTheCadence() throws {
        let dot = DiagramRenderer().render(try checked())
        // A boundary timer: a dashed edge marked with the clock, through the node that carries its text.
        XCTAssertTrue(
            dot.contains(#""l_3" [label="◷ after p1: 2h, otherwise 4h\n[carrier-fault-report]", shape=plaintext"#), dot)
        XCTAssertTrue(dot.contains(#""a_wait-for-carrier" -> "l_3" [arrowhead=none, style="dashed,bold""#), dot)
        XCTAssertTrue(dot.contains(#""l_3" -> "a_escalate" [style="dashed,bold""#), dot)
        XCTAssertTrue(dot.contains("◷ timer, wait"), dot)
        XCTAssertTrue(dot.contains(#"label="✉ 4. Update the users\n↻ 1h until 5.""#), dot)
    }

    func testTheRunbookShowsATimersClockStartAndANonInterruptingTimer() throws {
        let text = Self.process(
            after: "1h\n      from: log\n      when: Out of hours\n      interrupting: false")
        let report = Self.report(text)
        let runbook = RunbookRenderer().render(try XCTUnwrap(CheckedProcess.named("incident", in: report)))
        XCTAssertTrue(
            runbook.contains(
                "- after 1 hour from the start of [1. Log the incident](#1-log-the-incident), when Out of hours: start, beside this step, [3. Escalate to the carrier's manager](#3-escalate-to-the-carriers-manager)\n"
            ), runbook)
        let dot = DiagramRenderer().render(try XCTUnwrap(CheckedProcess.named("incident", in: report)))
        XCTAssertTrue(dot.contains(#"label="◷ after 1h (goes on)\nOut of hours\n[carrier-fault-report]""#), dot)
    }

    func testTheHandoffMapListsATimersHandoff() {
        let map = HandoffMap(report: Self.report(Self.process()))
        let csv = HandoffMapCSVRenderer().render(map)
        XCTAssertTrue(
            csv.contains(
                "declared,incident,wait-for-carrier,carrier,carrier,incident,escalate,carrier-manager,carrier-manager,timeout,,carrier-fault-report,"
            ), csv)
        let text = HandoffMapTextRenderer().render(map)
        XCTAssertTrue(text.contains("handoff: incident 'wait-for-carrier' -> 'escalate' (timeout)\n"), text)
    }

    func testGoldens() throws {
        let process = try checked()
        assertGolden(RunbookRenderer().render(process), named: "time/timers.md")
        assertGolden(DiagramRenderer().render(process), named: "time/timers.dot")
    }

    func testTheDiffShowsAChangedTimerAndCadence() throws {
        let diff = ProcessDiff.compare(
            old: Self.report(Self.process()), new: Self.report(Self.process(after: "3h", every: "[{every: 20m, for: 2h}, {every: 1h}]")))
        let text = DiffTextRenderer().render(diff)
        XCTAssertTrue(
            text.contains(
                """
                  activities:
                    'wait-for-carrier': timeout: after p1: 2h, otherwise 4h to escalate -> after 3h to escalate
                    'send-update': every: 1h -> 20m for 2h, 1h

                """), text)
    }

    /// A timer is an edge of the diff: a changed handoff on it shows, and a new timer that passes the case to
    /// another role without a handoff is an introduced gap.
    func testTheDiffShowsATimersEdge() throws {
        let old = Self.process()
        let changedHandoff = old.replacingOccurrences(
            of: "expectation: The duty manager calls back within 30 minutes.",
            with: "expectation: The duty manager calls back within 15 minutes.")
        let newTimer = old.replacingOccurrences(
            of: "    until: resolve\n    next: close", with: "    until: resolve\n    timeout: {after: 1d, to: escalate}\n    next: close")
        let changed = DiffTextRenderer().render(ProcessDiff.compare(old: Self.report(old), new: Self.report(changedHandoff)))
        XCTAssertTrue(
            changed.contains(
                """
                  handoffs and transitions:
                    timer 'wait-for-carrier' -> 'escalate': handoff expectation: "The duty manager calls back within 30 minutes." -> "The duty manager calls back within 15 minutes."

                """), changed)
        let added = DiffTextRenderer().render(ProcessDiff.compare(old: Self.report(old), new: Self.report(newTimer)))
        XCTAssertTrue(
            added.contains(
                """
                  handoff gaps introduced:
                    timer 'send-update' -> 'escalate': responsibility passes from 'desk' to 'carrier-manager' with no handoff declared

                """), added)
        XCTAssertTrue(
            added.contains(
                """
                  handoffs and transitions:
                    timer 'send-update' -> 'escalate': added; no handoff where responsibility passes ('desk' -> 'carrier-manager')

                """), added)
    }

    /// Renaming an activity changes no timer and no `until` that name it.
    func testARenamedActivityChangesNoTimerOrUntil() throws {
        let old = Self.process()
        let renamed = old.replacingOccurrences(of: "escalate", with: "escalate-to-manager").replacingOccurrences(
            of: "resolve", with: "restore")
        let text = DiffTextRenderer().render(ProcessDiff.compare(old: Self.report(old), new: Self.report(renamed)))
        XCTAssertEqual(
            text,
            """
            incident (Incident): changed
              activities:
                renamed 'escalate' -> 'escalate-to-manager' (same name)
                renamed 'resolve' -> 'restore' (same name)

            1 process changed

            """)
    }

    /// A role's `shift`, `handover` and `max-silence` are role fields of the diff.
    func testTheDiffShowsARolesShiftHandoverAndMaxSilence() throws {
        let old = Self.process()
        let new = old.replacingOccurrences(
            of: "desk: {name: Service Desk Analyst, kind: practitioner}",
            with:
                "desk: {name: Service Desk Analyst, kind: practitioner, shift: 8h, handover: {artifact: shift-log, expectation: The next one reads it.}, max-silence: 4h}"
        )
        let text = DiffTextRenderer().render(ProcessDiff.compare(old: Self.report(old), new: Self.report(new)))
        XCTAssertEqual(
            text,
            """
            role catalogue:
              'desk': shift: - -> "8h"; handover: - -> "shift-log: The next one reads it."; max-silence: - -> "4h"

            no process changed: 1 catalogue role changed

            """)
    }
}
