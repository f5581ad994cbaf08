import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The whole build of the shipped `Processes/` and `Policies/`, file by file against `Golden/examples/`: what a
/// practitioner gets from `procdef build` in this repository.
final class ShippedExamplesBuildTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Checks the examples from the repository root, so file paths in the runbooks read `Processes/...` wherever the
    /// tests run from.
    private func checkExamples() throws -> CheckReport {
        let fileManager = FileManager.default
        let previous = fileManager.currentDirectoryPath
        XCTAssertTrue(fileManager.changeCurrentDirectoryPath(Self.repository.path))
        defer { _ = fileManager.changeCurrentDirectoryPath(previous) }
        let today = try XCTUnwrap(CalendarDate(parsing: "2026-06-01"))
        return try Checker.check(paths: ["Processes", "Policies"], options: CheckOptions(today: today))
    }

    /// `procdef raci` of the change process: the conditional consultation as `C*`, its condition under the legend.
    func testTheRACITableMarksConditionalEntriesAndListsTheirConditions() throws {
        let process = try XCTUnwrap(CheckedProcess.named("change-enablement", in: try checkExamples()))
        assertGolden(RACITableRenderer().render(process), named: "examples-raci-change-enablement.txt")
    }

    func testExamplesBuildCleanly() throws {
        let report = try checkExamples()
        XCTAssertEqual(report.summary.errors, 0, report.diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(report.workspace.processes.count, 2)
    }

    func testEveryFileMatchesItsGolden() throws {
        let plan = try BuildPlan(report: try checkExamples())
        for path in plan.tree.paths {
            assertGolden(try XCTUnwrap(plan.tree.text(at: path)), named: "examples/\(path)")
        }
        // A golden for a file the build no longer writes is stale.
        let golden = Self.repository.appendingPathComponent("Tests/ProcDefOutputTests/Golden/examples")
        let recorded =
            FileManager.default.enumerator(atPath: golden.path)?.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("/") && ($0.hasSuffix(".md") || $0.hasSuffix(".dot") || $0.hasSuffix(".csv")) } ?? []
        XCTAssertEqual(Set(recorded), Set(plan.tree.paths))
    }

    /// `procdef build` renders from the analyses the check kept; without them each process is analysed again. Both
    /// must give the same tree, byte for byte.
    func testKeptAnalysesBuildTheSameTreeAsFreshOnes() throws {
        let fileManager = FileManager.default
        let previous = fileManager.currentDirectoryPath
        XCTAssertTrue(fileManager.changeCurrentDirectoryPath(Self.repository.path))
        defer { _ = fileManager.changeCurrentDirectoryPath(previous) }
        var options = CheckOptions(today: try XCTUnwrap(CalendarDate(parsing: "2026-06-01")))
        options.keepsProcessContexts = true
        let kept = try Checker.check(paths: ["Processes", "Policies"], options: options)
        XCTAssertEqual(Set(kept.processContexts.keys), Set(kept.workspace.processes.map(\.id.value)))
        let fresh = try checkExamples()
        XCTAssertTrue(fresh.processContexts.isEmpty)
        let keptTree = try BuildPlan(report: kept).tree
        let freshTree = try BuildPlan(report: fresh).tree
        XCTAssertEqual(keptTree.paths, freshTree.paths)
        for path in keptTree.paths {
            XCTAssertEqual(keptTree.text(at: path), freshTree.text(at: path), path)
        }
    }

    func testEveryExampleDiagramRendersAndEveryRunbookShowsItsMatrix() throws {
        let plan = try BuildPlan(report: try checkExamples(), diagramImage: .svg)
        for path in plan.diagrams {
            let svg = try GraphvizTool.svg(try XCTUnwrap(plan.tree.text(at: path)))
            XCTAssertTrue(svg.contains("<svg"), path)
        }
        for path in plan.tree.paths where path.hasPrefix("runbooks/") {
            let html = try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path)))
            XCTAssertTrue(html.contains("<h2>RACI matrix</h2>\n<table>"), path)
            XCTAssertFalse(html.contains("<script"), path)
        }
    }
}
