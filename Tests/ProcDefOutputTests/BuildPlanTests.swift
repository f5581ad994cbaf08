import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The planned tree: its paths, what it leaves out, and the broken inputs a build with `--allow-errors` can meet.
final class BuildPlanTests: XCTestCase {
    func testPlansEveryFileOfEveryProcess() throws {
        let plan = try BuildPlan(report: ServiceFixture.report)
        XCTAssertEqual(
            plan.tree.paths,
            [
                "diagrams/landscape.dot", "diagrams/problem-analysis.blueprint.dot", "diagrams/problem-analysis.dot",
                "diagrams/service-restoration.blueprint.dot", "diagrams/service-restoration.dot", "handoffs.md", "index.md",
                "raci/problem-analysis.csv", "raci/roles.csv", "raci/service-restoration.csv",
                "runbooks/problem-analysis.md", "runbooks/service-restoration.md",
            ])
        XCTAssertEqual(
            plan.diagrams,
            [
                "diagrams/landscape.dot", "diagrams/problem-analysis.blueprint.dot", "diagrams/problem-analysis.dot",
                "diagrams/service-restoration.blueprint.dot", "diagrams/service-restoration.dot",
            ])
        XCTAssertEqual(plan.skipped, [])
    }

    func testIdsThatCannotBeFileNamesAreLeftOut() throws {
        let unsafe = Model.process(
            "../../etc/passwd", "Escape", owner: "desk", activities: [Model.activity("a", "A", responsible: ["desk"])])
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [ServiceFixture.service, unsafe])
        let plan = try BuildPlan(report: report)
        XCTAssertEqual(plan.skipped, ["../../etc/passwd"])
        XCTAssertTrue(plan.tree.paths.allSatisfy(OutputLayout.isValidPath))
        XCTAssertFalse(plan.tree.paths.contains { $0.contains("passwd") })
        XCTAssertFalse(try XCTUnwrap(plan.tree.text(at: "index.md")).contains("Escape"))
    }

    func testAProcessNamedLandscapeIsRefusedNotOverwritten() throws {
        let landscape = Model.process(
            "landscape", "Landscape", owner: "desk", activities: [Model.activity("a", "A", responsible: ["desk"])])
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [landscape])
        XCTAssertThrowsError(try BuildPlan(report: report)) { error in
            XCTAssertEqual(error as? BuildError, .reservedID("landscape"))
        }
    }

    func testAProcessNamedRolesIsRefusedNotOverwritten() throws {
        let roles = Model.process("roles", "Roles", owner: "desk", activities: [Model.activity("a", "A", responsible: ["desk"])])
        let report = Model.report(catalogue: ServiceFixture.catalogue, processes: [roles])
        XCTAssertThrowsError(try BuildPlan(report: report)) { error in
            XCTAssertEqual(error as? BuildError, .reservedID("roles"))
            XCTAssertEqual(
                (error as? BuildError)?.description,
                "process id 'roles' cannot be built: its RACI matrix would replace raci/roles.csv, the list of every role; rename the process"
            )
        }
    }

    func testBrokenProcessesStillRender() throws {
        let plan = try BuildPlan(report: Self.brokenReport(), diagramImage: .svg)
        let runbook = try XCTUnwrap(plan.tree.text(at: "runbooks/broken.md"))
        XCTAssertTrue(runbook.contains("`ghost` (unknown role)"), runbook)
        XCTAssertTrue(runbook.contains("`nobody` (unknown role)"), runbook)
        XCTAssertTrue(runbook.contains("`empty` (no such process or entry activity)"), runbook)
    }

    /// Graphviz and cmark-gfm accept what the broken processes render to; skipped where either is missing.
    func testBrokenProcessesRenderInTheRealTools() throws {
        let plan = try BuildPlan(report: Self.brokenReport(), diagramImage: .svg)
        for path in plan.diagrams {
            let svg = try GraphvizTool.svg(try XCTUnwrap(plan.tree.text(at: path)))
            XCTAssertTrue(svg.contains("<svg"), path)
        }
        for path in plan.tree.paths where path.hasSuffix(".md") {
            let html = try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path)))
            XCTAssertTrue(html.contains("<h1>"), path)
        }
    }

    /// What only `--allow-errors` lets through: no activities, no roles, unknown roles and targets, duplicates.
    private static func brokenReport() -> CheckReport {
        let empty = Model.process("empty", "Empty", activities: [])
        let broken = Model.process(
            "broken", "Broken", owner: "nobody",
            activities: [
                Model.activity("a", "A", responsible: [], next: Model.next("missing")),
                Model.activity("a", "A again", responsible: ["ghost"], triggers: [Model.trigger("empty", activity: "nowhere")]),
                Model.activity("b", "B", responsible: ["desk"], next: Model.next("b"), end: true),
            ]
        )
        return Model.report(catalogue: ServiceFixture.catalogue, processes: [empty, broken, empty])
    }
}
