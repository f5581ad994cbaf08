import XCTest

@testable import ProcDef

final class CustomerAccountableTests: XCTestCase {
    private let rule = "raci/customer-accountable"
    private let customerHelp = "make an internal role accountable (e.g. the process manager) and keep 'user' `consulted` or `informed`"
    private let supplierHelp =
        "make an internal role accountable (e.g. the supplier manager) and keep 'carrier' `responsible` under its underpinning contract"

    func testCustomerAndSupplierAccountableOnActivities() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: repair-line
                name: Repair the leased line
                responsible: carrier
                accountable: 1️⃣carrier
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                accountable: [incident-manager, 2️⃣user]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "supplier role 'carrier' (Network Carrier) is accountable for 'repair-line' (Repair the leased line)",
                    severity: .error, help: supplierHelp
                ),
                ExpectedFinding(
                    "2️⃣", rule, "customer role 'user' (Affected User) is accountable for 'confirm' (Confirm resolution with the user)",
                    help: customerHelp
                ),
            ])
    }

    func testAccountableThroughTheDefaultIsReportedOnceAtTheDefault() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: 1️⃣user
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                accountable: incident-manager
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "customer role 'user' (Affected User) is accountable, through `defaults.accountable`, for activities 'log' (Log the incident) and 2 more",
                    help: customerHelp
                )
            ])
    }

    func testAnExternalDefaultThatNoActivityUsesAndInternalRolesAreClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: carrier
            activities:
              - id: repair-line
                name: Repair the leased line
                responsible: carrier
                accountable: incident-manager
                informed: [user]
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                accountable: [sponsor, ghost]
                consulted: [user]
            """, rules: [rule], [])
    }
}
