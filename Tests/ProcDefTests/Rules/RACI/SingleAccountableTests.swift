import XCTest

@testable import ProcDef

final class SingleAccountableTests: XCTestCase {
    private let rule = "raci/single-accountable"

    func testTwoAccountableRolesPointAtTheSecond() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                accountable: [incident-manager, 1️⃣process-owner]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "activity 'categorize' (Categorize and prioritize) has 2 accountable roles ('incident-manager' (Incident Manager) and 'process-owner' (Incident Process Owner)); RACI allows exactly one",
                    severity: .error,
                    help:
                        "keep `accountable: incident-manager` (or whichever role answers for the result) and make 'process-owner' `responsible` or `consulted`"
                )
            ])
    }

    func testThreeAccountableRolesAreOneFinding() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                accountable:
                  - incident-manager
                  - 1️⃣resolver
                  - network
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "activity 'diagnose' (Investigate and diagnose) has 3 accountable roles ('incident-manager' (Incident Manager), 'resolver' (Resolver Group) and 'network' (Network Engineer)); RACI allows exactly one",
                    help:
                        "keep `accountable: incident-manager` (or whichever role answers for the result) and make 'resolver' and 'network' `responsible` or `consulted`"
                )
            ])
    }

    func testTheSameRoleTwiceAndUnknownRolesDoNotCount() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                accountable: [incident-manager, incident-manager]
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: [incident-manager, incident-manger]
            """, rules: [rule], [])
    }

    func testOneAccountableRoleIsClean() {
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
                accountable: [incident-manager]
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: [rule], [])
    }
}
