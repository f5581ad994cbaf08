import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The escaping functions one by one, with the hostile strings the design names: quotes, backslashes (a trailing
/// one), newlines, `|`, `<script>`, braces, and non-ASCII text.
final class MarkdownEscapingTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(MarkdownEscaping.inline("Log the incident"), "Log the incident")
        XCTAssertEqual(MarkdownEscaping.inline("Café — 日本"), "Café — 日本")
    }

    func testHTMLBecomesEntities() {
        XCTAssertEqual(MarkdownEscaping.inline("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(MarkdownEscaping.inline("AT&T &amp;"), "AT&amp;T &amp;amp;")
    }

    func testMarkupCharactersAreBackslashEscaped() {
        XCTAssertEqual(MarkdownEscaping.inline("*a* _b_ `c` [d](e) ~f~ #g $h"), "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\#g \\$h")
    }

    func testBackslashesIncludingATrailingOne() {
        XCTAssertEqual(MarkdownEscaping.inline("a\\b\\"), "a\\\\b\\\\")
    }

    func testPipeIsEscapedEverywhere() {
        XCTAssertEqual(MarkdownEscaping.inline("a | b"), "a \\| b")
        XCTAssertEqual(MarkdownEscaping.cell("a | b"), "a \\| b")
    }

    func testLineBreaks() {
        XCTAssertEqual(MarkdownEscaping.inline("one\ntwo\r\nthree\rfour"), "one two three four")
        XCTAssertEqual(MarkdownEscaping.cell("one\ntwo\r\n\nthree"), "one / two / three")
        XCTAssertEqual(MarkdownEscaping.cell("trailing\n"), "trailing")
        XCTAssertFalse(MarkdownEscaping.cell("a\u{2028}b\u{85}c").contains("\u{2028}"))
        XCTAssertFalse(MarkdownEscaping.cell("a\nb").contains("<br"))
    }

    func testLineStartNeverOpensABlock() {
        XCTAssertEqual(MarkdownEscaping.inline("- item"), "\\- item")
        XCTAssertEqual(MarkdownEscaping.inline("+ item"), "\\+ item")
        XCTAssertEqual(MarkdownEscaping.inline("=== "), "\\===")
        XCTAssertEqual(MarkdownEscaping.inline("12. item"), "12\\. item")
        XCTAssertEqual(MarkdownEscaping.inline("3) item"), "3\\) item")
        XCTAssertEqual(MarkdownEscaping.inline("# heading"), "\\# heading")
        XCTAssertEqual(MarkdownEscaping.inline("> quote"), "&gt; quote")
        XCTAssertEqual(MarkdownEscaping.inline("    code"), "code")
        // Only at the start: inside text these are harmless and stay readable.
        XCTAssertEqual(MarkdownEscaping.inline("a - b 1. c"), "a - b 1. c")
    }

    func testControlCharactersAreReplaced() {
        XCTAssertEqual(MarkdownEscaping.inline("a\u{1B}[31mb\u{0}"), "a\u{FFFD}\\[31mb\u{FFFD}")
        XCTAssertEqual(MarkdownEscaping.inline("tab\there"), "tab here")
    }

    /// A right-to-left override would make `Desk U+202E gnp.exe` read as `Desk exe.png` in a rendered runbook.
    func testBidiControlsAreReplaced() {
        XCTAssertEqual(
            MarkdownEscaping.inline("Desk \u{202E}gnp.exe\u{202C} \u{2066}x\u{2069}\u{61C}"),
            "Desk \u{FFFD}gnp.exe\u{FFFD} \u{FFFD}x\u{FFFD}\u{FFFD}")
        XCTAssertEqual(DOTEscaping.quoted("a\u{202E}b\u{2067}"), "\"a\u{FFFD}b\u{FFFD}\"")
    }

    func testRendersAsTheOriginalTextInCmark() throws {
        let hostile = "Ev\"il | <script>alert(1)</script> {x} *b* [l](u) \\"
        let html = try CmarkGFM.html("| h |\n|---|\n| \(MarkdownEscaping.cell(hostile)) |\n\n\(MarkdownEscaping.inline(hostile))\n")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("<td>Ev&quot;il | &lt;script&gt;alert(1)&lt;/script&gt; {x} *b* [l](u) \\</td>"), html)
        XCTAssertTrue(html.contains("<p>Ev&quot;il | &lt;script&gt;alert(1)&lt;/script&gt; {x} *b* [l](u) \\</p>"), html)
    }
}

final class HeadingAnchorTests: XCTestCase {
    func testSlugsLikeGitHub() {
        XCTAssertEqual(HeadingAnchors.slug("3. Investigate and diagnose"), "3-investigate-and-diagnose")
        XCTAssertEqual(HeadingAnchors.slug("RACI matrix"), "raci-matrix")
        XCTAssertEqual(HeadingAnchors.slug("Third & last | \\"), "third--last--")
        XCTAssertEqual(HeadingAnchors.slug("Ünïcødé 日本 (team)"), "ünïcødé-日本-team")
        XCTAssertEqual(HeadingAnchors.slug("snake_case and kebab-case"), "snake_case-and-kebab-case")
    }

    func testRepeatsAreNumberedInOrder() {
        var anchors = HeadingAnchors()
        XCTAssertEqual(anchors.register("Roles"), "roles")
        XCTAssertEqual(anchors.register("Roles"), "roles-1")
        XCTAssertEqual(anchors.register("roles"), "roles-2")
    }
}

final class DOTEscapingTests: XCTestCase {
    func testQuotesAndBackslashes() {
        XCTAssertEqual(DOTEscaping.quoted("say \"hi\""), "\"say \\\"hi\\\"\"")
        XCTAssertEqual(DOTEscaping.quoted("a\\b"), "\"a\\\\b\"")
        // A trailing backslash must not swallow the closing quote.
        XCTAssertEqual(DOTEscaping.quoted("end\\"), "\"end\\\\\"")
        // `\N` and `\l` would be Graphviz escapes; doubled, they show as written.
        XCTAssertEqual(DOTEscaping.quoted("\\N\\l"), "\"\\\\N\\\\l\"")
    }

    func testLineBreaksBecomeCentredBreaks() {
        XCTAssertEqual(DOTEscaping.quoted("a\nb\r\nc\rd"), "\"a\\nb\\nc\\nd\"")
        XCTAssertEqual(DOTEscaping.quoted("a\u{2028}b"), "\"a\\nb\"")
    }

    func testLeftAlignedLinesEndWithL() {
        XCTAssertEqual(DOTEscaping.quoted("Lane\nTeam \\", alignment: .left), "\"Lane\\lTeam \\\\\\l\"")
        XCTAssertEqual(DOTEscaping.quoted("", alignment: .left), "\"\"")
    }

    func testEntitiesAreNotDecoded() {
        XCTAssertEqual(DOTEscaping.quoted("R&amp;D &lt;"), "\"R&amp;amp;D &amp;lt;\"")
    }

    func testBracesAnglesAndNonASCIIStayAsText() {
        XCTAssertEqual(DOTEscaping.quoted("{x} <b> | Café 日本"), "\"{x} <b> | Café 日本\"")
    }

    func testControlCharacters() {
        XCTAssertEqual(DOTEscaping.quoted("a\tb\u{1B}c"), "\"a b\u{FFFD}c\"")
    }

    func testDotShowsExactlyTheText() throws {
        let hostile = "Ev\"il | <script>alert(1)</script> {x} R&amp;D Café \\N \\"
        let svg = try GraphvizTool.svg("digraph { \"n\" [shape=box, label=\(DOTEscaping.quoted(hostile))]; }")
        XCTAssertTrue(svg.contains(">Ev&quot;il | &lt;script&gt;alert(1)&lt;/script&gt; {x} R&amp;amp;D Café \\N \\</text>"), svg)
    }
}

final class CSVEscapingTests: XCTestCase {
    func testPlainFieldsAreBare() {
        XCTAssertEqual(CSVEscaping.field("log"), "log")
        XCTAssertEqual(CSVEscaping.field("R/A"), "R/A")
        XCTAssertEqual(CSVEscaping.field(""), "")
    }

    func testQuotingPerRFC4180() {
        XCTAssertEqual(CSVEscaping.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVEscaping.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVEscaping.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVEscaping.field("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVEscaping.field("back\\slash|pipe"), "back\\slash|pipe")
    }

    func testFormulasAreNeutralised() {
        XCTAssertEqual(CSVEscaping.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVEscaping.field("+1"), "'+1")
        XCTAssertEqual(CSVEscaping.field("-1"), "'-1")
        XCTAssertEqual(CSVEscaping.field("@SUM(A1)"), "'@SUM(A1)")
    }

    func testRecordsEndWithCRLF() {
        XCTAssertEqual(CSVEscaping.record(["a", "b,c", ""]), "a,\"b,c\",\r\n")
    }
}

final class OutputLayoutTests: XCTestCase {
    func testOnlyKebabCaseIdsBecomeFileNames() {
        XCTAssertEqual(OutputLayout.runbook("incident-management"), "runbooks/incident-management.md")
        for bad in ["", "../etc", "a/b", ".hidden", "Upper", "a--b", "-a", "a-", "a b", "a.b", "日本", String(repeating: "a", count: 300)] {
            XCTAssertNil(OutputLayout.runbook(bad), bad)
            XCTAssertNil(OutputLayout.diagram(bad), bad)
            XCTAssertNil(OutputLayout.raci(bad), bad)
        }
    }

    func testTreeRefusesPathsOutsideTheLayout() {
        var tree = OutputTree()
        XCTAssertNoThrow(try tree.add("runbooks/a.md", text: ""))
        XCTAssertNoThrow(try tree.add("index.md", text: ""))
        for bad in ["../x.md", "/etc/passwd", "runbooks/../../x", "a/b/c.md", "runbooks/", "runbooks/.md", "x..md", "Runbooks/a.md"] {
            XCTAssertThrowsError(try tree.add(bad, text: ""), bad)
        }
        XCTAssertThrowsError(try tree.add("index.md", text: "again")) { error in
            XCTAssertEqual(error as? OutputTreeError, .duplicatePath("index.md"))
        }
    }
}
