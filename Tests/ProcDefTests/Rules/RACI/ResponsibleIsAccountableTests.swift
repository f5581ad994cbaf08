import XCTest

@testable import ProcDef

final class ResponsibleIsAccountableTests: XCTestCase {
    private let rule = "raci/responsible-is-accountable"
    private let enabled = CheckOptions(
        today: CalendarDate(year: 2026, month: 6, day: 1),
        rules: RuleConfiguration(levels: ["raci/responsible-is-accountable": .warning])
    )

    private let fixture = """
        kind: process
        id: change-enablement
        name: Change Enablement
        owner: process-owner
        defaults:
          accountable: service-desk
        activities:
          - id: implement
            name: Implement the change
            responsible: [resolver, network]
            accountable: 1️⃣network
          - id: record
            name: Record the change
            responsible: 2️⃣service-desk
          - id: review
            name: Review the implemented change
            responsible: resolver
            accountable: incident-manager
        """

    func testSilentByDefault() {
        XCTAssertFindings(fixture, rules: [rule], [])
    }

    func testWhenEnabledReportsTheAccountableEntryOrTheResponsibleOneForTheDefault() {
        XCTAssertFindings(
            fixture, rules: [rule], options: enabled,
            [
                ExpectedFinding(
                    "1️⃣", rule, "'network' (Network Engineer) is both responsible and accountable for 'implement' (Implement the change)",
                    severity: .warning,
                    help: "make a role that does not do the work accountable, e.g. the team lead or the process manager"
                ),
                ExpectedFinding(
                    "2️⃣", rule,
                    "'service-desk' (Service Desk Analyst) is both responsible and accountable for 'record' (Record the change) (accountable through `defaults.accountable`)",
                    help:
                        "set `accountable:` on this activity to a role that does not do the work, e.g. the team lead or the process manager"
                ),
            ])
    }

    func testSeparateRolesAreCleanWhenEnabled() {
        XCTAssertFindings(
            """
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: implement
                name: Implement the change
                responsible: resolver
              - id: review
                name: Review the implemented change
                responsible: service-desk
                accountable: resolver
            """, rules: [rule], options: enabled, [])
    }
}
