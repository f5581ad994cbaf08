/// Finds the first byte that breaks UTF-8, so a Latin-1 or binary file gets one precise diagnostic instead of libyaml's 0:0 mark.
enum UTF8Validation {
    /// The offset of the first invalid sequence (nil when `bytes` is valid UTF-8), in one pass that also tells whether the text is pure ASCII (where code points and bytes coincide).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (firstInvalid: Int?, isASCII: Bool) {
        var i = 0
        let n = bytes.count
        var isASCII = true
        guard let base = bytes.baseAddress else { return (nil, true) }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Process definitions are mostly ASCII: eight bytes at a time while no byte has its high bit set.
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            isASCII = false
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return (i, false)
            }
            guard i + length <= n else { return (i, false) }
            let second = bytes[i + 1]
            guard second >= lower && second <= upper else { return (i, false) }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return (i, false) }
                k += 1
            }
            i += length
        }
        return (nil, isASCII)
    }
}

/// Turns libyaml marks (0-based, counted in code points) into 1-based positions with byte offsets.
///
/// Events arrive in nearly increasing order, so a cursor that walks forward (and, rarely, back) keeps the
/// conversion linear in the file size instead of rescanning from the start for every mark.
struct OffsetCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var codePoint = 0
    private var byte = 0
    /// True when every byte is ASCII, so code point index and byte offset coincide.
    private let isASCII: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.bytes = bytes
        self.isASCII = isASCII
    }

    mutating func byteOffset(ofCodePoint target: Int) -> Int {
        if isASCII { return min(target, bytes.count) }
        while codePoint < target && byte < bytes.count {
            byte += 1
            while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            codePoint += 1
        }
        while codePoint > target && byte > 0 {
            byte -= 1
            while byte > 0 && bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            codePoint -= 1
        }
        return byte
    }

    /// The 1-based line and column (in code points) of a byte offset, counted from the start: used only for errors.
    func position(ofByte offset: Int) -> SourcePosition {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column, offset: end)
    }
}
