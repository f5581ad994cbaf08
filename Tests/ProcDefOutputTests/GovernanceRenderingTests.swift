import ProcDef
import XCTest

@testable import ProcDefOutput

/// Document control in the runbook's facts table: effective date, approver, last review and next review due.
final class GovernanceRenderingTests: XCTestCase {
    private let roles = """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner}
          desk: {name: Service Desk Analyst, kind: practitioner}
        ---

        """

    private func runbook(_ header: String, reviewEvery: String? = nil) throws -> String {
        let text =
            roles + "kind: process\nid: incident\nname: Incident\nowner: owner\n" + header
            + "activities:\n  - {id: log, name: Log, responsible: desk, accountable: owner, end: true}\n"
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.reviewEvery = reviewEvery.flatMap(TimeTarget.init(parsing:))
        options.keepsProcessContexts = true
        let report = Checker.check(Workspace.load(files: [SourceFile(path: "incident.yaml", bytes: Array(text.utf8))]), options: options)
        return RunbookRenderer().render(try XCTUnwrap(CheckedProcess.named("incident", in: report)))
    }

    func testTheFactsShowTheDocumentControl() throws {
        let text = try runbook("effective: 2026-03-01\napproved-by: owner\nreview: {last: 2026-02-20, every: 12mo}\n")
        XCTAssertTrue(
            text.contains(
                """
                ## Document control

                | Field | Value |
                |---|---|
                | Owner | Process Owner |
                | Version | *not set* |
                | Status | approved |
                | Effective | 2026-03-01 |
                | Approved by | Process Owner |
                | Last review | 2026-02-20 |
                | Next review due | 2027-02-15 (every 12 months) |

                ## About this process
                """), text)
    }

    func testTheConfigsCycleAndAMissingReview() throws {
        let text = try runbook("", reviewEvery: "26w")
        XCTAssertTrue(text.contains("| Next review due | *no review recorded* (every 26 weeks) |\n"), text)
        XCTAssertFalse(text.contains("| Effective |"), text)
        XCTAssertFalse(text.contains("| Last review |"), text)
        let weekly = try runbook("review: {last: 2026-05-01, every: 1w}\n")
        XCTAssertTrue(weekly.contains("| Last review | 2026-05-01 |\n| Next review due | 2026-05-08 (every 1 week) |\n"), weekly)
        let distant = try runbook("review: {last: 2026-05-01, every: 999999999mo}\n")
        XCTAssertTrue(distant.contains("| Next review due | *after the year 9999* (every 999999999 months) |\n"), distant)
    }

    func testNoDocumentControlAddsNoRows() throws {
        let text = try runbook("")
        XCTAssertFalse(text.contains("Last review"), text)
        XCTAssertFalse(text.contains("Next review"), text)
        XCTAssertFalse(text.contains("Effective"), text)
        XCTAssertFalse(text.contains("Approved by"), text)
        XCTAssertTrue(text.contains("| Status | in use, no approval recorded |\n"), text)
    }
}
