/// Converts between byte offsets in a document's UTF-8 text and LSP positions in any `PositionEncoding`.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as LSP says; the text after the last line end is one more line, so
/// `"a\n"` has two lines and an empty text has one. Bytes that are not valid UTF-8 count as one unit each.
public struct LineIndex: Hashable, Sendable {
    /// The document's text.
    public let bytes: [UInt8]
    /// The byte offset at which each line begins; never empty.
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                starts.append(index + 1)
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                starts.append(index + 1)
            default:
                break
            }
            index += 1
        }
        self.lineStarts = starts
    }

    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of `line` without its line end; nil past the last line.
    public func byteRange(ofLine line: Int) -> Swift.Range<Int>? {
        guard line >= 0, line < lineStarts.count else { return nil }
        return lineStarts[line]..<contentEnd(ofLine: line)
    }

    /// The position of a byte offset. An offset inside a multi-byte character gives that character's start, one
    /// inside a line end (between `\r` and `\n`) the end of the line; offsets outside the text are clamped to it.
    public func position(ofByteOffset offset: Int, encoding: PositionEncoding) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        let line = self.line(containing: offset)
        let target = min(offset, contentEnd(ofLine: line))
        var index = lineStarts[line]
        var character = 0
        while index < target {
            let step = UTF8Step(in: bytes, at: index)
            if index + step.byteCount > target { break }
            character += step.units(in: encoding)
            index += step.byteCount
        }
        return Position(line: line, character: character)
    }

    /// The byte offset of a position; nil when its line is past the last line or a number is negative.
    ///
    /// A character past the end of its line means the end of the line (LSP: "defaults back to the line length"),
    /// and one inside a character (the second UTF-16 unit of an emoji) means that character's start.
    public func byteOffset(of position: Position, encoding: PositionEncoding) -> Int? {
        guard position.character >= 0, let lineRange = byteRange(ofLine: position.line) else { return nil }
        var index = lineRange.lowerBound
        var character = 0
        while index < lineRange.upperBound, character < position.character {
            let step = UTF8Step(in: bytes, at: index)
            let units = step.units(in: encoding)
            if character + units > position.character { break }
            character += units
            index += step.byteCount
        }
        return index
    }

    /// The LSP range of a byte range, each end converted as `position(ofByteOffset:encoding:)` does.
    public func range(ofByteRange byteRange: Swift.Range<Int>, encoding: PositionEncoding) -> Range {
        Range(
            start: position(ofByteOffset: byteRange.lowerBound, encoding: encoding),
            end: position(ofByteOffset: byteRange.upperBound, encoding: encoding))
    }

    /// The byte range of an LSP range; nil when an end is outside the document or the start is after the end.
    public func byteRange(of range: Range, encoding: PositionEncoding) -> Swift.Range<Int>? {
        guard let start = byteOffset(of: range.start, encoding: encoding), let end = byteOffset(of: range.end, encoding: encoding),
            start <= end
        else { return nil }
        return start..<end
    }

    /// The last line that begins at or before `offset`.
    private func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    private func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        let next = lineStarts[line + 1]
        let isCRLF = next >= 2 && bytes[next - 1] == UInt8(ascii: "\n") && bytes[next - 2] == UInt8(ascii: "\r")
        return next - (isCRLF ? 2 : 1)
    }
}
