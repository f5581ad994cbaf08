import XCTest

@testable import ProcDef

final class OwnerRequiredTests: XCTestCase {
    func testProcessWithoutOwner() {
        XCTAssertFindings(
            """
            1️⃣kind: process
            id: incident-management
            name: Incident Management
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/owner-required"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/owner-required",
                    "process 'incident-management' (Incident Management) names no owner: nobody is accountable for the process itself",
                    severity: .error,
                    help: "add `owner:` with the id of the Process Owner role, e.g. `owner: incident-process-owner`"
                )
            ])
    }

    func testProcessWithOwnerIsClean() {
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
            """, rules: ["ownership/owner-required"], [])
    }
}
