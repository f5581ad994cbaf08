import LanguageServerProtocol
import XCTest

final class LineIndexTests: XCTestCase {
    private func position(_ line: Int, _ character: Int) -> Position {
        Position(line: line, character: character)
    }

    // Line 1 is "aé中😀b": a is 1 byte, é 2 bytes and 1 UTF-16 unit, 中 3 bytes and 1 unit, 😀 4 bytes and 2 units
    // (a surrogate pair), b 1 byte. Line 1 begins at byte 2.
    private let index = LineIndex("x\naé中😀b\nlast")
    private let characterStarts = [2, 3, 5, 8, 12, 13]  // a, é, 中, 😀, b, the line's end

    func testEachCharacterStartInEveryEncoding() {
        let expected: [PositionEncoding: [Int]] = [.utf8: [0, 1, 3, 6, 10, 11], .utf16: [0, 1, 2, 3, 5, 6], .utf32: [0, 1, 2, 3, 4, 5]]
        for (encoding, characters) in expected {
            for (offset, character) in zip(characterStarts, characters) {
                XCTAssertEqual(index.position(ofByteOffset: offset, encoding: encoding), position(1, character), "\(encoding) \(offset)")
                XCTAssertEqual(index.byteOffset(of: position(1, character), encoding: encoding), offset, "\(encoding) \(character)")
            }
        }
    }

    func testAnOffsetInsideACharacterGivesTheCharacterStart() {
        // Bytes 9, 10 and 11 are inside 😀, which begins at byte 8.
        for offset in 9...11 {
            XCTAssertEqual(index.position(ofByteOffset: offset, encoding: .utf16), position(1, 3))
            XCTAssertEqual(index.position(ofByteOffset: offset, encoding: .utf8), position(1, 6))
            XCTAssertEqual(index.position(ofByteOffset: offset, encoding: .utf32), position(1, 3))
        }
        XCTAssertEqual(index.position(ofByteOffset: 4, encoding: .utf8), position(1, 1))
    }

    func testAPositionInsideACharacterGivesTheCharacterStart() {
        // UTF-16 unit 4 is the second half of 😀's surrogate pair; UTF-8 units 7 to 9 are inside its bytes.
        XCTAssertEqual(index.byteOffset(of: position(1, 4), encoding: .utf16), 8)
        for character in 7...9 {
            XCTAssertEqual(index.byteOffset(of: position(1, character), encoding: .utf8), 8)
        }
        XCTAssertEqual(index.byteOffset(of: position(1, 2), encoding: .utf8), 3)
    }

    func testACharacterPastTheLineEndIsTheLineEnd() {
        XCTAssertEqual(index.byteOffset(of: position(1, 7), encoding: .utf16), 13)
        XCTAssertEqual(index.byteOffset(of: position(1, 1000), encoding: .utf8), 13)
        XCTAssertEqual(index.byteOffset(of: position(0, 5), encoding: .utf16), 1)
        XCTAssertEqual(index.byteOffset(of: position(2, 99), encoding: .utf32), 18)
    }

    func testALinePastTheEndOrANegativeNumberHasNoOffset() {
        XCTAssertEqual(index.lineCount, 3)
        XCTAssertEqual(index.byteOffset(of: position(3, 0), encoding: .utf16), nil)
        XCTAssertEqual(index.byteOffset(of: position(-1, 0), encoding: .utf16), nil)
        XCTAssertEqual(index.byteOffset(of: position(0, -1), encoding: .utf16), nil)
    }

    func testOffsetsOutsideTheTextAreClamped() {
        XCTAssertEqual(index.position(ofByteOffset: -5, encoding: .utf16), position(0, 0))
        XCTAssertEqual(index.position(ofByteOffset: 500, encoding: .utf16), position(2, 4))
    }

    func testLinesEndAtLineFeedCarriageReturnLineFeedAndALoneCarriageReturn() {
        let mixed = LineIndex("a\r\nbb\rc\nd")
        XCTAssertEqual(mixed.lineCount, 4)
        XCTAssertEqual((0..<4).map { mixed.byteRange(ofLine: $0) }, [0..<1, 3..<5, 6..<7, 8..<9])
        XCTAssertEqual(mixed.byteRange(ofLine: 4), nil)
        XCTAssertEqual(mixed.byteOffset(of: position(1, 0), encoding: .utf16), 3)
        XCTAssertEqual(mixed.byteOffset(of: position(1, 9), encoding: .utf16), 5)
        XCTAssertEqual(mixed.byteOffset(of: position(2, 1), encoding: .utf16), 7)
        XCTAssertEqual(mixed.position(ofByteOffset: 6, encoding: .utf16), position(2, 0))
        // Between the \r and the \n of a CRLF is still the end of line 0.
        XCTAssertEqual(mixed.position(ofByteOffset: 2, encoding: .utf16), position(0, 1))
        XCTAssertEqual(mixed.position(ofByteOffset: 1, encoding: .utf16), position(0, 1))
    }

    func testEmptyTextAndAFinalLineEndEachMakeALine() {
        XCTAssertEqual(LineIndex("").lineCount, 1)
        XCTAssertEqual(LineIndex("").byteOffset(of: position(0, 3), encoding: .utf8), 0)
        XCTAssertEqual(LineIndex("a\n").lineCount, 2)
        XCTAssertEqual(LineIndex("a\n").byteOffset(of: position(1, 0), encoding: .utf8), 2)
        XCTAssertEqual(LineIndex("\r\n\r\n").lineCount, 3)
        XCTAssertEqual(LineIndex("\n\r").lineCount, 3)
    }

    func testInvalidUTF8BytesCountAsOneUnitEach() {
        // a, a stray 0xFF, 0xE2 0x82 (a three-byte character cut short), b; then an overlong 0xC0 0xAF and a
        // UTF-16 surrogate written as UTF-8 (0xED 0xA0 0x80), both invalid.
        let bytes: [UInt8] = [0x61, 0xFF, 0xE2, 0x82, 0x62, 0xC0, 0xAF, 0xED, 0xA0, 0x80]
        let invalid = LineIndex(bytes)
        for encoding in PositionEncoding.allCases {
            XCTAssertEqual((0...10).map { invalid.position(ofByteOffset: $0, encoding: encoding).character }, Array(0...10), "\(encoding)")
            XCTAssertEqual((0...10).map { invalid.byteOffset(of: position(0, $0), encoding: encoding) }, Array(0...10), "\(encoding)")
        }
    }

    func testRangesConvertBothWays() {
        let range = index.range(ofByteRange: 3..<12, encoding: .utf16)
        XCTAssertEqual(range, Range(start: position(1, 1), end: position(1, 5)))
        XCTAssertEqual(index.byteRange(of: range, encoding: .utf16), 3..<12)
        XCTAssertEqual(index.byteRange(of: Range(start: position(1, 2), end: position(1, 1)), encoding: .utf16), nil)
        XCTAssertEqual(index.byteRange(of: Range(start: position(0, 0), end: position(9, 0)), encoding: .utf16), nil)
    }

    func testNegotiationPrefersUTF8AndFallsBackToUTF16() {
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: ["utf-16", "utf-8"]), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: ["utf-32", "utf-16"]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: ["utf-32"]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: []), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: nil), .utf16)
        XCTAssertEqual(PositionEncoding.allCases.map(\.rawValue), ["utf-8", "utf-16", "utf-32"])
    }
}
