import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownProcessTests: XCTestCase {
    private let problemManagement = """
        kind: process
        id: problem-management
        name: Problem Management
        owner: process-owner
        activities:
          - {id: record, name: Record the problem}
          - {id: analyse, name: Analyse}
        """

    func testTriggersMustNameAProcessAndOneOfItsActivities() {
        XCTAssertDecoding(
            [
                "incident.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                activities:
                  - id: resolve
                    name: Resolve
                    triggers:
                      - process: 1️⃣problem-mangement
                      - process: problem-management
                        activity: 2️⃣analyze
                      - process: 3️⃣change
                """,
                "problem.yaml": problemManagement,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-process", "unknown process 'problem-mangement' in the trigger of activity 'resolve'",
                    help: "did you mean 'problem-management'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-process",
                    "unknown activity 'analyze' of process 'problem-management' in the trigger of activity 'resolve'",
                    help: "did you mean 'analyse'?"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-process", "unknown process 'change' in the trigger of activity 'resolve'",
                    help: "check the process id, and check the whole repository at once so that every process is known"),
            ])
    }

    func testKnownProcessesAndEntryActivitiesPass() {
        XCTAssertDecoding(
            [
                "incident.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                activities:
                  - id: resolve
                    name: Resolve
                    triggers:
                      - process: problem-management
                      - {process: problem-management, activity: analyse}
                """,
                "problem.yaml": problemManagement,
            ], [])
    }
}
