import XCTest

@testable import ProcDef

final class ArtifactNotProducedTests: XCTestCase {
    private let rule: Set<String> = ["handoff/artifact-not-produced"]

    func testArtifactThatIsNotAnOutputIsReportedAtTheArtifact() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    outputs: [incident-record, priority]
                    handoff:
                      artifact: 1️⃣call-notes
                      expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-produced",
                    "'categorize' (Categorize and prioritize) hands over 'call-notes' to 'diagnose' (Investigate and diagnose), but 'call-notes' is not among its outputs",
                    severity: .warning,
                    help:
                        "'categorize' (Categorize and prioritize) declares outputs: incident-record, priority; hand over one of them, or add 'call-notes' to its `outputs`"
                )
            ])
    }

    func testAMisspeltArtifactGetsADidYouMean() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    outputs: [incident-record, priority]
                    next:
                      - to: diagnose
                        handoff:
                          artifact: 1️⃣incident-recrod
                          expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-produced",
                    "'categorize' (Categorize and prioritize) hands over 'incident-recrod' to 'diagnose' (Investigate and diagnose), but 'incident-recrod' is not among its outputs",
                    help:
                        "did you mean 'incident-record'? 'categorize' (Categorize and prioritize) declares outputs: incident-record, priority"
                )
            ])
    }

    func testTriggerArtifactIsCheckedAgainstTheTriggeringActivity() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    outputs: [diagnosis]
                    triggers:
                      - process: problem-management
                        activity: analyse
                        handoff:
                          artifact: 1️⃣incident-record
                          expectation: Root cause analysed within 5 business days.
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-produced",
                    "'diagnose' (Investigate and diagnose) hands over 'incident-record' to 'analyse' (Analyse the root cause) in process 'problem-management' (Problem Management), but 'incident-record' is not among its outputs",
                    help:
                        "'diagnose' (Investigate and diagnose) declares outputs: diagnosis; hand over one of them, or add 'incident-record' to its `outputs`"
                )
            ])
    }

    func testAProducedArtifactOrASourceWithoutOutputsPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    outputs: [incident-record]
                    next:
                      - to: diagnose
                        handoff:
                          artifact: incident-record
                          expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    handoff:
                      artifact: resolution-notes
                      expectation: Service desk confirms with the user within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                """), rules: rule, [])
    }
}
