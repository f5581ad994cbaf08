/// Turns untrusted text into a Graphviz DOT double-quoted string that `dot` accepts and shows as exactly that text.
///
/// Every id, label, tooltip and URL in the diagrams goes through `quoted(_:)`:
/// - `"` becomes `\"` and `\` becomes `\\`: a lone backslash would start an escape (`\N` is the node's name, `\l`
///   a line break), and a trailing one would swallow the closing quote;
/// - `&` becomes `&amp;`, since Graphviz decodes HTML entities in ordinary labels (`&lt;` would otherwise show as `<`);
/// - line breaks (LF, CR, CRLF, NEL, LS, PS) become `\n`, a centred line break (or `\l` for left-aligned text);
///   other control characters become U+FFFD; tabs become spaces;
/// - `{`, `}`, `<`, `>` and `|` stay as they are: they mean something only in record shapes and `<...>` HTML labels,
///   and procdef draws neither; inside a quoted string they are plain text;
/// - other non-ASCII text stays UTF-8, which is Graphviz's default charset (the graphs also say so).
package enum DOTEscaping {
    /// How a label's lines are aligned: each line break becomes `\n` (centred) or `\l` (left-aligned; the last line
    /// then ends with `\l` too, as Graphviz aligns a line by the break that ends it).
    package enum Alignment: Sendable {
        case centred, left
    }

    /// `text` as a quoted DOT string, quotes included.
    package static func quoted(_ text: String, alignment: Alignment = .centred) -> String {
        var out = RenderedText(capacity: text.utf8.count + 4)
        appendQuoted(text, alignment: alignment, to: &out)
        return out.string
    }

    /// `quoted(text, alignment:)`, appended to `out`. ASCII text (nearly every name and id) is escaped byte by byte
    /// with the same rules; only text with other characters takes the scalar-by-scalar way.
    static func appendQuoted(_ text: String, alignment: Alignment = .centred, to out: inout RenderedText) {
        appendQuoted(text, prefix: "", alignment: alignment, to: &out)
    }

    /// `quoted(prefix + text)` for a `prefix` of printable ASCII other than `"`, `\` and `&`, which needs no
    /// escaping (node ids such as `a_<activity-id>`).
    static func appendQuoted(_ text: String, prefix: StaticString, alignment: Alignment = .centred, to out: inout RenderedText) {
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            let lineBreak: StaticString = alignment == .left ? "\\l" : "\\n"
            out.append(byte: UInt8(ascii: "\""))
            out.append(prefix)
            var previousWasCR = false
            var run = 0
            for (i, byte) in utf8.enumerated() {
                // Printable bytes other than `"`, `\` and `&` are copied in runs.
                if (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "&") {
                    previousWasCR = false
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                defer { previousWasCR = byte == 0x0D }
                switch byte {
                case UInt8(ascii: "\""): out.append("\\\"")
                case UInt8(ascii: "\\"): out.append("\\\\")
                case UInt8(ascii: "&"): out.append("&amp;")
                case 0x0A where previousWasCR: continue
                case 0x0A...0x0D: out.append(lineBreak)
                case 0x09: out.append(byte: 0x20)
                default: out.append("\u{FFFD}")
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            if alignment == .left && (!utf8.isEmpty || !prefix.withUTF8Buffer({ $0.isEmpty })) { out.append(lineBreak) }
            out.append(byte: UInt8(ascii: "\""))
            return true
        }
        if !copied { out.append(escapedQuoted("\(prefix)" + text, alignment: alignment)) }
    }

    /// The quoting scalar by scalar, for any text; `appendQuoted` takes it only for text with non-ASCII characters.
    static func escapedQuoted(_ text: String, alignment: Alignment) -> String {
        let lineBreak = alignment == .left ? "\\l" : "\\n"
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "&": output += "&amp;"
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": output += lineBreak
            case "\t": output += " "
            case _ where scalar.isControlCharacter: output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        if alignment == .left && !text.isEmpty { output += lineBreak }
        output += "\""
        return output
    }
}
