/// The content of one source file with the offset where each line starts: read once, then any line is found
/// without scanning the file again.
///
/// Lines are split on `\n`; a `\r` before it is not part of the line, and the text after the last `\n` is the last
/// line (empty when the file ends with a line break).
package struct SourceLines: Sendable {
    package let bytes: [UInt8]
    /// Line n (1-based) starts at `starts[n - 1]`.
    private let starts: [Int]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.starts = starts
    }

    /// How many lines there are: one more than the line feeds.
    package var count: Int { starts.count }

    /// The bytes of 1-based line `number` without its line break; nil when there is no such line.
    package func bytes(ofLine number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The text of 1-based line `number` without its line break, decoded leniently (invalid UTF-8 becomes U+FFFD);
    /// nil when there is no such line.
    package func line(_ number: Int) -> String? {
        bytes(ofLine: number).map { String(decoding: $0, as: UTF8.self) }
    }
}
