import Foundation
import LanguageServerProtocol
import XCTest

@testable import ProcDefLanguageServer

/// The server in this process, fed frames and read back: the protocol's edges (order of lifecycle, bad messages,
/// cancellation) under `swift test` and its sanitizers. Editors' whole sessions are in Tests/lsp (pytest-lsp).
final class LanguageServerTests: XCTestCase {
    private var folder: URL!
    private var previousDirectory = ""
    private var sent: [Message] = []
    private var server: LanguageServer!

    override func setUpWithError() throws {
        previousDirectory = FileManager.default.currentDirectoryPath
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        let processes = folder.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        try """
        kind: roles
        roles:
          service-desk: {name: Service Desk, kind: practitioner, team: Service Desk}
          desk-lead: {name: Desk Lead, kind: manager, team: Service Desk}
          desk-owner: {name: Desk Owner, kind: owner, team: Service Desk}

        """.write(to: processes.appendingPathComponent("roles.yaml"), atomically: true, encoding: .utf8)
        try Self.process.write(to: processes.appendingPathComponent("reset.yaml"), atomically: true, encoding: .utf8)
        sent = []
        server = LanguageServer { [unowned self] bytes in
            var framer = MessageFramer()
            framer.append(bytes)
            while let frame = try? framer.nextFrame() {
                if let message = try? Message.decode(from: frame) { self.sent.append(message) }
            }
        }
    }

    override func tearDownWithError() throws {
        // The server enters the workspace folder, as `procdef check` is run in the repository's root.
        FileManager.default.changeCurrentDirectoryPath(previousDirectory)
        try? FileManager.default.removeItem(at: folder)
    }

    static let process = """
        kind: process
        id: reset
        name: Reset
        owner: desk-owner
        defaults: {accountable: desk-lead}
        activities:
          - id: log
            name: Log
            responsible: service-desk
            next: close
          - id: close
            name: Close
            responsible: service-desk
            end: true

        """

    private var processURI: String { FileURI.uri(fromPath: folder.appendingPathComponent("Processes/reset.yaml").path) }

    private func send(_ message: Message) {
        server.receive(MessageFramer.frame(message.encoded()))
    }

    private func request(_ id: Int, _ method: String, _ params: JSONValue?) {
        send(.request(id: .int(id), method: method, params: params))
    }

    private func response(_ id: Int) throws -> (result: JSONValue?, error: ResponseError?) {
        for message in sent {
            if case .response(.int(id)?, let result, let error) = message { return (result, error) }
        }
        XCTFail("no response to request \(id) among \(sent.count) messages")
        throw XCTSkip("no response")
    }

    private func notifications(_ method: String) -> [JSONValue] {
        sent.compactMap { message in
            if case .notification(method, let params) = message { return params ?? .null }
            return nil
        }
    }

    private func initialize(encodings: [String] = ["utf-16"]) {
        request(
            1, "initialize",
            [
                "processId": .null, "rootUri": .string(FileURI.uri(fromPath: folder.path)),
                "capabilities": ["general": ["positionEncodings": .array(encodings.map(JSONValue.string))]],
            ])
        send(.notification(method: "initialized", params: [:]))
    }

    func testARequestBeforeInitializeIsRefused() throws {
        request(7, "textDocument/hover", [:])
        XCTAssertEqual(try response(7).error?.code, ResponseError.serverNotInitialized)
    }

    func testInitializeNegotiatesTheEncodingAndAnswersWithTheCapabilities() throws {
        initialize(encodings: ["utf-32", "utf-8"])
        let result = try XCTUnwrap(try response(1).result)
        XCTAssertEqual(result["capabilities"]?["positionEncoding"], "utf-8")
        XCTAssertEqual(result["capabilities"]?["textDocumentSync"]?["change"], 2)
        XCTAssertEqual(result["serverInfo"]?["name"], "procdef")
    }

    func testAnUnknownMethodIsMethodNotFound() throws {
        initialize()
        request(2, "textDocument/semanticTokens/full", [:])
        XCTAssertEqual(try response(2).error?.code, ResponseError.methodNotFound)
    }

    func testMalformedJSONIsAnsweredAndTheServerGoesOn() throws {
        initialize()
        server.receive(MessageFramer.frame(Array("{not json".utf8)))
        XCTAssertTrue(
            sent.contains {
                if case .response(nil, _, let error?) = $0 { return error.code == ResponseError.parseError } else { return false }
            })
        request(3, "shutdown", nil)
        XCTAssertEqual(try response(3).result, .null)
    }

    func testAnOpenDocumentIsPublishedAfterEveryChangeWithItsVersion() throws {
        initialize()
        send(
            .notification(
                method: "textDocument/didOpen",
                params: ["textDocument": ["uri": .string(processURI), "languageId": "yaml", "version": 1, "text": .string(Self.process)]]))
        XCTAssertEqual(notifications("textDocument/publishDiagnostics").last?["version"], 1)
        XCTAssertEqual(notifications("textDocument/publishDiagnostics").last?["diagnostics"], [])
        // `service-desk` on line 9 (0-based 8), from character 17, becomes `service-dsk`.
        let range: JSONValue = ["start": ["line": 8, "character": 21], "end": ["line": 8, "character": 22]]
        send(
            .notification(
                method: "textDocument/didChange",
                params: ["textDocument": ["uri": .string(processURI), "version": 2], "contentChanges": [["range": range, "text": ""]]]))
        let published = try XCTUnwrap(notifications("textDocument/publishDiagnostics").last)
        XCTAssertEqual(published["version"], 2)
        let diagnostic = try XCTUnwrap(published["diagnostics"]?[0])
        XCTAssertEqual(diagnostic["code"], "ref/unknown-role")
        XCTAssertEqual(diagnostic["range"], ["start": ["line": 8, "character": 17], "end": ["line": 8, "character": 28]])
        XCTAssertEqual(diagnostic["severity"], 1)
    }

    func testAChangeOutsideTheDocumentIsLoggedAndTheLastGoodTextKept() throws {
        initialize()
        send(
            .notification(
                method: "textDocument/didOpen",
                params: ["textDocument": ["uri": .string(processURI), "languageId": "yaml", "version": 1, "text": .string(Self.process)]]))
        let published = notifications("textDocument/publishDiagnostics").count
        let range: JSONValue = ["start": ["line": 90, "character": 0], "end": ["line": 91, "character": 0]]
        send(
            .notification(
                method: "textDocument/didChange",
                params: ["textDocument": ["uri": .string(processURI), "version": 2], "contentChanges": [["range": range, "text": "x"]]]))
        let logged = notifications("window/logMessage").compactMap { $0["message"]?.stringValue }
        XCTAssertTrue(logged.contains { $0.contains("was not applied") && $0.contains("the last good text is kept") }, "\(logged)")
        XCTAssertEqual(notifications("textDocument/publishDiagnostics").count, published)
        // Hover still answers, from the last good text: `desk-owner` on line 4 (0-based 3).
        request(4, "textDocument/hover", ["textDocument": ["uri": .string(processURI)], "position": ["line": 3, "character": 9]])
        let hover = try XCTUnwrap(try response(4).result?["contents"]?["value"]?.stringValue)
        XCTAssertTrue(hover.hasPrefix("**role `desk-owner`**: Desk Owner"), hover)
    }

    func testACancelledRequestInTheSameBatchIsAnsweredAsCancelled() throws {
        initialize()
        let hover = Message.request(
            id: .int(5), method: "textDocument/hover",
            params: ["textDocument": ["uri": .string(processURI)], "position": ["line": 0, "character": 0]])
        let cancel = Message.notification(method: "$/cancelRequest", params: ["id": 5])
        server.receive(MessageFramer.frame(hover.encoded()) + MessageFramer.frame(cancel.encoded()))
        XCTAssertEqual(try response(5).error?.code, ResponseError.requestCancelled)
    }

    func testASecondInitializeIsRefused() throws {
        initialize()
        request(2, "initialize", ["processId": .null, "capabilities": [:]])
        XCTAssertEqual(try response(2).error?.code, ResponseError.invalidRequest)
    }

    func testARootReachedThroughASymbolicLinkKeepsTheEditorsSpelling() throws {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        defer { try? FileManager.default.removeItem(at: link) }
        request(1, "initialize", ["processId": .null, "rootUri": .string(FileURI.uri(fromPath: link.path)), "capabilities": [:]])
        let uri = FileURI.uri(fromPath: link.appendingPathComponent("Processes/reset.yaml").path)
        let broken = Self.process.replacingOccurrences(of: "responsible: service-desk\n    end", with: "responsible: nobody\n    end")
        send(
            .notification(
                method: "textDocument/didOpen",
                params: ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(broken)]]))
        let published = try XCTUnwrap(notifications("textDocument/publishDiagnostics").last)
        XCTAssertEqual(published["uri"]?.stringValue, uri)
        XCTAssertEqual(published["version"], 1)
        XCTAssertEqual(published["diagnostics"]?[0]?["code"], "ref/unknown-role")
    }

    func testExitAfterShutdownIsZeroAndWithoutItOne() {
        initialize()
        request(2, "shutdown", nil)
        send(.notification(method: "exit", params: nil))
        XCTAssertEqual(server.state, .exited(code: 0))
    }
}
