import XCTest

@testable import ProcDef

/// A trigger into a process defined elsewhere (`kind: external-process`) is a cross-process handoff to its receiver.
final class ExternalProcessHandoffTests: XCTestCase {
    private static let rules = HandoffFixtures.allRules

    private func incident(trigger: String) -> String {
        HandoffFixtures.incident(
            """
              - id: notify-carrier
                name: Notify the carrier
                responsible: network
                outputs: [fault-report]
                triggers:
            \(trigger)
            """)
    }

    func testAReceiverThatDiffersFromTheSourceIsAGapWithoutAHandoff() {
        XCTAssertFindings(
            incident(trigger: "      - 1️⃣process: carrier-incident")
                + """

                ---
                kind: external-process
                id: carrier-incident
                name: Carrier Incident Handling
                receiver: 2️⃣carrier
                """,
            rules: Self.rules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'network' (Network Engineer) at 'notify-carrier' (Notify the carrier) to 'carrier' (Network Carrier) at external process 'carrier-incident' (Carrier Incident Handling) with no handoff declared",
                    severity: .error,
                    help: """
                        add a `handoff:` to this trigger with the artifact handed over and the receiver's expectation:
                          handoff:
                            artifact: <what is handed over>
                            expectation: <what the receiver commits to>
                            agreement: <the OLA or underpinning contract>
                        """)
            ])
    }

    func testTheWitnessEndsAtTheReceiver() throws {
        let fixture = MarkedFixture(
            incident(trigger: "      - process: carrier-incident")
                + """

                ---
                kind: external-process
                id: carrier-incident
                name: Carrier Incident Handling
                receiver: 1️⃣carrier
                """)
        let report = try RuleFixtureRunner.run(["fixture.yaml": fixture.text])
        let gap = try XCTUnwrap(report.diagnostics.first { $0.rule == "handoff/gap" })
        XCTAssertEqual(gap.subjects.activities, ["notify-carrier"])
        XCTAssertEqual(gap.subjects.roles, ["network", "carrier"])
        let last = try XCTUnwrap(gap.path.last)
        XCTAssertEqual(last.message, "'carrier-incident' is defined elsewhere; 'carrier' takes a case in")
        XCTAssertEqual(last.range.start.line, fixture.positions["1️⃣"]?.line)
        XCTAssertEqual(last.range.start.column, fixture.positions["1️⃣"]?.column)
    }

    func testADeclaredHandoffToTheReceiverIsClean() {
        XCTAssertFindings(
            incident(
                trigger: """
                          - process: carrier-incident
                            handoff:
                              artifact: fault-report
                              expectation: The carrier acknowledges within 15 minutes.
                              agreement: UC-NET-014
                    """)
                    + """

                    ---
                    kind: external-process
                    id: carrier-incident
                    name: Carrier Incident Handling
                    link: https://carrier.example.net/fault-handling
                    owner: carrier
                    receiver: carrier
                    """,
            [])
    }

    func testAHandoffToASupplierReceiverNamesItsAgreement() {
        XCTAssertFindings(
            incident(
                trigger: """
                          - process: carrier-incident
                            handoff:
                              1️⃣artifact: fault-report
                              expectation: The carrier acknowledges within 15 minutes.
                    """)
                    + """

                    ---
                    kind: external-process
                    id: carrier-incident
                    name: Carrier Incident Handling
                    receiver: carrier
                    """,
            rules: Self.rules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/supplier-agreement",
                    "the handoff from 'notify-carrier' (Notify the carrier) to external process 'carrier-incident' (Carrier Incident Handling) names no agreement, though 'carrier' (Network Carrier) is a supplier"
                )
            ])
    }

    func testWithoutAReceiverTheTriggerIsANote() {
        XCTAssertFindings(
            incident(trigger: "      - 1️⃣process: agency-incident-response")
                + """

                ---
                kind: external-process
                id: agency-incident-response
                name: Agency Incident Response
                """,
            rules: Self.rules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/external-without-receiver",
                    "'notify-carrier' (Notify the carrier) starts external process 'agency-incident-response' (Agency Incident Response), which names no receiver: nobody is named to take the case in",
                    severity: .note,
                    help: "add `receiver:` to external process 'agency-incident-response' with the role that takes a case in")
            ])
    }

    func testAHandoffWithoutAReceiverIsStillCheckedForWhatItSays() {
        XCTAssertFindings(
            incident(
                trigger: """
                          - 1️⃣process: agency-incident-response
                            handoff:
                              2️⃣artifact: fault-report
                    """)
                    + """

                    ---
                    kind: external-process
                    id: agency-incident-response
                    name: Agency Incident Response
                    """,
            rules: Self.rules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/external-without-receiver",
                    "'notify-carrier' (Notify the carrier) starts external process 'agency-incident-response' (Agency Incident Response), which names no receiver: nobody is named to take the case in"
                ),
                ExpectedFinding(
                    "2️⃣", "handoff/missing-expectation",
                    "the handoff from 'notify-carrier' (Notify the carrier) to external process 'agency-incident-response' (Agency Incident Response) does not say what the receiver commits to"
                ),
            ])
    }

    /// Ownership, RACI and flow rules are about this repository's processes: a process defined elsewhere, with no
    /// owner and no activities, is someone else's to govern.
    func testProcdefsOwnRulesDoNotApplyToAProcessDefinedElsewhere() {
        XCTAssertFindings(
            """
            kind: external-process
            id: agency-incident-response
            name: Agency Incident Response
            owner: sponsor
            receiver: user
            """, [])
    }
}
