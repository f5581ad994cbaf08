import XCTest
import YAMLTree

@testable import ProcDef

final class EmptyFileTests: XCTestCase {
    private let emptyHelp = "start the file with `kind:` and one of roles, process, policy, config or external-process"

    func testOnlyCommentsAndBlankLines() {
        XCTAssertDecoding(
            """
            1️⃣# Incident management: to be written.

            """,
            [
                ExpectedFinding("1️⃣", "schema/empty", "file holds no YAML document", help: emptyHelp)
            ])
    }

    func testZeroBytes() {
        XCTAssertDecoding(
            ["empty.yaml": "1️⃣"],
            [
                ExpectedFinding("1️⃣", "schema/empty", "file holds no YAML document", help: emptyHelp)
            ])
    }

    func testOnlyADocumentMarker() {
        XCTAssertDecoding(
            "1️⃣---\n",
            [
                ExpectedFinding("1️⃣", "schema/empty", "file holds no YAML document", help: emptyHelp)
            ])
    }

    func testFileWithADocumentAndATrailingMarkerPasses() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              desk: {name: Desk, kind: practitioner}
            ---
            """, [])
    }
}
