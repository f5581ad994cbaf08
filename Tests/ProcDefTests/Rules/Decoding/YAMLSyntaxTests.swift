import XCTest
import YAMLTree

@testable import ProcDef

final class YAMLSyntaxTests: XCTestCase {
    func testUnclosedFlowSequenceIsReportedWhereTheParserGaveUp() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                informed: [user
            1️⃣
            """,
            [
                ExpectedFinding("1️⃣", "yaml/syntax", "did not find expected ',' or ']'")
            ])
    }

    func testParserContextBecomesANote() {
        let decoded = DecodedFile(decoding: SourceFile(path: "broken.yaml", bytes: Array("kind: roles\nroles: [a\n".utf8)))
        XCTAssertEqual(decoded.diagnostics.map(\.rule), ["yaml/syntax"])
        XCTAssertEqual(
            decoded.diagnostics.first?.notes,
            [
                Diagnostic.Note(
                    message: "while parsing a flow sequence", file: "broken.yaml",
                    range: SourceRange(at: SourcePosition(line: 2, column: 8, offset: 19)))
            ])
    }

    func testWellFormedFileHasNoSyntaxFinding() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                informed: [user]
            """, [])
    }
}
