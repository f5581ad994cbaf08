import XCTest

@testable import ProcDef

final class MissingArtifactTests: XCTestCase {
    private let rule: Set<String> = ["handoff/missing-artifact"]

    func testHandoffWithoutArtifactIsReportedAtTheHandoff() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    handoff:
                      1️⃣expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-artifact",
                    "the handoff from 'categorize' (Categorize and prioritize) to 'diagnose' (Investigate and diagnose) does not say what is handed over",
                    severity: .error,
                    help: "add `artifact:` naming what passes to the receiver, e.g. `artifact: incident-record`"
                )
            ])
    }

    func testBlankArtifactOnABranchCountsAsMissingAndTheHelpListsTheOutputs() {
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
                          1️⃣artifact: ""
                          expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-artifact",
                    "the handoff from 'categorize' (Categorize and prioritize) to 'diagnose' (Investigate and diagnose) does not say what is handed over",
                    help:
                        "add `artifact:` naming what passes to the receiver, e.g. `artifact: incident-record`; 'categorize' (Categorize and prioritize) declares outputs: incident-record, priority"
                )
            ])
    }

    func testTriggerHandoffWithoutArtifact() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: service-desk
                    triggers:
                      - process: problem-management
                        handoff:
                          1️⃣expectation: Problem recorded within 2 business days.
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-artifact",
                    "the handoff from 'diagnose' (Investigate and diagnose) to 'record-problem' (Record the problem) in process 'problem-management' (Problem Management) does not say what is handed over",
                    help: "add `artifact:` naming what passes to the receiver, e.g. `artifact: incident-record`"
                )
            ])
    }

    /// A declared handoff shows up in the runbook's handoff table, so it is checked even where it is not needed.
    func testAnUnneededHandoffIsStillCheckedButAStrayOneIsNot() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    handoff:
                      1️⃣expectation: Categorized within 10 minutes.
                  - id: close
                    name: Close the incident
                    responsible: service-desk
                    handoff:
                      expectation: Nobody.
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-artifact",
                    "the handoff from 'log' (Log the incident) to 'close' (Close the incident) does not say what is handed over"
                )
            ])
    }

    func testHandoffWithArtifactPasses() {
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
                """), rules: rule, [])
    }
}
