/// GitHub-flavoured Markdown written block by block into one `RenderedText`, with every piece of input text escaped
/// here (through `MarkdownEscaping`) and nowhere else.
///
/// The runbooks, the index, the handoff map and the diff all write Markdown; before this writer each of them spelled
/// out its own `#`, `|` and blank lines, and chose an escaper per call. The writer keeps the byte-buffer speed of
/// `RenderedText` (a build writes some 60 MB of Markdown in pieces of a few bytes): every method appends in place,
/// and procdef's own words are `StaticString`s, so rendering a runbook or the handoff map makes no intermediate
/// `String` per piece.
///
/// Blocks (headings, paragraphs, lists, tables, rules) are separated by one blank line, which the writer puts in
/// when the next block starts; a block's last line ends with `endLine()` (or the method that ends it).
struct MarkdownWriter {
    /// The page so far.
    private(set) var bytes: RenderedText
    /// True once a block was started, so that the next one is preceded by a blank line.
    private var hasBlock = false
    /// Where the current table cell's content starts, to fill an empty cell.
    private var cellStart = 0

    init(capacity: Int = 0) {
        bytes = RenderedText(capacity: capacity)
    }

    var string: String { bytes.string }

    // MARK: Blocks

    /// A blank line after the block before, if any.
    private mutating func startBlock() {
        if hasBlock { bytes.append(byte: UInt8(ascii: "\n")) }
        hasBlock = true
    }

    /// Ends the current line of a block (a paragraph, a list item, a heading started with `startHeading`).
    mutating func endLine() {
        bytes.append(byte: UInt8(ascii: "\n"))
    }

    /// `## Title`: a heading of procdef's own words.
    mutating func heading(_ level: Int, _ title: StaticString) {
        startHeading(level)
        bytes.append(title)
        endLine()
    }

    /// Starts a heading whose text the caller writes with the inline methods, then `endLine()`.
    mutating func startHeading(_ level: Int) {
        startBlock()
        for _ in 0..<level { bytes.append(byte: UInt8(ascii: "#")) }
        bytes.append(byte: UInt8(ascii: " "))
    }

    /// A paragraph of procdef's own Markdown, on one line.
    mutating func paragraph(_ markdown: StaticString) {
        startParagraph()
        bytes.append(markdown)
        endLine()
    }

    /// Starts a paragraph the caller writes with the inline methods, then `endLine()`.
    mutating func startParagraph() {
        startBlock()
    }

    /// Starts a list; each item is `bulletItem` or `numberedItem`, its text, then `endLine()`.
    mutating func startList() {
        startBlock()
    }

    /// `- `, or `  - ` for an item nested under the one before.
    mutating func bulletItem(nested: Bool = false) {
        bytes.append(nested ? "  - " : "- ")
    }

    /// `- **Label:** `: an item that starts with its label in strong emphasis, then the caller's text. Written in three
    /// pieces rather than five: a runbook has several such items for every activity.
    mutating func labelledItem(_ label: StaticString, nested: Bool = false) {
        bytes.append(nested ? "  - **" : "- **")
        bytes.append(label)
        bytes.append(":** ")
    }

    /// `- ` indented under `depth` items (0: a top-level item), for lists nested deeper than `bulletItem(nested:)` goes.
    mutating func bulletItem(depth: Int) {
        for _ in 0..<depth { bytes.append("  ") }
        bytes.append("- ")
    }

    /// `labelledItem` indented under `depth` items.
    mutating func labelledItem(_ label: StaticString, depth: Int) {
        for _ in 0..<depth { bytes.append("  ") }
        bytes.append("- **")
        bytes.append(label)
        bytes.append(":** ")
    }

    /// `3. `
    mutating func numberedItem(_ number: Int) {
        bytes.append(number)
        bytes.append(". ")
    }

    /// Starts a block quote (a box GitHub draws with a bar at its left); each line of it starts with `quoteLine()`
    /// or `quoteItem(_:)`, its text, then `endLine()`.
    mutating func startQuote() {
        startBlock()
    }

    /// `> `: a line of the quote.
    mutating func quoteLine() {
        bytes.append("> ")
    }

    /// `>`: a blank line inside the quote, between its paragraphs.
    mutating func quoteBlankLine() {
        bytes.append(">\n")
    }

    /// `> - **Label:** `: a labelled list item inside a quote.
    mutating func quoteItem(_ label: StaticString) {
        bytes.append("> - **")
        bytes.append(label)
        bytes.append(":** ")
    }

    /// A fenced code block (```` ```info ````) holding `code` as it is, the fence longer than any run of backticks
    /// in it so that nothing inside can close it early. The caller makes `code` safe for what reads it (Mermaid's
    /// renderer); Markdown does not interpret a code block's text.
    mutating func fencedBlock(info: StaticString, _ code: String) {
        startBlock()
        var longest = 0
        var run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        bytes.append(fence)
        bytes.append(info)
        bytes.append(byte: UInt8(ascii: "\n"))
        bytes.append(code)
        if !code.hasSuffix("\n") { bytes.append(byte: UInt8(ascii: "\n")) }
        bytes.append(fence)
        bytes.append(byte: UInt8(ascii: "\n"))
    }

    /// `---`: a thematic break.
    mutating func thematicBreak() {
        startBlock()
        bytes.append("---\n")
    }

    // MARK: Tables

    /// Starts a table with a header of fixed column names: `| A | B |` and its delimiter row.
    mutating func startTable(_ columns: [StaticString]) {
        startTableHeader()
        for (i, column) in columns.enumerated() {
            if i > 0 { headerCell() }
            bytes.append(column)
        }
        endTableHeader(columns: columns.count)
    }

    /// Starts a table whose header cells the caller writes: the first right away, each next after `headerCell()`,
    /// then `endTableHeader`. Header cells are written as they are, with no filling of empty ones.
    mutating func startTableHeader() {
        startBlock()
        bytes.append("| ")
    }

    mutating func headerCell() {
        bytes.append(" | ")
    }

    /// Ends the header row and writes the delimiter row of `columns` columns.
    mutating func endTableHeader(columns: Int) {
        bytes.append(" |\n|")
        for _ in 0..<columns { bytes.append("---|") }
        endLine()
    }

    /// Starts a row and its first cell.
    mutating func startRow() {
        bytes.append("| ")
        cellStart = bytes.count
    }

    /// Ends the current cell and starts the next.
    mutating func nextCell() {
        fillEmptyCell()
        bytes.append(" | ")
        cellStart = bytes.count
    }

    /// Ends the last cell and the row.
    mutating func endRow() {
        fillEmptyCell()
        bytes.append(" |\n")
    }

    /// A cell with nothing in it is written as a space, so every row reads `| a |   | c |` alike.
    private mutating func fillEmptyCell() {
        if bytes.count == cellStart { bytes.append(byte: UInt8(ascii: " ")) }
    }

    /// A whole table of cells that are already Markdown (escaped where they hold text, so no `|` or line break is
    /// left in them).
    mutating func table(_ columns: [StaticString], rows: [[String]]) {
        startTable(columns)
        for row in rows {
            startRow()
            for (i, cell) in row.enumerated() {
                if i > 0 { nextCell() }
                bytes.append(cell)
            }
            endRow()
        }
    }

    // MARK: Inline

    /// Markdown procdef wrote itself (its own words and markup), as it is: never input text.
    mutating func markdown(_ markdown: StaticString) {
        bytes.append(markdown)
    }

    /// Markdown made at run time by procdef, with any input text in it already escaped (ids checked by
    /// `OutputLayout.isSafeID`, phrases built with this writer's escaping).
    @_disfavoredOverload
    mutating func markdown(_ markdown: String) {
        bytes.append(markdown)
    }

    /// Markdown written by a renderer of procdef's own notation straight into the bytes, such as the RACI letters.
    mutating func markdown(_ write: (inout RenderedText) -> Void) {
        write(&bytes)
    }

    /// Procdef's own words with their first letter capitalised, for the start of a sentence; the words start with an
    /// ASCII letter.
    mutating func capitalized(_ words: StaticString) {
        words.withUTF8Buffer { utf8 in
            guard let first = utf8.first else { return }
            bytes.append(byte: (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) ? first - 0x20 : first)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8.dropFirst()))
        }
    }

    mutating func number(_ value: Int) {
        bytes.append(value)
    }

    /// Input text as inline Markdown on one line.
    mutating func text(_ value: String) {
        MarkdownEscaping.appendInline(value, to: &bytes)
    }

    /// Input text as the content of a table cell: separate lines stay apart as ` / `.
    mutating func cellText(_ value: String) {
        MarkdownEscaping.appendCell(value, to: &bytes)
    }

    /// An id or token in code style when it is a plain kebab-case token (nothing in it can break a code span or a
    /// table), else as escaped text.
    mutating func code(_ value: String) {
        if OutputLayout.isSafeID(value) {
            codeSpan(value)
        } else {
            text(value)
        }
    }

    /// A file path in code style when it holds only characters that are safe there, else as escaped text.
    mutating func path(_ value: String) {
        if Self.isSafePath(value) {
            codeSpan(value)
        } else {
            text(value)
        }
    }

    /// A code span of text already known to be safe in one (an id, a rule id, a key procdef names).
    mutating func codeSpan(_ safe: String) {
        bytes.append(byte: UInt8(ascii: "`"))
        bytes.append(safe)
        bytes.append(byte: UInt8(ascii: "`"))
    }

    private static func isSafePath(_ value: String) -> Bool {
        !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._-".unicodeScalars.contains($0))
            }
    }

    /// `*not set*`: procdef's own words in emphasis.
    mutating func emphasis(_ words: StaticString) {
        startEmphasis()
        bytes.append(words)
        endEmphasis()
    }

    /// `*Log the incident*`: input text in emphasis.
    mutating func emphasis(text value: String) {
        startEmphasis()
        text(value)
        endEmphasis()
    }

    mutating func startEmphasis() { bytes.append(byte: UInt8(ascii: "*")) }
    mutating func endEmphasis() { bytes.append(byte: UInt8(ascii: "*")) }

    /// `**Responsible:**`: procdef's own words in strong emphasis.
    mutating func strong(_ words: StaticString) {
        startStrong()
        bytes.append(words)
        endStrong()
    }

    mutating func startStrong() { bytes.append("**") }
    mutating func endStrong() { bytes.append("**") }

    /// `[label](target)`: input text as the label of a link to `target`, which procdef built from validated ids.
    mutating func link(text label: String, to target: String, suffix: StaticString = "") {
        startLink()
        text(label)
        endLink(to: target, suffix: suffix)
    }

    /// Starts a link whose label the caller writes with the inline methods, then `endLink`.
    mutating func startLink() {
        bytes.append(byte: UInt8(ascii: "["))
    }

    /// Starts an image whose alternative text the caller writes, then `endLink`.
    mutating func startImage() {
        bytes.append("![")
    }

    /// Ends a link or image: `](target suffix)`, the target built by procdef from validated ids.
    mutating func endLink(to target: String, suffix: StaticString = "") {
        bytes.append("](")
        bytes.append(target)
        bytes.append(suffix)
        bytes.append(byte: UInt8(ascii: ")"))
    }

    /// Ends a link to a heading of the same page: `](#anchor)`.
    mutating func endLink(toAnchor anchor: String) {
        bytes.append("](#")
        bytes.append(anchor)
        bytes.append(byte: UInt8(ascii: ")"))
    }
}

extension MarkdownWriter {
    /// Markdown as a `String`, for phrases that other renderers combine (the diff's), written by the same methods.
    static func inline(_ write: (inout MarkdownWriter) -> Void) -> String {
        var writer = MarkdownWriter()
        write(&writer)
        return writer.string
    }
}
