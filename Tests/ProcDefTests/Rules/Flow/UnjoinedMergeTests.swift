import XCTest

@testable import ProcDef

final class UnjoinedMergeTests: XCTestCase {
    private let soundness: Set<String> = ["flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge", "flow/analysis-limit"]

    private let header = """
        kind: process
        id: change-enablement
        name: Change Enablement
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:

        """

    private func help(_ id: String) -> String {
        "add `join: all` to '\(id)' if it should start once, after every branch; or give each branch its own activity"
    }

    func testAForkWithNoJoin() throws {
        let text =
            header + """
                  - id: approve
                    name: Approve
                    responsible: incident-manager
                    next:
                      all: [update-docs, notify-desk]
                  - id: update-docs
                    name: Update the documentation
                    responsible: incident-manager
                    next: close
                  - id: notify-desk
                    name: Notify the service desk
                    responsible: incident-manager
                    next: close
                  - id: 1️⃣close
                    name: Close
                    responsible: incident-manager
                    end: true
                """
        XCTAssertFindings(
            text, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unjoined-merge",
                    "the branch to 'update-docs' and the branch to 'notify-desk' of the fork at 'approve' both reach 'close' (Close), which has no `join: all`: it runs once for each (run: approve -> update-docs [the branch to 'update-docs'] -> close -> notify-desk [the branch to 'notify-desk'] -> close)",
                    severity: .warning, help: help("close"))
            ])
    }

    func testBranchesMeetingBeforeTheirJoin() {
        XCTAssertFindings(
            header + """
                  - id: approve
                    name: Approve
                    responsible: incident-manager
                    next:
                      all: [update-docs, notify-desk]
                  - id: update-docs
                    name: Update the documentation
                    responsible: incident-manager
                    next: record
                  - id: notify-desk
                    name: Notify the service desk
                    responsible: incident-manager
                    next: record
                  - id: 1️⃣record
                    name: Record what was done
                    responsible: incident-manager
                    next: close
                  - id: close
                    name: Close
                    join: all
                    responsible: incident-manager
                    end: true
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unjoined-merge",
                    "the branch to 'update-docs' and the branch to 'notify-desk' of the fork at 'approve' both reach 'record' (Record what was done), which has no `join: all`: it runs once for each (run: approve -> update-docs [the branch to 'update-docs'] -> record -> notify-desk [the branch to 'notify-desk'] -> record)",
                    severity: .warning, help: help("record"))
            ])
    }

    func testAForkInALoopStartedAgainBeforeItsBranchMovedOn() {
        XCTAssertFindings(
            header + """
                  - id: monitor
                    name: Monitor the change
                    responsible: incident-manager
                    next:
                      all: [check-health, report]
                  - id: check-health
                    name: Check the service health
                    responsible: incident-manager
                    next:
                      - {to: monitor, when: The window is still open.}
                      - {to: close, when: The window has closed.}
                  - id: report
                    name: Report the status
                    responsible: incident-manager
                    next: close
                  - id: 2️⃣close
                    name: Close
                    join: all
                    responsible: incident-manager
                    end: true
                """, rules: soundness,
            [
                ExpectedFinding(
                    "2️⃣", "flow/deadlock",
                    "'close' (Close) waits for every branch of the fork at 'monitor', but the branch to 'check-health' can go back to 'monitor' before it arrives, so the join never starts (run: monitor -> check-health [the branch to 'check-health'] -> monitor)",
                    severity: .error, help: "loop inside the branch, or loop back to 'monitor' only after 'close'")
            ])
    }

    func testAForkWithoutJoinInALoopArrivesTwice() {
        XCTAssertFindings(
            header + """
                  - id: monitor
                    name: Monitor the change
                    responsible: incident-manager
                    next:
                      all: [check-health, report]
                  - id: check-health
                    name: Check the service health
                    responsible: incident-manager
                    next: monitor
                  - id: 1️⃣report
                    name: Report the status
                    responsible: incident-manager
                    end: true
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unjoined-merge",
                    "a second branch arrives at 'report' (Report the status), which has no `join: all`: it runs once for each (run: monitor -> check-health [the branch to 'check-health'] -> monitor -> report [the branch to 'report'])",
                    severity: .warning, help: help("report"))
            ])
    }

    /// Everything after the first meeting runs twice as well, and the case closes at the end below it while the
    /// other arrival is still on its way: one finding, where `join: all` fixes it all.
    func testOnlyTheFirstMeetingIsReported() {
        XCTAssertFindings(
            header + """
                  - {id: approve, name: Approve, responsible: incident-manager, next: {all: [update-docs, notify-desk]}}
                  - {id: update-docs, name: Update the documentation, responsible: incident-manager, next: close}
                  - {id: notify-desk, name: Notify the service desk, responsible: incident-manager, next: close}
                  - {id: 1️⃣close, name: Close, responsible: incident-manager, next: archive}
                  - {id: archive, name: Archive, responsible: incident-manager, end: true}
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unjoined-merge",
                    "the branch to 'update-docs' and the branch to 'notify-desk' of the fork at 'approve' both reach 'close' (Close), which has no `join: all`: it runs once for each (run: approve -> update-docs [the branch to 'update-docs'] -> close -> notify-desk [the branch to 'notify-desk'] -> close)",
                    severity: .warning, help: help("close"))
            ])
    }

    /// Branches of a joined fork that can both abort to one end never both run it: the first closes the case, and
    /// the join that waits is the finding, not a merge at the end.
    func testASharedAbortEndOfAJoinedForkIsTheDeadlocksFinding() {
        XCTAssertFindings(
            header + """
                  - {id: a, name: Start both checks, responsible: incident-manager, next: {all: [b, c]}}
                  - {id: b, name: Check B, responsible: incident-manager, next: [{when: Fine., to: j}, {when: Broken., to: stop}]}
                  - {id: c, name: Check C, responsible: incident-manager, next: [{when: Fine., to: j}, {when: Broken., to: stop}]}
                  - {id: stop, name: Stop, responsible: incident-manager, end: true}
                  - {id: 1️⃣j, name: Go on, responsible: incident-manager, join: all, end: true}
                """, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/deadlock",
                    "'j' (Go on) waits for every branch of the fork at 'a', but the branch to 'b' can end the case at 'stop' first, so the join never starts (run: a -> b [the branch to 'b'] -> stop)",
                    severity: .error)
            ])
    }
}
