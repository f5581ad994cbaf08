import ProcDef

/// The lines of one source file, indexed once so that echoing many diagnostics from a large file stays linear.
///
/// Lines are split and decoded exactly as `SourceFile.line(_:)` does: on `\n`, a trailing `\r` dropped,
/// invalid UTF-8 decoded as U+FFFD.
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; line n (1-based) starts at `starts[n - 1]`.
    private let starts: [Int]
    /// Git's heuristic: a NUL byte in the first 8000 bytes means binary. Echoing such lines helps nobody.
    let isBinary: Bool

    init(_ source: SourceFile) {
        bytes = source.bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.starts = starts
        isBinary = bytes.prefix(8000).contains(0)
    }

    /// The text of 1-based line `number` without its line break; nil when there is no such line.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
