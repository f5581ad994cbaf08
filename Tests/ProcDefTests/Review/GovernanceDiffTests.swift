import XCTest

@testable import ProcDef

/// `procdef diff` shows a new version's document control: when it took effect, who approved it, its review cycle.
final class GovernanceDiffTests: XCTestCase {
    private let steps = "  - {id: log, name: Log, responsible: desk}"

    func testEffectiveApproverAndReviewAreProcessFields() {
        let old = ReviewFixture.process(steps, header: "effective: 2025-10-01\nreview: {last: 2025-09-15, every: 12mo}\n")
        let new = ReviewFixture.process(
            steps, header: "effective: 2026-10-01\napproved-by: owner\nreview: {last: 2026-09-15, every: 26w}\n")
        let change = ReviewFixture.diff(old, new).processes.first { $0.id == "incident" }
        XCTAssertEqual(
            change?.fields,
            [
                FieldChange(field: "effective", before: "2025-10-01", after: "2026-10-01"),
                FieldChange(field: "approved-by", before: nil, after: "owner"),
                FieldChange(field: "review.last", before: "2025-09-15", after: "2026-09-15"),
                FieldChange(field: "review.every", before: "12mo", after: "26w"),
            ])
    }

    func testTheSameDocumentControlIsNoChange() {
        let header = "effective: 2026-10-01\napproved-by: owner\nreview: {last: 2026-05-15, every: 12mo}\n"
        XCTAssertTrue(
            ReviewFixture.diff(ReviewFixture.process(steps, header: header), ReviewFixture.process(steps, header: header)).isEmpty)
    }
}
