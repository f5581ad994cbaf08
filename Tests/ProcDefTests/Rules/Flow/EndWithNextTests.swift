import XCTest

@testable import ProcDef

final class EndWithNextTests: XCTestCase {
    func testEndWithSingleNextAndWithBranches() {
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
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                end: 1️⃣true
                next: close
              - id: confirm
                name: Confirm with the user
                responsible: service-desk
                next:
                  - to: close
                    when: The user confirms.
                  - to: resolve
                    when: The user reports the fault persists.
                end: 2️⃣true
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: ["flow/end-with-next"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/end-with-next",
                    "activity 'resolve' (Resolve the incident) says both `end: true` and `next`: it cannot end the process and go on to 'close'",
                    severity: .error,
                    help: "remove `next` if the process ends here, or remove `end: true` if the flow goes on to 'close'"
                ),
                ExpectedFinding(
                    "2️⃣", "flow/end-with-next",
                    "activity 'confirm' (Confirm with the user) says both `end: true` and `next`: it cannot end the process and go on to 'close', 'resolve'",
                    help: "remove `next` if the process ends here, or remove `end: true` if the flow goes on to 'close', 'resolve'"
                ),
            ])
    }

    /// The flow takes no timer out of an end, explicit or the last activity without `next`: its target is
    /// unreachable from there, and the timer is reported as an end that goes on.
    func testATimerOnAnEndIsReportedAndLeadsNowhere() {
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
                next:
                  - {to: resolve, when: The desk can fix it.}
                  - {to: close, when: It fixes itself.}
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                end: 1️⃣true
                timeout: {after: 4h, to: escalate}
              - id: 2️⃣escalate
                name: Escalate
                responsible: incident-manager
                next: close
              - id: close
                name: Close the incident
                responsible: service-desk
                timeout: {after: 1d, to: 3️⃣escalate}
            """, rules: ["flow/end-with-next", "flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/end-with-next",
                    "activity 'resolve' (Resolve the incident) has `end: true` and a `timeout`: the case closes here, so the timer to 'escalate' never leads on",
                    severity: .error,
                    help: "remove the `timeout` if the process ends here, or remove `end: true` and say where the case goes with `next`"
                ),
                ExpectedFinding(
                    "2️⃣", "flow/unreachable",
                    "activity 'escalate' (Escalate) cannot be reached from the start 'log' (Log the incident): 'resolve' (Resolve the incident) before it ends the process, so the flow does not fall through to it",
                    help:
                        "name 'escalate' as a `next` target of an activity that is reached (e.g. `next: escalate`), or remove it"
                ),
                ExpectedFinding(
                    "3️⃣", "flow/end-with-next",
                    "activity 'close' (Close the incident) ends the process (the last activity, without `next`) and has a `timeout`: the case closes here, so the timer to 'escalate' never leads on",
                    help: "remove the `timeout` if the process ends here, or say where the case goes with `next`"
                ),
            ])
    }

    /// A handoff on an end that only has a timer is still a handoff that nobody receives.
    func testAnEndsHandoffIsStrayThoughItHasATimer() {
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
              - id: close
                name: Close the incident
                responsible: service-desk
                timeout: {after: 1d, to: log}
                handoff: 1️⃣{artifact: incident-record, expectation: Archived within a day.}
            """, rules: ["handoff/unneeded"],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff on 'close' (Close the incident) applies to no transition: the activity ends the process",
                    severity: .note,
                    help: "remove the `handoff:`; to hand over to another process, put it under that process's `triggers` entry")
            ])
    }

    func testEndOrNextAloneIsClean() {
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
                next: close
                end: false
              - id: reject
                name: Reject the request
                responsible: service-desk
                end: true
              - id: close
                name: Close the incident
                responsible: service-desk
                end: true
            """, rules: ["flow/end-with-next"], [])
    }
}
