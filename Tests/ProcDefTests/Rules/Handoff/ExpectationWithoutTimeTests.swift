import XCTest

@testable import ProcDef

final class ExpectationWithoutTimeTests: XCTestCase {
    private let rule: Set<String> = ["handoff/expectation-without-time"]

    private func noTime(_ edge: String, _ expectation: String) -> String {
        "the handoff from \(edge) promises '\(expectation)' with no time: add `within` (a duration) or say in the expectation how soon"
    }

    func testBranchHandoffWhoseExpectationHoldsNoTimeIsReportedAtTheExpectation() {
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
                          artifact: incident-record
                          expectation: 1️⃣The resolver group picks it up promptly.
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
                    "1️⃣", "handoff/expectation-without-time",
                    noTime(
                        "'categorize' (Categorize and prioritize) to 'diagnose' (Investigate and diagnose)",
                        "The resolver group picks it up promptly."),
                    severity: .note,
                    help:
                        "add `within:` with the time 'resolver' (Resolver Group) and 'network' (Network Engineer) commit to, e.g. `within: 30m`, or write it into the expectation (`... within 30 minutes.`)"
                )
            ])
    }

    func testTimeoutAndTriggerHandoffsAreCheckedToo() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: wait-for-carrier
                    name: Wait for the carrier's fix
                    type: wait
                    responsible: service-desk
                    timeout:
                      after: 4h
                      to: escalate
                      handoff: {artifact: incident-record, expectation: 1️⃣The incident manager chases the carrier right away.}
                    next: diagnose
                  - id: escalate
                    name: Escalate to the carrier
                    responsible: incident-manager
                    handoff: {artifact: incident-record, expectation: The network engineer takes it over within 15 minutes.}
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: network
                    triggers:
                      - process: problem-management
                        activity: analyse
                        handoff:
                          artifact: incident-record
                          expectation: 2️⃣Problem management looks into it.
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/expectation-without-time",
                    noTime(
                        "'wait-for-carrier' (Wait for the carrier's fix) to 'escalate' (Escalate to the carrier)",
                        "The incident manager chases the carrier right away.")),
                ExpectedFinding(
                    "2️⃣", "handoff/expectation-without-time",
                    noTime(
                        "'diagnose' (Investigate and diagnose) to 'analyse' (Analyse the root cause) in process 'problem-management' (Problem Management)",
                        "Problem management looks into it.")),
            ])
    }

    func testAHandoffAroundAForkIsReportedOnce() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    next:
                      all: [diagnose, inform]
                    handoff:
                      artifact: incident-record
                      expectation: 1️⃣Both teams start on it.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    next: close
                  - id: inform
                    name: Inform the stakeholders
                    responsible: comms
                    next: close
                  - id: close
                    name: Close the incident
                    responsible: service-desk
                    join: all
                    end: true
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/expectation-without-time",
                    noTime("'log' (Log the incident) to 'diagnose' (Investigate and diagnose)", "Both teams start on it."))
            ])
    }

    func testATimeInTheExpectationOrAWithinOrNoExpectationAtAllPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    next:
                      - to: a
                        when: One.
                        handoff: {artifact: incident-record, expectation: Acknowledged within 5 minutes.}
                      - to: b
                        when: Two.
                        handoff: {artifact: incident-record, expectation: A fix in 1.5 Hours.}
                      - to: c
                        when: Three.
                        handoff: {artifact: incident-record, expectation: Root cause in 2 business days.}
                      - to: d
                        when: Four.
                        handoff: {artifact: incident-record, expectation: The resolver group picks it up promptly., within: 30m}
                      - to: e
                        when: Five.
                        handoff: {artifact: incident-record}
                  - {id: a, name: A, responsible: resolver, end: true}
                  - {id: b, name: B, responsible: resolver, end: true}
                  - {id: c, name: C, responsible: resolver, end: true}
                  - {id: d, name: D, responsible: resolver, end: true}
                  - {id: e, name: E, responsible: resolver, end: true}
                """), rules: rule, [])
    }

    func testAHandoffToASystemRoleNeedsNoTime() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: approve
                    name: Approve the change
                    responsible: incident-manager
                    handoff: {artifact: change-record, expectation: The pipeline deploys it.}
                  - id: deploy
                    name: Deploy
                    type: automated
                    responsible: pipeline
                """), rules: rule,
            extraFiles: ["roles.yaml": standardCatalogue + "  pipeline: {name: Deployment Pipeline, kind: system}\n"], [])
    }

    func testTheDurationPatternMatchesANumberAndAUnitAtAWordBoundary() {
        let times = [
            "within 5 minutes", "4h", "2 business days", "1.5 hours", "in 30m.", "3 Business Hours", "5MIN", "2 hrs", "1 week",
            "10 s", "1bd", "2 bh,", "v2h", "an hour or 1 day",
        ]
        for text in times { XCTAssertTrue(DurationInText.occurs(in: text), text) }
        let notTimes = [
            "right away", "promptly", "the m5 router", "10mb of logs", "3mo", "P1", "24/7", "2 business", "5 hoursly", "1.x hours",
            "4h_", "", "5 mé",
        ]
        for text in notTimes { XCTAssertFalse(DurationInText.occurs(in: text), text) }
    }

    /// Text that is not all ASCII is searched as Unicode scalars: white space and word characters are Unicode's, and
    /// the text is lowercased as Unicode lowercases it (the Kelvin sign becomes `k`).
    func testTextThatIsNotASCIIIsSearchedAsUnicode() {
        let times = [
            "répond sous 30 minutes", "within 4 Hours — or less", "30\u{A0}minutes", "2 business days\u{A0}later", "5 wee\u{212A}s",
            "réponse en 2h.",
        ]
        for text in times { XCTAssertTrue(DurationInText.occurs(in: text), text) }
        let notTimes = ["l'équipe du m5", "5 hé", "4hé", "2 bdé", "30\u{A0}mins", "délai: 5 mé"]
        for text in notTimes { XCTAssertFalse(DurationInText.occurs(in: text), text) }
    }
}
