import ProcDef
import XCTest

@testable import ProcDefOutput

/// A permanent waiver in the runbook's policy table: "permanent" and its approver by name instead of a date.
final class WaiverRenderingTests: XCTestCase {
    private func runbook(_ state: PolicyStatus.State) throws -> String {
        var statuses = ServiceFixture.statuses
        statuses["service-restoration"] = [
            PolicyStatus(policyID: "customer-informed-at-close", title: "The customer is informed at close", severity: .error, state: state)
        ]
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [ServiceFixture.service], statuses: statuses)
        return RunbookRenderer().render(try XCTUnwrap(Model.checked(report, "service-restoration")))
    }

    func testAPermanentWaiverShowsItsApproverInsteadOfADate() throws {
        let text = try runbook(.waived(until: .permanent, reason: "The user confirms in 'confirm'.", approvedBy: "service-owner"))
        XCTAssertTrue(
            text.contains(
                "| The customer is informed at close | error | waived permanently (approved by Service Process Owner): The user confirms in 'confirm'. |"
            ), text)
    }

    func testADatedWaiverMayNameItsApproverToo() throws {
        let until = WaiverEnd.date(CalendarDate(year: 2027, month: 3, day: 31) ?? .unixEpoch)
        let text = try runbook(.waived(until: until, reason: "", approvedBy: "nobody-known"))
        XCTAssertTrue(
            text.contains(
                "| The customer is informed at close | error | waived until 2027-03-31 (approved by `nobody-known` (unknown role)) |"
            ), text)
    }
}
