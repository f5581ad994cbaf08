import XCTest
import YAMLTree

@testable import ProcDef

final class InvalidDurationTests: XCTestCase {
    func testTargetsMustBeANumberAndOneUnit() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log, target: 1️⃣10 minutes}
              - {id: fix, name: Fix, target: 2️⃣1h30m}
              - {id: close, name: Close, target: 3️⃣15}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration",
                    "'target' in activity 'log' must be a duration like 90s, 10m, 4h or 2d, found '10 minutes'",
                    help: "write a whole number followed by s, m, h or d"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-duration", "'target' in activity 'fix' must be a duration like 90s, 10m, 4h or 2d, found '1h30m'",
                    help: "write a whole number followed by s, m, h or d"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-duration", "'target' in activity 'close' must be a duration like 90s, 10m, 4h or 2d, found '15'",
                    help: "write a whole number followed by s, m, h or d"),
            ])
    }

    func testEveryUnitPasses() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: a, name: A, target: 90s}
              - {id: b, name: B, target: 10m}
              - {id: c, name: C, target: 4h}
              - {id: d, name: D, target: 2d}
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)
        XCTAssertEqual(process.activities.compactMap { $0.target?.value.totalSeconds }, [90, 600, 14_400, 172_800])
    }

    func testDurationSyntaxIsDigitsThenOneUnit() {
        XCTAssertEqual(TimeTarget(parsing: "05m")?.totalSeconds, 300)
        XCTAssertEqual(TimeTarget(parsing: "999999999d")?.amount, 999_999_999)
        for text in ["", "s", "5", "1234567890s", "-5m", "+5m", "5 m", "5M", "5ms", "\u{FF15}m", "5m\u{301}", "5\u{301}m", "m5"] {
            XCTAssertNil(TimeTarget(parsing: text), "'\(text)' is not a duration")
        }
    }
}
