/// Turns untrusted text into one RFC 4180 CSV field, safe to open in a spreadsheet.
///
/// - A field containing `,`, `"`, CR or LF is quoted, and each `"` inside is doubled (RFC 4180 section 2).
/// - A field starting with `=`, `+`, `-`, `@`, a tab or CR gets a leading `'`: spreadsheets run such a cell as a
///   formula, and an activity name like `=HYPERLINK(...)` would do so on the reader's machine (OWASP "CSV
///   injection"). Ids and RACI letters never start that way, so only free text such as names is ever changed.
package enum CSVEscaping {
    /// `text` as one field, quoted when it must be.
    package static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// One record: the fields escaped, joined by commas, ended by CRLF.
    package static func record(_ fields: [String]) -> String {
        var out = RenderedText()
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(byte: UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append("\r\n")
        return out.string
    }

    /// `field(text)`, appended to `out`; text that needs neither quotes nor the formula guard is copied as it is.
    static func appendField(_ text: String, to out: inout RenderedText) {
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            if let first = utf8.first,
                [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
            {
                return false
            }
            guard !utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }) else {
                return false
            }
            out.append(contentsOf: utf8)
            return true
        }
        if !copied { out.append(field(text)) }
    }
}
