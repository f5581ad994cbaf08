import XCTest

@testable import ProcDef

final class EmptyProcessTests: XCTestCase {
    func testProcessWithoutActivities() {
        XCTAssertFindings(
            """
            1️⃣kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            activities: []
            """, rules: ["flow/empty"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/empty", "process 'change-management' (Change Management) has no activities",
                    severity: .error,
                    help:
                        "list the process's activities under `activities:`, e.g. `- {id: log, name: Log the incident, responsible: service-desk}`"
                )
            ])
    }

    func testProcessWithOneActivityIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess the change
                responsible: incident-manager
            """, rules: ["flow/empty"], [])
    }

    /// Without an `activities` key at all, `schema/missing-field` reports the process, not this rule.
    func testMissingActivitiesKeyIsLeftToTheSchemaCheck() throws {
        let fixture = """
            kind: process
            id: change-management
            name: Change Management
            owner: process-owner
            """
        XCTAssertFindings(fixture, rules: ["flow/empty"], [])
        let report = try RuleFixtureRunner.run(["fixture.yaml": fixture])
        XCTAssertTrue(report.diagnostics.contains { $0.rule == "schema/missing-field" })
    }
}
