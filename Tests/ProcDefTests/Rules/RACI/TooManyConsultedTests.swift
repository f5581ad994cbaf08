import XCTest

@testable import ProcDef

final class TooManyConsultedTests: XCTestCase {
    private let rule = "raci/too-many-consulted"

    func testFiveConsultedRolesPointAtTheFirstOverTheLimit() {
        XCTAssertFindings(
            """
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: service-desk
                consulted: [resolver, network, comms, sponsor, 1️⃣carrier]
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "activity 'assess' (Assess the change) consults 5 roles, over the limit of 4: every consultation is a wait before the decision",
                    severity: .warning,
                    help:
                        "keep in `consulted` only the roles whose input can change the outcome (at most 4) and move the others to `informed`, or split the activity"
                )
            ])
    }

    func testExactlyAtTheLimitWithRepeatsAndUnknownRolesIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: service-desk
                consulted: [resolver, network, comms, sponsor, network, security-officer]
            """, rules: [rule], [])
    }

    func testTheLimitIsAnOption() {
        let options = CheckOptions(
            today: CalendarDate(year: 2026, month: 6, day: 1),
            rules: RuleConfiguration(options: ["raci/too-many-consulted": ["max": 2]])
        )
        XCTAssertFindings(
            """
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: service-desk
                consulted: [resolver, network, 1️⃣comms]
              - id: schedule
                name: Schedule the change
                responsible: service-desk
                consulted: [resolver, network]
            """, rules: [rule], options: options,
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "activity 'assess' (Assess the change) consults 3 roles, over the limit of 2: every consultation is a wait before the decision",
                    help:
                        "keep in `consulted` only the roles whose input can change the outcome (at most 2) and move the others to `informed`, or split the activity"
                )
            ])
    }
}
