import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// Every emitter on the service fixture and on the hostile one, compared with `Golden/build/` (`RECORD_GOLDEN=1`
/// re-records).
final class EmitterGoldenTests: XCTestCase {
    private func service() throws -> CheckedProcess {
        try XCTUnwrap(Model.checked(ServiceFixture.report, "service-restoration"))
    }

    private func hostile() throws -> CheckedProcess {
        try XCTUnwrap(Model.checked(HostileFixture.report, "hostile"))
    }

    func testRunbook() throws {
        assertGolden(RunbookRenderer().render(try service()), named: "build/service-restoration.md")
    }

    func testRunbookWithRenderedDiagram() throws {
        assertGolden(RunbookRenderer(diagramImage: .svg).render(try service()), named: "build/service-restoration-svg.md")
    }

    func testDiagram() throws {
        assertGolden(DiagramRenderer().render(try service()), named: "build/service-restoration.dot")
    }

    func testRACICSV() throws {
        assertGolden(RACICSVRenderer().render(try service()), named: "build/service-restoration.csv")
    }

    func testRACITable() throws {
        assertGolden(RACITableRenderer().render(try service()), named: "build/service-restoration-raci.txt")
    }

    func testLandscape() throws {
        assertGolden(LandscapeRenderer().render(CheckedProcess.all(in: ServiceFixture.report)), named: "build/landscape.dot")
    }

    func testIndex() throws {
        let processes = CheckedProcess.all(in: ServiceFixture.report)
        assertGolden(IndexRenderer().render(processes), named: "build/index.md")
        assertGolden(IndexRenderer(diagramImage: .png).render(processes), named: "build/index-png.md")
    }

    func testHostileRunbook() throws {
        assertGolden(RunbookRenderer().render(try hostile()), named: "build/hostile.md")
    }

    func testHostileDiagram() throws {
        assertGolden(DiagramRenderer().render(try hostile()), named: "build/hostile.dot")
    }

    func testHostileRACI() throws {
        assertGolden(RACICSVRenderer().render(try hostile()), named: "build/hostile.csv")
        assertGolden(RACITableRenderer().render(try hostile()), named: "build/hostile-raci.txt")
    }

    func testHostileLandscapeAndIndex() throws {
        let processes = CheckedProcess.all(in: HostileFixture.report)
        assertGolden(LandscapeRenderer().render(processes), named: "build/hostile-landscape.dot")
        assertGolden(IndexRenderer().render(processes), named: "build/hostile-index.md")
    }

    private func parallel() throws -> CheckedProcess {
        try XCTUnwrap(Model.checked(ParallelFixture.report, "security-incident"))
    }

    func testParallelRunbook() throws {
        assertGolden(RunbookRenderer().render(try parallel()), named: "build/security-incident.md")
        assertGolden(RunbookRenderer(diagramImage: .png).render(try parallel()), named: "build/security-incident-png.md")
    }

    func testParallelDiagram() throws {
        assertGolden(DiagramRenderer().render(try parallel()), named: "build/security-incident.dot")
    }

    func testParallelRACI() throws {
        assertGolden(RACICSVRenderer().render(try parallel()), named: "build/security-incident.csv")
        assertGolden(RACITableRenderer().render(try parallel()), named: "build/security-incident-raci.txt")
    }

    func testOutputIsDeterministic() throws {
        let first = try BuildPlan(report: ServiceFixture.report, diagramImage: .svg).tree
        for _ in 0..<3 {
            XCTAssertEqual(try BuildPlan(report: ServiceFixture.report, diagramImage: .svg).tree, first)
        }
    }
}
