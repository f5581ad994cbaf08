import ProcDef
import XCTest

@testable import ProcDefOutput

/// An approval's answers (`outcome`) and the process's requester, as the runbook, the diagram and the diff show them.
final class ApprovalRenderingTests: XCTestCase {
    private let roles = """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner}
          manager: {name: Line Manager, kind: manager}
          desk: {name: Service Desk Analyst, kind: practitioner}
          user: {name: End User, kind: customer}
        ---

        """

    private func process(requester: String = "user", rejectedTo: String = "close") -> String {
        roles + """
            kind: process
            id: access
            name: Access
            owner: owner
            requester: \(requester)
            activities:
              - id: request
                name: Request access
                type: request
                responsible: user
                accountable: owner
                handoff: {artifact: request, expectation: Decided within 2 days.}
              - id: approve
                name: Approve access
                type: approval
                responsible: manager
                accountable: owner
                next:
                  - {to: grant, outcome: approved, when: The access is needed., handoff: {artifact: decision, expectation: Granted within 1 day.}}
                  - {to: \(rejectedTo), outcome: rejected, when: It is not., handoff: {artifact: decision, expectation: Told within 1 day.}}
              - id: grant
                name: Grant access
                responsible: desk
                accountable: owner
                informed: [user]
                next: close
              - id: close
                name: Close the request
                responsible: desk
                accountable: owner
                informed: [user]
                end: true
            """
    }

    private func checked(_ text: String) throws -> CheckedProcess {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.keepsProcessContexts = true
        let report = Checker.check(Workspace.load(files: [SourceFile(path: "access.yaml", bytes: Array(text.utf8))]), options: options)
        return try XCTUnwrap(CheckedProcess.named("access", in: report))
    }

    func testTheRunbookNamesTheRequesterAndEachAnswer() throws {
        let runbook = RunbookRenderer().render(try checked(process()))
        XCTAssertTrue(runbook.contains("| Requester | End User |\n"), runbook)
        XCTAssertTrue(
            runbook.contains("- [3. Grant access](#3-grant-access) (**approved**), when: The access is needed.\n"), runbook)
        XCTAssertTrue(
            runbook.contains("- [4. Close the request](#4-close-the-request) (**rejected**), when: It is not.\n"), runbook)
    }

    func testTheDiagramLabelsEachAnswer() throws {
        let dot = DiagramRenderer().render(try checked(process()))
        // Each answer leaves the decision's gateway through a node that carries its text.
        XCTAssertTrue(dot.contains(#""l_1" [label="✔ approved\nThe access is\nneeded.\n[decision]", shape=plaintext"#), dot)
        XCTAssertTrue(dot.contains(#""x_approve" -> "l_1" [arrowhead=none"#), dot)
        XCTAssertTrue(dot.contains(#""l_1" -> "a_grant" [style=bold"#), dot)
        XCTAssertTrue(dot.contains(#""l_2" [label="✘ rejected\nIt is not.\n[decision]", shape=plaintext"#), dot)
        XCTAssertTrue(dot.contains(#""x_approve" -> "l_2" [arrowhead=none"#), dot)
        XCTAssertTrue(dot.contains(#""l_2" -> "a_close" [style=bold"#), dot)
    }

    func testTheDiffShowsANewRequesterAndAChangedAnswer() throws {
        func report(_ text: String) -> CheckReport {
            Checker.check(Workspace.load(files: [SourceFile(path: "access.yaml", bytes: Array(text.utf8))]))
        }
        let changed = process(requester: "desk").replacingOccurrences(of: "outcome: rejected", with: "outcome: approved")
        let diff = ProcessDiff.compare(old: report(process()), new: report(changed))
        let change = try XCTUnwrap(diff.processes.first)
        XCTAssertEqual(change.ownership, [FieldChange(field: "requester", before: "user", after: "desk")])
        let text = DiffTextRenderer().render(diff)
        XCTAssertTrue(text.contains("requester: 'user' -> 'desk'"), text)
        XCTAssertTrue(text.contains("'approve' -> 'close': outcome: rejected -> approved"), text)
    }
}
