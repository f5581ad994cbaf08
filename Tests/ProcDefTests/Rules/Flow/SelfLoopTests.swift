import XCTest

@testable import ProcDef

final class SelfLoopTests: XCTestCase {
    private func help(_ id: String) -> String {
        "write the repetition into the `procedure:` of '\(id)' (e.g. `- Chase the user daily until they reply.`), or send the case to a distinct activity"
    }

    func testBranchAndSingleNextToItself() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                next:
                  - 1️⃣to: confirm
                    when: The user has not replied yet.
                  - to: close
                    when: The user confirms the resolution.
              - id: close
                name: Close the incident
                responsible: service-desk
              - id: monitor
                name: Monitor the service
                responsible: network
                next: 2️⃣monitor
            """, rules: ["flow/self-loop"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/self-loop",
                    "activity 'confirm' (Confirm resolution with the user) names itself as `next`: the case goes round the same activity",
                    severity: .warning, help: help("confirm")
                ),
                ExpectedFinding(
                    "2️⃣", "flow/self-loop",
                    "activity 'monitor' (Monitor the service) names itself as `next`: the case goes round the same activity",
                    help: help("monitor")
                ),
            ])
    }

    func testLoopThroughAnotherActivityIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                next:
                  - to: chase
                    when: The user has not replied yet.
                  - to: close
                    when: The user confirms the resolution.
              - id: chase
                name: Chase the user
                responsible: service-desk
                next: confirm
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: ["flow/self-loop"], [])
    }
}
