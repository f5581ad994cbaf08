import XCTest

@testable import ProcDef

final class UnconditionedBranchTests: XCTestCase {
    private let rule: Set<String> = ["flow/unconditioned-branch"]

    func testDecisionWithOneBranchWithoutWhen() {
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
                  - 1️⃣to: escalate
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                next: close
              - id: escalate
                name: Escalate to the incident manager
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unconditioned-branch",
                    "the branch from decision 'categorize' (Categorize and prioritize) to 'escalate' (Escalate to the incident manager) does not say `when` it is taken",
                    severity: .warning,
                    help:
                        "add `when:` with the condition that sends the case to 'escalate', e.g. `- {to: escalate, when: No workaround is known.}`"
                )
            ])
    }

    func testEveryBranchWithoutWhenIsReported() {
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
                  - 1️⃣{to: workaround}
                  - 2️⃣{to: escalate}
                  - 3️⃣{to: major-incident}
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                end: true
              - id: escalate
                name: Escalate to the incident manager
                responsible: service-desk
                end: true
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unconditioned-branch",
                    "the branch from decision 'categorize' (Categorize and prioritize) to 'workaround' (Apply the workaround) does not say `when` it is taken"
                ),
                ExpectedFinding(
                    "2️⃣", "flow/unconditioned-branch",
                    "the branch from decision 'categorize' (Categorize and prioritize) to 'escalate' (Escalate to the incident manager) does not say `when` it is taken"
                ),
                ExpectedFinding(
                    "3️⃣", "flow/unconditioned-branch",
                    "the branch from decision 'categorize' (Categorize and prioritize) to 'major-incident' does not say `when` it is taken"),
            ])
    }

    /// One target is no decision, written as a list or not, and the same target twice is still one target.
    func testSingleTargetsAreNotDecisions() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                next:
                  - to: categorize
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: close
                  - to: close
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule, [])
    }

    func testDecisionWithEveryBranchConditionedIsClean() {
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
                  - to: close
                    when: The user withdrew the report.
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule, [])
    }
}
