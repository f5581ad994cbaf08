import XCTest
import YAMLTree

@testable import ProcDef

/// `yaml/comment-in-text`'s fix: the text and what YAML took for a comment, as one double-quoted text.
final class QuotedTextFixTests: XCTestCase {
    private static func process(_ steps: String) -> String {
        FixFixture.processHeader + """
              - id: bridge
                name: Open the bridge
                responsible: service-desk
                procedure:
            \(steps)
            """
    }

    /// The finding's fix, and the file it makes, which parses and has the finding no more.
    private func fixed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (fix: String, after: String)? {
        FixFixture.resolving("yaml/comment-in-text", in: text, applicability: .unsafe, file: file, line: line)
    }

    func testTheWholeTextIsQuotedUnsafely() throws {
        let before = Self.process("      - Post the bridge link in #incident-bridge   \n")
        let result = try XCTUnwrap(fixed(before))
        XCTAssertEqual(
            result.fix,
            #"[unsafe] Quote the text to keep '#incident-bridge' in it: p.yaml:11:9-11:49 -> "Post the bridge link in #incident-bridge""#)
        // The blanks after the text stay where they were.
        XCTAssertEqual(result.after, Self.process(#"      - "Post the bridge link in #incident-bridge"   "# + "\n"))
        let steps = FixFixture(result.after).report.workspace.process(id: "p")?.activities.first?.procedure.map(\.value)
        XCTAssertEqual(steps, ["Post the bridge link in #incident-bridge"])
    }

    func testAOneSpacedCommentAndASuppressionAfterItStayComments() throws {
        let comment = try XCTUnwrap(fixed(Self.process("      - Post in #bridge #now   # the channel\n")))
        XCTAssertEqual(comment.after, Self.process(#"      - "Post in #bridge #now"   # the channel"# + "\n"))
        let suppression = try XCTUnwrap(fixed(Self.process("      - Post in #bridge #procdef: ignore handoff/gap -- not one\n")))
        XCTAssertEqual(suppression.after, Self.process(#"      - "Post in #bridge" #procdef: ignore handoff/gap -- not one"# + "\n"))
    }

    func testQuotesBackslashesAndTabsAreEscapedAndAFoldedTextBecomesOneLine() throws {
        let escaped = try XCTUnwrap(fixed(Self.process("      - Say \"done\" in C:\\ops\t#ops-room\n")))
        XCTAssertEqual(escaped.after, Self.process(#"      - "Say \"done\" in C:\\ops\t#ops-room""# + "\n"))
        let folded = try XCTUnwrap(fixed(Self.process("      - Post the link\n        in #bridge\n")))
        XCTAssertEqual(folded.after, Self.process(#"      - "Post the link in #bridge""# + "\n"))
        XCTAssertTrue(folded.fix.contains("p.yaml:11:9-12:19"), folded.fix)
    }

    func testATextWithAnAnchorOrATagKeepsItsFinding() {
        for step in ["      - &step Post in #bridge\n", "      - !!str Post in #bridge\n"] {
            let fixture = FixFixture(Self.process(step))
            XCTAssertEqual(fixture.findings("yaml/comment-in-text").count, 1, step)
            XCTAssertEqual(fixture.fixes("yaml/comment-in-text"), [], step)
        }
    }
}
