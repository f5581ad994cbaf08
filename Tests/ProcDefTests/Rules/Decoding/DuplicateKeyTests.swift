import XCTest
import YAMLTree

@testable import ProcDef

final class DuplicateKeyTests: XCTestCase {
    func testSecondKeyIsReportedAndTheFirstValueKept() {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                1️⃣responsible: resolver
            """
        XCTAssertDecoding(
            fixture,
            [
                ExpectedFinding(
                    "1️⃣", "yaml/duplicate-key", "duplicate key 'responsible' in this mapping; it was first given at line 8, column 5")
            ])
        let decoded = DecodedFile(decoding: SourceFile(path: "fixture.yaml", bytes: Array(MarkedFixture(fixture).text.utf8)))
        XCTAssertEqual(decoded.processes.first?.activities.first?.responsible.values(), ["service-desk"])
        XCTAssertEqual(decoded.diagnostics.map(\.rule), ["yaml/duplicate-key"])
        XCTAssertEqual(decoded.diagnostics.first?.notes.map(\.message), ["'responsible' first given here"])
        XCTAssertEqual(decoded.diagnostics.first?.notes.first?.file, "fixture.yaml")
        XCTAssertEqual(decoded.diagnostics.first?.notes.first?.range?.start.line, 8)
    }

    func testDistinctKeysPass() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: [service-desk, resolver]
            """, [])
    }
}
