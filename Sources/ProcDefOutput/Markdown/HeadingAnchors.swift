/// The `#fragment` GitHub gives each heading of a Markdown file, so runbooks can link to their own sections.
///
/// GitHub (github-slugger) lowercases the heading's text, drops every character that is not a letter, mark, number,
/// `_`, `-` or space, turns each space into `-`, and numbers repeats in document order: `roles`, `roles-1`, ...
/// Headings must therefore be registered in the order they appear.
package struct HeadingAnchors: Sendable {
    private var used: Set<String> = []

    package init() {}

    /// The anchor of the next heading, whose rendered text is `text` (the text, not its Markdown source).
    package mutating func register(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = 0
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate)
        return candidate
    }

    /// The slug of one heading text, before repeats are numbered.
    package static func slug(_ text: String) -> String {
        var text = text
        if let ascii = text.withUTF8({ utf8 in utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(utf8) : nil }) {
            return ascii
        }
        return scalarSlug(text)
    }

    /// `slug` scalar by scalar, for any text; `slug` takes it only for text with non-ASCII characters.
    static func scalarSlug(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                output.append("-")
            } else if scalar == "-" || scalar == "_" || keeps(scalar) {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `slug` of ASCII text, on its bytes: the only ASCII letters are A-Z (lowercased) and a-z, the only numbers
    /// 0-9, and the only connector punctuation `_`; every other ASCII character but space and `-` is dropped.
    private static func asciiSlug(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: " "): output.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): output.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                output.append(byte)
            default: break
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation:
            true
        default:
            false
        }
    }
}
