import Foundation
import XCTest

/// The shipped examples record real review dates. CI judges them on a fixed day and stays green; a newcomer who runs
/// the examples after the reviews have fallen due sees honest warnings, and only `--strict` fails on them.
final class ReviewCycleCommandTests: XCTestCase {
    /// A copy of the shipped `Processes/` and `Policies/` whose dated waiver runs a year longer, so that only the
    /// reviews fall due in the year after the examples were written.
    private func examplesAYearLater() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(
                at: ShippedExamplesCommandTests.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let file = root.appendingPathComponent("Processes/access-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "    until: 2027-06-30\n").count, 2, "the shipped waiver's date moved")
        try Data(text.replacingOccurrences(of: "    until: 2027-06-30\n", with: "    until: 2028-06-30\n").utf8).write(to: file)
        return root
    }

    func testOverdueReviewsWarnAndFailOnlyUnderStrict() throws {
        let root = try examplesAYearLater()
        let run = try Procdef.run(["check", "--today", "2027-10-01"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let overdue = run.stdout.split(separator: "\n").filter { $0.hasSuffix("[governance/review-overdue]") }.map {
            String($0.split(separator: ":")[0])
        }
        XCTAssertEqual(
            overdue,
            [
                "Processes/access-management.yaml", "Processes/incident-management.yaml", "Processes/major-incident-management.yaml",
                "Processes/problem-management.yaml", "Processes/supplier-escalation.yaml",
            ])
        XCTAssertTrue(
            run.stdout.contains(
                ": warning: the review of process 'incident-management' is 21 days overdue: last reviewed on 2026-09-15, every 12mo, so due on 2027-09-10 (today is 2027-10-01) [governance/review-overdue]"
            ), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("5 warnings, 1 note in 20 files\n"), run.stdout)

        let strict = try Procdef.run(["check", "--strict", "--today", "2027-10-01"], in: root)
        XCTAssertEqual(strict.status, 1, strict.stdout)
    }

    func testTheFixedDayOfCIFindsEveryReviewCurrent() throws {
        let run = try Procdef.run(
            ["check", "--strict", "--today", ShippedExamplesCommandTests.today], in: ShippedExamplesCommandTests.repository)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertFalse(run.stdout.contains("[governance/"), run.stdout)
    }
}
