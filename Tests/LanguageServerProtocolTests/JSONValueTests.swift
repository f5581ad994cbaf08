import Foundation
import LanguageServerProtocol
import XCTest

final class JSONValueTests: XCTestCase {
    private func text(_ value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    private func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func testEveryKindParses() throws {
        XCTAssertEqual(
            try parse(#"{"n":null,"b":false,"i":-12,"d":0.25,"s":"é\n","a":[1,[]],"o":{}}"#),
            .object([
                "n": .null, "b": .bool(false), "i": .number(-12), "d": .number(0.25), "s": .string("é\n"),
                "a": .array([.number(1), .array([])]), "o": .object([:]),
            ]))
    }

    func testIntegersAreWrittenWithoutAFractionAndStayExactUpTo2To53() throws {
        XCTAssertEqual(
            text([0, -0.0, 42, -42, 9_007_199_254_740_992, -9_007_199_254_740_992]), "[0,0,42,-42,9007199254740992,-9007199254740992]")
        XCTAssertEqual(text([1.5, 0.1, 1e300, -2.5e-8, 18_014_398_509_481_984]), "[1.5,0.1,1e+300,-2.5e-08,1.8014398509481984e+16]")
        XCTAssertEqual(try parse("9007199254740992").intValue, 9_007_199_254_740_992)
        XCTAssertEqual(try parse("[123456789, -3]"), [123_456_789, -3])
    }

    func testNumbersJSONCannotHoldAreWrittenAsNull() throws {
        XCTAssertEqual(text([.number(.nan), .number(.infinity)]), "[null,null]")
        XCTAssertEqual(try JSONValue(encoding: [JSONValue.number(-.infinity)]), [.null])
    }

    func testStringsAreEscapedAsJSONRequires() {
        XCTAssertEqual(text("a\"b\\c\n\r\t\u{01}\u{1F}é😀/"), #""a\"b\\c\n\r\t\u0001\u001fé😀/""#)
    }

    func testObjectKeysAreSorted() {
        XCTAssertEqual(text(["b": 1, "a": ["d": true, "c": false], "B": .null]), #"{"B":null,"a":{"c":false,"d":true},"b":1}"#)
    }

    func testSerializedTextParsesBackToTheSameValue() throws {
        let value: JSONValue = [
            "text": "line\r\nnext \u{7F} \u{2028} 中", "numbers": [0, 1, -1, 0.5, 1e-300, 1.7976931348623157e308], "nested": [["x": [[]]]],
            "flags": [true, false, .null],
        ]
        XCTAssertEqual(try parse(text(value)), value)
        XCTAssertEqual(try parse(String(decoding: try JSONEncoder().encode(value), as: UTF8.self)), value)
    }

    func testAccessorsReadOnlyTheirOwnKind() {
        let value: JSONValue = ["id": 3, "half": 1.5, "name": "n", "on": true, "list": [1, 2], "none": .null]
        XCTAssertEqual(value["id"]?.intValue, 3)
        XCTAssertEqual(value["half"]?.intValue, nil)
        XCTAssertEqual(value["half"]?.doubleValue, 1.5)
        XCTAssertEqual(value["name"]?.stringValue, "n")
        XCTAssertEqual(value["name"]?.intValue, nil)
        XCTAssertEqual(value["on"]?.boolValue, true)
        XCTAssertEqual(value["list"]?[1], 2)
        XCTAssertEqual(value["list"]?[2], nil)
        XCTAssertEqual(value["list"]?[-1], nil)
        XCTAssertEqual(value["list"]?.arrayValue, [1, 2])
        XCTAssertEqual(value["none"]?.isNull, true)
        XCTAssertEqual(value["missing"], nil)
        XCTAssertEqual(value["list"]?["id"], nil)
        XCTAssertEqual(value.objectValue?.count, 6)
        XCTAssertEqual(JSONValue.number(1e300).intValue, nil)
    }

    func testCodableValuesConvertBothWays() throws {
        let edit = TextEdit(range: Range(start: Position(line: 1, character: 2), end: Position(line: 1, character: 5)), newText: "x")
        let json = try JSONValue(encoding: edit)
        XCTAssertEqual(json, ["newText": "x", "range": ["start": ["line": 1, "character": 2], "end": ["line": 1, "character": 5]]])
        XCTAssertEqual(try json.decode(TextEdit.self), edit)
        let position: Position = try JSONValue.object(["line": 4, "character": 0, "unknown": "ignored"]).decode()
        XCTAssertEqual(position, Position(line: 4, character: 0))
        XCTAssertThrowsError(try JSONValue.object(["line": 4]).decode(Position.self))
    }
}
