import ProcDef

/// The lines of one source file, indexed once so that echoing many diagnostics from a large file stays linear.
///
/// Lines are split and decoded exactly as `SourceFile.line(_:)` does: on `\n`, a trailing `\r` dropped,
/// invalid UTF-8 decoded as U+FFFD.
final class SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; line n (1-based) starts at `starts[n - 1]`.
    private let starts: [Int]
    /// Git's heuristic: a NUL byte in the first 8000 bytes means binary. Echoing such lines helps nobody.
    let isBinary: Bool
    /// The last line decoded. Diagnostics arrive sorted, so many findings on one huge line (a minified file of
    /// several megabytes) decode it once, not once each.
    private var cached: (number: Int, scalars: [Unicode.Scalar])?

    /// nil when the file's content is no longer at hand: it changed or vanished since it was checked.
    init?(_ source: SourceFile) {
        guard let bytes = source.currentBytes() else { return nil }
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.starts = starts
        isBinary = bytes.prefix(8000).contains(0)
    }

    /// The Unicode scalars of 1-based line `number` without its line break; nil when there is no such line.
    func scalars(ofLine number: Int) -> [Unicode.Scalar]? {
        if let cached, cached.number == number { return cached.scalars }
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let scalars = Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
        cached = (number, scalars)
        return scalars
    }
}
