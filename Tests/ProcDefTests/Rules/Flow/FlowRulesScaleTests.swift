import XCTest
import YAMLTree

@testable import ProcDef

/// The flow and ownership rules on one process of 5,000 activities, built in memory and checked through the real
/// `Checker`: the findings are exact and the flow graph's work stays proportional to activities plus transitions.
final class FlowRulesScaleTests: XCTestCase {
    private let here = SourceRange.fileStart
    private let count = 5_000

    private func role(_ id: String, _ name: String, _ kind: RoleKind) -> Role {
        Role(
            id: Located(id, at: here), name: Located(name, at: here), kind: Located(kind, at: here), scope: .catalogue, file: "roles.yaml",
            range: here)
    }

    private func process(_ activities: [Activity]) -> ProcessDefinition {
        ProcessDefinition(
            id: Located("long-process", at: here), name: Located("Long Process", at: here),
            owner: Located("process-owner", at: here), manager: Located("incident-manager", at: here),
            caseOwner: Located("service-desk", at: here),
            defaultAccountable: Located("incident-manager", at: here), activities: activities,
            file: "long.yaml", range: here, headerRange: here
        )
    }

    private func activity(_ i: Int, next: NextClause? = nil) -> Activity {
        Activity(
            id: Located("a\(i)", at: here), name: Located("Step \(i)", at: here),
            responsible: [Located("service-desk", at: here)], next: next, range: here
        )
    }

    private func branch(to target: Int, when condition: String) -> Branch {
        Branch(to: Located("a\(target)", at: here), when: Located(condition, at: here), range: here)
    }

    private func check(_ activities: [Activity]) -> (findings: [Diagnostic], graph: FlowGraph) {
        let catalogue = RoleCatalogue(
            roles: [
                role("process-owner", "Process Owner", .owner),
                role("incident-manager", "Incident Manager", .manager),
                role("service-desk", "Service Desk Analyst", .practitioner),
            ], file: "roles.yaml", range: here)
        let process = process(activities)
        let report = Checker.check(Workspace(catalogues: [catalogue], processes: [process]))
        let ours = report.diagnostics.filter { $0.rule.hasPrefix("flow/") || $0.rule.hasPrefix("ownership/") }
        return (ours, FlowGraph(process: process))
    }

    /// A chain where every tenth activity may go back nine steps for rework: every loop has a way out.
    func testLongChainWithBackEdgesHasNoFindingsAndLinearGraphWork() {
        let activities = (0..<count).map { i in
            guard i % 10 == 9 && i + 1 < count else { return activity(i) }
            return activity(
                i,
                next: .branches(
                    [
                        branch(to: i - 9, when: "The work must be redone."),
                        branch(to: i + 1, when: "The work is done."),
                    ], range: here))
        }
        let (findings, graph) = check(activities)
        XCTAssertEqual(findings.map { "\($0.rule): \($0.message)" }, [])
        XCTAssertEqual(graph.transitions.filter(\.isBackEdge).count, 499)
        let size = graph.activityCount + graph.transitions.count
        XCTAssertLessThanOrEqual(
            graph.traversalSteps, 6 * size, "graph analyses should visit each activity and edge a bounded number of times")
    }

    /// The same chain closed into one loop with no way out: one finding for the whole loop, not 5,000.
    func testLongLoopWithNoWayOutIsReportedOnce() {
        let activities = (0..<count).map { i in
            i == count - 1 ? activity(i, next: .single(Located("a0", at: here))) : activity(i)
        }
        let (findings, graph) = check(activities)
        XCTAssertEqual(
            findings.map { "\($0.rule): \($0.message)" },
            [
                "flow/no-end: activity 'a0' (Step 0) cannot reach an end: the loop a0 -> a1 -> a2 -> a3 -> ... -> a4997 -> a4998 -> a4999 -> a0 (5000 activities) has no way out"
            ])
        XCTAssertLessThanOrEqual(graph.traversalSteps, 6 * (graph.activityCount + graph.transitions.count))
    }
}
