import XCTest

@testable import ProcDef

final class SupplierAgreementTests: XCTestCase {
    private let rule: Set<String> = ["handoff/supplier-agreement"]

    func testHandoffToASupplierWithoutAgreementIsReportedAtTheHandoff() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose-link
                    name: Diagnose the WAN link
                    responsible: network
                    handoff:
                      1️⃣artifact: incident-record
                      expectation: Carrier restores the link within 4 hours.
                  - id: repair-link
                    name: Repair the WAN link
                    responsible: carrier
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/supplier-agreement",
                    "the handoff from 'diagnose-link' (Diagnose the WAN link) to 'repair-link' (Repair the WAN link) names no agreement, though 'carrier' (Network Carrier) is a supplier",
                    severity: .warning,
                    help:
                        "add `agreement:` with the underpinning contract or OLA that binds 'carrier' (Network Carrier) to the expectation, e.g. `agreement: UC-12`"
                )
            ])
    }

    func testBlankAgreementOnABranchToASupplierAmongOtherRolesCountsAsMissing() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose-link
                    name: Diagnose the WAN link
                    responsible: service-desk
                    next:
                      - to: repair-link
                        handoff:
                          1️⃣artifact: incident-record
                          expectation: Carrier restores the link within 4 hours.
                          agreement: ""
                  - id: repair-link
                    name: Repair the WAN link
                    responsible: [network, carrier]
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/supplier-agreement",
                    "the handoff from 'diagnose-link' (Diagnose the WAN link) to 'repair-link' (Repair the WAN link) names no agreement, though 'carrier' (Network Carrier) is a supplier"
                )
            ])
    }

    func testHandoffWithAgreementPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose-link
                    name: Diagnose the WAN link
                    responsible: network
                    handoff:
                      artifact: incident-record
                      expectation: Carrier restores the link within 4 hours.
                      agreement: UC-12
                  - id: repair-link
                    name: Repair the WAN link
                    responsible: carrier
                """), rules: rule, [])
    }

    /// Nothing is handed to the supplier when it is already responsible at the source, or to a customer or practitioner.
    func testNoSupplierNewToTheTargetPasses() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: repair-link
                    name: Repair the WAN link
                    responsible: [carrier, network]
                    handoff:
                      artifact: incident-record
                      expectation: Carrier confirms the repair within 1 hour.
                  - id: verify-link
                    name: Verify the WAN link
                    responsible: carrier
                    handoff:
                      artifact: incident-record
                      expectation: Service desk confirms with the user.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: user
                """), rules: rule, [])
    }
}
