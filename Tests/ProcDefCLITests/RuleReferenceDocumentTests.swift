import Foundation
import ProcDefTestSupport
import XCTest

/// `docs/rules.md` is `procdef rules --format markdown`, byte for byte: the rule reference on the web cannot drift
/// from the rules the binary has.
final class RuleReferenceDocumentTests: XCTestCase {
    static let document = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules.md")

    func testRulesDocumentIsTheCommandsMarkdown() throws {
        let run = try Procdef.run(["rules", "--format", "markdown"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        if isRecordingGoldenFiles {
            try Data(run.stdout.utf8).write(to: Self.document)
            return
        }
        let document = try String(contentsOf: Self.document, encoding: .utf8)
        XCTAssertTrue(
            document == run.stdout,
            "docs/rules.md is out of date: run `swift run procdef rules --format markdown > docs/rules.md` (or RECORD_GOLDEN=1 swift test)"
        )
    }

    func testPlainRulesListIsUnchangedByTheFormatOption() throws {
        let plain = try Procdef.run(["rules"])
        let text = try Procdef.run(["rules", "--format", "text"])
        XCTAssertEqual(plain.status, 0)
        XCTAssertEqual(plain.stdout, text.stdout)
        XCTAssertTrue(plain.stdout.hasPrefix("config/unknown-rule "), plain.stdout)
    }

    func testUnknownRulesFormatIsAUsageError() throws {
        let run = try Procdef.run(["rules", "--format", "html"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: "), run.stderr)
    }
}
