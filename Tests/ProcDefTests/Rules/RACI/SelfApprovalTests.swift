import XCTest
import YAMLTree

@testable import ProcDef

final class SelfApprovalTests: XCTestCase {
    private let rule: Set<String> = ["raci/self-approval"]

    /// A change process: `activities` between the header and the closing step.
    private func process(_ activities: String) -> String {
        """
        kind: process
        id: change-enablement
        name: Change Enablement
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
        \(activities)
          - id: close
            name: Close the change
            responsible: incident-manager
            end: true
        """
    }

    /// An approval with both ways out, `roles` written as its RACI lines.
    private func approval(_ roles: String, id: String = "approve", extra: String = "") -> String {
        """
          - id: \(id)
            name: Approve the change
            type: approval
        \(roles)
        \(extra)
            next:
              - {to: implement, when: Approved.}
              - {to: close, when: Rejected.}
        """
    }

    private let implement = """
          - id: implement
            name: Implement the change
            responsible: network
            next: close
        """

    func testTheRoleThatRaisedTheRequestApprovesIt() {
        XCTAssertFindings(
            process(
                """
                  - id: triage
                    name: Triage the incident
                    responsible: service-desk
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                \(approval("    responsible: [network, 1️⃣resolver]"))
                \(implement)
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/self-approval",
                    "'resolver' (Resolver Group) approves its own request: it is responsible for approval 'approve' (Approve the change) "
                        + "and responsible for 'raise' (Raise the change), which raised it",
                    severity: .error,
                    help:
                        "make another role responsible for the approval; if another person of the same role approves, write `other-person-than: raise` on it"
                )
            ])
    }

    func testTheStartRaisesTheRequestAndAccountabilityOnTheStepCounts() {
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    responsible: network
                \(approval("    responsible: resolver\n    accountable: 1️⃣network"))
                \(implement)
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/self-approval",
                    "'network' (Network Engineer) approves its own request: it is accountable for approval 'approve' (Approve the change) "
                        + "and responsible for 'raise' (Raise the change), which raised it")
            ])
    }

    func testAnotherRoleApprovingPasses() {
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                \(approval("    responsible: incident-manager"))
                \(implement)
                """), rules: rule, [])
    }

    func testAccountabilityInheritedFromDefaultsIsNotJudged() {
        // incident-manager raises the request and is accountable for the approval through `defaults.accountable`.
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: incident-manager
                \(approval("    responsible: resolver"))
                \(implement)
                """), rules: rule, [])
    }

    func testOtherPersonThanTheRequestSilencesASameRoleApproval() {
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                \(approval("    responsible: resolver", extra: "    other-person-than: raise"))
                \(implement)
                """), rules: rule, [])
    }

    func testOtherPersonThanAnotherActivityDoesNotSilenceIt() {
        XCTAssertFindings(
            process(
                """
                  - id: triage
                    name: Triage the incident
                    responsible: service-desk
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                \(approval("    responsible: 1️⃣resolver", extra: "    other-person-than: triage"))
                \(implement)
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/self-approval",
                    "'resolver' (Resolver Group) approves its own request: it is responsible for approval 'approve' (Approve the change) "
                        + "and responsible for 'raise' (Raise the change), which raised it")
            ])
    }

    func testARequestStepAfterTheApprovalDoesNotCount() {
        XCTAssertFindings(
            process(
                """
                  - id: triage
                    name: Triage the incident
                    responsible: service-desk
                \(approval("    responsible: resolver"))
                  - id: implement
                    name: Implement the change
                    responsible: network
                  - id: raise-follow-up
                    name: Raise a follow-up change
                    type: request
                    responsible: resolver
                    next: close
                """), rules: rule, [])
    }

    /// After one approval decided the request and work was done, a later approval (a peer review) judges that work.
    func testALaterReviewOfWorkDoneAfterTheApprovalDoesNotJudgeTheRequest() {
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                \(approval("    responsible: incident-manager"))
                  - id: implement
                    name: Implement the change
                    responsible: network
                  - id: peer-review
                    name: Review the implementation
                    type: approval
                    responsible: resolver
                    next:
                      - {to: close, when: Approved.}
                      - {to: implement, when: Changes are needed.}
                """), rules: rule, [])
    }

    /// A second approval of the same request, with no work between, still decides the request.
    func testASecondApprovalOfTheSameRequestCounts() {
        XCTAssertFindings(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: resolver
                  - id: approve
                    name: Approve the change
                    type: approval
                    responsible: incident-manager
                    next:
                      - {to: approve-budget, when: Approved.}
                      - {to: close, when: Rejected.}
                  - id: approve-budget
                    name: Approve the budget
                    type: approval
                    responsible: 1️⃣resolver
                    next:
                      - {to: implement, when: Approved.}
                      - {to: close, when: Rejected.}
                \(implement)
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "raci/self-approval",
                    "'resolver' (Resolver Group) approves its own request: it is responsible for approval 'approve-budget' (Approve the budget) "
                        + "and responsible for 'raise' (Raise the change), which raised it")
            ])
    }

    /// The requester's findings for a fixture whose process names `requester` (as the lead wires it from the process field).
    private func requesterFindings(_ fixture: String, requester: String) throws -> [String] {
        let workspace = Workspace.load(
            files: [
                SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
                SourceFile(path: "fixture.yaml", bytes: Array(fixture.utf8)),
            ], options: CheckOptions())
        let process = try XCTUnwrap(workspace.processes.first)
        let context = ProcessContext(
            process: process, graph: FlowGraph(process: process), workspace: workspace,
            configuration: RuleConfiguration())
        var findings = Findings(file: process.file, process: process.id.value, configuration: RuleConfiguration())
        SelfApproval.check(context, requester: Located(requester, at: process.headerRange), into: &findings)
        return findings.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" }
    }

    func testTheRequesterApproving() throws {
        let marked = MarkedFixture(
            process(
                """
                  - id: raise
                    name: Raise the change
                    type: request
                    responsible: service-desk
                \(approval("    responsible: 1️⃣user"))
                \(implement)
                """))
        let position = try XCTUnwrap(marked.positions["1️⃣"])
        XCTAssertEqual(
            try requesterFindings(marked.text, requester: "user"),
            [
                "\(position.line):\(position.column) [raci/self-approval] 'user' (Affected User) approves its own request: "
                    + "it is the process's requester and responsible for approval 'approve' (Approve the change)"
            ])
        XCTAssertEqual(try requesterFindings(marked.text, requester: "sponsor"), [])
        // Another person of the requester's role, declared against the start.
        let fourEyes = process(
            """
              - id: raise
                name: Raise the change
                type: request
                responsible: service-desk
            \(approval("    responsible: user", extra: "    other-person-than: raise"))
            \(implement)
            """)
        XCTAssertEqual(try requesterFindings(fourEyes, requester: "user"), [])
    }
}
