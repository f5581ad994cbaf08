import LanguageServerProtocol
import XCTest

final class MessageTests: XCTestCase {
    private func decode(_ text: String) throws(MessageError) -> Message {
        try Message.decode(from: Array(text.utf8))
    }

    private func decodingError(_ text: String) -> MessageError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    private func text(_ message: Message) -> String {
        String(decoding: message.encoded(), as: UTF8.self)
    }

    // MARK: Decoding

    func testARequestWithAnIntegerOrAStringID() throws {
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file:///w"}}"#),
            .request(id: .int(1), method: "initialize", params: ["processId": .null, "rootUri": "file:///w"]))
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","id":"abc","method":"shutdown"}"#), .request(id: .string("abc"), method: "shutdown", params: nil))
    }

    func testANotificationHasNoID() throws {
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///a.yaml"}}}"#),
            .notification(method: "textDocument/didClose", params: ["textDocument": ["uri": "file:///a.yaml"]]))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","method":"exit","params":null}"#), .notification(method: "exit", params: nil))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","method":"m","params":[1,2]}"#), .notification(method: "m", params: [1, 2]))
    }

    func testResponsesWithAResultNullOrAnError() throws {
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#), .response(id: .int(3), result: .null, error: nil))
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":"r","result":[true]}"#), .response(id: .string("r"), result: [true], error: nil))
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":{"at":3}}}"#),
            .response(id: nil, result: nil, error: ResponseError(code: -32_700, message: "Parse error", data: ["at": 3])))
    }

    func testANullErrorOrANullResultBesideTheOtherCountsAsAbsent() throws {
        XCTAssertEqual(try decode(#"{"jsonrpc":"2.0","id":1,"result":2,"error":null}"#), .response(id: .int(1), result: 2, error: nil))
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","id":1,"result":null,"error":{"code":1,"message":"m"}}"#),
            .response(id: .int(1), result: nil, error: ResponseError(code: 1, message: "m")))
        XCTAssertEqual(
            try decode(#"{"jsonrpc":"2.0","id":1,"result":null,"error":null}"#), .response(id: .int(1), result: .null, error: nil))
    }

    func testTextThatIsNotJSONIsAParseError() {
        XCTAssertEqual(decodingError(#"{"jsonrpc":"2.0","#), .parseError(reason: "the body is not JSON"))
        XCTAssertEqual(decodingError(""), .parseError(reason: "the body is empty"))
        XCTAssertEqual(decodingError(#"{"jsonrpc":"2.0","method":"m"} x"#), .parseError(reason: "the body is not JSON"))
    }

    func testJSONThatIsNotAMessageIsAnInvalidRequestWithItsIDWhenReadable() {
        XCTAssertEqual(decodingError("[1]"), .invalidRequest(id: nil, reason: "a message is a JSON object"))
        XCTAssertEqual(
            decodingError(#"{"id":7,"method":"m"}"#), .invalidRequest(id: .int(7), reason: #"the member "jsonrpc" must be "2.0""#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"1.0","id":"x","method":"m"}"#),
            .invalidRequest(id: .string("x"), reason: #"the member "jsonrpc" must be "2.0""#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":7,"method":3}"#),
            .invalidRequest(id: .int(7), reason: #"the member "method" must be a string"#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":8,"method":"m","params":"p"}"#),
            .invalidRequest(id: .int(8), reason: #"the member "params" must be an object or an array"#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#),
            .invalidRequest(id: nil, reason: #"the member "id" of a request must be an integer or a string"#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":9}"#),
            .invalidRequest(id: .int(9), reason: #"a message has a "method", a "result" or an "error""#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":9,"result":1,"error":{"code":1,"message":"m"}}"#),
            .invalidRequest(id: .int(9), reason: #"a response has a "result" or an "error", not both"#))
        XCTAssertEqual(
            decodingError(#"{"jsonrpc":"2.0","id":9,"error":{"code":"x"}}"#),
            .invalidRequest(id: .int(9), reason: #"the member "error" must have an integer "code" and a string "message""#))
    }

    func testAnUndecodableMessageAnswersWithTheStandardCodeAndItsID() {
        let parse = MessageError.parseError(reason: "the body is not JSON")
        XCTAssertEqual(parse.responseError.code, -32_700)
        XCTAssertEqual(
            text(parse.response), #"{"error":{"code":-32700,"message":"Parse error: the body is not JSON"},"id":null,"jsonrpc":"2.0"}"#)
        let invalid = MessageError.invalidRequest(id: .int(4), reason: "r")
        XCTAssertEqual(invalid.responseError, ResponseError(code: -32_600, message: "Invalid Request: r"))
        XCTAssertEqual(text(invalid.response), #"{"error":{"code":-32600,"message":"Invalid Request: r"},"id":4,"jsonrpc":"2.0"}"#)
    }

    func testTheStandardErrorCodes() {
        XCTAssertEqual(
            [
                ResponseError.parseError, ResponseError.invalidRequest, ResponseError.methodNotFound, ResponseError.invalidParams,
                ResponseError.internalError, ResponseError.serverNotInitialized, ResponseError.requestCancelled,
                ResponseError.contentModified,
            ],
            [-32_700, -32_600, -32_601, -32_602, -32_603, -32_002, -32_800, -32_801])
    }

    // MARK: Encoding

    func testEncodingIsCompactWithSortedKeys() {
        XCTAssertEqual(
            text(.request(id: .int(2), method: "client/registerCapability", params: ["registrations": []])),
            #"{"id":2,"jsonrpc":"2.0","method":"client/registerCapability","params":{"registrations":[]}}"#)
        XCTAssertEqual(
            text(.notification(method: "window/logMessage", params: ["type": 3, "message": "a \"b\"\n"])),
            #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"a \"b\"\n","type":3}}"#)
        XCTAssertEqual(text(.notification(method: "exit", params: nil)), #"{"jsonrpc":"2.0","method":"exit"}"#)
    }

    func testAResponseWithoutResultWritesNullAndAnErrorWinsOverAResult() {
        XCTAssertEqual(text(.response(id: .string("s"), result: nil, error: nil)), #"{"id":"s","jsonrpc":"2.0","result":null}"#)
        XCTAssertEqual(
            text(.response(id: .int(1), result: [1], error: ResponseError(code: ResponseError.requestCancelled, message: "cancelled"))),
            #"{"error":{"code":-32800,"message":"cancelled"},"id":1,"jsonrpc":"2.0"}"#)
    }

    func testMessagesRoundTripAndLargeIntegerIDsStayExact() throws {
        let messages: [Message] = [
            .request(id: .int(9_007_199_254_740_992), method: "m", params: ["a": [1, 2.5, "x", true, .null]]),
            .request(id: .int(-1), method: "m", params: nil),
            .notification(method: "$/cancelRequest", params: ["id": "abc"]),
            .response(id: .int(0), result: ["isIncomplete": false, "items": []], error: nil),
            .response(id: nil, result: nil, error: ResponseError(code: -32_603, message: "internal", data: "d")),
        ]
        for message in messages {
            XCTAssertEqual(try Message.decode(from: message.encoded()), message)
        }
        XCTAssertEqual(
            text(messages[0]), #"{"id":9007199254740992,"jsonrpc":"2.0","method":"m","params":{"a":[1,2.5,"x",true,null]}}"#)
    }

    func testRequestIDDescriptionIsItsJSON() {
        XCTAssertEqual(RequestID.int(5).description, "5")
        XCTAssertEqual(RequestID.string("a\"b").description, #""a\"b""#)
    }
}
