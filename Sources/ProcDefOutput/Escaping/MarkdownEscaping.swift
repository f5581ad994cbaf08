/// Turns untrusted text into GitHub-flavoured Markdown that renders as exactly that text, never as markup or HTML.
///
/// Runbooks are read on GitHub, in wikis and in permissive renderers (`cmark-gfm --unsafe`, wiki imports) that pass
/// raw HTML through. A name such as `<script>` must render as text there, and a `|` in a name must not split a
/// table row. So:
/// - the characters that start inline markup are backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `|` `~` `#` `$`
///   (`$` because GitHub renders `$...$` as mathematics);
/// - `<`, `>` and `&` become the entities `&lt;`, `&gt;` and `&amp;`, so no tag or entity of the input survives;
/// - a leading `-`, `+`, `=` or `1.`/`1)` is escaped, so text at the start of a line never opens a list or a heading;
/// - line breaks are replaced (a Markdown line break inside a paragraph could start a new block, and a table cell
///   cannot hold one at all; `<br>` would be raw HTML), and control characters become U+FFFD.
package enum MarkdownEscaping {
    /// `text` as inline Markdown on one line: line breaks become spaces.
    package static func inline(_ text: String) -> String {
        if needsNoEscaping(text) { return text }
        var out = RenderedText()
        appendInline(text, to: &out)
        return out.string
    }

    /// `text` as the content of a GFM table cell: line breaks become ` / `, so separate lines stay apart.
    package static func cell(_ text: String) -> String {
        if needsNoEscaping(text) { return text }
        var out = RenderedText()
        appendCell(text, to: &out)
        return out.string
    }

    /// `inline(text)`, appended to `out`.
    static func appendInline(_ text: String, to out: inout RenderedText) {
        append(text, lineBreak: " ", to: &out)
    }

    /// `cell(text)`, appended to `out`.
    static func appendCell(_ text: String, to out: inout RenderedText) {
        append(text, lineBreak: " / ", to: &out)
    }

    private static func append(_ text: String, lineBreak: StaticString, to out: inout RenderedText) {
        var text = text
        let done = text.withUTF8 { utf8 -> Bool in
            if needsNoEscaping(utf8) {
                out.append(contentsOf: utf8)
                return true
            }
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            appendASCII(utf8, lineBreak: lineBreak, to: &out)
            return true
        }
        if !done { out.append(escapeScalars(text, lineBreak: "\(lineBreak)")) }
    }

    /// The escaping of `escape(_:lineBreak:)` for ASCII text, on its bytes: in ASCII every character is one byte,
    /// the only whitespace is tab and space once the line breaks (LF, VT, FF, CR) are split off, and a CRLF needs no
    /// care because the empty line it would leave is dropped anyway.
    private static func appendASCII(_ utf8: UnsafeBufferPointer<UInt8>, lineBreak: StaticString, to out: inout RenderedText) {
        var wroteLine = false
        var lineStart = 0
        while lineStart <= utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count, !(0x0A...0x0D).contains(utf8[lineEnd]) { lineEnd += 1 }
            var first = lineStart
            var last = lineEnd
            while first < last, utf8[first] == 0x20 || utf8[first] == 0x09 { first += 1 }
            while last > first, utf8[last - 1] == 0x20 || utf8[last - 1] == 0x09 { last -= 1 }
            if first < last {
                if wroteLine { out.append(lineBreak) }
                appendASCIILine(UnsafeBufferPointer(rebasing: utf8[first..<last]), atStart: !wroteLine, to: &out)
                wroteLine = true
            }
            lineStart = lineEnd + 1
        }
    }

    private static func appendASCIILine(_ line: UnsafeBufferPointer<UInt8>, atStart: Bool, to out: inout RenderedText) {
        var digits = 0
        if atStart {
            while digits < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digits]) { digits += 1 }
        }
        for (i, byte) in line.enumerated() {
            let opensBlock =
                (atStart && i == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")))
                || (digits > 0 && i == digits && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")))
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "$"):
                out.append(byte: UInt8(ascii: "\\"))
                out.append(byte: byte)
            case UInt8(ascii: "<"): out.append("&lt;")
            case UInt8(ascii: ">"): out.append("&gt;")
            case UInt8(ascii: "&"): out.append("&amp;")
            case 0x09: out.append(byte: 0x20)
            case _ where opensBlock:
                out.append(byte: UInt8(ascii: "\\"))
                out.append(byte: byte)
            case 0x00...0x1F, 0x7F:
                out.append("\u{FFFD}")
            default:
                out.append(byte: byte)
            }
        }
    }

    /// The escaping scalar by scalar, for any text; `append` takes it only for text with non-ASCII characters.
    static func escapeScalars(_ text: String, lineBreak: String) -> String {
        let lines = splitLines(text)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        var output = ""
        for (n, line) in lines.enumerated() {
            if n > 0 { output += lineBreak }
            output += escapeLine(line, atStart: n == 0)
        }
        return output
    }

    private static func escapeLine(_ line: String, atStart: Bool) -> String {
        var output = ""
        output.reserveCapacity(line.utf8.count + 8)
        let scalars = Array(line.unicodeScalars)
        // The end of a leading run of digits: `1.` or `1)` there would open an ordered list.
        let digits = atStart ? scalars.prefix(while: { ("0"..."9").contains($0) }).count : 0
        for (i, scalar) in scalars.enumerated() {
            let opensBlock =
                (atStart && i == 0 && (scalar == "-" || scalar == "+" || scalar == "="))
                || (digits > 0 && i == digits && (scalar == "." || scalar == ")"))
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\t": output += " "
            case _ where opensBlock:
                output += "\\"
                output.unicodeScalars.append(scalar)
            case _ where scalar.isControlCharacter:
                output += "\u{FFFD}"
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Printable ASCII with none of the characters escaped above, no surrounding blanks and no start that could open
    /// a block: most names and sentences, which a build renders by the hundred thousand, come out as they are.
    private static func needsNoEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsNoEscaping($0) }
    }

    private static func needsNoEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        switch first {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            break
        }
        guard last != UInt8(ascii: " ") else { return false }
        // One table look-up a byte: this runs over every piece of text a build writes into Markdown.
        return plainBytes.withUnsafeBufferPointer { plain in
            utf8.allSatisfy { plain[Int($0)] }
        }
    }

    /// Per byte value: printable ASCII that never needs escaping.
    private static let plainBytes: [Bool] = (0...255).map { byte in
        (0x20...0x7E).contains(byte) && !"\\`*_[]|~#$<>&".utf8.contains(UInt8(byte))
    }

    /// Splits on every line break a reader would see: LF, CR, CRLF, NEL, LS and PS.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = scalar == "\r"
            default:
                current.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(String(current))
        return lines
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
