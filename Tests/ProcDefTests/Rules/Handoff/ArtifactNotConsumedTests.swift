import XCTest

@testable import ProcDef

final class ArtifactNotConsumedTests: XCTestCase {
    private let rule: Set<String> = ["handoff/artifact-not-consumed"]

    func testArtifactTheTargetDoesNotTakeIsReportedAtTheArtifact() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    handoff:
                      artifact: 1️⃣resolution-notes
                      expectation: Service desk confirms with the user within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                    inputs: [incident-record]
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-consumed",
                    "'diagnose' (Investigate and diagnose) hands over 'resolution-notes' to 'confirm' (Confirm resolution with the user), which does not list it among its inputs",
                    severity: .note,
                    help:
                        "'confirm' (Confirm resolution with the user) declares inputs: incident-record; hand over one of them, or add 'resolution-notes' to its `inputs`"
                )
            ])
    }

    func testTriggerArtifactIsCheckedAgainstTheOtherProcesssEntryActivity() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: service-desk
                    triggers:
                      - process: problem-management
                        handoff:
                          artifact: 1️⃣call-log
                          expectation: Problem recorded within 2 business days.
                      - process: problem-management
                        activity: analyse
                        handoff:
                          artifact: monitoring-data
                          expectation: Root cause analysed within 5 business days.
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-consumed",
                    "'diagnose' (Investigate and diagnose) hands over 'call-log' to 'record-problem' (Record the problem) in process 'problem-management' (Problem Management), which does not list it among its inputs",
                    help:
                        "'record-problem' (Record the problem) declares inputs: incident-record; hand over one of them, or add 'call-log' to its `inputs`"
                )
            ])
    }

    func testAConsumedArtifactOrATargetWithoutInputsPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    handoff:
                      artifact: incident-record
                      expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    inputs: [incident-record]
                    handoff:
                      artifact: resolution-notes
                      expectation: Service desk confirms with the user within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                """), rules: rule, [])
    }
}
