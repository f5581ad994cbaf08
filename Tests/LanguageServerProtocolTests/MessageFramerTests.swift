import LanguageServerProtocol
import XCTest

final class MessageFramerTests: XCTestCase {
    private let first = Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)
    private let second = Array(#"{"jsonrpc":"2.0","method":"initialized","params":{"é":"😀"}}"#.utf8)

    /// Every frame the framer hands out until it asks for more bytes, and the errors on the way.
    private func drain(_ framer: inout MessageFramer) -> (frames: [[UInt8]], errors: [FramingError]) {
        var frames: [[UInt8]] = []
        var errors: [FramingError] = []
        while true {
            do {
                guard let frame = try framer.nextFrame() else { return (frames, errors) }
                frames.append(frame)
            } catch {
                errors.append(error)
            }
        }
    }

    private func frames(of stream: [UInt8], maximumBodyLength: Int = MessageFramer.defaultMaximumBodyLength)
        -> (frames: [String], errors: [FramingError])
    {
        var framer = MessageFramer(maximumBodyLength: maximumBodyLength)
        framer.append(stream)
        let (frames, errors) = drain(&framer)
        return (frames.map { String(decoding: $0, as: UTF8.self) }, errors)
    }

    func testFrameWritesContentLengthInBytesThenTheBody() {
        XCTAssertEqual(String(decoding: MessageFramer.frame(Array("é".utf8)), as: UTF8.self), "Content-Length: 2\r\n\r\né")
        XCTAssertEqual(String(decoding: MessageFramer.frame([]), as: UTF8.self), "Content-Length: 0\r\n\r\n")
    }

    func testEverySplitIntoThreeReadsOfTwoMessagesGivesTheSameTwoFrames() {
        let stream = MessageFramer.frame(first) + MessageFramer.frame(second)
        for cut in 0...stream.count {
            for secondCut in cut...stream.count {
                var framer = MessageFramer()
                var received: [[UInt8]] = []
                for chunk in [stream[..<cut], stream[cut..<secondCut], stream[secondCut...]] {
                    framer.append(chunk)
                    let (frames, errors) = drain(&framer)
                    XCTAssertEqual(errors, [], "cuts at \(cut) and \(secondCut)")
                    received += frames
                }
                XCTAssertEqual(received, [first, second], "cuts at \(cut) and \(secondCut)")
                XCTAssertEqual(framer.bufferedByteCount, 0)
            }
        }
    }

    func testByteByByteReadsGiveEachFrameWhenItsLastByteArrives() {
        let stream = MessageFramer.frame(first) + MessageFramer.frame(second)
        var framer = MessageFramer()
        var completedAt: [Int] = []
        for (index, byte) in stream.enumerated() {
            framer.append([byte])
            if drain(&framer).frames.count == 1 { completedAt.append(index + 1) }
        }
        XCTAssertEqual(completedAt, [MessageFramer.frame(first).count, stream.count])
    }

    func testSeveralMessagesInOneReadComeOutInOrder() {
        let stream = MessageFramer.frame(first) + MessageFramer.frame([]) + MessageFramer.frame(second) + MessageFramer.frame(first)
        let result = frames(of: stream)
        XCTAssertEqual(
            result.frames,
            [String(decoding: first, as: UTF8.self), "", String(decoding: second, as: UTF8.self), String(decoding: first, as: UTF8.self)])
        XCTAssertEqual(result.errors, [])
    }

    func testHeaderNamesAreCaseInsensitiveAndOtherHeadersAreIgnored() {
        let stream = Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nX-Other: 1\r\nCONTENT-LENGTH:  2 \r\n\r\n{}".utf8)
        XCTAssertEqual(frames(of: stream).frames, ["{}"])
        XCTAssertEqual(frames(of: stream).errors, [])
    }

    func testABadHeaderIsOneErrorAndTheNextMessageStillArrives() {
        let good = MessageFramer.frame(first)
        let cases: [(String, FramingError)] = [
            ("Content-Length: abc\r\n\r\n{}", .invalidContentLength("abc")),
            ("Content-Length: -5\r\n\r\nhello", .invalidContentLength("-5")),
            ("Content-Length: \r\n\r\n", .invalidContentLength("")),
            ("Content-Length: 0x10\r\n\r\n", .invalidContentLength("0x10")),
            ("Content-Type: text/plain\r\n\r\n{}", .missingContentLength),
            ("garbage\r\n\r\n", .malformedHeaderLine("garbage")),
            (
                "Content-Length: 99999999999999999999999999999\r\n\r\n",
                .bodyTooLong(contentLength: "99999999999999999999999999999", limit: 64 * 1024 * 1024)
            ),
        ]
        for (bad, expected) in cases {
            let result = frames(of: Array(bad.utf8) + good)
            XCTAssertEqual(result.errors, [expected], bad)
            XCTAssertEqual(result.frames, [String(decoding: first, as: UTF8.self)], bad)
        }
    }

    func testTwoDifferentContentLengthsAreAnError() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: 2\r\ncontent-length: 3\r\n\r\n{}".utf8))
        XCTAssertThrowsError(try framer.nextFrame()) { XCTAssertEqual($0 as? FramingError, .conflictingContentLengths) }
    }

    func testTheSameContentLengthTwiceIsAccepted() {
        XCTAssertEqual(frames(of: Array("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}".utf8)).frames, ["{}"])
    }

    func testBytesLeftOverFromATooShortContentLengthCostOnlyThatMessage() {
        // A client that counts characters instead of bytes announces too few; what is left of its body runs into the
        // next header, and resynchronising on `Content-Length:` finds that header inside the malformed line.
        let stream = Array("Content-Length: 3\r\n\r\n\"é\"".utf8) + MessageFramer.frame(first)
        let result = frames(of: stream)
        XCTAssertEqual(result.frames, ["\"é", String(decoding: first, as: UTF8.self)])
        XCTAssertEqual(result.errors, [.missingContentLength])
    }

    func testAHeaderBlockOver8KiBIsAnErrorAndTheFramerRecovers() {
        let result = frames(of: Array(repeating: UInt8(ascii: "x"), count: 9000) + MessageFramer.frame(first))
        XCTAssertEqual(result.errors, [.headerTooLong(limit: 8192)])
        XCTAssertEqual(result.frames, [String(decoding: first, as: UTF8.self)])
    }

    func testAHeaderThatNeverEndsIsReportedOnceItPasses8KiBNotBefore() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: 5\r\n".utf8) + Array(repeating: UInt8(ascii: "y"), count: 8000))
        XCTAssertEqual(drain(&framer).errors, [])
        framer.append(Array(repeating: UInt8(ascii: "y"), count: 200))
        XCTAssertEqual(drain(&framer).errors, [.headerTooLong(limit: 8192)])
        // Resynchronising keeps only a tail that could be the start of a split `Content-Length:`.
        XCTAssertEqual(framer.bufferedByteCount, 14)
    }

    func testABodyOverTheLimitIsAnErrorAndTheNextMessageStillArrives() {
        let stream = MessageFramer.frame(Array(repeating: UInt8(ascii: "a"), count: 11)) + MessageFramer.frame(Array("0123456789".utf8))
        let result = frames(of: stream, maximumBodyLength: 10)
        XCTAssertEqual(result.errors, [.bodyTooLong(contentLength: "11", limit: 10)])
        XCTAssertEqual(result.frames, ["0123456789"])
    }

    func testResynchronisingWaitsForAContentLengthSplitAcrossReads() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: nope\r\n\r\nrubbish Conte".utf8))
        XCTAssertEqual(drain(&framer).errors, [.invalidContentLength("nope")])
        framer.append(Array("nt-Length: 2\r\n\r\n{}".utf8))
        let result = drain(&framer)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.frames, [Array("{}".utf8)])
    }

    func testALongHeaderValueIsCutInTheError() {
        let value = String(repeating: "9z", count: 50)
        let result = frames(of: Array("Content-Length: \(value)\r\n\r\n".utf8))
        XCTAssertEqual(result.errors, [.invalidContentLength(String(repeating: "9z", count: 20) + "…")])
    }

    func testRandomHeaderPiecesNeverTrapAndTheReadLoopAlwaysEnds() {
        // A cheap linear congruential generator: the same bytes on every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(round % 97 * 3) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 59)
                let pieces = ["Content-Length: ", "5", "-", "\r\n", "\r\n\r\n", "{}", "x", ":", "\r", "content-length:9\r\n\r\n"]
                bytes += Array(pieces[pick % pieces.count].utf8)
            }
            var framer = MessageFramer(maximumBodyLength: 8)
            framer.append(bytes)
            var calls = 0
            while true {
                calls += 1
                do {
                    guard let frame = try framer.nextFrame() else { break }
                    XCTAssertLessThanOrEqual(frame.count, 8)
                } catch {}
                if calls > bytes.count + 2 {
                    XCTFail("round \(round): nextFrame() did not finish")
                    break
                }
            }
        }
    }
}
