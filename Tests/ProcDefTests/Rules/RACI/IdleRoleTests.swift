import XCTest

@testable import ProcDef

final class IdleRoleTests: XCTestCase {
    private let rule = "raci/idle-role"
    private let help =
        "`responsible` or `accountable` where it does the work, or remove it from `roles:` (a role that is only consulted or informed belongs in the role catalogue)"

    func testLocalRolesThatDoNoWork() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            roles:
              1️⃣duty-officer: {name: Duty Officer, kind: practitioner}
              2️⃣vendor-liaison:
                name: Vendor Liaison
                kind: practitioner
              3️⃣legacy-team: {name: Legacy Support, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [duty-officer]
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                consulted: [vendor-liaison]
                informed: [vendor-liaison]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "local role 'duty-officer' (Duty Officer) is neither responsible nor accountable for any activity of 'incident-management'; it is only informed",
                    severity: .warning, help: "make 'duty-officer' " + help
                ),
                ExpectedFinding(
                    "2️⃣", rule,
                    "local role 'vendor-liaison' (Vendor Liaison) is neither responsible nor accountable for any activity of 'incident-management'; it is only consulted and informed",
                    help: "make 'vendor-liaison' " + help
                ),
                ExpectedFinding(
                    "3️⃣", rule,
                    "local role 'legacy-team' (Legacy Support) is neither responsible nor accountable for any activity of 'incident-management'; no activity names it",
                    help: "make 'legacy-team' " + help
                ),
            ])
    }

    func testInformedOnlyThroughAHandoff() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            roles:
              1️⃣duty-officer: {name: Duty Officer, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
                  informed: [duty-officer]
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "local role 'duty-officer' (Duty Officer) is neither responsible nor accountable for any activity of 'incident-management'; it is only informed",
                    help: "make 'duty-officer' " + help
                )
            ])
    }

    /// Informed only on a timer's handoff, the role is informed: idle, not unnamed.
    func testInformedOnlyThroughATimersHandoff() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            roles:
              1️⃣duty-officer: {name: Duty Officer, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                timeout:
                  after: 1h
                  to: diagnose
                  handoff:
                    artifact: incident-record
                    expectation: Resolver group acknowledges within 30 minutes.
                    informed: [duty-officer]
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "local role 'duty-officer' (Duty Officer) is neither responsible nor accountable for any activity of 'incident-management'; it is only informed",
                    severity: .warning, help: "make 'duty-officer' " + help
                )
            ])
    }

    func testResponsibleAccountableByDefaultOrRunningTheProcessIsNotIdle() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: major-incident-manager
            defaults:
              accountable: duty-manager
            roles:
              major-incident-manager: {name: Major Incident Manager, kind: manager}
              duty-manager: {name: Duty Manager, kind: manager}
              bridge-team: {name: Bridge Team, kind: practitioner}
              vendor-liaison: {name: Vendor Liaison, kind: practitioner}
            activities:
              - id: open-bridge
                name: Open the incident bridge
                responsible: bridge-team
              - id: engage-vendor
                name: Engage the vendor
                responsible: service-desk
                accountable: vendor-liaison
            """, rules: [rule], [])
    }

    func testADefaultThatNoActivityUsesDoesNotCount() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: duty-manager
            roles:
              1️⃣duty-manager: {name: Duty Manager, kind: manager}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                accountable: incident-manager
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "local role 'duty-manager' (Duty Manager) is neither responsible nor accountable for any activity of 'incident-management'; no activity names it",
                    help: "make 'duty-manager' " + help
                )
            ])
    }
}
