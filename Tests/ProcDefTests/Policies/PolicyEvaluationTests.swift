import XCTest

@testable import ProcDef

/// Each requirement kind and selector key: holds, fails (with the witness in the message), and the edge cases.
final class PolicyEvaluationTests: XCTestCase {
    /// A small incident flow: declare, then either log (which records the incident) or diagnose straight away.
    private let flow = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: 1️⃣declare
            name: Declare the incident
            responsible: service-desk
            next:
              - to: log
                when: The caller is known.
              - to: diagnose
                when: Monitoring raised it.
                handoff: {artifact: alert, expectation: Resolver acknowledges in 15 minutes.}
          - id: 2️⃣log
            name: Log the incident
            responsible: service-desk
            records: [incident]
            handoff: {artifact: incident-record, expectation: Resolver acknowledges in 15 minutes.}
          - id: 3️⃣diagnose
            name: Investigate and diagnose
            responsible: resolver
            tags: [diagnosis]
            handoff: {artifact: resolution-notes, expectation: Desk confirms with the user within a day.}
          - id: 4️⃣close
            name: Close the incident
            responsible: service-desk
            informed: [user]
            end: true
        """

    private func policy(_ require: String, id: String = "the-policy", severity: String = "error", appliesTo: String = "{tags: [incident]}")
        -> [String: String]
    {
        [
            "policy.yaml": """
            kind: policy
            id: \(id)
            title: The policy under test
            rationale: Because practice says so.
            severity: \(severity)
            applies-to: \(appliesTo)
            require:
            \(require.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            """
        ]
    }

    private let help = "policy 'the-policy': The policy under test (Because practice says so.)"

    private func assertPolicy(
        _ require: String, _ expected: [ExpectedFinding], fixture: String? = nil, appliesTo: String = "{tags: [incident]}",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertFindings(
            fixture ?? flow, rules: ["policy/the-policy"], extraFiles: policy(require, appliesTo: appliesTo), expected, file: file,
            line: line)
    }

    // MARK: before

    func testBeforeFailsWithTheWitnessPath() {
        assertPolicy(
            "before: {first: {records: incident}, then: {tag: diagnosis}}",
            [
                ExpectedFinding(
                    "3️⃣", "policy/the-policy",
                    "activity 'diagnose' (Investigate and diagnose) can be reached without passing an activity that records 'incident' before it (path: declare -> diagnose)",
                    severity: .error, help: help)
            ])
    }

    func testBeforeHoldsWhenEveryPathPassesFirst() {
        assertPolicy(
            "before: {first: {records: incident}, then: {id: close}}",
            [
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "activity 'close' (Close the incident) can be reached without passing an activity that records 'incident' before it (path: declare -> diagnose -> close)"
                )
            ])
        assertPolicy("before: {first: {id: [declare]}, then: {any: true}}", [])
    }

    func testBeforeWhenTheStartMatchesThen() {
        // The start itself cannot be preceded by anything: it fails unless it also matches `first`.
        assertPolicy(
            "before: {first: {records: incident}, then: {start: true}}",
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'declare' (Declare the incident) can be reached without passing an activity that records 'incident' before it (path: declare)"
                )
            ])
        assertPolicy("before: {first: {start: true}, then: {start: true}}", [])
    }

    func testBeforeWithNoMatchingThenHolds() {
        assertPolicy("before: {first: {records: incident}, then: {tag: nothing-has-this}}", [])
    }

    // MARK: visits

    func testVisitsFailsAtTheEndReachedWithoutIt() {
        assertPolicy(
            "visits: {records: incident}",
            [
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close the incident) without passing an activity that records 'incident' (path: declare -> diagnose -> close)"
                )
            ])
    }

    func testVisitsHoldsWhenEveryPathPasses() {
        assertPolicy("visits: {responsible: resolver}", [])
        assertPolicy("visits: {start: true}", [])
    }

    func testVisitsInALoopWithoutTheActivity() {
        let loop = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            tags: [incident]
            defaults: {accountable: incident-manager}
            activities:
              - id: triage
                name: Triage
                responsible: service-desk
              - id: retry
                name: Retry the fix
                responsible: service-desk
                next:
                  - {to: triage, when: The fix did not hold.}
                  - {to: confirm, when: The fix held.}
              - id: 1️⃣confirm
                name: Confirm with the user
                responsible: service-desk
                informed: [user]
            """
        assertPolicy(
            "visits: {records: incident}",
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "the process can end at 'confirm' (Confirm with the user) without passing an activity that records 'incident' (path: triage -> retry -> confirm)"
                )
            ], fixture: loop)
    }

    // MARK: exists, all, separate, process, max

    func testExists() {
        assertPolicy("exists: {informs-kind: customer}", [])
        assertPolicy(
            "exists: {records: problem}",
            [
                ExpectedFinding(
                    "5️⃣", "policy/the-policy",
                    "process 'incident' has no activity matching the policy: it needs an activity that records 'problem'")
            ], fixture: "5️⃣" + flow)
    }

    func testAllFailsAtEachOffendingActivity() {
        assertPolicy(
            "all: {of: {responsible: service-desk}, match: {informs: user}}",
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'declare' (Declare the incident) has 'service-desk' responsible but does not inform 'user'"),
                ExpectedFinding(
                    "2️⃣", "policy/the-policy", "activity 'log' (Log the incident) has 'service-desk' responsible but does not inform 'user'"),
            ])
        assertPolicy("all: {of: {end: true}, match: {informs-kind: customer}}", [])
    }

    func testSeparateNamesBothActivities() {
        let fixture = flow.replacingOccurrences(of: "responsible: resolver\n", with: "responsible: 6️⃣service-desk\n")
        assertPolicy(
            "separate: [{records: incident}, {tag: diagnosis}]",
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "role 'service-desk' (Service Desk Analyst) is responsible for 'log' (Log the incident) and 'diagnose' (Investigate and diagnose); these duties must be separate"
                )
            ], fixture: fixture)
        assertPolicy("separate: [{records: incident}, {tag: diagnosis}]", [])
    }

    func testProcessHas() {
        assertPolicy("process: {has: [owner, defaults]}", [])
        assertPolicy(
            "process: {has: [case-owner, manager]}",
            [
                ExpectedFinding("5️⃣", "policy/the-policy", "process 'incident' does not set 'case-owner'"),
                ExpectedFinding("5️⃣", "policy/the-policy", "process 'incident' does not set 'manager'"),
            ], fixture: "5️⃣" + flow)
    }

    func testMax() {
        assertPolicy("max: {consulted: 0, informed: 1, activities: 4}", [])
        assertPolicy(
            "max: {informed: 0, activities: 3}",
            [
                ExpectedFinding("4️⃣", "policy/the-policy", "activity 'close' (Close the incident) informs 1 roles, more than the 0 allowed"),
                ExpectedFinding("5️⃣", "policy/the-policy", "process 'incident' has 4 activities, more than the 3 allowed"),
            ], fixture: "5️⃣" + flow)
    }

    // MARK: selectors

    func testEverySelectorKey() {
        let cases: [(String, [String])] = [
            ("{any: true}", ["declare", "log", "diagnose", "close"]),
            ("{id: [log, close]}", ["log", "close"]),
            ("{tag: diagnosis}", ["diagnose"]),
            ("{records: incident}", ["log"]),
            ("{responsible: resolver}", ["diagnose"]),
            ("{responsible-kind: practitioner}", ["declare", "log", "diagnose", "close"]),
            ("{accountable: incident-manager}", ["declare", "log", "diagnose", "close"]),
            ("{informs: user}", ["close"]),
            ("{informs-kind: customer}", ["close"]),
            ("{consults: resolver}", []),
            ("{end: true}", ["close"]),
            ("{start: true}", ["declare"]),
            ("{start: false, responsible: service-desk}", ["log", "close"]),
        ]
        for (selector, expected) in cases {
            // `all: {of: SEL, match: {id: none}}` fails exactly at the activities SEL matches.
            let report = try? RuleFixtureRunner.run(
                ["fixture.yaml": MarkedFixture(flow).text].merging(policy("all: {of: \(selector), match: {id: none}}")) { a, _ in a })
            let failing = report?.diagnostics.filter { $0.rule == "policy/the-policy" }.compactMap { d in
                ["declare", "log", "diagnose", "close"].first { d.message.hasPrefix("activity '\($0)'") }
            }
            XCTAssertEqual(failing, expected, "selector \(selector)")
        }
    }

    // MARK: application and severity

    func testAppliesByIdsAllOrOptIn() {
        let failing = [ExpectedFinding("5️⃣", "policy/the-policy", "process 'incident' does not set 'case-owner'")]
        assertPolicy("process: {has: [case-owner]}", failing, fixture: "5️⃣" + flow, appliesTo: "{ids: [incident]}")
        assertPolicy("process: {has: [case-owner]}", failing, fixture: "5️⃣" + flow, appliesTo: "{all: true}")
        assertPolicy("process: {has: [case-owner]}", [], fixture: flow, appliesTo: "{tags: [change]}")
        let optedIn = flow + "\npolicies: [the-policy]\n"
        assertPolicy("process: {has: [case-owner]}", failing, fixture: "5️⃣" + optedIn, appliesTo: "{tags: [change]}")
    }

    func testWarningSeverity() {
        XCTAssertFindings(
            "5️⃣" + flow, rules: ["policy/the-policy"], extraFiles: policy("process: {has: [manager]}", severity: "warning"),
            [
                ExpectedFinding("5️⃣", "policy/the-policy", "process 'incident' does not set 'manager'", severity: .warning)
            ])
    }

    func testStatusesForTheRunbook() throws {
        let report = try RuleFixtureRunner.run(
            ["fixture.yaml": MarkedFixture(flow).text].merging(policy("visits: {records: incident}")) { a, _ in a })
        XCTAssertEqual(
            report.policyStatuses["incident"],
            [PolicyStatus(policyID: "the-policy", title: "The policy under test", severity: .error, state: .fails(count: 1))])
    }

    // MARK: waivers

    private func waived(_ until: String) -> String {
        flow + "\nwaivers:\n  - policy: 7️⃣the-policy\n    reason: Logging moves into declare next quarter.\n    until: 8️⃣\(until)\n"
    }

    func testValidWaiverCoversTheFailure() throws {
        XCTAssertFindings(
            waived("2026-12-31"), rules: ["policy/the-policy", "waiver/expired", "waiver/unused"],
            extraFiles: policy("visits: {records: incident}"), [])
        let report = try RuleFixtureRunner.run(
            ["fixture.yaml": MarkedFixture(waived("2026-12-31")).text].merging(policy("visits: {records: incident}")) { a, _ in a })
        XCTAssertEqual(
            report.policyStatuses["incident"]?.first?.state,
            .waived(
                until: .date(CalendarDate(year: 2026, month: 12, day: 31) ?? .unixEpoch),
                reason: "Logging moves into declare next quarter.",
                approvedBy: nil))
    }

    func testExpiredWaiverFailsAndNoLongerCovers() {
        XCTAssertFindings(
            waived("2026-05-31"), rules: ["policy/the-policy", "waiver/expired"], extraFiles: policy("visits: {records: incident}"),
            [
                ExpectedFinding(
                    "8️⃣", "waiver/expired", "waiver for policy 'the-policy' expired on 2026-05-31 (today is 2026-06-01)",
                    severity: .error, help: "fix what the policy asks for, or renew the waiver with a new `until` date and a reason"),
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close the incident) without passing an activity that records 'incident' (path: declare -> diagnose -> close)"
                ),
            ])
    }

    func testTodayDecidesExpiry() {
        let before = CheckOptions(today: CalendarDate(year: 2026, month: 5, day: 31))
        XCTAssertFindings(
            waived("2026-05-31"), rules: ["policy/the-policy", "waiver/expired"], extraFiles: policy("visits: {records: incident}"),
            options: before, [])
    }

    func testUnusedWaiver() {
        XCTAssertFindings(
            waived("2026-12-31"), rules: ["waiver/unused"], extraFiles: policy("visits: {start: true}"),
            [
                ExpectedFinding(
                    "7️⃣", "waiver/unused", "waiver for policy 'the-policy' is not needed: the policy holds for process 'incident'",
                    severity: .warning, help: "remove the waiver")
            ])
    }

    func testWaiverForAPolicyThatDoesNotApply() {
        XCTAssertFindings(
            waived("2026-12-31"), rules: ["waiver/unused"],
            extraFiles: policy("visits: {start: true}").mapValues {
                $0.replacingOccurrences(of: "{tags: [incident]}", with: "{tags: [change]}")
            },
            [
                ExpectedFinding(
                    "7️⃣", "waiver/unused",
                    "waiver for policy 'the-policy' is not needed: the policy does not apply to process 'incident'", severity: .warning,
                    help: "remove the waiver")
            ])
    }
}
