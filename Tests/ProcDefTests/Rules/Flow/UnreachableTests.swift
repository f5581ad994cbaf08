import XCTest

@testable import ProcDef

final class UnreachableTests: XCTestCase {
    private let help = { (id: String) in "name '\(id)' as a `next` target of an activity that is reached (e.g. `next: \(id)`), or remove it"
    }

    func testEachUnreachableActivityIsReportedWithWhyNothingFallsThrough() {
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
                next: close
              - id: 1️⃣confirm
                name: Confirm with the user
                responsible: service-desk
              - id: 2️⃣notify
                name: Notify the user
                responsible: service-desk
                end: true
              - id: 3️⃣survey
                name: Send the satisfaction survey
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: ["flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/unreachable",
                    "activity 'confirm' (Confirm with the user) cannot be reached from the start 'log' (Log the incident): 'log' (Log the incident) before it names its `next`, so the flow does not fall through to it",
                    severity: .error, help: help("confirm")
                ),
                ExpectedFinding(
                    "2️⃣", "flow/unreachable",
                    "activity 'notify' (Notify the user) cannot be reached from the start 'log' (Log the incident): only activities that are unreachable themselves lead to it, such as 'confirm' (Confirm with the user)",
                    help: help("notify")
                ),
                ExpectedFinding(
                    "3️⃣", "flow/unreachable",
                    "activity 'survey' (Send the satisfaction survey) cannot be reached from the start 'log' (Log the incident): 'notify' (Notify the user) before it ends the process, so the flow does not fall through to it",
                    help: help("survey")
                ),
            ])
    }

    /// A decision names all its targets: the activity listed after it is not reached by falling through.
    func testNoFallThroughAfterADecision() {
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
              - id: 1️⃣diagnose
                name: Investigate and diagnose
                responsible: resolver
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
            """, rules: ["flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/unreachable",
                    "activity 'diagnose' (Investigate and diagnose) cannot be reached from the start 'categorize' (Categorize and prioritize): 'categorize' (Categorize and prioritize) before it names its `next`, so the flow does not fall through to it",
                    help: help("diagnose")
                )
            ])
    }

    /// Triggers start a new case (of this or another process): they do not make an activity reachable in this flow.
    func testTriggersDoNotMakeAnActivityReachable() {
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
                triggers:
                  - process: incident-management
                    activity: reopen
                    when: The user reports the fault again.
                end: true
              - id: 1️⃣reopen
                name: Reopen the incident
                responsible: service-desk
            ---
            kind: process
            id: problem-management
            name: Problem Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: record
                name: Record the problem
                responsible: resolver
                triggers:
                  - process: incident-management
                    activity: reopen
                    when: The fix did not hold.
            """, rules: ["flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/unreachable",
                    "activity 'reopen' (Reopen the incident) cannot be reached from the start 'log' (Log the incident): 'log' (Log the incident) before it ends the process, so the flow does not fall through to it",
                    help: help("reopen")
                )
            ])
    }

    func testEveryActivityReachedIsClean() {
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
                  - to: escalate
                    when: No workaround is known.
                  - to: workaround
                    when: A known error matches.
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
                end: true
            """, rules: ["flow/unreachable"], [])
    }

    /// A fork's branches and a cancellation's target are ways in; an activity reached by neither still is not.
    func testForkBranchesAndCancellationsReach() {
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
                  all: [diagnose, notify]
              - id: 1️⃣orphan
                name: Never reached
                responsible: service-desk
                end: true
              - id: diagnose
                name: Diagnose
                responsible: service-desk
                next: close
              - id: notify
                name: Notify the user
                responsible: service-desk
                next: close
              - id: close
                name: Close the incident
                join: all
                responsible: service-desk
                end: true
              - id: withdraw
                name: Close as withdrawn
                responsible: service-desk
                end: true
            cancel:
              - when: The user withdraws the incident.
                to: withdraw
            """, rules: ["flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/unreachable",
                    "activity 'orphan' (Never reached) cannot be reached from the start 'log' (Log the incident): 'log' (Log the incident) before it names its `next`, so the flow does not fall through to it",
                    severity: .error, help: help("orphan"))
            ])
    }
}
