import XCTest

@testable import ProcDef

final class OwnerKindTests: XCTestCase {
    func testManagerNamedAsOwner() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: 1️⃣incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/owner-kind"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/owner-kind",
                    "the process owner 'incident-manager' (Incident Manager) is a role of kind `manager`, not `owner`",
                    severity: .warning,
                    help:
                        "name a role of kind `owner` as `owner:`, or give 'incident-manager' (Incident Manager) `kind: owner` in its role definition if it really owns the process"
                )
            ])
    }

    func testCustomerNamedAsOwner() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: 1️⃣user
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/owner-kind"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/owner-kind", "the process owner 'user' (Affected User) is a role of kind `customer`, not `owner`")
            ])
    }

    func testLocalOwnerRoleOfKindOwnerIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: major-incident-owner
            roles:
              major-incident-owner: {name: Major Incident Process Owner, kind: owner, team: ITSM Office}
            defaults:
              accountable: major-incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/owner-kind"], [])
    }

    func testUnknownOwnerIsLeftToTheReferenceCheck() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: nobody-we-know
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
            """, rules: ["ownership/owner-kind"], [])
    }

    func testOwnerOfKindOwnerIsClean() {
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
            """, rules: ["ownership/owner-kind"], [])
    }
}
