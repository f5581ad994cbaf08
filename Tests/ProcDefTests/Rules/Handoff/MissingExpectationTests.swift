import XCTest

@testable import ProcDef

final class MissingExpectationTests: XCTestCase {
    private let rule: Set<String> = ["handoff/missing-expectation"]

    func testBranchHandoffWithoutExpectationNamesTheReceiver() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    next:
                      - to: diagnose
                        when: No workaround is known.
                        handoff:
                          1️⃣artifact: incident-record
                      - to: close
                        when: A workaround applies.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: [resolver, network]
                  - id: close
                    name: Close the incident
                    responsible: service-desk
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-expectation",
                    "the handoff from 'categorize' (Categorize and prioritize) to 'diagnose' (Investigate and diagnose) does not say what the receiver commits to",
                    severity: .warning,
                    help:
                        "add `expectation:` with what 'resolver' (Resolver Group) and 'network' (Network Engineer) commit to, e.g. `expectation: Acknowledged within 30 minutes.`"
                )
            ])
    }

    func testBlankExpectationOnATriggerCountsAsMissing() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: service-desk
                    triggers:
                      - process: problem-management
                        activity: analyse
                        handoff:
                          1️⃣artifact: incident-record
                          expectation: "  "
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-expectation",
                    "the handoff from 'diagnose' (Investigate and diagnose) to 'analyse' (Analyse the root cause) in process 'problem-management' (Problem Management) does not say what the receiver commits to",
                    help:
                        "add `expectation:` with what 'network' (Network Engineer) commits to, e.g. `expectation: Acknowledged within 30 minutes.`"
                )
            ])
    }

    func testHandoffWithExpectationPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    next: diagnose
                    handoff:
                      artifact: incident-record
                      expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule, [])
    }
}
