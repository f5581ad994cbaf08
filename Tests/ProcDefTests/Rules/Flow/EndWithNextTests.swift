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
