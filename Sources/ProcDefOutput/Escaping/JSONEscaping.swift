/// The one JSON string escaper: every JSON (and later SARIF) string procdef writes goes through it.
///
/// Beyond what RFC 8259 requires (quote, backslash, U+0000...U+001F), it also escapes DEL, the C1 controls
/// (U+0080...U+009F) and U+2028/U+2029: the output is often shown raw in CI logs, where those could drive a
/// terminal, and JavaScript before ES2019 rejects a raw U+2028/U+2029 inside a string literal.
package enum JSONEscaping {
    /// `text` as a quoted JSON string literal.
    package static func quoted(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    /// Appends `text` as a quoted JSON string literal, so renderers can build one output without temporaries.
    package static func appendQuoted(_ text: String, to output: inout String) {
        // Works on UTF-8 bytes: every character that needs escaping is recognisable from its bytes, and
        // copying unescaped runs whole keeps this linear and fast on large reports.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00...0x1F, 0x7F:
                appendUnicodeEscape(UInt32(byte), to: &bytes)
            case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                // A C1 control: U+0080...U+009F is encoded C2 80...C2 9F.
                appendUnicodeEscape(UInt32(utf8[index + 1]), to: &bytes)
                index += 1
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                // U+2028 LINE SEPARATOR is E2 80 A8, U+2029 PARAGRAPH SEPARATOR is E2 80 A9.
                appendUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                index += 2
            default:
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
        output += String(decoding: bytes, as: UTF8.self)
    }

    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
