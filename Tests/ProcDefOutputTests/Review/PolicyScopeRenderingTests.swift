import ProcDef
import XCTest

@testable import ProcDefOutput

/// A policy's `when` and `unless` where policy statuses are shown: the runbook's policy table and `procdef diff`.
final class PolicyScopeRenderingTests: XCTestCase {
    private let confirmed = "runs through an activity that is tagged 'confirmed'"

    func testTheRunbookSaysWhichRunsAPolicyIsAbout() throws {
        let statuses: [String: [PolicyStatus]] = [
            "service-restoration": [
                PolicyStatus(
                    policyID: "confirmed-reviewed", title: "Confirmed incidents are reviewed", severity: .error, state: .fails(count: 1),
                    runs: "runs through 'Confirm the | incident'", policyRuns: confirmed),
                PolicyStatus(
                    policyID: "phishing-reported", title: "Phishing is reported", severity: .warning, state: .holds,
                    runs: "runs through an activity that is tagged 'phishing'", noRunInScope: true),
            ]
        ]
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [ServiceFixture.service], statuses: statuses)
        let runbook = RunbookRenderer().render(try XCTUnwrap(Model.checked(report, "service-restoration")))
        XCTAssertTrue(
            runbook.contains(
                """
                | Confirmed incidents are reviewed, on runs through 'Confirm the \\| incident' | error | **fails** (1 finding) |
                | Phishing is reported, on runs through an activity that is tagged 'phishing' | warning | holds: the process has no such run |
                """), runbook)
    }

    func testTheDiffShowsAChangeOfScope() {
        let title = "Confirmed incidents are reviewed"
        let takes = "runs that take 'assess' → 'contain'"
        XCTAssertEqual(
            DiffPhrases(style: .plain).policy(
                PolicyStatusChange(
                    policyID: "confirmed-reviewed", title: title, before: .fails(count: 1), after: .fails(count: 1), runsBefore: confirmed,
                    runsAfter: takes)),
            "'confirmed-reviewed' (\"\(title)\"): fails (1 finding), on \(confirmed) -> fails (1 finding), on \(takes)")
        // A scope added.
        XCTAssertEqual(
            DiffPhrases(style: .markdown).policy(
                PolicyStatusChange(
                    policyID: "confirmed-reviewed", title: title, before: .fails(count: 1), after: .fails(count: 1), runsAfter: confirmed)),
            "`confirmed-reviewed` (\"\(title)\"): fails (1 finding), on every run → fails (1 finding), on \(confirmed)")
        // A process that no longer has a run in scope; the runs themselves did not change.
        XCTAssertEqual(
            DiffPhrases(style: .plain).policy(
                PolicyStatusChange(
                    policyID: "confirmed-reviewed", title: title, before: .fails(count: 1), after: .holds, runsBefore: confirmed,
                    runsAfter: confirmed, noRunAfter: true)),
            "'confirmed-reviewed' (\"\(title)\"): fails (1 finding) -> holds, with no \(confirmed)")
        // A policy that stops applying says nothing of its runs.
        XCTAssertEqual(
            DiffPhrases(style: .plain).policy(
                PolicyStatusChange(policyID: "confirmed-reviewed", title: title, before: .holds, after: nil, runsBefore: confirmed)),
            "'confirmed-reviewed' (\"\(title)\"): holds -> not applied")
    }
}
