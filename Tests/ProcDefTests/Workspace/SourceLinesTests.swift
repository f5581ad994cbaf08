import XCTest

@testable import ProcDef

/// Lines found through the index are the lines a scan of the whole file finds, as `SourceFile.line(_:)` found them
/// before it gave way to `SourceFile.lines()`.
final class SourceLinesTests: XCTestCase {
    /// The scan `SourceFile.line(_:)` made for every line it was asked for, kept here as the reference.
    private func scannedLine(_ number: Int, in bytes: [UInt8]) -> String? {
        guard number >= 1 else { return nil }
        func text(_ slice: ArraySlice<UInt8>) -> String {
            var s = String(decoding: slice, as: UTF8.self)
            if s.hasSuffix("\r") { s.removeLast() }
            return s
        }
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                if current == number { return text(bytes[start..<index]) }
                current += 1
                start = index + 1
            }
            index += 1
        }
        if current == number && start <= bytes.count { return text(bytes[start..<bytes.count]) }
        return nil
    }

    func testEveryLineIsTheLineAScanFinds() {
        let inputs: [[UInt8]] = [
            [], Array("a".utf8), Array("a\n".utf8), Array("a\nb".utf8), Array("a\r\nb\r\n".utf8), Array("\r".utf8),
            Array("a\r".utf8), Array("\n\n".utf8), Array("x\ry\n\rz\n".utf8), Array("é\u{301}\n—\n".utf8),
            [0x61, 0xFF, 0x0A, 0xC3, 0x0D, 0x0A, 0x00, 0x62], Array("kind: roles\r\nroles: {}\r\n# end".utf8),
        ]
        for bytes in inputs {
            let lines = SourceLines(bytes)
            XCTAssertEqual(lines.count, bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1, "\(bytes)")
            for number in -1...(lines.count + 2) {
                XCTAssertEqual(lines.line(number), scannedLine(number, in: bytes), "line \(number) of \(bytes)")
            }
        }
    }

    func testLinesKeepTheirBytes() {
        let lines = SourceLines(Array("a: 1\r\n\tb: \u{1B}[31m\n".utf8))
        XCTAssertEqual(lines.bytes(ofLine: 1).map(Array.init), Array("a: 1".utf8))
        XCTAssertEqual(lines.bytes(ofLine: 2).map(Array.init), Array("\tb: \u{1B}[31m".utf8))
        XCTAssertEqual(lines.bytes(ofLine: 3).map(Array.init), [])
        XCTAssertNil(lines.bytes(ofLine: 4))
        XCTAssertNil(lines.bytes(ofLine: 0))
    }
}
