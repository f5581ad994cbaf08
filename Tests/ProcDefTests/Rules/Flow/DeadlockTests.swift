import XCTest

@testable import ProcDef

final class DeadlockTests: XCTestCase {
    private let soundness: Set<String> = ["flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge", "flow/analysis-limit"]

    private let header = """
        kind: process
        id: security-incident
        name: Security Incident Response
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:

        """

    func testABranchThatEndsDownADecisionLeavesItsJoinWaiting() throws {
        let text =
            header + """
                  - id: assess
                    name: Confirm and assess
                    responsible: incident-manager
                    next:
                      all: [contain, send-sitrep]
                  - id: contain
                    name: Contain and remediate
                    responsible: incident-manager
                    next:
                      - {to: retrospective, when: The threat is removed.}
                      - {to: hand-over, when: A state actor is behind it.}
                  - id: hand-over
                    name: Hand the case to the agency
                    responsible: incident-manager
                    end: true
                  - id: send-sitrep
                    name: Send the situation report
                    responsible: incident-manager
                    next: retrospective
                  - id: 1️⃣retrospective
                    name: Hold the retrospective
                    join: all
                    responsible: incident-manager
                    end: true
                """
        XCTAssertFindings(
            text, rules: soundness,
            [
                ExpectedFinding(
                    "1️⃣", "flow/deadlock",
                    "'retrospective' (Hold the retrospective) waits for every branch of the fork at 'assess', but the branch to 'contain' can end the case at 'hand-over' first, so the join never starts (run: assess -> contain [the branch to 'contain'] -> hand-over)",
                    severity: .error,
                    help:
                        "send the branch to 'contain' on to 'retrospective' on every path, or, if the case may really close at 'hand-over', cut it short with a `cancel` entry, which ends every running branch"
                )
            ])
        // The witness names each step and its branch, and says at the end what goes wrong.
        let report = try RuleFixtureRunner.run(["fixture.yaml": MarkedFixture(text).text])
        let deadlock = try XCTUnwrap(report.diagnostics.first { $0.rule == "flow/deadlock" })
        XCTAssertEqual(
            deadlock.path.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" },
            [
                "8:9 'assess' runs",
                "13:9 'contain' runs on the branch to 'contain'",
                "19:9 the case ends at 'hand-over': 'retrospective' never gets the branch to 'contain'",
            ])
        XCTAssertEqual(deadlock.subjects.activities, ["retrospective", "assess"])
    }

    func testEveryBranchReachingTheJoinIsSound() {
        XCTAssertFindings(
            header + """
                  - id: assess
                    name: Confirm and assess
                    responsible: incident-manager
                    next:
                      all: [contain, send-sitrep]
                  - id: contain
                    name: Contain and remediate
                    responsible: incident-manager
                    next:
                      - {to: retrospective, when: The threat is removed.}
                      - {to: hand-over, when: A state actor is behind it.}
                  - id: hand-over
                    name: Hand the case to the agency
                    responsible: incident-manager
                    next: retrospective
                  - id: send-sitrep
                    name: Send the situation report
                    responsible: incident-manager
                    next: retrospective
                  - id: retrospective
                    name: Hold the retrospective
                    join: all
                    responsible: incident-manager
                    end: true
                """, rules: soundness, [])
    }

    func testABranchThatGoesBackToItsForkBeforeArrivingDeadlocks() {
        XCTAssertFindings(
            header + """
                  - id: assess
                    name: Confirm and assess
                    responsible: incident-manager
                    next:
                      all: [contain, send-sitrep]
                  - id: contain
                    name: Contain and remediate
                    responsible: incident-manager
                    next:
                      - {to: 1️⃣retrospective, when: The threat is removed.}
                      - {to: assess, when: The scope has grown.}
                  - id: send-sitrep
                    name: Send the situation report
                    responsible: incident-manager
                    next: retrospective
                  - id: 2️⃣retrospective
                    name: Hold the retrospective
                    join: all
                    responsible: incident-manager
                    end: true
                """, rules: soundness,
            [
                ExpectedFinding(
                    "2️⃣", "flow/deadlock",
                    "'retrospective' (Hold the retrospective) waits for every branch of the fork at 'assess', but the branch to 'contain' can go back to 'assess' before it arrives, so the join never starts (run: assess -> contain [the branch to 'contain'] -> assess)",
                    severity: .error, help: "loop inside the branch, or loop back to 'assess' only after 'retrospective'")
            ])
    }

    func testNestedForksAndADecisionThatForksAreSound() {
        XCTAssertFindings(
            header + """
                  - id: assess
                    name: Confirm and assess
                    responsible: incident-manager
                    next:
                      - when: The incident is confirmed.
                        all:
                          - contain
                          - all: [notify-users, notify-business]
                      - {to: close, when: It is a false alarm.}
                  - id: contain
                    name: Contain and remediate
                    responsible: resolver
                    next: retrospective
                    handoff: {artifact: containment-log, expectation: The retrospective is held within 5 days.}
                  - id: notify-users
                    name: Notify the users
                    responsible: comms
                    next: report
                    handoff: {artifact: notice, expectation: The report goes out within a day.}
                  - id: notify-business
                    name: Notify the business
                    responsible: comms
                    next: report
                    handoff: {artifact: notice, expectation: The report goes out within a day.}
                  - id: report
                    name: Write the communications report
                    join: all
                    responsible: comms
                    next: retrospective
                    handoff: {artifact: communications-report, expectation: The retrospective is held within 5 days.}
                  - id: retrospective
                    name: Hold the retrospective
                    join: all
                    responsible: incident-manager
                    next: close
                  - id: close
                    name: Close the incident
                    responsible: incident-manager
                    end: true
                """, rules: soundness, [])
    }

    func testAForkAndJoinInsideALoopIsSound() {
        XCTAssertFindings(
            header + """
                  - id: plan
                    name: Plan the remediation round
                    responsible: incident-manager
                    next:
                      all: [fix, report]
                  - id: fix
                    name: Apply the fixes
                    responsible: incident-manager
                    next: verify
                  - id: report
                    name: Report progress
                    responsible: incident-manager
                    next: verify
                  - id: verify
                    name: Verify the round
                    join: all
                    responsible: incident-manager
                    next:
                      - {to: plan, when: Findings remain.}
                      - {to: close, when: Everything is fixed.}
                  - id: close
                    name: Close
                    responsible: incident-manager
                    end: true
                """, rules: soundness, [])
    }

    func testTheStatesExploredStayFewForStructuredForks() throws {
        let report = try RuleFixtureRunner.run(
            [
                "fixture.yaml": header + """
                      - id: assess
                        name: Confirm and assess
                        responsible: incident-manager
                        next:
                          all: [contain, send-sitrep]
                      - id: contain
                        name: Contain and remediate
                        responsible: incident-manager
                        next: retrospective
                      - id: send-sitrep
                        name: Send the situation report
                        responsible: incident-manager
                        next: retrospective
                      - id: retrospective
                        name: Hold the retrospective
                        join: all
                        responsible: incident-manager
                        end: true
                    """
            ])
        let process = try XCTUnwrap(report.workspace.processes.first)
        let graph = FlowGraph(process: process)
        let analysis = SoundnessAnalysis(graph: graph, activities: process.activities, stateLimit: 100)
        XCTAssertEqual(analysis.isStructuredBlock, [true])
        // assess, then the join: the block is stepped over.
        XCTAssertEqual(analysis.statesExplored, 2)
    }
}

/// The decomposition into fork-join blocks is what keeps nested forks cheap: the same process explored branch by
/// branch needs the product of its branches' positions.
final class SoundnessDecompositionTests: XCTestCase {
    /// A fork of three branches of three steps each, the first branch holding the same shape again, three deep.
    private func nestedForks(depth: Int, counter: inout Int) -> (first: String, last: String, lines: [String]) {
        counter += 1
        let fork = "fork-\(counter)"
        let join = "join-\(counter)"
        var lines: [String] = []
        var starts: [String] = []
        var branchLines: [String] = []
        for branch in 1...3 {
            var previous: String?
            for step in 1...3 {
                let id: String
                let last: String
                var stepLines: [String] = []
                if branch == 1 && step == 2 && depth < 3 {
                    let inner = nestedForks(depth: depth + 1, counter: &counter)
                    id = inner.first
                    last = inner.last
                    stepLines = inner.lines
                } else {
                    counter += 1
                    id = "step-\(counter)"
                    last = id
                    stepLines = ["  - {id: \(id), name: Step \(counter), responsible: incident-manager, next: NEXT-\(id)}"]
                }
                if let previous {
                    branchLines = branchLines.map { $0.replacingOccurrences(of: "NEXT-\(previous)}", with: "\(id)}") }
                } else {
                    starts.append(id)
                }
                branchLines += stepLines
                previous = last
            }
            if let previous { branchLines = branchLines.map { $0.replacingOccurrences(of: "NEXT-\(previous)}", with: "\(join)}") } }
        }
        lines.append(
            "  - {id: \(fork), name: Fork \(fork), responsible: incident-manager, next: {all: [\(starts.joined(separator: ", "))]}}")
        lines += branchLines
        lines.append("  - {id: \(join), name: Join \(join), responsible: incident-manager, join: all, next: NEXT-\(join)}")
        return (fork, join, lines)
    }

    func testNestedForksAreDecidedBlockByBlock() throws {
        var counter = 0
        let block = nestedForks(depth: 1, counter: &counter)
        let text = """
            kind: process
            id: nested
            name: Nested
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
            \(block.lines.joined(separator: "\n").replacingOccurrences(of: "next: NEXT-\(block.last)}", with: "end: true}"))

            """
        let report = try RuleFixtureRunner.run(["fixture.yaml": text])
        XCTAssertEqual(report.diagnostics.filter { $0.rule.hasPrefix("flow/") }.map(\.message), [])
        let process = try XCTUnwrap(report.workspace.processes.first)
        let graph = FlowGraph(process: process)
        XCTAssertEqual(graph.forks.count, 3)
        let decomposed = SoundnessAnalysis(graph: graph, activities: process.activities, stateLimit: -1)
        XCTAssertEqual(decomposed.isStructuredBlock, [true, true, true])
        XCTAssertEqual(decomposed.statesExplored, 2)
        let flat = SoundnessAnalysis(graph: graph, activities: process.activities, stateLimit: -1, stepsOverStructuredBlocks: false)
        XCTAssertNil(flat.undecided)
        XCTAssertTrue(flat.deadlocks.isEmpty && flat.unfinishedBranches.isEmpty && flat.unjoinedMerges.isEmpty)
        XCTAssertEqual(flat.statesExplored, 17473)
    }
}
