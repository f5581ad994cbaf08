import XCTest

@testable import ProcDef

/// `when` and `unless`: a policy's requirements hold on the runs of the case that pass an activity (or take a
/// transition), or that do not; a process without such a run holds.
final class PolicyScopeTests: XCTestCase {
    /// A security incident: assessed, then either confirmed or a false alarm; a confirmed incident is contained or
    /// closed straight away, and only containment leads to the retrospective.
    private let flow = """
        8️⃣kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: 1️⃣detect
            name: Detect
            responsible: service-desk
          - id: 2️⃣assess
            name: Assess
            responsible: resolver
            next:
              - {to: confirm, when: It is real.}
              - {to: false-alarm, when: It is not.}
          - id: 3️⃣confirm
            name: Confirm the incident
            responsible: resolver
            tags: [confirmed]
            next:
              - {to: contain, when: It spreads.}
              - {to: close, when: It is over.}
          - id: 4️⃣contain
            name: Contain
            responsible: network
          - id: 5️⃣retrospective
            name: Hold the retrospective
            responsible: incident-manager
            next: close
          - id: 6️⃣false-alarm
            name: False alarm
            responsible: service-desk
            next: close
          - id: 7️⃣close
            name: Close
            responsible: service-desk
            end: true
        """

    private let help = "policy 'the-policy': The policy under test"

    private func policy(_ scope: String, _ require: String) -> [String: String] {
        [
            "policy.yaml": """
            kind: policy
            id: the-policy
            title: The policy under test
            severity: error
            applies-to: {tags: [incident]}
            \(scope)
            require:
              \(require)
            """
        ]
    }

    private func assertPolicy(
        _ scope: String, _ require: String, fixture: String? = nil, _ expected: [ExpectedFinding], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertFindings(
            fixture ?? flow, rules: ["policy/the-policy"], extraFiles: policy(scope, require),
            expected.map { finding in
                var finding = finding
                finding.help = help
                return finding
            }, file: file, line: line)
    }

    private func statuses(_ scope: String, _ require: String, fixture: String? = nil) throws -> [PolicyStatus] {
        var files = policy(scope, require)
        files["fixture.yaml"] = MarkedFixture(fixture ?? flow).text
        let report = try RuleFixtureRunner.run(files, options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
        return report.policyStatuses["incident"] ?? []
    }

    // MARK: passes

    func testWithoutAScopeEveryRunCounts() {
        assertPolicy(
            "", "visits: {id: retrospective}",
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that is 'retrospective' (path: detect -> assess -> confirm -> close)"
                )
            ])
    }

    func testWhenPassesRestrictsVisitsToTheRunsThroughTheActivity() {
        assertPolicy(
            "when: {passes: {tag: confirmed}}", "visits: {id: retrospective}",
            fixture: flow.replacingOccurrences(
                of: "- {to: confirm, when: It is real.}",
                with: "- {to: false-alarm, when: It is real.}\n      - {to: confirm, when: It is.}"),
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that is 'retrospective' on runs through 'Confirm the incident' (path: detect -> assess -> confirm -> close)"
                )
            ])
    }

    func testWhenPassesHoldsWhenEveryRunThroughTheActivityVisits() throws {
        let fixture = flow.replacingOccurrences(of: "- {to: close, when: It is over.}", with: "- {to: retrospective, when: It is over.}")
        assertPolicy("when: {passes: {tag: confirmed}}", "visits: {id: retrospective}", fixture: fixture, [])
        // Without the scope, the false alarm ends without a retrospective.
        assertPolicy(
            "", "visits: {id: retrospective}", fixture: fixture,
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that is 'retrospective' (path: detect -> assess -> false-alarm -> close)"
                )
            ])
        let status = try XCTUnwrap(statuses("when: {passes: {tag: confirmed}}", "visits: {id: retrospective}", fixture: fixture).first)
        XCTAssertEqual(status.state, .holds)
        XCTAssertEqual(status.scopePhrase, "on runs through 'Confirm the incident'")
    }

    func testBeforeConsidersWhatTheRunDoesAfterTheActivity() {
        // 'confirm' is reached without a retrospective first on every run; the runs through 'false-alarm' are out.
        assertPolicy(
            "when: {passes: {id: retrospective}}", "before: {first: {id: contain}, then: {id: close}}",
            [])
        assertPolicy(
            "when: {passes: {id: contain}}", "before: {first: {id: retrospective}, then: {id: confirm}}",
            [
                ExpectedFinding(
                    "3️⃣", "policy/the-policy",
                    "activity 'confirm' (Confirm the incident) can be reached without passing an activity that is 'retrospective' before it on runs through 'Contain' (path: detect -> assess -> confirm)"
                )
            ])
    }

    func testExistsAllAndSeparateConsiderTheActivitiesOnRunsInScope() {
        assertPolicy(
            "when: {passes: {id: false-alarm}}", "exists: {id: retrospective}",
            [
                ExpectedFinding(
                    "8️⃣", "policy/the-policy",
                    "process 'incident' has no activity matching the policy on runs through 'False alarm': it needs an activity that is 'retrospective'"
                )
            ])
        assertPolicy("when: {passes: {id: false-alarm}}", "all: {of: {responsible: network}, match: {tag: confirmed}}", [])
        assertPolicy(
            "when: {passes: {id: contain}}", "all: {of: {responsible: service-desk}, match: {end: true}}",
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'detect' (Detect) has 'service-desk' responsible but does not end the process on runs through 'Contain'")
            ])
        assertPolicy("unless: {passes: {tag: confirmed}}", "separate: [{id: detect}, {id: contain}]", [])
    }

    // MARK: takes

    func testWhenTakesRestrictsToTheRunsThatTakeTheTransition() {
        assertPolicy(
            "when: {takes: {from: confirm, to: close}}", "visits: {id: retrospective}",
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that is 'retrospective' on runs that take 'Confirm the incident' → 'Close' (path: detect -> assess -> confirm -> close)"
                )
            ])
        assertPolicy("when: {takes: {from: confirm, to: contain}}", "visits: {id: retrospective}", [])
    }

    // MARK: unless

    func testUnlessLeavesOutTheRunsThroughTheActivity() {
        assertPolicy(
            "unless: {passes: {id: false-alarm}}", "visits: {id: retrospective}",
            fixture: flow.replacingOccurrences(
                of: "- {to: confirm, when: It is real.}",
                with: "- {to: false-alarm, when: It is real.}\n      - {to: confirm, when: It is.}"),
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that is 'retrospective' on runs not through 'False alarm' (path: detect -> assess -> confirm -> close)"
                )
            ])
        assertPolicy(
            "unless: {takes: {from: confirm, to: close}}", "visits: {id: retrospective}",
            fixture: flow.replacingOccurrences(of: "to: false-alarm, when: It is not.", with: "to: confirm, when: It is not."), [])
        assertPolicy(
            "when: {passes: {tag: confirmed}}\nunless: {takes: {from: confirm, to: close}}", "visits: {id: retrospective}", [])
    }

    // MARK: Empty scope

    func testAProcessWithoutSuchARunHolds() throws {
        for scope in [
            "when: {passes: {tag: phishing}}", "when: {passes: {id: no-such-activity}}", "when: {takes: {from: detect, to: close}}",
            "when: {takes: {from: nowhere, to: close}}", "unless: {passes: {start: true}}",
        ] {
            assertPolicy(scope, "visits: {id: retrospective}", [])
            assertPolicy(scope, "exists: {id: no-such-activity}", [])
            assertPolicy(scope, "process: {has: [manager]}", [])
            let status = try XCTUnwrap(statuses(scope, "visits: {id: retrospective}").first)
            XCTAssertEqual(status.state, .holds)
            XCTAssertTrue(status.noRunInScope, scope)
        }
        let status = try XCTUnwrap(statuses("when: {takes: {from: detect, to: close}}", "exists: {any: true}").first)
        XCTAssertEqual(status.scopePhrase, "no runs that take 'Detect' → 'Close'")
        let unknown = try XCTUnwrap(statuses("when: {passes: {tag: phishing}}", "exists: {any: true}").first)
        XCTAssertEqual(unknown.scopePhrase, "no runs through an activity that is tagged 'phishing'")
    }

    func testProcessRequirementsApplyWhenARunIsInScope() {
        assertPolicy(
            "when: {passes: {tag: confirmed}}", "process: {has: [manager]}",
            [ExpectedFinding("8️⃣", "policy/the-policy", "process 'incident' does not set 'manager' on runs through 'Confirm the incident'")])
    }

    // MARK: Forks

    /// Fixing and telling run in parallel; the review waits for both, and an abandoned fix ends the case early.
    private let parallel = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: 1️⃣declare
            name: Declare the incident
            responsible: incident-manager
            next:
              all:
                - to: fix
                - to: notify
          - id: 2️⃣fix
            name: Restore the service
            responsible: resolver
            next:
              - {to: review, when: The service is back.}
              - {to: abandon, when: The service cannot be restored.}
          - id: 3️⃣notify
            name: Notify the users
            responsible: comms
          - id: 4️⃣log
            name: Log the incident
            responsible: service-desk
            records: [incident]
            next: review
          - id: 5️⃣review
            name: Review the incident
            join: all
            responsible: incident-manager
            end: true
          - id: 6️⃣abandon
            name: Abandon the fix
            responsible: resolver
            end: true
        """

    func testForksCountTheActivitiesOfEveryBranchOfTheRun() {
        // Notifying runs beside the fix: the abandoned run passes it.
        assertPolicy(
            "when: {passes: {id: notify}}", "visits: {records: incident}", fixture: parallel,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "the process can end at 'abandon' (Abandon the fix) without passing an activity that records 'incident' on runs through 'Notify the users' (path: declare -> fix [the branch to 'fix'] -> abandon)"
                )
            ])
        // The shortest run to 'abandon' skips the second opinion: the witness is routed through it.
        let routed = parallel.replacingOccurrences(
            of: "- {to: abandon, when: The service cannot be restored.}",
            with: "- {to: abandon, when: The service cannot be restored.}\n      - {to: second-opinion, when: In doubt.}"
        ).replacingOccurrences(
            of: "  - id: 6️⃣abandon",
            with:
                "  - id: second-opinion\n    name: Ask for a second opinion\n    responsible: resolver\n    next: abandon\n  - id: 6️⃣abandon"
        )
        assertPolicy(
            "when: {passes: {id: second-opinion}}", "visits: {records: incident}", fixture: routed,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "the process can end at 'abandon' (Abandon the fix) without passing an activity that records 'incident' on runs through 'Ask for a second opinion' (path: declare -> fix [the branch to 'fix'] -> second-opinion -> abandon)"
                )
            ])
        // Leaving out the runs that abandon straight away leaves those that ask for a second opinion first.
        assertPolicy(
            "unless: {takes: {from: fix, to: abandon}}", "visits: {records: incident}", fixture: routed,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "the process can end at 'abandon' (Abandon the fix) without passing an activity that records 'incident' on runs that do not take 'Restore the service' → 'Abandon the fix' (path: declare -> fix [the branch to 'fix'] -> second-opinion -> abandon)"
                )
            ])
        assertPolicy(
            "unless: {takes: {from: fix, to: abandon}}", "visits: {records: incident}",
            fixture: parallel, [])
        // The runs that take 'fix' → 'review' wait for the log at the join.
        assertPolicy("when: {takes: {from: fix, to: review}}", "visits: {records: incident}", fixture: parallel, [])
        assertPolicy("unless: {passes: {id: abandon}}", "visits: {records: incident}", fixture: parallel, [])
        // An activity on a sibling branch is on the runs through 'fix'.
        assertPolicy("when: {passes: {id: fix}}", "exists: {records: incident}", fixture: parallel, [])
        assertPolicy(
            "when: {passes: {id: abandon}}", "all: {of: {records: incident}, match: {end: true}}", fixture: parallel,
            [
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "activity 'log' (Log the incident) records 'incident' but does not end the process on runs through 'Abandon the fix'")
            ])
    }

    /// Every branch of a fork runs: a branch that cannot get past the activity `unless` names puts every run through
    /// the fork out of scope; a branch with a way around it leaves the fork's runs in.
    func testUnlessOnAForkBranchLeavesOutEveryRunThroughTheFork() throws {
        let none = try XCTUnwrap(
            statuses("unless: {passes: {id: notify}}", "all: {of: {any: true}, match: {records: incident}}", fixture: parallel).first)
        XCTAssertEqual(none.state, .holds)
        XCTAssertTrue(none.noRunInScope)
        assertPolicy("unless: {passes: {id: notify}}", "before: {first: {records: incident}, then: {id: fix}}", fixture: parallel, [])
        assertPolicy(
            "unless: {passes: {id: abandon}}", "all: {of: {id: fix}, match: {records: incident}}", fixture: parallel,
            [
                ExpectedFinding(
                    "2️⃣", "policy/the-policy",
                    "activity 'fix' (Restore the service) is 'fix' but does not record 'incident' on runs not through 'Abandon the fix'")
            ])
    }

    func testAForkBranchIsATransitionARunTakes() throws {
        // Every run forks: leaving out the runs that take one branch leaves none.
        let none = try XCTUnwrap(
            statuses("unless: {takes: {from: declare, to: notify}}", "exists: {id: no-such-activity}", fixture: parallel).first)
        XCTAssertEqual(none.state, .holds)
        XCTAssertEqual(none.scopePhrase, "no runs that do not take 'Declare the incident' → 'Notify the users'")
        assertPolicy(
            "when: {takes: {from: declare, to: fix}}", "all: {of: {records: incident}, match: {end: true}}", fixture: parallel,
            [
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "activity 'log' (Log the incident) records 'incident' but does not end the process on runs that take 'Declare the incident' → 'Restore the service'"
                )
            ])
        assertPolicy(
            "when: {takes: {from: declare, to: notify}}", "visits: {records: incident}", fixture: parallel,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "the process can end at 'abandon' (Abandon the fix) without passing an activity that records 'incident' on runs that take 'Declare the incident' → 'Notify the users' (path: declare -> fix [the branch to 'fix'] -> abandon)"
                )
            ])
        assertPolicy(
            "unless: {takes: {from: declare, to: notify}}", "visits: {records: incident}", fixture: parallel, [])
    }

    func testBeforeOnRunsWithParallelWork() {
        // 'abandon' is reached without the log on the runs that notify (every run does).
        assertPolicy(
            "when: {passes: {id: notify}}", "before: {first: {records: incident}, then: {end: true}}", fixture: parallel,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "activity 'abandon' (Abandon the fix) can be reached without passing an activity that records 'incident' before it on runs through 'Notify the users' (path: declare -> fix [the branch to 'fix'] -> abandon)"
                )
            ])
        assertPolicy(
            "unless: {passes: {id: abandon}}", "before: {first: {records: incident}, then: {end: true}}", fixture: parallel, [])
    }

    func testWhatFollowsTheJoinIsNotOnEveryBranchesRuns() {
        // After the join, the case is either escalated or closed: the activities on the branches are on the runs
        // through 'escalate', but 'close-quietly' is not.
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            tags: [incident]
            defaults: {accountable: incident-manager}
            activities:
              - id: declare
                name: Declare the incident
                responsible: incident-manager
                next:
                  all: [fix, notify]
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: notify
                name: Notify the users
                responsible: comms
                next: review
              - id: review
                name: Review the incident
                join: all
                responsible: incident-manager
                next:
                  - {to: escalate, when: It recurs.}
                  - {to: close-quietly, when: It does not.}
              - id: escalate
                name: Escalate to problem management
                responsible: incident-manager
                end: true
              - id: 1️⃣close-quietly
                name: Close quietly
                responsible: service-desk
                end: true
            """
        assertPolicy(
            "when: {passes: {id: escalate}}", "all: {of: {any: true}, match: {responsible: [incident-manager, resolver, comms]}}",
            fixture: fixture, [])
        assertPolicy(
            "when: {passes: {id: notify}}", "all: {of: {any: true}, match: {responsible: [incident-manager, resolver, comms]}}",
            fixture: fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'close-quietly' (Close quietly) is any activity but does not have 'incident-manager' or 'resolver' or 'comms' responsible on runs through 'Notify the users'"
                )
            ])
    }

    // MARK: Bad input

    func testMalformedScopes() {
        XCTAssertDecoding(
            """
            kind: policy
            id: reviewed
            title: Confirmed incidents are reviewed
            severity: error
            when: {1️⃣takes: {from: assess}}
            unless: {passes: {id: false-alarm}, 2️⃣passe: {id: x}}
            require: {visits: {id: retrospective}}
            ---
            kind: policy
            id: other
            title: Other
            severity: error
            when: {3️⃣takes: {to: contain, 4️⃣too: x}}
            unless: 5️⃣[passes]
            require: {visits: {id: retrospective}}
            ---
            kind: policy
            id: third
            title: Third
            severity: error
            when: {passes: {tag: confirmed}, 6️⃣takes: {from: a, to: b}}
            7️⃣unless: {}
            require: {visits: {id: retrospective}}
            ---
            kind: policy
            id: fourth
            title: Fourth
            severity: error
            8️⃣when:
            unless: {passes: {9️⃣tags: [x]}}
            require: {visits: {id: retrospective}}
            """,
            [
                ExpectedFinding("1️⃣", "schema/missing-field", "'takes' of 'when' of policy 'reviewed' has no 'to'"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'passe' in 'unless' of policy 'reviewed'", help: "did you mean 'passes'?"),
                ExpectedFinding("3️⃣", "schema/missing-field", "'takes' of 'when' of policy 'other' has no 'from'"),
                ExpectedFinding(
                    "4️⃣", "schema/unknown-key", "unknown key 'too' in 'takes' of 'when' of policy 'other'", help: "did you mean 'to'?"),
                ExpectedFinding(
                    "5️⃣", "schema/type",
                    "'unless' of policy 'other' must be a mapping with 'passes' or 'takes' such as {passes: {tag: confirmed}}, found a list"
                ),
                ExpectedFinding(
                    "6️⃣", "schema/type", "'when' of policy 'third' must have one of 'passes' or 'takes', found both",
                    help: "write one policy for each condition"),
                ExpectedFinding("7️⃣", "schema/missing-field", "'unless' of policy 'third' has neither 'passes' nor 'takes'"),
                ExpectedFinding(
                    "8️⃣", "schema/missing-field",
                    "'when' of policy 'fourth' is empty: it needs a mapping with 'passes' or 'takes' such as {passes: {tag: confirmed}}"),
                ExpectedFinding(
                    "9️⃣", "schema/unknown-key", "unknown key 'tags' in the selector of 'passes' of 'unless' of policy 'fourth'",
                    help: "did you mean 'tag'?"),
            ])
    }
}
