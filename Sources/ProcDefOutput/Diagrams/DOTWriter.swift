/// A node id: a fixed prefix (`a_`, `p_`, `cluster_`) and a name, quoted and escaped as one string.
struct DOTID {
    var prefix: StaticString
    var name: String

    init(_ name: String) {
        self.init("", name)
    }

    init(_ prefix: StaticString, _ name: String) {
        self.prefix = prefix
        self.name = name
    }
}

/// Writes a DOT graph statement by statement into one buffer: defaults, nodes, edges and clusters, with ids always
/// quoted and escaped.
///
/// A statement's attributes are written as they are given (`node(...)`, then `text`, `keyword`, ..., then `end()`),
/// with no list of attributes built first. Input text can only enter through `text` and `leftAligned`, which always
/// escape it (`DOTEscaping`); `keyword` takes a `StaticString`, so only literals from procdef's own source are ever
/// written unescaped.
struct DOTWriter {
    private(set) var text: RenderedText
    private var depth = 0
    /// Attributes written in the current statement's list, or nil outside a statement with a list.
    private var listed: Int?

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

    private mutating func id(_ id: DOTID) {
        if id.prefix.withUTF8Buffer({ $0.isEmpty }) {
            DOTEscaping.appendQuoted(id.name, to: &text)
        } else {
            // The prefixes are plain ASCII, so escaping them with the name changes nothing.
            DOTEscaping.appendQuoted(id.name, prefix: id.prefix, to: &text)
        }
    }

    /// Starts `graph [...]`, `node [...]` or `edge [...]` defaults.
    mutating func defaults(_ kind: StaticString) {
        indent()
        text.append(kind)
        listed = 0
    }

    mutating func node(_ node: DOTID) {
        indent()
        id(node)
        listed = 0
    }

    mutating func edge(_ from: DOTID, _ to: DOTID) {
        indent()
        id(from)
        text.append(" -> ")
        id(to)
        listed = 0
    }

    /// Ends the current statement (and its attribute list, if it has attributes).
    mutating func end() {
        if let listed, listed > 0 { text.append("]") }
        listed = nil
        text.append(";\n")
    }

    /// Before an attribute: in a statement's list, ` [` or `, `; as a graph or cluster attribute, its own line.
    private mutating func beginAttribute(_ key: StaticString) {
        if let count = listed {
            text.append(count == 0 ? " [" : ", ")
            listed = count + 1
        } else {
            indent()
        }
        text.append(key)
        text.append("=")
    }

    /// Ends a graph or cluster attribute written as its own statement.
    private mutating func endAttribute() {
        if listed == nil { text.append(";\n") }
    }

    /// `key="text"`, escaped; outside a statement, a graph or cluster attribute on its own line.
    mutating func text(_ key: StaticString, _ value: String) {
        beginAttribute(key)
        DOTEscaping.appendQuoted(value, to: &text)
        endAttribute()
    }

    /// `key="line\lline\l"`: text whose lines are left-aligned.
    mutating func leftAligned(_ key: StaticString, _ value: String) {
        beginAttribute(key)
        DOTEscaping.appendQuoted(value, alignment: .left, to: &text)
        endAttribute()
    }

    /// `key=<...>`: an HTML-like label, whose text `HTMLLabel` escaped.
    mutating func html(_ key: StaticString, _ label: HTMLLabel) {
        beginAttribute(key)
        text.append("<")
        label.markup.withUnsafeBufferPointer { text.append(contentsOf: $0) }
        text.append(">")
        endAttribute()
    }

    /// `pos="12,-34.5!"`: where procdef's layout pins a node, in points (the graph says `inputscale=72`), on a grid
    /// of half points; written digit by digit, as a diagram pins every node.
    mutating func pinned(_ point: SwimlaneLayout.Point) {
        beginAttribute("pos")
        text.append("\"")
        appendHalves(point.x)
        text.append(",")
        appendHalves(point.y)
        text.append("!\"")
        endAttribute()
    }

    /// `key="1.25"`: points as inches to two decimals, rounded down, so that the size stays a lower bound Graphviz
    /// grows from when the text needs more room.
    mutating func inches(_ key: StaticString, _ points: Double) {
        beginAttribute(key)
        let hundredths = Int((points / 72 * 100).rounded(.down))
        text.append("\"")
        if hundredths < 0 { text.append("-") }
        let magnitude = abs(hundredths)
        text.append(magnitude / 100)
        text.append(".")
        if magnitude % 100 < 10 { text.append("0") }
        text.append(magnitude % 100)
        text.append("\"")
        endAttribute()
    }

    /// `12`, `-34.5`: a value on the grid of half points.
    private mutating func appendHalves(_ value: Double) {
        let halves = Int((value * 2).rounded())
        if halves < 0 { text.append("-") }
        let magnitude = abs(halves)
        text.append(magnitude / 2)
        if magnitude % 2 == 1 { text.append(".5") }
    }

    /// `key=word`; a word other than hex digits, ASCII letters, `_` and `.` (`#f4f6f8`, `rounded,filled`) is quoted.
    mutating func keyword(_ key: StaticString, _ value: StaticString) {
        beginAttribute(key)
        if Self.isBare(value) {
            text.append(value)
        } else {
            DOTEscaping.appendQuoted("\(value)", to: &text)
        }
        endAttribute()
    }

    /// `key=2`, `key=0.25`: the shortest decimal, never `2.0` or an exponent (only small literal sizes pass through here).
    mutating func number(_ key: StaticString, _ value: Double) {
        beginAttribute(key)
        if value == value.rounded() { text.append(Int(value)) } else { text.append(String(value)) }
        endAttribute()
    }

    static func isBare(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { bytes in
            !bytes.isEmpty
                && bytes.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                        UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "_"), UInt8(ascii: "."):
                        true
                    default:
                        false
                    }
                }
        }
    }

    mutating func beginSubgraph(_ name: DOTID) {
        indent()
        text.append("subgraph ")
        id(name)
        text.append(" {\n")
        depth += 1
    }

    mutating func endSubgraph() {
        depth -= 1
        indent()
        text.append("}\n")
    }

    mutating func blankLine() { text.append("\n") }

    /// `{ rank=min; "a"; "b"; }`: these nodes share one rank (`same`, `min`, `max`, `source` or `sink`).
    mutating func sameRank(_ rank: StaticString, _ ids: [DOTID]) {
        indent()
        text.append("{ rank=")
        text.append(rank)
        text.append(";")
        for member in ids {
            text.append(" ")
            id(member)
            text.append(";")
        }
        text.append(" }\n")
    }

    /// `"a" -> "b" -> "c" [style=invis];`: an invisible path through these nodes, which only orders the layout.
    mutating func invisibleChain(_ ids: [DOTID]) {
        guard ids.count > 1 else { return }
        indent()
        for (index, member) in ids.enumerated() {
            if index > 0 { text.append(" -> ") }
            id(member)
        }
        text.append(" [style=invis];\n")
    }

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
            guard !isWhitespace(utf8[i]) else {
                i += 1
                continue
            }
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
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
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
