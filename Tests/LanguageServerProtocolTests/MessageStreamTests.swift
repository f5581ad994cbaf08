import Foundation
import LanguageServerProtocol
import XCTest

final class MessageStreamTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func readAll(_ path: String) throws -> [MessageReader.Item] {
        let descriptor = open(path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        var reader = MessageReader(fileDescriptor: descriptor)
        var items: [MessageReader.Item] = []
        while let item = try reader.next() {
            items.append(item)
        }
        return items
    }

    func testTheReaderReportsMessagesBadFramesAndBadBodiesInOrder() throws {
        let path = directory.appendingPathComponent("input").path
        let exit = Message.notification(method: "exit", params: nil)
        let stream =
            MessageFramer.frame(Array(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.utf8)) + Array("Content-Length: x\r\n\r\n".utf8)
            + MessageFramer.frame(Array("{".utf8)) + MessageFramer.frame(Array(#"{"id":2}"#.utf8)) + MessageFramer.frame(exit.encoded())
            + Array("Content-Length: 10\r\n\r\n{".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(stream)))
        XCTAssertEqual(
            try readAll(path),
            [
                .message(.request(id: .int(1), method: "shutdown", params: nil)),
                .invalidFrame(.invalidContentLength("x")),
                .invalidMessage(.parseError(reason: "the body is not JSON")),
                .invalidMessage(.invalidRequest(id: .int(2), reason: #"the member "jsonrpc" must be "2.0""#)),
                .message(exit),
            ])
    }

    func testConcurrentWritersNeverInterleaveTheirFrames() throws {
        let path = directory.appendingPathComponent("output").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        let writer = MessageWriter(fileDescriptor: descriptor)
        // Bodies well over PIPE_BUF, so that a write without the lock could be split and mixed with another.
        let count = 40
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let text = String(repeating: String(index % 10), count: 20_000)
            do {
                try writer.write(.notification(method: "window/logMessage", params: ["type": 4, "message": .string(text)]))
            } catch {
                XCTFail("\(error)")
            }
        }
        close(descriptor)
        let items = try readAll(path)
        XCTAssertEqual(items.count, count)
        var seen: [Int: Int] = [:]
        for item in items {
            guard case .message(.notification("window/logMessage", let params)) = item, let message = params?["message"]?.stringValue,
                let digit = message.first.flatMap({ Int(String($0)) })
            else {
                XCTFail("not an intact log message: \(String(describing: item).prefix(200))")
                continue
            }
            XCTAssertEqual(message, String(repeating: String(digit), count: 20_000))
            seen[digit, default: 0] += 1
        }
        XCTAssertEqual(seen, Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 4) }))
    }

    func testWritingToAClosedDescriptorThrowsInsteadOfTrapping() {
        let writer = MessageWriter(fileDescriptor: -1)
        XCTAssertThrowsError(try writer.write(.notification(method: "exit", params: nil))) { error in
            XCTAssertEqual(error as? MessageStreamError, MessageStreamError(operation: "write", code: EBADF))
        }
    }
}
