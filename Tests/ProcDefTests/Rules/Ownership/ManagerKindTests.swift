import XCTest

@testable import ProcDef

final class ManagerKindTests: XCTestCase {
    func testPractitionerNamedAsManager() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: 1️⃣service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/manager-kind"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/manager-kind",
                    "the process manager 'service-desk' (Service Desk Analyst) is a role of kind `practitioner`, not `manager` or `owner`",
                    severity: .warning,
                    help:
                        "name a role of kind `manager` as `manager:`, or give 'service-desk' (Service Desk Analyst) `kind: manager` in its role definition if it really runs the process"
                )
            ])
    }

    func testSupplierNamedAsManager() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: 1️⃣carrier
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/manager-kind"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/manager-kind",
                    "the process manager 'carrier' (Network Carrier) is a role of kind `supplier`, not `manager` or `owner`")
            ])
    }

    func testManagerOrOwnerAsManagerIsClean() {
        for manager in ["incident-manager", "process-owner"] {
            XCTAssertFindings(
                """
                kind: process
                id: incident-management
                name: Incident Management
                owner: process-owner
                manager: \(manager)
                defaults:
                  accountable: incident-manager
                activities:
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                """, rules: ["ownership/manager-kind"], [])
        }
    }

    func testNoManagerIsClean() {
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
            """, rules: ["ownership/manager-kind"], [])
    }
}
