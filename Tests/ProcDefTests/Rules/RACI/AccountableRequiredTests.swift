import XCTest

@testable import ProcDef

final class AccountableRequiredTests: XCTestCase {
    private let rule = "raci/accountable-required"

    func testActivityWithNoAccountableAndNoDefault() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: incident-manager
            activities:
              - id: 1️⃣log
                name: Log the incident
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: incident-manager
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "activity 'log' (Log the incident) has no accountable role", severity: .error,
                    help:
                        "add `accountable: incident-manager` to the activity, or `defaults: {accountable: incident-manager}` to the process"
                )
            ])
    }

    func testHelpUsesAPlaceholderWhenTheProcessHasNoManager() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: 1️⃣log
                name: Log the incident
                responsible: service-desk
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "activity 'log' (Log the incident) has no accountable role",
                    help: "add `accountable: <role>` to the activity, or `defaults: {accountable: <role>}` to the process"
                )
            ])
    }

    func testDefaultsAccountableFillsTheGap() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: process-owner
            """, rules: [rule], [])
    }

    func testAnUnknownAccountableRoleIsLeftToTheReferenceRule() {
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
                accountable: incident-manger
            """, rules: [rule], [])
    }
}
