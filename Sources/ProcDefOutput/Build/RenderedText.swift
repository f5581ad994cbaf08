/// One output file being rendered, as UTF-8 bytes appended in place.
///
/// A build renders some 60 MB of Markdown, DOT and CSV in pieces of a few bytes each. Joining intermediate strings
/// (interpolations, `joined()`, one `String` per table cell) cost more than the check itself; appending every piece
/// straight into one growing buffer per file, with the escapers writing into it too, does not. The bytes are what
/// `OutputTree` stores and writes, so a file is never copied from a `String` into bytes either.
///
/// The buffer is an array kept at its full size (the unwritten rest zero-filled), with the written length beside it,
/// so that appending a piece is one copy into place rather than a generic `append(contentsOf:)`.
struct RenderedText {
    /// The bytes written so far are `storage[..<count]`; the rest is room to grow.
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: max(capacity, 64))
    }

    var isEmpty: Bool { count == 0 }

    /// The text as a `String`, for the renderers whose callers want one.
    var string: String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    /// Hands the bytes over without a copy.
    consuming func takeBytes() -> [UInt8] {
        storage.removeLast(storage.count - count)
        return storage
    }

    mutating func append(_ literal: StaticString) {
        if literal.hasPointerRepresentation {
            append(UnsafeRawPointer(literal.utf8Start), count: literal.utf8CodeUnitCount)
        } else {
            // A one-scalar literal is stored as the scalar itself.
            literal.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        }
    }

    // String literals are `StaticString`s here (see above); this takes strings made at run time.
    @_disfavoredOverload
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    @_disfavoredOverload
    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func append(byte: UInt8) {
        if count == storage.count { grow(toHold: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(contentsOf utf8: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(utf8))
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        append(base, count: bytes.count)
    }

    private mutating func append(_ source: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        if count + n > storage.count { grow(toHold: count + n) }
        let start = count
        storage.withUnsafeMutableBytes { target in
            target.baseAddress.map { ($0 + start).copyMemory(from: source, byteCount: n) }
        }
        count += n
    }

    /// At least doubles the room, so that appending stays linear.
    private mutating func grow(toHold needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(needed, 2 * storage.count) - storage.count))
    }

    /// The decimal digits of `number`, as `String(number)` writes them.
    mutating func append(_ number: Int) {
        if number < 0 {
            append(byte: UInt8(ascii: "-"))
            // `Int.min` has no positive counterpart; its magnitude fits in UInt.
            appendDigits(number.magnitude)
        } else {
            appendDigits(UInt(number))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        if value < 10 {
            append(byte: UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var used = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - used] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                used += 1
            }
            append(UnsafeRawBufferPointer(rebasing: buffer[(20 - used)...]))
        }
    }
}
