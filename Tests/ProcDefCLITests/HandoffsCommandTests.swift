import Foundation
import ProcDefTestSupport
import XCTest

/// `procdef handoffs`: the shipped examples' handoff map in every format, a map with gaps (listed first), the
/// matrix alone, and the exit codes.
final class HandoffsCommandTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let gaps = Procdef.testsDirectory.appendingPathComponent("Fixtures/diff/handoffs")

    func testShippedExamplesInEveryFormat() throws {
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("csv", "csv")] {
            // A fixed date: from the day the examples' waiver expires, the map would come with an error count.
            let run = try Procdef.run(
                ["handoffs", "Processes", "Policies", "--format", format, "--today", "2026-12-01"], in: Self.repository)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stderr, "")
            assertGolden(run.stdout, named: "handoffs/examples.\(ext)")
        }
    }

    func testMatrixAlone() throws {
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("csv", "csv")] {
            let run = try Procdef.run(
                ["handoffs", "Processes", "Policies", "--matrix", "--format", format, "--today", "2026-12-01"], in: Self.repository)
            XCTAssertEqual(run.status, 0, run.stderr)
            assertGolden(run.stdout, named: "handoffs/matrix.\(ext)")
        }
    }

    /// Gaps come first; the map is printed whole, then the errors are counted on standard error and the run exits
    /// with 1, as `raci` and `graph` do; `--allow-errors` exits with 0.
    func testGapsComeFirst() throws {
        for (format, ext) in [("text", "txt"), ("csv", "csv")] {
            let run = try Procdef.run(["handoffs", "new", "--format", format], in: Self.gaps)
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertEqual(
                run.stderr,
                "procdef: 2 errors in the definitions; run `procdef check` for them (the map shows the definitions as they could be read)\n"
            )
            let allowed = try Procdef.run(["handoffs", "new", "--format", format, "--allow-errors"], in: Self.gaps)
            XCTAssertEqual(allowed.status, 0, allowed.stderr)
            XCTAssertEqual(allowed.stderr, run.stderr)
            XCTAssertEqual(allowed.stdout, run.stdout)
            assertGolden(run.stdout, named: "handoffs/gaps.\(ext)")
        }
        let text = try Procdef.run(["handoffs", "new"], in: Self.gaps).stdout
        XCTAssertTrue(text.hasPrefix("gap: change-enablement 'submit' -> 'assess'\n"), text)
    }

    func testMissingPathExitsTwo() throws {
        let run = try Procdef.run(["handoffs", "nowhere"], in: Self.gaps)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "procdef: error: no such file or directory: nowhere\n")
    }
}
