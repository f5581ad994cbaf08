/// One output file being rendered, as UTF-8 bytes appended in place.
///
/// A build renders some 60 MB of Markdown, DOT and CSV. Joining intermediate strings (interpolations, `joined()`,
/// one `String` per table cell) cost more than the check itself; appending every piece straight into one growing
/// buffer per file, with the escapers writing into it too, does not. The bytes are what `OutputTree` stores and
/// writes, so a file is never copied from a `String` into bytes either.
struct RenderedText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    /// The text as a `String`, for the renderers whose callers want one.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: RenderedText) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append<Bytes: Collection>(contentsOf utf8: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: utf8)
    }

    /// The decimal digits of `number`, as `String(number)` writes them.
    mutating func append(_ number: Int) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
            // `Int.min` has no positive counterpart; its magnitude fits in UInt.
            appendDigits(number.magnitude)
        } else {
            appendDigits(UInt(number))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Removes the last `n` bytes (which the caller appended itself).
    mutating func removeLast(_ n: Int) {
        bytes.removeLast(n)
    }

    /// Hands the bytes over without a copy.
    consuming func takeBytes() -> [UInt8] {
        bytes
    }
}
