import XCTest

@testable import ProcDef

final class NoEndTests: XCTestCase {
    private let rule: Set<String> = ["flow/no-end"]

    private func help(last: String, entry: String) -> String {
        "let the case leave the loop: give '\(last)' a branch out, e.g. `next: [{to: \(entry), when: ...}, {to: <an activity that leads to an end>, when: ...}]`, or write `end: true` where the work is done"
    }

    func testLoopWithNoWayOut() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: 1️⃣review
                name: Review the change
                responsible: incident-manager
              - id: rework
                name: Rework the change plan
                responsible: resolver
                next: review
              - id: implement
                name: Implement the change
                responsible: resolver
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'review' (Review the change) cannot reach an end: the loop review -> rework -> review has no way out",
                    severity: .error, help: help(last: "rework", entry: "review")
                )
            ])
    }

    func testLoopWithAWayOutIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: review
                name: Review the change
                responsible: incident-manager
              - id: rework
                name: Rework the change plan
                responsible: resolver
                next:
                  - to: review
                    when: The plan was reworked.
                  - to: implement
                    when: The board approved it meanwhile.
              - id: implement
                name: Implement the change
                responsible: resolver
            """, rules: rule, [])
    }

    /// Only the loop is reported, at its first activity a case reaches: not the activities that lead into it.
    func testActivitiesLeadingIntoTheLoopAreNotReportedEachTime() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: submit
                name: Submit the change
                responsible: service-desk
              - id: assess
                name: Assess the change
                responsible: incident-manager
              - id: 1️⃣plan
                name: Plan the change
                responsible: resolver
              - id: test
                name: Test the change
                responsible: resolver
                next: plan
              - id: implement
                name: Implement the change
                responsible: resolver
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'plan' (Plan the change) cannot reach an end: the loop plan -> test -> plan has no way out",
                    help: help(last: "test", entry: "plan"))
            ])
    }

    /// The rework loop leaves towards the escalation, whose own loop is closed: fixing that one fixes both, so only it is reported.
    func testOnlyTheLoopWithNoWayOutAtAllIsReported() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: review
                name: Review the change
                responsible: incident-manager
              - id: rework
                name: Rework the change plan
                responsible: resolver
                next:
                  - to: review
                    when: The plan was reworked.
                  - to: escalate
                    when: The plan was rejected three times.
              - id: 1️⃣escalate
                name: Escalate to the board
                responsible: incident-manager
              - id: board-review
                name: Board review
                responsible: sponsor
                next: escalate
              - id: close
                name: Close the change
                responsible: incident-manager
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'escalate' (Escalate to the board) cannot reach an end: the loop escalate -> board-review -> escalate has no way out",
                    help: help(last: "board-review", entry: "escalate"))
            ])
    }

    func testEachClosedLoopIsReported() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: triage
                name: Triage
                responsible: service-desk
                next:
                  - to: chase
                    when: The user must answer first.
                  - to: watch
                    when: Monitoring must confirm first.
              - id: 1️⃣chase
                name: Chase the user
                responsible: service-desk
              - id: wait
                name: Wait for the user
                responsible: service-desk
                next: chase
              - id: 2️⃣watch
                name: Watch the monitoring
                responsible: network
                next: watch
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'chase' (Chase the user) cannot reach an end: the loop chase -> wait -> chase has no way out",
                    help: help(last: "wait", entry: "chase")),
                ExpectedFinding(
                    "2️⃣", "flow/no-end",
                    "activity 'watch' (Watch the monitoring) cannot reach an end: the loop watch -> watch has no way out",
                    help:
                        "send 'watch' to an activity that leads to an end instead of itself, or write `end: true` on it if the process ends there"
                ),
            ])
    }

    func testLongLoopIsShortenedInTheMessage() {
        let steps = (1...10).map { i in
            """
              - id: \(i == 1 ? "1️⃣" : "")s\(i)
                name: Step \(i)
                responsible: resolver\(i == 10 ? "\n    next: s1" : "")
            """
        }.joined(separator: "\n")
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
            \(steps)
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 's1' (Step 1) cannot reach an end: the loop s1 -> s2 -> s3 -> s4 -> ... -> s8 -> s9 -> s10 -> s1 (10 activities) has no way out",
                    help: help(last: "s10", entry: "s1"))
            ])
    }

    /// A misspelt `next` is usually the loop's intended way out: `ref/unknown-activity` reports it, not this rule.
    func testLoopWithAnUnknownTargetIsLeftToTheReferenceCheck() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: review
                name: Review the change
                responsible: incident-manager
              - id: rework
                name: Rework the change plan
                responsible: resolver
                next:
                  - to: review
                    when: The plan was reworked.
                  - to: implment
                    when: The board approved it meanwhile.
              - id: implement
                name: Implement the change
                responsible: resolver
            """, rules: rule, [])
    }

    /// A loop nobody reaches is `flow/unreachable`'s finding (once per activity), not this rule's.
    func testUnreachableLoopIsLeftToUnreachable() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: submit
                name: Submit the change
                responsible: service-desk
                end: true
              - id: review
                name: Review the change
                responsible: incident-manager
              - id: rework
                name: Rework the change plan
                responsible: resolver
                next: review
            """, rules: rule, [])
    }
}

extension NoEndTests {
    /// `next: []` without `end: true` is a dead end: no loop, but no end either.
    func testEmptyNextIsADeadEnd() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: 1️⃣park
                name: Park the incident
                responsible: service-desk
                next: []
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'park' (Park the incident) cannot reach an end: its `next` lists no target and it does not say `end: true`",
                    help: "name where the case goes next under `next:`, or write `end: true` if the process ends here"
                )
            ])
    }
}
