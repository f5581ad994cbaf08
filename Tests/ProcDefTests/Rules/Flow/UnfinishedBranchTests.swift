import XCTest

@testable import ProcDef

final class UnfinishedBranchTests: XCTestCase {
    private let soundness: Set<String> = ["flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge", "flow/analysis-limit"]

    private let header = """
        kind: process
        id: major-incident
        name: Major Incident
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:

        """

    private let help =
        "meet the branches with `join: all` before the end, so the case closes once all the work is done; if this way really cuts the case short, write it as a `cancel` entry"

    func testABranchThatEndsWhileAnotherRuns() throws {
        let text =
            header + """
                  - id: declare
                    name: Declare
                    responsible: incident-manager
                    next:
                      all: [restore, publish-updates]
                  - id: restore
                    name: Restore the service
                    responsible: incident-manager
                    next: close
                  - id: publish-updates
                    name: Publish the updates
                    responsible: incident-manager
                    next: keep-log
                  - id: 1️⃣keep-log
                    name: Keep the communications log
                    responsible: incident-manager
                    end: true
                  - id: 2️⃣close
                    name: Close
                    responsible: incident-manager
                    end: true
                """
        XCTAssertFindings(
            text, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unfinished-branch",
                    "the case can close at 'keep-log' (Keep the communications log) while the branch to 'restore' (at 'restore') is still running: ending here stops that work unfinished (run: declare -> publish-updates [the branch to 'publish-updates'] -> keep-log)",
                    severity: .warning, help: help),
                ExpectedFinding(
                    "2️⃣", "flow/unfinished-branch",
                    "the case can close at 'close' (Close) while the branch to 'publish-updates' (at 'publish-updates') is still running: ending here stops that work unfinished (run: declare -> restore [the branch to 'restore'] -> close)",
                    severity: .warning, help: help),
            ])
        let report = try RuleFixtureRunner.run(["fixture.yaml": MarkedFixture(text).text])
        let finding = try XCTUnwrap(report.diagnostics.first { $0.rule == "flow/unfinished-branch" && $0.message.contains("at 'close'") })
        XCTAssertEqual(
            finding.path.map(\.message),
            [
                "'declare' runs", "'restore' runs on the branch to 'restore'",
                "the case closes at 'close' while the branch to 'publish-updates' (at 'publish-updates') is still running",
            ])
        XCTAssertEqual(finding.subjects.activities, ["close", "publish-updates"])
    }

    func testTwoBranchesThatEachReachTheirOwnEnd() {
        XCTAssertFindings(
            header + """
                  - id: declare
                    name: Declare
                    responsible: incident-manager
                    next:
                      all: [restore, publish-updates]
                  - id: 1️⃣restore
                    name: Restore the service
                    responsible: incident-manager
                    end: true
                  - id: 2️⃣publish-updates
                    name: Publish the updates
                    responsible: incident-manager
                    end: true
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unfinished-branch",
                    "the case can close at 'restore' (Restore the service) while the branch to 'publish-updates' (at 'publish-updates') is still running: ending here stops that work unfinished (run: declare -> restore [the branch to 'restore'])",
                    severity: .warning, help: help),
                ExpectedFinding(
                    "2️⃣", "flow/unfinished-branch",
                    "the case can close at 'publish-updates' (Publish the updates) while the branch to 'restore' (at 'restore') is still running: ending here stops that work unfinished (run: declare -> publish-updates [the branch to 'publish-updates'])",
                    severity: .warning, help: help),
            ])
    }

    func testACancellationEndsTheRunningBranchesOnPurpose() {
        XCTAssertFindings(
            header + """
                  - id: declare
                    name: Declare
                    responsible: incident-manager
                    next:
                      all: [restore, publish-updates]
                  - id: restore
                    name: Restore the service
                    responsible: incident-manager
                    next: review
                  - id: publish-updates
                    name: Publish the updates
                    responsible: incident-manager
                    next: review
                  - id: review
                    name: Review
                    join: all
                    responsible: incident-manager
                    end: true
                  - id: stand-down
                    name: Stand down
                    responsible: incident-manager
                    end: true
                cancel:
                  - when: The incident proves not to be major.
                    to: stand-down
                """, rules: soundness, [])
    }

    func testACancellationTargetWithNoWayToAnEndIsNoEnd() {
        XCTAssertFindings(
            header + """
                  - id: declare
                    name: Declare
                    responsible: incident-manager
                    next:
                      all: [restore, publish-updates]
                  - id: restore
                    name: Restore the service
                    responsible: incident-manager
                    next: review
                  - id: publish-updates
                    name: Publish the updates
                    responsible: incident-manager
                    next: review
                  - id: review
                    name: Review
                    join: all
                    responsible: incident-manager
                    end: true
                  - id: 1️⃣stand-down
                    name: Stand down
                    responsible: incident-manager
                    next: 2️⃣stand-down
                cancel:
                  - when: The incident proves not to be major.
                    to: stand-down
                    from: [restore]
                """, rules: soundness.union(["flow/no-end", "flow/self-loop", "flow/unreachable"]),
            [
                ExpectedFinding(
                    "1️⃣", "flow/no-end",
                    "activity 'stand-down' (Stand down) cannot reach an end: the loop stand-down -> stand-down has no way out",
                    severity: .error,
                    help:
                        "send 'stand-down' to an activity that leads to an end instead of itself, or write `end: true` on it if the process ends there"
                ),
                ExpectedFinding(
                    "2️⃣", "flow/self-loop",
                    "activity 'stand-down' (Stand down) names itself as `next`: the case goes round the same activity"),
            ])
    }

    /// A branch that forks again without a join still arrives through its other part: the part that ends leaves
    /// work running (a warning), it does not leave the join waiting (no deadlock).
    func testAPartOfABranchThatEndsWhileItsSiblingPartArrives() {
        XCTAssertFindings(
            header + """
                  - {id: declare, name: Declare, responsible: incident-manager, next: {all: [restore, comms]}}
                  - {id: restore, name: Restore, responsible: incident-manager, next: {all: [fix, notify-customer]}}
                  - {id: fix, name: Fix, responsible: incident-manager, next: review}
                  - {id: 1️⃣notify-customer, name: Notify the customer, responsible: incident-manager, end: true}
                  - {id: comms, name: Keep the stakeholders informed, responsible: incident-manager, next: review}
                  - {id: 2️⃣review, name: Review, responsible: incident-manager, join: all, end: true}
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unfinished-branch",
                    "the case can close at 'notify-customer' (Notify the customer) while the branch to 'fix' (at 'fix') and the branch to 'comms' (at 'comms') are still running: ending here stops that work unfinished (run: declare -> restore [the branch to 'restore'] -> notify-customer [the branch to 'notify-customer'])",
                    severity: .warning, help: help),
                ExpectedFinding(
                    "2️⃣", "flow/unfinished-branch",
                    "the case can close at 'review' (Review) while the branch to 'notify-customer' (at 'notify-customer') is still running: ending here stops that work unfinished (run: declare -> restore [the branch to 'restore'] -> fix [the branch to 'fix'] -> comms [the branch to 'comms'] -> review)",
                    severity: .warning, help: help),
            ])
    }
}
