import XCTest
import YAMLTree

@testable import ProcDef

/// `governance/review-overdue` and `governance/no-review`, judged on a fixed today (2026-06-01) so that the calendar
/// never turns them red.
final class ReviewCycleTests: XCTestCase {
    private let today = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
    private let rules: Set<String> = ["governance/review-overdue", "governance/no-review"]

    /// A process with `review` (and anything else at the top level) in place of `HEAD`.
    private func process(_ head: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        \(head)
        activities:
          - {id: log, name: Log, responsible: service-desk, accountable: process-owner}
        """
    }

    func testAReviewPastItsCycleIsOverdueByTheDays() {
        // 2025-05-01 + 12mo (360 days) = 2026-04-26, 36 days before 2026-06-01.
        XCTAssertFindings(
            process("review: {last: 1️⃣2025-05-01, every: 12mo}"), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "governance/review-overdue",
                    "the review of process 'incident' is 36 days overdue: last reviewed on 2025-05-01, every 12mo, so due on 2026-04-26 (today is 2026-06-01)",
                    severity: .warning,
                    help: "review the process with its owner and the people who run it, then record the day in `review.last`")
            ])
    }

    func testOneDayOverdueIsSingular() {
        // 2026-05-03 + 4w = 2026-05-31.
        XCTAssertFindings(
            process("review:\n  last: 1️⃣2026-05-03\n  every: 4w"), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "governance/review-overdue",
                    "the review of process 'incident' is 1 day overdue: last reviewed on 2026-05-03, every 4w, so due on 2026-05-31 (today is 2026-06-01)"
                )
            ])
    }

    func testAReviewDueTodayOrLaterPasses() {
        // 2026-05-04 + 4w = 2026-06-01: due today, not yet overdue.
        XCTAssertFindings(process("review: {last: 2026-05-04, every: 4w}"), rules: rules, [])
        XCTAssertFindings(process("review: {last: 2025-06-30, every: 12mo}"), rules: rules, [])
        // A review without a cycle asks for nothing.
        XCTAssertFindings(process("review: {last: 2019-01-01}"), rules: rules, [])
        XCTAssertFindings(process("version: 2"), rules: rules, [])
    }

    func testACycleWithoutALastReviewIsANote() {
        XCTAssertFindings(
            process("review:\n  every: 1️⃣26w"), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "governance/no-review", "process 'incident' asks for a review every 26w, but records no review", severity: .note,
                    help: "write the day of the last review in `review: {last: YYYY-MM-DD}`")
            ])
    }

    func testALastReviewThatIsNoDateIsAnInvalidDateOnly() {
        XCTAssertFindings(
            process("review: {last: 1️⃣last spring, every: 12mo}"), rules: rules.union(["schema/invalid-date"]),
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-date",
                    "'last' in the review of process 'incident' must be a date written YYYY-MM-DD, found 'last spring'")
            ])
    }

    func testTheConfigsCycleAppliesToEveryProcessWithoutItsOwn() {
        let marked = MarkedFixture(
            """
            kind: process
            id: incident
            1️⃣name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log, responsible: service-desk, accountable: process-owner}
            ---
            kind: process
            id: problem
            name: Problem
            owner: process-owner
            review: {last: 2️⃣2025-10-01}
            activities:
              - {id: log, name: Log, responsible: service-desk, accountable: process-owner}
            ---
            kind: process
            id: change
            name: Change
            owner: process-owner
            review: {last: 2025-10-01, every: 12mo}
            activities:
              - {id: log, name: Log, responsible: service-desk, accountable: process-owner}
            """)
        var options = today
        options.reviewEvery = TimeTarget(parsing: "26w")
        let workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            SourceFile(path: "fixture.yaml", bytes: Array(marked.text.utf8)),
        ])
        let findings = Checker.check(workspace, options: options).diagnostics.filter { rules.contains($0.rule) }
        let header = try? XCTUnwrap(marked.positions["1️⃣"])
        let last = try? XCTUnwrap(marked.positions["2️⃣"])
        XCTAssertEqual(
            findings.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" },
            [
                "\((header?.line ?? 0) - 2):1 [governance/no-review] process 'incident' is to be reviewed every 26w (`review-every` in the config), but records no review",
                "\(last?.line ?? 0):\(last?.column ?? 0) [governance/review-overdue] the review of process 'problem' is 61 days overdue: last reviewed on 2025-10-01, every 26w (`review-every` in the config), so due on 2026-04-01 (today is 2026-06-01)",
            ])
    }

    func testReviewEveryIsReadFromTheConfigFile() {
        let config = MarkedFixture("kind: config\nreview-every: 26w\n")
        let loaded = Workspace.load(files: [SourceFile(path: ".procdef.yaml", bytes: Array(config.text.utf8))])
        XCTAssertEqual(loaded.configs.first?.reviewEvery?.value, TimeTarget(amount: 26, unit: .weeks))
        let active = ActiveConfig(config: loaded.configs.first, source: nil, diagnostics: [])
        let workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            SourceFile(path: "fixture.yaml", bytes: Array(process("purpose: Restore service.").utf8)),
        ])
        XCTAssertEqual(
            Checker.check(workspace, config: active, options: today).diagnostics.map(\.rule).filter(rules.contains),
            ["governance/no-review"])
    }

    func testReviewEveryInTheConfigMustBeADurationOfAtLeastADay() {
        XCTAssertDecoding(
            ["config.yaml": "kind: config\nreview-every: 1️⃣yearly\n"],
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration",
                    "'review-every' in the config must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'yearly'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)")
            ])
        XCTAssertDecoding(
            ["config.yaml": "kind: config\nreview-every: 1️⃣23h\n"],
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration", "'review-every' in the config must be at least a day, found '23h'",
                    help: "a review cycle counts whole days: write it in d, w or mo, such as 90d, 26w or 12mo")
            ])
    }

    func testReviewAndEffectiveMustBeDatesAndADuration() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            effective: 1️⃣2026-02-30
            review:
              last: 2️⃣01/03/2026
              every: 3️⃣12h
            activities:
              - {id: log, name: Log}
            ---
            kind: process
            id: problem
            name: Problem
            owner: process-owner
            effective: 4️⃣next week
            review:
              every: 5️⃣annually
              6️⃣next: 2027-01-01
            activities:
              - {id: log, name: Log}
            """,
            [
                ExpectedFinding("1️⃣", "schema/invalid-date", "'effective' in process 'incident' is not a real date: '2026-02-30'"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-date",
                    "'last' in the review of process 'incident' must be a date written YYYY-MM-DD, found '01/03/2026'"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-duration", "'every' in the review of process 'incident' must be at least a day, found '12h'",
                    help: "a review cycle counts whole days: write it in d, w or mo, such as 90d, 26w or 12mo"),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-date", "'effective' in process 'problem' must be a date written YYYY-MM-DD, found 'next week'"),
                ExpectedFinding(
                    "5️⃣", "schema/invalid-duration",
                    "'every' in the review of process 'problem' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'annually'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "6️⃣", "schema/unknown-key", "unknown key 'next' in the review of process 'problem'", help: "valid keys here: last, every"
                ),
            ])
    }

    func testTheFieldsAreDecoded() throws {
        let fixture = process("effective: 2026-03-01\napproved-by: process-owner\nreview: {last: 2026-02-20, every: 12mo}")
        let loaded = Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))])
        XCTAssertEqual(loaded.diagnostics.filter { !$0.rule.hasPrefix("ref/") }.map(\.message), [])
        let governance = try XCTUnwrap(loaded.processes.first).governance
        XCTAssertEqual(governance.effective?.value, CalendarDate(year: 2026, month: 3, day: 1))
        XCTAssertEqual(governance.approvedBy?.value, "process-owner")
        XCTAssertEqual(governance.review?.last?.value, CalendarDate(year: 2026, month: 2, day: 20))
        XCTAssertEqual(governance.review?.every?.value, TimeTarget(amount: 12, unit: .months))
        XCTAssertEqual(governance.nextReview(default: nil), CalendarDate(year: 2027, month: 2, day: 15))
    }

    func testAnApproverMustBeAnOwner() {
        XCTAssertFindings(
            process("approved-by: 1️⃣incident-manager"), rules: ["ownership/owner-kind"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/owner-kind",
                    "the process is approved by 'incident-manager' (Incident Manager), a role of kind `manager`, not `owner`: only a process owner puts a version into effect",
                    help:
                        "name a role of kind `owner` as `approved-by:`, such as the process owner, or give 'incident-manager' (Incident Manager) `kind: owner` if it really owns the process"
                )
            ])
        XCTAssertFindings(
            process("approved-by: 1️⃣nobody"), rules: ["ref/unknown-role"],
            [ExpectedFinding("1️⃣", "ref/unknown-role", "unknown role 'nobody' in 'approved-by' of process 'incident'")])
    }

    /// Day arithmetic stays inside the calendar: a cycle that ends past year 9999 is never due, and never traps.
    func testDayArithmetic() throws {
        let epoch = try XCTUnwrap(CalendarDate(year: 1970, month: 1, day: 1))
        XCTAssertEqual(epoch.dayNumber, 0)
        let first = try XCTUnwrap(CalendarDate(year: 1, month: 1, day: 1))
        let last = try XCTUnwrap(CalendarDate(year: 9999, month: 12, day: 31))
        XCTAssertEqual(CalendarDate(dayNumber: first.dayNumber), first)
        XCTAssertEqual(CalendarDate(dayNumber: last.dayNumber), last)
        XCTAssertNil(last.adding(days: 1))
        XCTAssertNil(first.adding(days: -1))
        XCTAssertNil(first.adding(days: Int.max))
        XCTAssertNil(last.adding(days: Int.min))
        XCTAssertEqual(CalendarDate(year: 2028, month: 2, day: 28)?.adding(days: 1), CalendarDate(year: 2028, month: 2, day: 29))
        XCTAssertEqual(CalendarDate(year: 2027, month: 2, day: 28)?.adding(days: 1), CalendarDate(year: 2027, month: 3, day: 1))
        XCTAssertEqual(CalendarDate(year: 2026, month: 12, day: 31)?.adding(days: 1), CalendarDate(year: 2027, month: 1, day: 1))
        var day = try XCTUnwrap(CalendarDate(year: 1999, month: 12, day: 1))
        for _ in 0..<800 {
            let next = try XCTUnwrap(day.adding(days: 1))
            XCTAssertLessThan(day, next)
            XCTAssertEqual(day.days(until: next), 1)
            day = next
        }
        XCTAssertFindings(process("review: {last: 2026-01-01, every: 999999999mo}"), rules: rules, [])
    }
}
