import XCTest

@testable import ProcDef

final class ResponsibleRequiredTests: XCTestCase {
    private let rule = "raci/responsible-required"

    func testActivitiesWithNoResponsibleRole() {
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
              - id: 1️⃣confirm
                name: Confirm resolution with the user
                informed: [user]
              - id: 2️⃣close
                name: Close the incident
                responsible: []
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "activity 'confirm' (Confirm resolution with the user) has no responsible role", severity: .error,
                    help: "add `responsible: <role>` naming the role that does the work of this activity"
                ),
                ExpectedFinding(
                    "2️⃣", rule, "activity 'close' (Close the incident) has no responsible role",
                    help: "add `responsible: <role>` naming the role that does the work of this activity"
                ),
            ])
    }

    func testEveryActivityWithAResponsibleRoleIsClean() {
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
              - id: diagnose
                name: Investigate and diagnose
                responsible: [resolver, network]
              - id: close
                name: Close the incident
                responsible: service-dsk
            """, rules: [rule], [])
    }
}
