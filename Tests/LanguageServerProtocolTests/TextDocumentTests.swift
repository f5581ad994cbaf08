import LanguageServerProtocol
import XCTest

final class TextDocumentTests: XCTestCase {
    private func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String)
        -> TextDocumentContentChangeEvent
    {
        TextDocumentContentChangeEvent(
            range: Range(
                start: Position(line: startLine, character: startCharacter), end: Position(line: endLine, character: endCharacter)),
            text: text)
    }

    private func document(_ text: String) -> TextDocument {
        TextDocument(uri: "file:///p.yaml", version: 1, text: text)
    }

    func testAChangeWithoutARangeReplacesTheWholeText() throws {
        var doc = document("old\ntext")
        try doc.apply([TextDocumentContentChangeEvent(text: "new")], encoding: .utf16)
        XCTAssertEqual(doc.text, "new")
        XCTAssertEqual(doc.lineIndex.lineCount, 1)
    }

    func testRangeChangesInsertReplaceAndDeleteOnOneLine() throws {
        var doc = document("hello world\n")
        try doc.apply([change(0, 6, 0, 11, "there")], encoding: .utf16)
        XCTAssertEqual(doc.text, "hello there\n")
        try doc.apply([change(0, 0, 0, 0, ">> ")], encoding: .utf16)
        XCTAssertEqual(doc.text, ">> hello there\n")
        try doc.apply([change(0, 3, 0, 9, "")], encoding: .utf16)
        XCTAssertEqual(doc.text, ">> there\n")
    }

    func testAChangeAcrossLinesAndOneThatAddsLines() throws {
        var doc = document("one\ntwo\nthree\n")
        try doc.apply([change(0, 1, 2, 2, "X\nY")], encoding: .utf8)
        XCTAssertEqual(doc.text, "oX\nYree\n")
        try doc.apply([change(2, 0, 2, 0, "a:\r\n  b: 1\r\n")], encoding: .utf8)
        XCTAssertEqual(doc.text, "oX\nYree\na:\r\n  b: 1\r\n")
        XCTAssertEqual(doc.lineIndex.lineCount, 5)
    }

    func testEachChangeAppliesToTheTextTheOneBeforeLeft() throws {
        var doc = document("ab\ncd")
        // As a client sends typing "x" then "y" after "ab", then a new line: each position is in the newer text.
        try doc.apply(
            [change(0, 2, 0, 2, "x"), change(0, 3, 0, 3, "y"), change(0, 4, 0, 4, "\n"), change(1, 0, 1, 0, "z")], encoding: .utf16)
        XCTAssertEqual(doc.text, "abxy\nz\ncd")
    }

    func testPositionsAfterNonASCIICountInTheNegotiatedEncoding() throws {
        var utf16 = document("k: 😀é中x\n")
        try utf16.apply([change(0, 7, 0, 8, "y")], encoding: .utf16)
        XCTAssertEqual(utf16.text, "k: 😀é中y\n")
        var utf8 = document("k: 😀é中x\n")
        try utf8.apply([change(0, 12, 0, 13, "y")], encoding: .utf8)
        XCTAssertEqual(utf8.text, "k: 😀é中y\n")
        var utf32 = document("k: 😀é中x\n")
        try utf32.apply([change(0, 6, 0, 7, "y")], encoding: .utf32)
        XCTAssertEqual(utf32.text, "k: 😀é中y\n")
    }

    func testACharacterPastTheLineEndAppendsAtTheLineEnd() throws {
        var doc = document("ab\ncd")
        try doc.apply([change(0, 40, 1, 0, "")], encoding: .utf16)
        XCTAssertEqual(doc.text, "abcd")
    }

    func testALineOutsideTheDocumentRejectsTheWholeNotification() {
        var doc = document("ab\ncd")
        XCTAssertThrowsError(try doc.apply([change(0, 0, 0, 0, "ok "), change(1, 0, 2, 0, "")], encoding: .utf16)) { error in
            XCTAssertEqual(
                error as? DocumentEditError,
                .positionOutsideDocument(changeIndex: 1, position: Position(line: 2, character: 0), lineCount: 2))
            XCTAssertEqual(String(describing: error), "change 2: position 2:0 is outside the document of 2 lines")
        }
        XCTAssertEqual(doc.text, "ab\ncd")
        XCTAssertThrowsError(try doc.apply([change(5, 0, 5, 1, "")], encoding: .utf16)) { error in
            XCTAssertEqual(
                error as? DocumentEditError,
                .positionOutsideDocument(changeIndex: 0, position: Position(line: 5, character: 0), lineCount: 2))
        }
        XCTAssertEqual(doc.text, "ab\ncd")
    }

    func testARangeThatStartsAfterItsEndIsRejected() {
        var doc = document("abcdef")
        XCTAssertThrowsError(try doc.apply([change(0, 4, 0, 2, "x")], encoding: .utf16)) { error in
            XCTAssertEqual(
                error as? DocumentEditError,
                .rangeStartsAfterEnd(
                    changeIndex: 0, range: Range(start: Position(line: 0, character: 4), end: Position(line: 0, character: 2))))
        }
        // Past the line end both ends mean the end of the line, but the range is still reversed.
        XCTAssertThrowsError(try doc.apply([change(0, 9, 0, 8, "x")], encoding: .utf16))
        XCTAssertEqual(doc.text, "abcdef")
    }

    func testAFullReplacementFollowedByARangeChange() throws {
        var doc = document("x")
        try doc.apply([TextDocumentContentChangeEvent(text: "a\nb"), change(1, 1, 1, 1, "c")], encoding: .utf16)
        XCTAssertEqual(doc.text, "a\nbc")
    }

    func testADocumentOpensFromItsItem() {
        let doc = TextDocument(TextDocumentItem(uri: "file:///a.yaml", languageId: "yaml", version: 7, text: "é"))
        XCTAssertEqual(doc.uri, "file:///a.yaml")
        XCTAssertEqual(doc.version, 7)
        XCTAssertEqual(doc.bytes, [0xC3, 0xA9])
    }
}
