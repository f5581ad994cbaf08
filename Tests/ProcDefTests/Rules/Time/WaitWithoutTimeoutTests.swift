import XCTest

@testable import ProcDef

final class WaitWithoutTimeoutTests: XCTestCase {
    private let rule: Set<String> = ["time/wait-without-timeout"]
    private let help = "with a `handoff` when the escalation changes hands"

    private func message(_ step: String, _ reason: String) -> String {
        "activity \(step) \(reason) and has no `timeout`: nobody chases it: add a `timeout` that escalates"
    }

    func testAWaitStepWithoutTimeoutIsReportedAtItsID() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                  - id: 1️⃣wait-for-user
                    name: Wait for the user's logs
                    type: wait
                    responsible: service-desk
                  - id: close
                    name: Close the incident
                    responsible: service-desk
                    end: true
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "time/wait-without-timeout", message("'wait-for-user' (Wait for the user's logs)", "is a `wait` step"),
                    severity: .note,
                    help:
                        "add `timeout: {after: <how long the wait may take>, to: <a step that escalates>}` to 'wait-for-user', \(help)"
                )
            ])
    }

    func testAStepASupplierIsResponsibleForNamesTheSupplierAndAnEndStepCounts() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                  - id: 1️⃣carrier-restores
                    name: Restore the line
                    responsible: [network, carrier]
                  - id: 2️⃣carrier-confirms
                    name: Wait for the carrier's confirmation
                    type: wait
                    responsible: carrier
                    end: true
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "time/wait-without-timeout",
                    message("'carrier-restores' (Restore the line)", "lies with supplier 'carrier' (Network Carrier)")),
                ExpectedFinding(
                    "2️⃣", "time/wait-without-timeout",
                    message(
                        "'carrier-confirms' (Wait for the carrier's confirmation)", "is a `wait` on supplier 'carrier' (Network Carrier)")),
            ])
    }

    func testAWaitWithATimeoutAndAStepOfPractitionersPass() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                  - id: wait-for-carrier
                    name: Wait for the carrier's fix
                    type: wait
                    responsible: carrier
                    timeout:
                      after: 4h
                      to: escalate
                      handoff: {artifact: incident-record, expectation: The incident manager calls the carrier within 30 minutes.}
                    next: close
                  - id: escalate
                    name: Escalate to the carrier's duty manager
                    responsible: incident-manager
                  - id: close
                    name: Close the incident
                    responsible: service-desk
                    end: true
                """), rules: rule, [])
    }
}
