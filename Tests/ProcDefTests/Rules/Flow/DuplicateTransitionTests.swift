import XCTest

@testable import ProcDef

final class DuplicateTransitionTests: XCTestCase {
    func testSecondAndLaterOccurrencesAreReported() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: workaround
                    when: A known error matches.
                  - to: escalate
                    when: No workaround is known.
                  - 1️⃣to: workaround
                    when: A workaround is documented.
                  - 2️⃣to: workaround
                    when: The user found a workaround.
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                end: true
              - id: escalate
                name: Escalate to the incident manager
                responsible: service-desk
            """, rules: ["flow/duplicate-transition"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/duplicate-transition",
                    "activity 'categorize' (Categorize and prioritize) lists 'workaround' (Apply the workaround) twice in `next`",
                    severity: .warning,
                    help:
                        "merge the two branches into one, combining their `when` conditions, or point this one at the activity it was meant for"
                ),
                ExpectedFinding(
                    "2️⃣", "flow/duplicate-transition",
                    "activity 'categorize' (Categorize and prioritize) lists 'workaround' (Apply the workaround) twice in `next`"),
            ])
    }

    func testTheNoteShowsTheFirstOccurrence() throws {
        let fixture = MarkedFixture(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - 1️⃣to: close
                    when: The user withdrew the report.
                  - 2️⃣to: close
                    when: The fault cleared by itself.
              - id: close
                name: Close the incident
                responsible: service-desk
            """)
        let report = try RuleFixtureRunner.run(["fixture.yaml": fixture.text])
        let finding = try XCTUnwrap(report.diagnostics.first { $0.rule == "flow/duplicate-transition" })
        XCTAssertEqual(finding.range.start.line, fixture.positions["2️⃣"]?.line)
        let note = try XCTUnwrap(finding.notes.first)
        XCTAssertEqual(note.message, "'close' is first listed here")
        XCTAssertEqual(note.file, finding.file)
        XCTAssertEqual(note.range?.start.line, fixture.positions["1️⃣"]?.line)
        XCTAssertEqual(note.range?.start.column, fixture.positions["1️⃣"]?.column)
    }

    func testDistinctTargetsAreClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: workaround
                    when: A known error matches.
                  - to: escalate
                    when: No workaround is known.
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                end: true
              - id: escalate
                name: Escalate to the incident manager
                responsible: service-desk
            """, rules: ["flow/duplicate-transition"], [])
    }
}
