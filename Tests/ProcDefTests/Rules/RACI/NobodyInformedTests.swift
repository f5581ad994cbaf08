import XCTest

@testable import ProcDef

final class NobodyInformedTests: XCTestCase {
    private let rule: Set<String> = ["raci/nobody-informed"]

    private func process(_ notice: String) -> String {
        """
        kind: process
        id: incident-management
        name: Incident Management
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
          - id: restore
            name: Restore the service
            responsible: service-desk
          - id: all-clear
            name: Publish the all-clear
            responsible: comms
        \(notice)
            end: true
        """
    }

    func testANotificationThatInformsNoRole() {
        XCTAssertFindings(
            process("    type: 1️⃣notification"), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/nobody-informed", "notification 'all-clear' (Publish the all-clear) informs no role: a notice to nobody",
                    severity: .error,
                    help: "list the roles the notice is for under `informed`, e.g. `informed: [end-user, service-desk]`")
            ])
    }

    func testAStepTaggedNotification() {
        XCTAssertFindings(
            process("    tags: [major, 1️⃣notification]"), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/nobody-informed",
                    "step tagged 'notification' 'all-clear' (Publish the all-clear) informs no role: a notice to nobody")
            ])
    }

    func testANotificationThatInformsSomeonePasses() {
        XCTAssertFindings(process("    type: notification\n    informed: [user]"), rules: rule, [])
        XCTAssertFindings(
            process("    tags: [notification]\n    informed:\n      - {role: sponsor, when: The outage lasted over an hour.}"),
            rules: rule, [])
    }

    func testOtherStepsNeedNoInformedRole() {
        XCTAssertFindings(process("    type: task"), rules: rule, [])
    }
}
