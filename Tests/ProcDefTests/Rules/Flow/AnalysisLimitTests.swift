import XCTest

@testable import ProcDef

final class AnalysisLimitTests: XCTestCase {
    private let fixture = """
        kind: process
        id: change-enablement
        name: Change Enablement
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
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
          - id: close
            name: Close
            responsible: incident-manager
            end: true
        """

    func testPastTheStateLimitSoundnessIsNotDecided() {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.maxStatesPerProcess = 2
        XCTAssertFindings(
            "1️⃣" + fixture, rules: ["flow/analysis-limit", "flow/deadlock", "flow/unfinished-branch"], options: options,
            [
                ExpectedFinding(
                    "1️⃣", "flow/analysis-limit",
                    "the soundness of process 'change-enablement' was not decided: exploring its parallel work took more than 2 states (the `max-states` limit); deadlocks and unfinished branches may remain unreported",
                    severity: .note,
                    help:
                        "give each fork a `join: all` its branches always reach, so each block is decided on its own; or raise the limit with `--max-states`"
                )
            ])
    }

    func testWithinTheLimitNothingIsSaid() {
        XCTAssertFindings(fixture, rules: ["flow/analysis-limit"], [])
    }

    func testTheLimitIsASafetyLimitLikeTheOthers() {
        XCTAssertEqual(InputLimit.named("max-states"), .maxStates)
        XCTAssertEqual(InputLimit.maxStates.defaultValue, 100_000)
    }

    /// A fork explored branch by branch may have 16 branches; more, without a join they all reach, is not explored.
    func testAWideForkWithoutAJoinIsNotExplored() {
        let steps = (1...17).map { "  - {id: step-\($0), name: Step \($0), responsible: incident-manager, end: true}" }
        let fixture = """
            1️⃣kind: process
            id: wide
            name: Wide
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - {id: split, name: Split, responsible: incident-manager, next: {all: [\((1...17).map { "step-\($0)" }.joined(separator: ", "))]}}
            \(steps.joined(separator: "\n"))
            """
        XCTAssertFindings(
            fixture, rules: ["flow/analysis-limit", "flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/analysis-limit",
                    "the soundness of process 'wide' was not decided: the fork at 'split' has more than 16 branches and no `join: all` they all reach; deadlocks and unfinished branches may remain unreported",
                    severity: .note,
                    help: "give the fork a `join: all` every branch reaches, or group the branches into nested forks of fewer branches each"
                )
            ])
    }
}
