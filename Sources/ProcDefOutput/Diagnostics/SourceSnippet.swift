import ProcDef
import YAMLTree

/// The source line a diagnostic points at, with a caret line under it:
///
/// ```
///    41 |       - to: diagnose
///       |         ^~~~~~~~~~~~
/// ```
///
/// Columns count Unicode scalars, as libyaml's marks do. Each scalar takes one caret column, except a tab, which
/// is repeated in the caret line so that the terminal expands both alike, and an unsafe character, shown as its
/// `\u{..}` escape and underlined across the escape's width.
struct SourceSnippet {
    /// How many characters of a very long line (minified YAML, a base64 blob) are shown around the caret.
    static let maxShownCharacters = 200
    /// How many characters before the caret are kept when a long line is cut.
    static let contextBeforeCaret = 40

    var lineNumber: Int
    var sourceText: String
    /// Spaces and tabs up to the caret, kept apart from the marks so that colour paints only the marks.
    var caretIndent: String
    var caretMarks: String

    /// `range` starts on line `lineNumber`, made of `line`. A range ending on a later line is underlined to the end
    /// of this one; an empty range gets a single caret. Only the shown part of the line is looked at, so the cost
    /// does not grow with the line's length.
    init(line: [Unicode.Scalar], lineNumber: Int, range: SourceRange) {
        self.lineNumber = lineNumber
        let count = line.count
        let first = min(max(range.start.column, 1), count + 1) - 1
        let endColumn = range.end.line > range.start.line ? count + 1 : range.end.column
        let last = max(first + 1, min(endColumn - 1, count))

        var shown = 0..<count
        if count > Self.maxShownCharacters {
            let lower = first <= Self.contextBeforeCaret ? 0 : first - Self.contextBeforeCaret
            shown = lower..<min(count, lower + Self.maxShownCharacters)
        }
        let cutBefore = shown.lowerBound > 0
        let cutAfter = shown.upperBound < count

        var source = cutBefore ? "…" : ""
        var indent = cutBefore ? " " : ""
        var marks = ""
        for index in shown {
            let piece = Piece(line[index])
            source += piece.text
            if index < first {
                indent += piece.isTab ? "\t" : String(repeating: " ", count: piece.width)
            } else if index < last {
                let mark = piece.isTab ? "\t" : String(repeating: "~", count: piece.width)
                marks += index == first ? "^" + mark.dropFirst() : mark
            }
        }
        if cutAfter { source += "…" }
        // A range at or past the end of the line (a missing value, the end of the file) points just after it.
        if first >= shown.upperBound { marks += "^" }
        sourceText = source
        caretIndent = indent
        caretMarks = marks
    }

    /// One source scalar as shown: itself, or its escape when it is unsafe for a terminal.
    private struct Piece {
        var text: String
        var width: Int
        var isTab: Bool

        init(_ scalar: Unicode.Scalar) {
            isTab = scalar == "\t"
            if TerminalEscaping.isUnsafe(scalar) {
                text = TerminalEscaping.escape(scalar)
                width = text.count
            } else {
                text = String(scalar)
                width = 1
            }
        }
    }

    /// The two lines with their gutter, e.g. `   41 | text` and `      | ^`, never with trailing spaces. The gutter
    /// is as wide as the line number needs, so the snippet stays compact for short files and aligned for long ones.
    func lines(style: TerminalStyle, severity: Severity) -> [String] {
        let number = String(lineNumber)
        let gutter = String(repeating: " ", count: 3 + number.count)
        let sourceLine = sourceText.isEmpty ? "   \(number) |" : "   \(number) | \(sourceText)"
        return [sourceLine, "\(gutter) | \(caretIndent)\(style.paint(caretMarks, severity.color))"]
    }
}
