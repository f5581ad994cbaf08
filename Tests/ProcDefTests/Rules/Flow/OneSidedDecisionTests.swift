import XCTest

@testable import ProcDef

final class OneSidedDecisionTests: XCTestCase {
    private let rule: Set<String> = ["flow/one-sided-decision"]

    /// A process around one step: `header` of the decision, its `tail` (next, end), and the activities after it.
    private func process(_ decision: String, after: String = "") -> String {
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
        \(decision)
          - id: escalate
            name: Escalate to the resolver group
            responsible: service-desk
          - id: close
            name: Close the incident
            responsible: service-desk
            end: true
        \(after)
        """
    }

    func testAStepWhoseOnlyWayOutIsConditioned() {
        XCTAssertFindings(
            process(
                """
                  - id: categorize
                    name: Categorize the incident
                    responsible: service-desk
                    next:
                      - 1️⃣to: escalate
                        when: The incident needs a resolver group.
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "the only way out of 'categorize' (Categorize the incident) is the branch to 'escalate' (Escalate to the resolver group), "
                        + "taken when 'The incident needs a resolver group.'; when that does not hold, the case has nowhere to go",
                    severity: .warning,
                    help:
                        "add the other branch, with `when:` for the other case, or drop `when` if the case always goes to 'escalate' (Escalate to the resolver group)"
                )
            ])
    }

    func testTheOtherBranchOrNoConditionFixesIt() {
        XCTAssertFindings(
            process(
                """
                  - id: categorize
                    name: Categorize the incident
                    responsible: service-desk
                    next:
                      - to: escalate
                        when: The incident needs a resolver group.
                      - to: close
                        when: The service desk resolved it on first contact.
                """), rules: rule, [])
        XCTAssertFindings(
            process(
                """
                  - id: categorize
                    name: Categorize the incident
                    responsible: service-desk
                    next:
                      - to: escalate
                """), rules: rule, [])
    }

    func testAnApprovalWithOneWayOutIsReportedWhereTheOtherBranchGoes() {
        // The fall-through: at the type.
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: 1️⃣approval
                    responsible: incident-manager
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has one way out, the fall-through to 'escalate' (Escalate to the resolver group): "
                        + "the case has nowhere to go when the approver says no",
                    help:
                        "add the other branch, with `when:` and `outcome: rejected`, that says where a rejected case goes and who tells the requester; "
                        + "or drop `type: approval` if nobody decides here")
            ])
        // `end: true` is one way out: at the end.
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    end: 1️⃣true
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has one way out, the end of the case: "
                        + "the case has nowhere to go when the approver says no")
            ])
        // A fork is one way out, however many branches it starts: at the fork.
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next: {all: 1️⃣[escalate, close]}
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has one way out, to the fork to 'escalate', 'close': "
                        + "the case has nowhere to go when the approver says no")
            ])
        // Two entries to one activity are one way out.
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      1️⃣- to: escalate
                        when: Approved.
                      - to: escalate
                        when: Approved with conditions.
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has one way out, to 'escalate' (Escalate to the resolver group): "
                        + "the case has nowhere to go when the approver says no")
            ])
    }

    func testACancellationIsNotAWayOutOfTheApproval() {
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next: 1️⃣escalate
                """,
                after: """
                    cancel:
                      - when: The user withdraws the incident.
                        to: close
                        from: [approve]
                    """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has one way out, to 'escalate' (Escalate to the resolver group): "
                        + "the case has nowhere to go when the approver says no")
            ])
    }

    func testAnEndAndAForkAreTwoWaysOut() {
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      - to: close
                        when: Rejected.
                      - when: Approved.
                        all: [escalate, close]
                """), rules: rule, [])
    }

    func testAnApprovalWhoseEveryBranchIsApprovedIsOneSided() {
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      1️⃣- to: escalate
                        when: Approved for the resolver group.
                        outcome: approved
                      - to: close
                        when: Approved, and the fix is already in place.
                        outcome: approved
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "flow/one-sided-decision",
                    "approval 'approve' (Approve the emergency fix) has no branch with `outcome: rejected`: "
                        + "the case has nowhere to go when the approver says no",
                    help: "add the branch the case takes when the approver says no, with `when:` and `outcome: rejected`")
            ])
    }

    func testBothOutcomesAndApprovalsWithoutOutcomesPass() {
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      - to: escalate
                        when: Approved.
                        outcome: approved
                      - to: close
                        when: Rejected.
                        outcome: rejected
                """), rules: rule, [])
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      - to: escalate
                        when: Approved.
                      - to: close
                        when: Rejected.
                """), rules: rule, [])
    }

    func testAnOutcomeBelongsToABranchOfAnApprovalOnly() {
        XCTAssertFindings(
            process(
                """
                  - id: categorize
                    name: Categorize the incident
                    responsible: service-desk
                    next:
                      - to: escalate
                        when: A resolver group is needed.
                        1️⃣outcome: approved
                      - to: close
                        when: Resolved on first contact.
                """), rules: ["schema/unknown-key"],
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'outcome' in the branch to 'escalate' of activity 'categorize'",
                    help:
                        "`outcome` names the approver's answer, so only a branch of a `type: approval` step has one: mark the step `type: approval`, or drop `outcome`"
                )
            ])
        XCTAssertFindings(
            process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      - to: close
                        when: Rejected.
                        outcome: rejected
                      - when: Approved.
                        outcome: approved
                        all:
                          - to: escalate
                            1️⃣outcome: approved
                          - close
                """), rules: ["schema/unknown-key", "flow/one-sided-decision"],
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key",
                    "unknown key 'outcome' in the branch to 'escalate' of a branch of activity 'approve'",
                    help:
                        "every branch of a fork runs whatever the approver said: write `outcome` on the decision branch that forks (`- {outcome: approved, all: [...]}`)"
                )
            ])
    }

    func testTheOutcomeDecodes() throws {
        let report = try RuleFixtureRunner.run([
            "fixture.yaml": process(
                """
                  - id: approve
                    name: Approve the emergency fix
                    type: approval
                    responsible: incident-manager
                    next:
                      - {to: escalate, when: Approved., outcome: approved}
                      - {to: close, when: Rejected., outcome: rejected}
                """)
        ])
        let approve = try XCTUnwrap(report.workspace.processes.first?.activities.first { $0.id.value == "approve" })
        guard case .branches(let branches, _)? = approve.next else { return XCTFail("no branches") }
        XCTAssertEqual(branches.map { $0.outcome?.value }, [.approved, .rejected])
    }
}
