import XCTest

@testable import ProcDefOutput

/// The byte-level paths the build renders ASCII text through must give exactly what the scalar-by-scalar
/// definitions give: each is checked against its reference on thousands of strings made of the characters that
/// matter (markup, quotes, backslashes, every line break, tabs, control characters, digits and list markers).
final class ByteFastPathTests: XCTestCase {
    /// Deterministic strings: no randomness that differs from run to run.
    func samples(count: Int = 4000, maxLength: Int = 24) -> [String] {
        let alphabet: [String] = [
            "a", "Z", "q", "7", "0", " ", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\\", "`", "*", "_",
            "[", "]", "|", "~", "#", "$", "<", ">", "&", "\"", "-", "+", "=", ".", ")", ",", "@", "'", "\u{01}", "\u{7F}",
            "word", "longerword", "ab-cd",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var strings = ["", " ", "\n", "1.", "1)", "12. x", "- a", "+", "=x", "  a  ", "a\r\nb", "\r\r\n"]
        while strings.count < count {
            var text = ""
            for _ in 0..<next(maxLength + 1) { text += alphabet[next(alphabet.count)] }
            strings.append(text)
        }
        return strings
    }

    func testMarkdownEscapingMatchesTheScalarDefinition() {
        for text in samples() {
            XCTAssertEqual(MarkdownEscaping.inline(text), MarkdownEscaping.escapeScalars(text, lineBreak: " "), text.debugDescription)
            XCTAssertEqual(MarkdownEscaping.cell(text), MarkdownEscaping.escapeScalars(text, lineBreak: " / "), text.debugDescription)
        }
    }

    func testDOTQuotingMatchesTheScalarDefinition() {
        for text in samples() {
            XCTAssertEqual(DOTEscaping.quoted(text), DOTEscaping.escapedQuoted(text, alignment: .centred), text.debugDescription)
            XCTAssertEqual(
                DOTEscaping.quoted(text, alignment: .left), DOTEscaping.escapedQuoted(text, alignment: .left), text.debugDescription)
            var prefixed = RenderedText()
            DOTEscaping.appendQuoted(text, prefix: "a_", to: &prefixed)
            XCTAssertEqual(prefixed.string, DOTEscaping.escapedQuoted("a_" + text, alignment: .centred), text.debugDescription)
        }
    }

    func testCSVRecordsMatchTheFieldDefinition() {
        let texts = samples()
        for i in stride(from: 0, to: texts.count - 2, by: 3) {
            let fields = Array(texts[i..<(i + 3)])
            XCTAssertEqual(
                CSVEscaping.record(fields), fields.map(CSVEscaping.field).joined(separator: ",") + "\r\n", fields.debugDescription)
        }
    }

    func testLabelWrappingMatchesTheCharacterDefinition() {
        for text in samples(maxLength: 60) {
            for width in [4, 24, 30] {
                XCTAssertEqual(
                    LabelWrapping.wrap(text, width: width), LabelWrapping.wrapCharacters(text, width: width),
                    "\(text.debugDescription) at \(width)")
            }
        }
    }

    func testHeadingSlugsMatchTheScalarDefinition() {
        for text in samples() {
            XCTAssertEqual(HeadingAnchors.slug(text), HeadingAnchors.scalarSlug(text), text.debugDescription)
        }
    }

    func testRenderedTextWritesNumbersAsStringDoes() {
        for number in [0, 7, 10, 99, 100, 12345, -1, -10, Int.max, Int.min] {
            var text = RenderedText()
            text.append(number)
            XCTAssertEqual(text.string, String(number))
        }
    }

    func testRenderedTextGrowsPastItsCapacity() {
        var text = RenderedText(capacity: 1)
        var expected = ""
        for i in 0..<2000 {
            text.append("piece ")
            text.append(String(i))
            text.append(byte: UInt8(ascii: ";"))
            expected += "piece \(i);"
        }
        text.append("é ✓")
        expected += "é ✓"
        XCTAssertEqual(text.string, expected)
        XCTAssertEqual(text.takeBytes(), Array(expected.utf8))
    }
}

/// Adding files in a batch checks every path as adding them one by one does.
final class OutputTreeBatchTests: XCTestCase {
    func testBatchAddChecksPathsAndDuplicatesLikeSingleAdds() throws {
        var tree = OutputTree()
        try tree.add(contentsOf: [("runbooks/a.md", Array("a".utf8)), ("index.md", Array("i".utf8))])
        XCTAssertEqual(tree.paths, ["index.md", "runbooks/a.md"])
        XCTAssertThrowsError(try tree.add(contentsOf: [("raci/b.csv", []), ("../x.md", [])])) { error in
            XCTAssertEqual(error as? OutputTreeError, .invalidPath("../x.md"))
        }
        XCTAssertThrowsError(try tree.add(contentsOf: [("index.md", Array("again".utf8))])) { error in
            XCTAssertEqual(error as? OutputTreeError, .duplicatePath("index.md"))
        }
        XCTAssertEqual(tree.text(at: "index.md"), "i", "the file already there stays")
        XCTAssertEqual(tree.paths, ["index.md", "raci/b.csv", "runbooks/a.md"])
    }
}
