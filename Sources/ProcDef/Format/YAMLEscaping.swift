/// Turns any text into a YAML scalar that procdef reads back as exactly that text.
///
/// Plain when a plain scalar is unambiguous (`Log the incident`), double-quoted otherwise: text that YAML would read
/// as null, a boolean or a number (`null`, `404`), that starts with an indicator (`- `, `#`, `'`, `[`...), that holds
/// `: ` or ` #`, that has white space at an end, or any line break or control character (escaped, so that a name from
/// a spreadsheet cannot end the line and write keys of its own). Bidirectional controls are escaped too, so that the
/// file reads as it is (Trojan Source, CVE-2021-42574).
package enum YAMLEscaping {
    package static func scalar(_ text: String) -> String {
        isPlain(text) ? text : doubleQuoted(text)
    }

    private static let resolvedWords: Set<String> = ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]

    private static func isPlain(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if resolvedWords.contains(text) { return false }
        let looksNumeric = scalars.allSatisfy { ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }
        if looksNumeric && scalars.contains(where: { ("0"..."9").contains($0) }) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first.properties.isWhitespace { return false }
        if last.properties.isWhitespace || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        return !scalars.contains(where: needsEscape)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Byte-order mark, line and paragraph separators, and the bidirectional controls.
        case 0xFEFF, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// Always double-quoted, whatever the text: a fix that turns a plain text into one scalar that keeps every character
    /// (`yaml/comment-in-text`).
    package static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
