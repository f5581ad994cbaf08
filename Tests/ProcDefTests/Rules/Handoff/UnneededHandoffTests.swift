import XCTest

@testable import ProcDef

final class UnneededHandoffTests: XCTestCase {
    private let rule: Set<String> = ["handoff/unneeded"]

    func testHandoffBetweenActivitiesOfTheSameRoleIsReportedAtTheHandoff() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    handoff:
                      1️⃣artifact: incident-record
                      expectation: Categorized within 10 minutes.
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff from 'log' (Log the incident) to 'categorize' (Categorize and prioritize) is declared where responsibility does not change: 'service-desk' (Service Desk Analyst) is responsible for both",
                    severity: .note,
                    help: "remove the `handoff:`, or move it to the transition where responsibility passes to another role"
                )
            ])
    }

    func testSeveralSharedRolesOnABranchAreNamed() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: swarm
                    name: Swarm on the incident
                    responsible: [service-desk, resolver, network]
                    next:
                      - to: diagnose
                        handoff:
                          1️⃣artifact: incident-record
                          expectation: Diagnosis within 2 hours.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: [network, resolver]
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff from 'swarm' (Swarm on the incident) to 'diagnose' (Investigate and diagnose) is declared where responsibility does not change: 'resolver' (Resolver Group) and 'network' (Network Engineer) are responsible for both"
                )
            ])
    }

    func testHandoffsThatApplyToNoTransition() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    handoff:
                      1️⃣artifact: incident-record
                      expectation: Resolver group acknowledges within 30 minutes.
                    next:
                      - to: diagnose
                        handoff:
                          artifact: incident-record
                          expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    end: true
                    handoff:
                      2️⃣artifact: resolution-notes
                      expectation: Service desk confirms with the user within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff on 'categorize' (Categorize and prioritize) applies to no transition: with a `next` list, each branch carries its own handoff",
                    help: "move the `handoff:` under the `next` entry it belongs to"
                ),
                ExpectedFinding(
                    "2️⃣", "handoff/unneeded",
                    "the handoff on 'diagnose' (Investigate and diagnose) applies to no transition: the activity ends the process",
                    help: "remove the `handoff:`; to hand over to another process, put it under that process's `triggers` entry"
                ),
            ])
    }

    /// Where responsibility changes, or cannot be told (a side names no role or an unknown one), a handoff is welcome.
    func testHandoffWhereResponsibilityChangesOrIsUnknownPasses() {
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
                    handoff:
                      artifact: resolution-notes
                      expectation: Confirmed within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: servce-desk
                    next: close
                    handoff:
                      artifact: incident-record
                      expectation: Closed the same day.
                  - id: close
                    name: Close the incident
                """), rules: rule, [])
    }
}
