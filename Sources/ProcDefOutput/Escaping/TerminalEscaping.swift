/// Makes untrusted text safe to print on a terminal.
///
/// A pull request can put anything in a YAML file, and diagnostics echo keys, values and source lines. Control
/// characters could move the cursor, recolour or retitle the terminal, or hide a line (ESC, CR, BS...); bidirectional
/// overrides could make a reviewer read different text from what is there ("Trojan Source", CVE-2021-42574).
/// Each such character is shown as a visible Swift-style escape, `\u{1B}`, which also tells the reader what it was.
package enum TerminalEscaping {
    /// `text` with every unsafe character replaced by its `\u{..}` escape. Tabs are kept when `keepingTabs` is true
    /// (they are harmless, and source lines need them to keep carets aligned).
    package static func sanitized(_ text: String, keepingTabs: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingTabs: keepingTabs) }) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepingTabs: keepingTabs) {
                output.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `scalar` must not reach a terminal as it is.
    package static func isUnsafe(_ scalar: Unicode.Scalar, keepingTabs: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09: !keepingTabs
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates, and the Arabic letter mark.
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        // Line and paragraph separators: invisible line breaks in some viewers.
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// The visible stand-in for an unsafe scalar: `\u{1B}`.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
