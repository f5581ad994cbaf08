import XCTest
import YAMLTree

@testable import ProcDef

final class InvalidEncodingTests: XCTestCase {
    /// Test fixtures are Swift strings, always valid UTF-8, so this one is built from bytes.
    func testLatin1ByteIsReportedWhereItIs() {
        var bytes = Array("kind: roles\nroles:\n  desk: {name: Desk, kind: practitioner, team: ".utf8)
        bytes += [0xC9] + Array("quipe}\n".utf8)  // "Équipe" saved as Latin-1
        let workspace = Workspace.load(files: [SourceFile(path: "latin1.yaml", bytes: bytes)])
        XCTAssertEqual(workspace.diagnostics.map(\.rule), ["yaml/encoding"])
        XCTAssertEqual(workspace.diagnostics.first?.severity, .error)
        XCTAssertEqual(workspace.diagnostics.first?.range.start.line, 3)
        XCTAssertEqual(workspace.diagnostics.first?.range.start.column, 48)
        XCTAssertEqual(
            workspace.diagnostics.first?.message,
            "file is not valid UTF-8: byte 0xC9 at line 3, column 48 does not start or continue a UTF-8 sequence; save the file as UTF-8")
    }

    func testUTF8TextPasses() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              desk: {name: Desk, kind: practitioner, team: Équipe}
            """, [])
    }
}
