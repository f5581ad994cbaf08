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
}
