import Foundation
import XCTest

@testable import ProcDef

/// `visits` and `before` over the runs of a process with parallel work: every branch of a fork runs, a join waits
/// for all of them, activities on concurrent branches are not ordered, and a cancelled case is a run too.
final class PolicyRunTests: XCTestCase {
    private let header = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}

        """

    /// Fixing and telling run in parallel; the scribe logs the incident after telling, and the review waits for both.
    private var parallel: String {
        header + """
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
    }

    private let help = "policy 'the-policy': The policy under test"

    private func assertPolicy(
        _ require: String, _ fixture: String, _ expected: [ExpectedFinding], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertFindings(
            fixture, rules: ["policy/the-policy"], extraFiles: policy(require),
            expected.map { finding in
                var finding = finding
                finding.help = help
                return finding
            }, file: file, line: line)
    }

    private func policy(_ require: String) -> [String: String] {
        [
            "policy.yaml": """
            kind: policy
            id: the-policy
            title: The policy under test
            severity: error
            applies-to: {tags: [incident]}
            require:
              - \(require)
            """
        ]
    }

    // MARK: visits

    func testVisitsHoldsWhenASiblingBranchVisits() {
        // A path down 'fix' avoids 'log', but in the same run the sibling branch logs before the review can start.
        let fixture = parallel.replacingOccurrences(of: "- {to: abandon, when: The service cannot be restored.}", with: "")
        assertPolicy("visits: {records: incident}", fixture, [])
    }

    func testVisitsFailsOnADecisionPathInsideABranch() {
        // The case can end at 'abandon' while the sibling branch is still telling the users, before it logs.
        assertPolicy(
            "visits: {records: incident}", parallel,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "the process can end at 'abandon' (Abandon the fix) without passing an activity that records 'incident' (path: declare -> fix [the branch to 'fix'] -> abandon)"
                )
            ])
    }

    func testVisitsCountsTheFirstActivityOfABranchThatStarted() {
        // Logging is where the sibling branch starts: it has run when the case ends at 'abandon'.
        let fixture = parallel.replacingOccurrences(of: "- to: notify\n", with: "- to: log\n")
        assertPolicy("visits: {records: incident}", fixture, [])
    }

    // MARK: before

    func testBeforeDoesNotHoldAcrossConcurrentBranches() {
        assertPolicy(
            "before: {first: {id: notify}, then: {id: fix}}", parallel,
            [
                ExpectedFinding(
                    "2️⃣", "policy/the-policy",
                    "activity 'fix' (Restore the service) can be reached without passing an activity that is 'notify' before it (path: declare -> fix [the branch to 'fix'])"
                )
            ])
        assertPolicy(
            "before: {first: {id: fix}, then: {id: log}}", parallel,
            [
                ExpectedFinding(
                    "4️⃣", "policy/the-policy",
                    "activity 'log' (Log the incident) can be reached without passing an activity that is 'fix' before it (path: declare -> notify [the branch to 'notify'] -> log)"
                )
            ])
    }

    func testBeforeHoldsFromOneBranchToAfterTheJoin() {
        // The review waits for both branches: it starts only after 'log' has ended, whichever branch finishes first.
        assertPolicy("before: {first: {records: incident}, then: {id: review}}", parallel, [])
        assertPolicy("before: {first: {id: fix}, then: {id: review}}", parallel, [])
    }

    func testBeforeHoldsFromBeforeTheForkToABranch() {
        assertPolicy("before: {first: {id: declare}, then: {id: [fix, notify, log]}}", parallel, [])
    }

    func testBeforeFailsAtAnEndReachedWhileTheOtherBranchRuns() {
        // The review waits for the branch that tells the users; 'abandon' follows 'fix' without waiting for it.
        assertPolicy(
            "before: {first: {id: notify}, then: {end: true}}", parallel,
            [
                ExpectedFinding(
                    "6️⃣", "policy/the-policy",
                    "activity 'abandon' (Abandon the fix) can be reached without passing an activity that is 'notify' before it (path: declare -> fix [the branch to 'fix'] -> abandon)"
                )
            ])
    }

    // MARK: A decision branch that forks, nested forks

    private var decisionFork: String {
        header + """
            activities:
              - id: declare
                name: Declare the incident
                responsible: incident-manager
                next:
                  - when: The incident is major.
                    all:
                      - to: fix
                      - to: log
                  - {to: quick-fix, when: The incident is minor.}
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: 2️⃣log
                name: Log the incident
                responsible: service-desk
                records: [incident]
                next: review
              - id: review
                name: Review the incident
                join: all
                responsible: incident-manager
                end: true
              - id: 1️⃣quick-fix
                name: Fix it on the call
                responsible: service-desk
                end: true
            """
    }

    func testADecisionBranchThatForks() {
        assertPolicy(
            "visits: {records: incident}", decisionFork,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "the process can end at 'quick-fix' (Fix it on the call) without passing an activity that records 'incident' (path: declare -> quick-fix)"
                )
            ])
        assertPolicy("before: {first: {records: incident}, then: {id: review}}", decisionFork, [])
        assertPolicy(
            "before: {first: {id: fix}, then: {records: incident}}", decisionFork,
            [
                ExpectedFinding(
                    "2️⃣", "policy/the-policy",
                    "activity 'log' (Log the incident) can be reached without passing an activity that is 'fix' before it (path: declare -> log [the branch to 'log'])"
                )
            ])
    }

    private var nested: String {
        header + """
            activities:
              - id: declare
                name: Declare the incident
                responsible: incident-manager
                next:
                  all:
                    - to: fix
                    - all:
                        - to: notify
                        - to: log
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: notify
                name: Notify the users
                responsible: comms
                next: sync
              - id: log
                name: Log the incident
                responsible: service-desk
                records: [incident]
                next: sync
              - id: 1️⃣sync
                name: Agree the message
                join: all
                responsible: comms
                next: review
              - id: review
                name: Review the incident
                join: all
                responsible: incident-manager
                end: true
            """
    }

    func testNestedForks() {
        assertPolicy("visits: {records: incident}", nested, [])
        assertPolicy("before: {first: {id: notify}, then: {id: review}}", nested, [])
        assertPolicy("before: {first: {id: [notify, log]}, then: {id: sync}}", nested, [])
        assertPolicy(
            "before: {first: {id: fix}, then: {id: sync}}", nested,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'sync' (Agree the message) can be reached without passing an activity that is 'fix' before it (path: declare -> notify [the branch to 'notify'] -> log [the branch to 'log'] -> sync [the branch that forks to 'notify' and 'log'])"
                )
            ])
    }

    func testNestedForksClosedByOneJoin() {
        // The inner fork's branches and the outer one's all meet at the review: it waits for the three of them.
        let fixture =
            header + """
                activities:
                  - id: declare
                    name: Declare the incident
                    responsible: incident-manager
                    next:
                      all:
                        - to: fix
                        - all:
                            - to: notify
                            - to: log
                  - id: fix
                    name: Restore the service
                    responsible: resolver
                    next: review
                  - id: notify
                    name: Notify the users
                    responsible: comms
                    next: review
                  - id: 1️⃣log
                    name: Log the incident
                    responsible: service-desk
                    records: [incident]
                    next: review
                  - id: review
                    name: Review the incident
                    join: all
                    responsible: incident-manager
                    end: true
                """
        assertPolicy("visits: {records: incident}", fixture, [])
        assertPolicy("before: {first: {records: incident}, then: {id: review}}", fixture, [])
        assertPolicy(
            "before: {first: {id: fix}, then: {records: incident}}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'log' (Log the incident) can be reached without passing an activity that is 'fix' before it (path: declare -> log [the branch to 'log'])"
                )
            ])
    }

    func testAForkWithoutAJoin() {
        // Each branch ends on its own: the case can close at 'close' while the other branch has only started.
        let fixture =
            header + """
                activities:
                  - id: declare
                    name: Declare the incident
                    responsible: incident-manager
                    next:
                      all:
                        - to: close
                        - to: notify
                  - id: 1️⃣close
                    name: Close the incident
                    responsible: incident-manager
                    end: true
                  - id: notify
                    name: Notify the users
                    responsible: comms
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    records: [incident]
                    end: true
                """
        assertPolicy(
            "visits: {records: incident}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close the incident) without passing an activity that records 'incident' (path: declare -> close [the branch to 'close'])"
                )
            ])
        assertPolicy("visits: {id: notify}", fixture, [])
    }

    func testAForkInsideALoop() {
        // Each round fixes and tells in parallel; a second round's fix still runs alongside its own telling.
        let fixture =
            header + """
                activities:
                  - id: declare
                    name: Declare the incident
                    responsible: incident-manager
                    next:
                      all:
                        - to: fix
                        - to: notify
                  - id: 1️⃣fix
                    name: Restore the service
                    responsible: resolver
                    next: review
                  - id: notify
                    name: Notify the users
                    responsible: comms
                    next: review
                  - id: review
                    name: Review the fix
                    join: all
                    responsible: incident-manager
                    next:
                      - {to: declare, when: The fix did not hold.}
                      - {to: close, when: The fix held.}
                  - id: close
                    name: Close the incident
                    responsible: incident-manager
                    end: true
                """
        assertPolicy("before: {first: {id: notify}, then: {id: close}}", fixture, [])
        assertPolicy("visits: {id: [fix, notify]}", fixture, [])
        assertPolicy(
            "before: {first: {id: notify}, then: {id: fix}}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'fix' (Restore the service) can be reached without passing an activity that is 'notify' before it (path: declare -> fix [the branch to 'fix'])"
                )
            ])
    }

    // MARK: Cancellation

    func testACancelledCaseIsARun() {
        // Cancelled from 'fix' while the users are being told: the case closes without the incident logged.
        let cancelled =
            parallel.replacingOccurrences(
                of: "activities:\n",
                with: """
                    cancel:
                      - when: The alarm proves false.
                        to: close-false-alarm
                        from: [fix]
                    activities:

                    """
            ).replacingOccurrences(of: "- {to: abandon, when: The service cannot be restored.}", with: "")
                + """

                  - id: 7️⃣close-false-alarm
                    name: Close the false alarm
                    responsible: incident-manager
                    end: true
                """
        assertPolicy(
            "visits: {records: incident}", cancelled,
            [
                ExpectedFinding(
                    "7️⃣", "policy/the-policy",
                    "the process can end at 'close-false-alarm' (Close the false alarm) without passing an activity that records 'incident' (path: declare -> fix [the branch to 'fix'] -> (cancelled) close-false-alarm)"
                )
            ])
        // Cancelled only once the incident is logged: every run logs it.
        assertPolicy("visits: {records: incident}", cancelled.replacingOccurrences(of: "from: [fix]", with: "from: [review]"), [])
    }

    func testACancellationWithoutForksIsARunToo() {
        let fixture =
            header + """
                cancel:
                  - {when: The alarm proves false., to: close-false-alarm}
                activities:
                  - id: declare
                    name: Declare the incident
                    responsible: incident-manager
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    records: [incident]
                  - id: review
                    name: Review the incident
                    responsible: incident-manager
                    end: true
                  - id: 1️⃣close-false-alarm
                    name: Close the false alarm
                    responsible: incident-manager
                    end: true
                """
        assertPolicy(
            "visits: {records: incident}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "the process can end at 'close-false-alarm' (Close the false alarm) without passing an activity that records 'incident' (path: declare -> (cancelled) close-false-alarm)"
                )
            ])
        assertPolicy(
            "before: {first: {records: incident}, then: {id: close-false-alarm}}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'close-false-alarm' (Close the false alarm) can be reached without passing an activity that records 'incident' before it (path: declare -> (cancelled) close-false-alarm)"
                )
            ])
    }

    // MARK: Witness steps

    func testTheWitnessRunNamesTheBranchOfEachStep() throws {
        let fixture = MarkedFixture(
            header + """
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
                  - id: 3️⃣verify
                    name: Verify the fix
                    responsible: resolver
                    next: review
                  - id: 4️⃣notify
                    name: Notify the users
                    responsible: comms
                    next: review
                  - id: 5️⃣review
                    name: Review the incident
                    join: all
                    responsible: incident-manager
                  - id: 6️⃣close
                    name: Close the incident
                    responsible: incident-manager
                    end: true
                """)
        let report = try RuleFixtureRunner.run(["fixture.yaml": fixture.text].merging(policy("visits: {records: incident}")) { $1 })
        let findings = report.diagnostics.filter { $0.rule == "policy/the-policy" }
        XCTAssertEqual(
            findings.map(\.message),
            [
                "the process can end at 'close' (Close the incident) without passing an activity that records 'incident' (path: declare -> fix [the branch to 'fix'] -> verify -> notify [the branch to 'notify'] -> review -> close)"
            ])
        let steps = findings.first?.path.map { step in
            "\(step.range.start.line):\(step.range.start.column) \(step.message)"
        }
        func at(_ marker: String, _ message: String) -> String {
            let position = fixture.positions[marker] ?? (line: 0, column: 0)
            return "\(position.line):\(position.column) \(message)"
        }
        XCTAssertEqual(
            steps,
            [
                at("1️⃣", "the case starts at 'declare'"),
                at("2️⃣", "the case passes 'fix' on the branch to 'fix'"),
                at("3️⃣", "the case passes 'verify' on the branch to 'fix'"),
                at("4️⃣", "the case passes 'notify' on the branch to 'notify'"),
                at("5️⃣", "the branches meet at 'review'"),
                at("6️⃣", "the process ends at 'close' without passing an activity that records 'incident'"),
            ])
    }

    func testTheWitnessRunShowsBranchesThatRunOnAndTheCancellation() throws {
        let fixture = MarkedFixture(
            header + """
                cancel:
                  - 5️⃣when: The alarm proves false.
                    to: close-false-alarm
                    from: [fix]
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
                    next: review
                  - id: 3️⃣notify
                    name: Notify the users
                    responsible: comms
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                    records: [incident]
                    next: review
                  - id: review
                    name: Review the incident
                    join: all
                    responsible: incident-manager
                    end: true
                  - id: 4️⃣close-false-alarm
                    name: Close the false alarm
                    responsible: incident-manager
                    end: true
                """)
        let report = try RuleFixtureRunner.run(["fixture.yaml": fixture.text].merging(policy("visits: {records: incident}")) { $1 })
        let findings = report.diagnostics.filter { $0.rule == "policy/the-policy" }
        XCTAssertEqual(findings.count, 1)
        let steps = findings.first?.path.map { step in
            "\(step.range.start.line):\(step.range.start.column) \(step.message)"
        }
        func at(_ marker: String, _ message: String) -> String {
            let position = fixture.positions[marker] ?? (line: 0, column: 0)
            return "\(position.line):\(position.column) \(message)"
        }
        XCTAssertEqual(
            steps,
            [
                at("1️⃣", "the case starts at 'declare'"),
                at("3️⃣", "the branch to 'notify' starts in parallel"),
                at("2️⃣", "the case passes 'fix' on the branch to 'fix'"),
                at("5️⃣", "the case is cancelled: every running branch ends and the case goes to 'close-false-alarm'"),
                at("4️⃣", "the process ends at 'close-false-alarm' without passing an activity that records 'incident'"),
            ])
    }

    /// A decision that skips the fork reaches its join as any activity: the run does not wait there for branches it
    /// never started, so a policy the fork's branches satisfy can still fail on it.
    func testADecisionThatSkipsTheForkReachesItsJoin() {
        let fixture =
            header + """
                activities:
                  - id: triage
                    name: Triage
                    responsible: incident-manager
                    next:
                      - {when: It is major., all: [fix, notify]}
                      - {when: It is minor., to: close}
                  - id: fix
                    name: Fix
                    responsible: incident-manager
                    next: close
                  - id: notify
                    name: Notify the users
                    responsible: incident-manager
                    records: [incident]
                    next: close
                  - id: 1️⃣close
                    name: Close
                    join: all
                    responsible: incident-manager
                    end: true
                """
        assertPolicy(
            "visits: {records: incident}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "the process can end at 'close' (Close) without passing an activity that records 'incident' (path: triage -> close)")
            ])
        assertPolicy(
            "before: {first: {id: fix}, then: {id: close}}", fixture,
            [
                ExpectedFinding(
                    "1️⃣", "policy/the-policy",
                    "activity 'close' (Close) can be reached without passing an activity that is 'fix' before it (path: triage -> close)")
            ])
    }
}
