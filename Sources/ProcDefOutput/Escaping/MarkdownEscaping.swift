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
public enum MarkdownEscaping {
    /// `text` as inline Markdown on one line: line breaks become spaces.
    public static func inline(_ text: String) -> String {
        escape(text, lineBreak: " ")
    }

    /// `text` as the content of a GFM table cell: line breaks become ` / `, so separate lines stay apart.
    public static func cell(_ text: String) -> String {
        escape(text, lineBreak: " / ")
    }

    private static func escape(_ text: String, lineBreak: String) -> String {
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
            let opensBlock = (atStart && i == 0 && (scalar == "-" || scalar == "+" || scalar == "="))
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
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
