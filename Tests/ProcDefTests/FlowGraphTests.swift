import XCTest
import YAMLTree

@testable import ProcDef

final class FlowGraphTests: XCTestCase {
    private let here = SourceRange.fileStart

    private func activity(_ id: String, next: NextClause? = nil, end: Bool = false) -> Activity {
        Activity(id: Located(id, at: here), name: Located(id, at: here), next: next, end: end ? Located(true, at: here) : nil, range: here)
    }

    private func single(_ target: String) -> NextClause { .single(Located(target, at: here)) }

    private func branches(_ targets: String...) -> NextClause {
        .branches(targets.map { Branch(to: Located($0, at: here), range: here) }, range: here)
    }

    private func graph(_ activities: [Activity]) -> FlowGraph {
        FlowGraph(
            process: ProcessDefinition(
                id: Located("p", at: here), name: Located("P", at: here), activities: activities, file: "p.yaml", range: here,
                headerRange: here))
    }

    func testFallThroughSingleAndBranches() {
        let g = graph([
            activity("log"),
            activity("triage", next: branches("fix", "escalate")),
            activity("escalate", next: single("fix")),
            activity("fix"),
            activity("close", end: true),
        ])
        XCTAssertEqual(g.transitions.map { "\($0.source)->\($0.target)" }, ["0->1", "1->3", "1->2", "2->3", "3->4"])
        XCTAssertEqual(g.transitions.map(\.kind), [.fallThrough, .branch(index: 0), .branch(index: 1), .single, .fallThrough])
        XCTAssertEqual(g.ends, [4])
        XCTAssertEqual(g.isReachable, [true, true, true, true, true])
        XCTAssertEqual(g.canReachEnd, [true, true, true, true, true])
        XCTAssertEqual(g.start, 0)
        XCTAssertEqual(g.index(of: "fix"), 3)
        XCTAssertNil(g.index(of: "nowhere"))
    }

    func testEndStopsTheFallThroughAndLastActivityEnds() {
        let g = graph([activity("a", end: true), activity("b"), activity("c")])
        XCTAssertEqual(g.ends, [0, 2])
        XCTAssertEqual(g.isReachable, [true, false, false])
        XCTAssertEqual(g.canReachEnd, [true, true, true])
    }

    func testLoopWithoutExitCannotReachAnEnd() {
        let g = graph([activity("a"), activity("b", next: single("a")), activity("c")])
        XCTAssertEqual(g.canReachEnd, [false, false, true])
        XCTAssertEqual(g.isReachable, [true, true, false])
        XCTAssertEqual(g.transitions.filter(\.isBackEdge).map { "\($0.source)->\($0.target)" }, ["1->0"])
    }

    func testLoopWithExitCanReachAnEnd() {
        let g = graph([activity("a"), activity("b", next: branches("a", "c")), activity("c")])
        XCTAssertEqual(g.canReachEnd, [true, true, true])
        XCTAssertEqual(g.transitions.filter(\.isBackEdge).count, 1)
    }

    func testSelfLoopIsABackEdge() {
        let g = graph([activity("a", next: branches("a", "b")), activity("b")])
        XCTAssertEqual(g.transitions.first?.isBackEdge, true)
        XCTAssertEqual(g.transitions.last?.isBackEdge, false)
    }

    func testUnknownTargetsAreLeftOutOfTheGraph() {
        let g = graph([activity("a", next: single("missing")), activity("b")])
        XCTAssertEqual(g.transitions.count, 0)
        XCTAssertEqual(g.ends, [1])
        XCTAssertEqual(g.canReachEnd, [false, true])
    }

    func testEndWithNextKeepsBothTheEndAndTheEdge() {
        let g = graph([activity("a", next: single("b"), end: true), activity("b")])
        XCTAssertEqual(g.ends, [0, 1])
        XCTAssertEqual(g.isReachable, [true, true])
    }

    func testShortestPathAvoidingBlockedActivities() {
        let g = graph([
            activity("declare", next: branches("log", "diagnose")),
            activity("log", next: single("diagnose")),
            activity("diagnose"),
        ])
        XCTAssertEqual(g.shortestPaths { $0 == 1 }.path(to: 2), [0, 2])
        XCTAssertNil(g.shortestPaths { $0 == 0 }.path(to: 2))
        XCTAssertEqual(g.shortestPaths { _ in false }.path(to: 0), [0])
    }

    func testEmptyProcessHasNoStart() {
        let g = graph([])
        XCTAssertNil(g.start)
        XCTAssertEqual(g.ends, [])
    }

    /// 5,000 activities in a chain, every tenth looping back: the work stays proportional to activities plus edges.
    func testLongChainWithBackEdgesIsLinear() {
        let count = 5_000
        var activities: [Activity] = []
        for i in 0..<count {
            if i % 10 == 9 && i + 1 < count {
                activities.append(activity("a\(i)", next: branches("a\(i - 9)", "a\(i + 1)")))
            } else {
                activities.append(activity("a\(i)"))
            }
        }
        let g = graph(activities)
        let size = g.activityCount + g.transitions.count
        XCTAssertEqual(g.transitions.filter(\.isBackEdge).count, 499)
        XCTAssertTrue(g.isReachable.allSatisfy { $0 })
        XCTAssertTrue(g.canReachEnd.allSatisfy { $0 })
        XCTAssertLessThanOrEqual(g.traversalSteps, 6 * size, "graph analyses should visit each activity and edge a bounded number of times")
    }

    private func fork(_ branches: [Branch]) -> NextClause { .fork(Fork(branches: branches, range: here)) }

    private func to(_ target: String) -> Branch { Branch(to: Located(target, at: here), range: here) }

    private func all(_ branches: Branch...) -> Branch { Branch(fork: Fork(branches: branches, range: here), range: here) }

    private func join(_ id: String, next: NextClause? = nil, end: Bool = false) -> Activity {
        var joined = activity(id, next: next, end: end)
        joined.join = Located(.all, at: here)
        return joined
    }

    /// Each fork is matched with the nearest join two of its branches reach; the inner fork's join first, and the
    /// outer fork's branch passes through it to the outer join.
    func testForksAreMatchedWithTheJoinsThatCloseThem() {
        let g = graph([
            activity("assess", next: fork([to("contain"), all(to("tell-users"), to("tell-business"))])),
            activity("contain", next: single("review")),
            activity("tell-users", next: single("report")),
            activity("tell-business", next: single("report")),
            join("report", next: single("review")),
            join("review", end: true),
        ])
        XCTAssertEqual(g.forks.map(\.source), [0, 0])
        XCTAssertEqual(g.forks.map(\.join), [5, 4])
        XCTAssertEqual(g.forks.map { $0.parent?.site }, [nil, 0])
        XCTAssertEqual(
            g.transitions.filter { $0.source == 0 }.map(\.kind),
            [
                .fork(.init(decision: nil, site: 0, branch: 0, isTopLevel: true)),
                .fork(.init(decision: nil, site: 1, branch: 0, isTopLevel: false)),
                .fork(.init(decision: nil, site: 1, branch: 1, isTopLevel: false)),
            ])
        XCTAssertEqual(
            g.transitions.filter { $0.source == 0 }.compactMap { t in if case .fork(let r) = t.kind { g.path(of: r) } else { nil } },
            [[0], [1, 0], [1, 1]])
        XCTAssertEqual(g.isReachable, Array(repeating: true, count: 6))
        XCTAssertEqual(g.canReachEnd, Array(repeating: true, count: 6))
    }

    /// A cancellation without `from` interrupts every activity the start reaches without passing its target, other
    /// than the ends; the target's own way on is not interrupted by it.
    func testACancellationsDefaultSources() {
        let g = FlowGraph(
            process: ProcessDefinition(
                id: Located("p", at: here), name: Located("P", at: here),
                activities: [
                    activity("triage"),
                    activity("contain", next: single("close")),
                    activity("close", end: true),
                    activity("false-alarm"),
                    activity("tell-reporter", end: true),
                ],
                cancellations: [Cancellation(when: nil, to: Located("false-alarm", at: here), range: here)],
                file: "p.yaml", range: here, headerRange: here))
        XCTAssertEqual(g.cancellations.map(\.target), [3])
        XCTAssertEqual(g.cancellations.map(\.sources), [[0, 1]])
        XCTAssertEqual(g.cancellable, [[0], [0], [], [], []])
        // Reached only by the cancellation, and still reached.
        XCTAssertEqual(g.isReachable, [true, true, true, true, true])
        XCTAssertTrue(g.hasParallelWork)
    }

    /// An activity reached only by another entry's cancellation (a rollback) can be cut short by a default entry too.
    func testADefaultFromFollowsTheOtherCancellations() {
        let g = FlowGraph(
            process: ProcessDefinition(
                id: Located("p", at: here), name: Located("P", at: here),
                activities: [
                    activity("implement", next: single("close")),
                    activity("close", end: true),
                    activity("roll-back"),
                    activity("verify-rollback", end: true),
                    activity("abandon", end: true),
                ],
                cancellations: [
                    Cancellation(when: nil, to: Located("roll-back", at: here), from: [Located("implement", at: here)], range: here),
                    Cancellation(when: nil, to: Located("abandon", at: here), range: here),
                ],
                file: "p.yaml", range: here, headerRange: here))
        XCTAssertEqual(g.cancellations.map(\.sources), [[0], [0, 2]])
    }
}
