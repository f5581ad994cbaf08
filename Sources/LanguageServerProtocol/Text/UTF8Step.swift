/// One character of a UTF-8 byte sequence as the position encodings count it.
struct UTF8Step {
    /// How many bytes the character takes: 1 to 4, or 1 for a byte that does not begin a valid sequence.
    var byteCount: Int
    /// Whether the character is outside the Basic Multilingual Plane, which takes two UTF-16 code units.
    var isSupplementary: Bool

    /// The character beginning at `index`, validated as Unicode's table 3-7 says (no overlong forms, no surrogates,
    /// nothing past U+10FFFF); anything else is one byte that counts as one unit in every encoding.
    init(in bytes: [UInt8], at index: Int) {
        self.byteCount = 1
        self.isSupplementary = false
        guard index >= 0, index < bytes.count else { return }
        let lead = bytes[index]
        let length: Int
        let secondRange: ClosedRange<UInt8>
        switch lead {
        case 0x00...0x7F: return
        case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        default: return
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
            return
        }
        self.byteCount = length
        self.isSupplementary = length == 4
    }

    /// How many units of `encoding` the character counts for.
    func units(in encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return byteCount
        case .utf16: return isSupplementary ? 2 : 1
        case .utf32: return 1
        }
    }
}
