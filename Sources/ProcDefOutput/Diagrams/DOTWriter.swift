/// One `key=value` of a DOT attribute list.
///
/// Input text can only enter as `.text`, which is always written through `DOTEscaping.quoted`; `.keyword` takes a
/// `StaticString`, so only literals from procdef's own source are ever written unescaped.
struct DOTAttribute {
    enum Value {
        case text(String)
        /// Text whose lines are left-aligned (`\l`).
        case leftAlignedText(String)
        case keyword(StaticString)
        case number(Double)
    }

    let key: StaticString
    let value: Value

    static func text(_ key: StaticString, _ value: String) -> DOTAttribute { DOTAttribute(key: key, value: .text(value)) }
    static func leftAligned(_ key: StaticString, _ value: String) -> DOTAttribute { DOTAttribute(key: key, value: .leftAlignedText(value)) }
    static func keyword(_ key: StaticString, _ value: StaticString) -> DOTAttribute { DOTAttribute(key: key, value: .keyword(value)) }
    static func number(_ key: StaticString, _ value: Double) -> DOTAttribute { DOTAttribute(key: key, value: .number(value)) }

    func append(to out: inout RenderedText) {
        out.append(key)
        out.append("=")
        switch value {
        case .text(let text):
            DOTEscaping.appendQuoted(text, to: &out)
        case .leftAlignedText(let text):
            DOTEscaping.appendQuoted(text, alignment: .left, to: &out)
        case .keyword(let word):
            // Bare words read better (`rankdir=LR`); anything else (`#f4f6f8`, `rounded,filled`) is quoted.
            if Self.isBare(word) {
                out.append(word)
            } else {
                DOTEscaping.appendQuoted("\(word)", to: &out)
            }
        case .number(let number):
            out.append(Self.format(number))
        }
    }

    /// Hex digits, ASCII letters, `_` and `.`, and at least one of them.
    static func isBare(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { bytes in
            !bytes.isEmpty && bytes.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "_"), UInt8(ascii: "."):
                    true
                default:
                    false
                }
            }
        }
    }

    /// `2`, `0.25`: the shortest decimal, never `2.0` or an exponent (only small literal sizes pass through here).
    static func format(_ number: Double) -> String {
        if number == number.rounded() { return String(Int(number)) }
        return String(number)
    }
}

/// Writes a DOT graph line by line: statements, attribute lists and clusters, with ids always quoted and escaped.
struct DOTWriter {
    private(set) var text: RenderedText
    private var depth = 0

    init(graphName: String, capacity: Int = 4096) {
        text = RenderedText(capacity: capacity)
        text.append("digraph ")
        DOTEscaping.appendQuoted(graphName, to: &text)
        text.append(" {\n")
        depth = 1
    }

    private mutating func indent() {
        for _ in 0..<depth { text.append("  ") }
    }

    private mutating func list(_ attributes: [DOTAttribute]) {
        guard !attributes.isEmpty else { return }
        text.append(" [")
        for (i, attribute) in attributes.enumerated() {
            if i > 0 { text.append(", ") }
            attribute.append(to: &text)
        }
        text.append("]")
    }

    /// `graph [...]`, `node [...]` or `edge [...]` defaults.
    mutating func defaults(_ kind: StaticString, _ attributes: [DOTAttribute]) {
        indent()
        text.append(kind)
        list(attributes)
        text.append(";\n")
    }

    /// Attributes of the current graph or cluster, one statement each (`label="..."`).
    mutating func attributes(_ attributes: [DOTAttribute]) {
        for attribute in attributes {
            indent()
            attribute.append(to: &text)
            text.append(";\n")
        }
    }

    mutating func node(_ id: String, _ attributes: [DOTAttribute]) {
        indent()
        DOTEscaping.appendQuoted(id, to: &text)
        list(attributes)
        text.append(";\n")
    }

    mutating func edge(_ from: String, _ to: String, _ attributes: [DOTAttribute]) {
        indent()
        DOTEscaping.appendQuoted(from, to: &text)
        text.append(" -> ")
        DOTEscaping.appendQuoted(to, to: &text)
        list(attributes)
        text.append(";\n")
    }

    mutating func beginSubgraph(_ name: String) {
        indent()
        text.append("subgraph ")
        DOTEscaping.appendQuoted(name, to: &text)
        text.append(" {\n")
        depth += 1
    }

    mutating func endSubgraph() {
        depth -= 1
        indent()
        text.append("}\n")
    }

    mutating func blankLine() { text.append("\n") }

    consuming func finish() -> RenderedText {
        text.append("}\n")
        return text
    }
}

/// Wraps label text for diagrams.
enum LabelWrapping {
    /// `text` on lines of at most about `width` characters, broken between words (a word longer than `width` gets
    /// a line of its own, cut when it is longer still); runs of whitespace and line breaks become single spaces.
    /// Lines are joined with a real line break, which `DOTEscaping` turns into `\n`.
    static func wrap(_ text: String, width: Int = 30) -> String {
        var text = text
        if let wrapped = text.withUTF8({ utf8 in utf8.allSatisfy { $0 < 0x80 } ? wrapASCII(utf8, width: width) : nil }) {
            return wrapped
        }
        return wrapCharacters(text, width: width)
    }

    /// `wrap` for ASCII text, on its bytes: there every character is one byte (a CRLF is whitespace, so it never
    /// reaches a word), and the whitespace is tab, LF, VT, FF, CR and space.
    private static func wrapASCII(_ utf8: UnsafeBufferPointer<UInt8>, width: Int) -> String {
        // `out` holds the finished lines joined by LF, then the current line, which starts at `current`.
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        var hasLines = false
        var current: Int?
        func startLine() {
            if hasLines || current != nil { out.append(0x0A) }
            hasLines = hasLines || current != nil
            current = nil
        }
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var i = 0
        while i < utf8.count {
            guard !isWhitespace(utf8[i]) else { i += 1; continue }
            var end = i
            while end < utf8.count, !isWhitespace(utf8[end]) { end += 1 }
            var word = i
            while end - word > width + width / 2 {
                startLine()
                out.append(contentsOf: utf8[word..<(word + width)])
                hasLines = true
                word += width
            }
            if let start = current, out.count - start + 1 + (end - word) <= width {
                out.append(0x20)
            } else {
                startLine()
                current = out.count
            }
            out.append(contentsOf: utf8[word..<end])
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The wrapping character by character, for any text; `wrap` takes it only for text with non-ASCII characters.
    static func wrapCharacters(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).map(String.init)
        for var word in words {
            while word.count > width + width / 2 {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
