import ProcDef

/// How the diff's phrases show ids and free text: quoted and made safe for a terminal, or escaped Markdown for a
/// pull-request comment. The wording itself is shared (`DiffPhrases`), so both formats say the same thing.
struct DiffStyle: Sendable {
    /// An id: `'service-desk'`, or `` `service-desk` ``.
    let id: @Sendable (String) -> String
    /// Free text from the definitions (a name, an expectation), quoted.
    let text: @Sendable (String) -> String
    /// A YAML key procdef names (`owner`, `defaults.accountable`): procdef's own words, never input.
    let key: @Sendable (String) -> String
    let arrow: String
    /// A phrase procdef made with names from the definitions in it (`runs through 'Confirm the incident'`), made safe
    /// but not quoted.
    let phrase: @Sendable (String) -> String

    static let plain = DiffStyle(
        id: { "'\(PlainText.line($0))'" }, text: { "\"\(PlainText.line($0))\"" }, key: { $0 }, arrow: "->", phrase: { PlainText.line($0) })

    static let markdown = DiffStyle(
        id: { id in MarkdownWriter.inline { $0.code(id) } }, text: { text in "\"" + MarkdownWriter.inline { $0.cellText(text) } + "\"" },
        key: { "`\($0)`" }, arrow: "→", phrase: { text in MarkdownWriter.inline { $0.cellText(text) } })
}

/// Free text on one terminal line.
enum PlainText {
    /// Runs of white space (line breaks too) as one space, and every character that could drive a terminal shown
    /// as an escape.
    static func line(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return TerminalEscaping.sanitized(collapsed, keepingTabs: false)
    }
}
