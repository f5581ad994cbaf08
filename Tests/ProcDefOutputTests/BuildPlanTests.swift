import ProcDef
import XCTest
@testable import ProcDefOutput

/// The planned tree: its paths, what it leaves out, and the broken inputs a build with `--allow-errors` can meet.
final class BuildPlanTests: XCTestCase {
    func testPlansEveryFileOfEveryProcess() throws {
        let plan = try BuildPlan(report: ServiceFixture.report)
        XCTAssertEqual(plan.tree.paths, [
            "diagrams/landscape.dot", "diagrams/problem-analysis.dot", "diagrams/service-restoration.dot", "handoffs.md", "index.md",
            "raci/problem-analysis.csv", "raci/service-restoration.csv",
            "runbooks/problem-analysis.md", "runbooks/service-restoration.md",
        ])
        XCTAssertEqual(plan.diagrams, ["diagrams/landscape.dot", "diagrams/problem-analysis.dot", "diagrams/service-restoration.dot"])
        XCTAssertEqual(plan.skipped, [])
    }

    func testIdsThatCannotBeFileNamesAreLeftOut() throws {
        let unsafe = Model.process("../../etc/passwd", "Escape", owner: "desk", activities: [Model.activity("a", "A", responsible: ["desk"])])
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [ServiceFixture.service, unsafe])
        let plan = try BuildPlan(report: report)
        XCTAssertEqual(plan.skipped, ["../../etc/passwd"])
        XCTAssertTrue(plan.tree.paths.allSatisfy(OutputLayout.isValidPath))
        XCTAssertFalse(plan.tree.paths.contains { $0.contains("passwd") })
        XCTAssertFalse(try XCTUnwrap(plan.tree.text(at: "index.md")).contains("Escape"))
    }

    func testAProcessNamedLandscapeIsRefusedNotOverwritten() throws {
        let landscape = Model.process("landscape", "Landscape", owner: "desk", activities: [Model.activity("a", "A", responsible: ["desk"])])
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [landscape])
        XCTAssertThrowsError(try BuildPlan(report: report)) { error in
            XCTAssertEqual(error as? BuildError, .reservedID("landscape"))
        }
    }

    func testBrokenProcessesStillRender() throws {
        // What only `--allow-errors` lets through: no activities, no roles, unknown roles and targets, duplicates.
        let empty = Model.process("empty", "Empty", activities: [])
        let broken = Model.process(
            "broken", "Broken", owner: "nobody",
            activities: [
                Model.activity("a", "A", responsible: [], next: Model.next("missing")),
                Model.activity("a", "A again", responsible: ["ghost"], triggers: [Model.trigger("empty", activity: "nowhere")]),
                Model.activity("b", "B", responsible: ["desk"], next: Model.next("b"), end: true),
            ]
        )
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [empty, broken, empty])
        let plan = try BuildPlan(report: report, diagramImage: .svg)
        for path in plan.diagrams {
            XCTAssertTrue(try GraphvizTool.svg(try XCTUnwrap(plan.tree.text(at: path))).contains("<svg"), path)
        }
        for path in plan.tree.paths where path.hasSuffix(".md") {
            XCTAssertTrue(try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path))).contains("<h1>"), path)
        }
        let runbook = try XCTUnwrap(plan.tree.text(at: "runbooks/broken.md"))
        XCTAssertTrue(runbook.contains("`ghost` (unknown role)"), runbook)
        XCTAssertTrue(runbook.contains("`nobody` (unknown role)"), runbook)
        XCTAssertTrue(runbook.contains("`empty` (no such process or entry activity)"), runbook)
    }
}
