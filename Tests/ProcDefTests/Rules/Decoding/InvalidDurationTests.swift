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
                    "'target' in activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '10 minutes'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-duration",
                    "'target' in activity 'fix' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '1h30m'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-duration",
                    "'target' in activity 'close' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '15'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
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
              - {id: e, name: E, target: 3w}
              - {id: f, name: F, target: 12mo}
              - {id: g, name: G, target: 12m}
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)
        XCTAssertEqual(
            process.activities.compactMap { $0.target?.single?.value.seconds() }, [90, 600, 14_400, 172_800, 1_814_400, 31_104_000, 720])
    }

    func testDurationSyntaxIsDigitsThenOneUnit() {
        XCTAssertEqual(TimeTarget(parsing: "05m")?.seconds(), 300)
        XCTAssertEqual(TimeTarget(parsing: "999999999d")?.amount, 999_999_999)
        XCTAssertEqual(TimeTarget(parsing: "26w")?.unit, .weeks)
        XCTAssertEqual(TimeTarget(parsing: "12mo"), TimeTarget(amount: 12, unit: .months))
        XCTAssertEqual(TimeTarget(parsing: "12m"), TimeTarget(amount: 12, unit: .minutes))
        XCTAssertEqual(TimeTarget(parsing: "1mo")?.wholeDays, 30)
        // Nine digits of the longest unit stay far below Int.max seconds.
        XCTAssertEqual(TimeTarget(parsing: "999999999mo")?.seconds(), 999_999_999 * 2_592_000)
        XCTAssertEqual(TimeTarget(parsing: "999999999mo")?.wholeDays, 29_999_999_970)
        for text in [
            "", "s", "5", "1234567890s", "1234567890mo", "mo", "o", "5o", "5om", "5MO", "5Mo", "5mO", "5 mo", "5mos", "5months", "5wk",
            "5y",
            "-5w", "12mo\u{301}", "-5m", "+5m", "5 m", "5M", "5ms", "\u{FF15}m", "5m\u{301}", "5\u{301}m", "m5",
        ] {
            XCTAssertNil(TimeTarget(parsing: text), "'\(text)' is not a duration")
        }
    }
}
