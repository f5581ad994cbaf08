import XCTest

@testable import ProcDef

final class ConflictingAssignmentTests: XCTestCase {
    private let rule = "raci/conflicting-assignment"

    /// Consulted and informed is a redundancy, `raci/redundant-informed`'s note, not a conflict.
    func testRoleConsultedAndInformedIsNotAConflict() {
        XCTAssertFindings(
            """
            kind: process
            id: major-incident-communication
            name: Major Incident Communication
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: draft
                name: Draft the status update
                responsible: comms
                consulted: [service-desk, resolver]
                informed: [user, resolver]
            """, rules: [rule], [])
    }

    func testResponsibleRoleConsultedPointsAtTheConsultedEntry() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: diagnose
                name: Investigate and diagnose
                responsible: [resolver, network]
                consulted:
                  - 1️⃣network
                  - service-desk
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "'network' (Network Engineer) is both responsible and consulted on 'diagnose' (Investigate and diagnose) (R and C): consulted roles stand outside the work, and the responsible role does it",
                    help: "remove 'network' from `consulted`: as the responsible role it already takes part in the activity"
                )
            ])
    }

    func testAccountableThroughTheDefaultAndInformed() {
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
                informed: [1️⃣incident-manager]
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: process-owner
                informed: [incident-manager]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "'incident-manager' (Incident Manager) is both accountable and informed on 'log' (Log the incident) (A and I): informed roles stand outside the work, and the accountable role answers for it",
                    help:
                        "remove 'incident-manager' from `informed`: as the accountable role (through `defaults.accountable`) it already takes part in the activity"
                )
            ])
    }

    func testEveryLetterAtOnceReportsBothRedundantEntries() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                accountable: service-desk
                consulted: [1️⃣service-desk]
                informed: [2️⃣service-desk, user]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "'service-desk' (Service Desk Analyst) is responsible, accountable and consulted on 'confirm' (Confirm resolution with the user) (R, A and C): consulted roles stand outside the work, and the responsible role does it",
                    help: "remove 'service-desk' from `consulted`: as the responsible role it already takes part in the activity"
                ),
                ExpectedFinding(
                    "2️⃣", rule,
                    "'service-desk' (Service Desk Analyst) is responsible, accountable and informed on 'confirm' (Confirm resolution with the user) (R, A and I): informed roles stand outside the work, and the responsible role does it",
                    help: "remove 'service-desk' from `informed`: as the responsible role it already takes part in the activity"
                ),
            ])
    }

    func testDistinctLettersAndUnknownRolesAreClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                consulted: [network, ghost]
                informed: [service-desk, user, ghost]
              - id: close
                name: Close the incident
                responsible: service-desk
                informed: [resolver]
            """, rules: [rule], [])
    }
}
