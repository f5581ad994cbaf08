/// The `#fragment` GitHub gives each heading of a Markdown file, so runbooks can link to their own sections.
///
/// GitHub (github-slugger) lowercases the heading's text, drops every character that is not a letter, mark, number,
/// `_`, `-` or space, turns each space into `-`, and numbers repeats in document order: `roles`, `roles-1`, ...
/// Headings must therefore be registered in the order they appear.
public struct HeadingAnchors: Sendable {
    private var used: Set<String> = []

    public init() {}

    /// The anchor of the next heading, whose rendered text is `text` (the text, not its Markdown source).
    public mutating func register(_ text: String) -> String {
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
    public static func slug(_ text: String) -> String {
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
