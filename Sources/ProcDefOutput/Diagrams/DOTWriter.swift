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

    var rendered: String {
        let key = "\(self.key)"
        switch value {
        case .text(let text):
            return "\(key)=\(DOTEscaping.quoted(text))"
        case .leftAlignedText(let text):
            return "\(key)=\(DOTEscaping.quoted(text, alignment: .left))"
        case .keyword(let word):
            let word = "\(word)"
            // Bare words read better (`rankdir=LR`); anything else (`#f4f6f8`, `rounded,filled`) is quoted.
            let bare = !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "." }
            return "\(key)=\(bare ? word : DOTEscaping.quoted(word))"
        case .number(let number):
            return "\(key)=\(Self.format(number))"
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
    private(set) var text = ""
    private var depth = 0

    init(graphName: String) {
        text = "digraph \(DOTEscaping.quoted(graphName)) {\n"
        depth = 1
    }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    private static func list(_ attributes: [DOTAttribute]) -> String {
        attributes.isEmpty ? "" : " [" + attributes.map(\.rendered).joined(separator: ", ") + "]"
    }

    /// `graph [...]`, `node [...]` or `edge [...]` defaults.
    mutating func defaults(_ kind: StaticString, _ attributes: [DOTAttribute]) {
        line("\(kind)\(Self.list(attributes));")
    }

    /// Attributes of the current graph or cluster, one statement each (`label="..."`).
    mutating func attributes(_ attributes: [DOTAttribute]) {
        for attribute in attributes { line(attribute.rendered + ";") }
    }

    mutating func node(_ id: String, _ attributes: [DOTAttribute]) {
        line(DOTEscaping.quoted(id) + Self.list(attributes) + ";")
    }

    mutating func edge(_ from: String, _ to: String, _ attributes: [DOTAttribute]) {
        line(DOTEscaping.quoted(from) + " -> " + DOTEscaping.quoted(to) + Self.list(attributes) + ";")
    }

    mutating func beginSubgraph(_ name: String) {
        line("subgraph \(DOTEscaping.quoted(name)) {")
        depth += 1
    }

    mutating func endSubgraph() {
        depth -= 1
        line("}")
    }

    mutating func blankLine() { text += "\n" }

    mutating func finish() -> String {
        text += "}\n"
        return text
    }
}

/// Wraps label text for diagrams.
enum LabelWrapping {
    /// `text` on lines of at most about `width` characters, broken between words (a word longer than `width` gets
    /// a line of its own, cut when it is longer still); runs of whitespace and line breaks become single spaces.
    /// Lines are joined with a real line break, which `DOTEscaping` turns into `\n`.
    static func wrap(_ text: String, width: Int = 30) -> String {
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
