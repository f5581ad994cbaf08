import YAMLTree

/// Where a fix can write one more key into a mapping as it stands in its file, keeping every other byte: on lines of
/// their own after the mapping's last entry, at the mapping's indentation, for a block mapping; as one more entry after
/// the last one for a flow mapping (`{id: a, handoff: {...}}`). A bare id (a branch written `- diagnose`) becomes a
/// mapping with the id under `to`: `- to: diagnose` with the new key below it, or `{to: diagnose, ...}` in a flow list.
///
/// Worked out while decoding, where the file's bytes are at hand. nil wherever the layout cannot be told for sure: a
/// document with anchors (`YAMLDocument.hasAnchors`), a tag or an explicit `?` key where the entry would go, a line
/// break other than LF or CRLF, a block text that ends the file without a final line break. A fix then offers nothing
/// rather than guess. Kept small, since every activity, branch, trigger, timeout and cancellation without a handoff
/// holds one: positions and flags, the text made only when a fix is.
package struct KeyInsertion: Sendable, Hashable {
    enum Layout: Sendable, Hashable {
        /// Lines of their own, `indentation` spaces in; `breakFirst` when they go after a last line with no line break.
        case block(indentation: Int32, breakFirst: Bool)
        /// One more entry of a flow mapping; `first` in an empty one, which needs no comma.
        case flow(first: Bool)
    }

    /// The key a bare id goes under: the only bare ids a mapping can take the place of are branch targets.
    static let wrapKey = "to"

    /// Where the new entry's text goes.
    let position: SourcePosition
    let layout: Layout
    /// Whether the lines end with CRLF, as the line the entry follows does.
    let crlf: Bool
    /// For a bare id, where it starts: `to: ` goes before it (`{to: ` in a flow list, closed after the new entry).
    let wrapStart: SourcePosition?

    /// The edits that write `key` with the mapping `fields` (each value written as YAML already) in `file`.
    package func edits(writing key: String, fields: [(key: String, value: String)], in file: String) -> [TextEdit] {
        var edits: [TextEdit] = []
        let inFlow = if case .flow = layout { true } else { false }
        if let wrapStart {
            edits.append(TextEdit(file: file, range: SourceRange(at: wrapStart), newText: (inFlow ? "{" : "") + Self.wrapKey + ": "))
        }
        let text: String
        switch layout {
        case .block(let indentation, let breakFirst):
            let lineBreak = crlf ? "\r\n" : "\n"
            let pad = String(repeating: " ", count: Int(indentation))
            text =
                (breakFirst ? lineBreak : "") + pad + key + ":" + lineBreak
                + fields.map { pad + "  " + $0.key + ": " + $0.value + lineBreak }.joined()
        case .flow(let first):
            text =
                (first ? "" : ", ") + key + ": {" + fields.map { $0.key + ": " + $0.value }.joined(separator: ", ") + "}"
                + (wrapStart == nil ? "" : "}")
        }
        edits.append(TextEdit(file: file, range: SourceRange(at: position), newText: text))
        return edits
    }
}

extension KeyInsertion {
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let dash = UInt8(ascii: "-")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// After the last entry of `mapping`, a node of a document without anchors parsed from `bytes`.
    static func after(lastEntryOf mapping: Node, in bytes: [UInt8]) -> KeyInsertion? {
        guard let entries = mapping.entries, mapping.tag == nil else { return nil }
        let start = mapping.range.start.offset
        let end = mapping.range.end.offset
        guard start >= 0, start < end, end <= bytes.count else { return nil }
        if let first = entries.first, first.key.range.start.offset == start, let last = entries.last {
            // A block mapping starts at its first key; a key after `?` (an explicit key) starts later, and is left alone.
            // So does a one-pair mapping in a flow list (`[to: x]`), which takes no indented lines.
            guard !isInFlowCollection(before: start, in: bytes), let indentation = indentation(before: start, in: bytes),
                let leaf = lastLeaf(of: last, in: bytes)
            else { return nil }
            return after(leaf, indentation: indentation, in: bytes, wrapStart: nil)
        }
        guard bytes[start] == UInt8(ascii: "{"), bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        guard let last = entries.last else {
            let inside = SourcePosition(line: mapping.range.start.line, column: mapping.range.start.column + 1, offset: start + 1)
            return KeyInsertion(position: inside, layout: .flow(first: true), crlf: false, wrapStart: nil)
        }
        // After the value, or after the key when the value is empty (`{a}`, `{a: }`): libyaml places an empty value at
        // the next token, which is at most the closing brace.
        let key = last.key.range.end
        let value = last.value.range.end
        let position = value.offset >= key.offset ? value : key
        guard position.offset < end else { return nil }
        return KeyInsertion(position: position, layout: .flow(first: false), crlf: false, wrapStart: nil)
    }

    /// A bare id, item of `list` parsed from `bytes`, made into a mapping with the id under `to` and room for more.
    static func wrapping(_ item: Node, of list: Node, in bytes: [UInt8]) -> KeyInsertion? {
        let range = item.range
        guard item.tag == nil, let style = item.scalarStyle, range.start.line == range.end.line,
            range.start.offset < range.end.offset, range.end.offset <= bytes.count, list.range.start.offset < bytes.count
        else { return nil }
        // Written plain, an id is safe as a value in a flow mapping only when it holds no indicator: a kebab-case id.
        switch style {
        case .singleQuoted, .doubleQuoted: break
        case .plain: guard let text = item.scalarText, Identifier.isValid(text) else { return nil }
        case .literal, .folded: return nil
        }
        if bytes[list.range.start.offset] == UInt8(ascii: "[") {
            return KeyInsertion(
                position: range.end, layout: .flow(first: false), crlf: false, wrapStart: range.start)
        }
        guard let indentation = indentation(before: range.start.offset, in: bytes) else { return nil }
        return after(.text(range.end), indentation: indentation, in: bytes, wrapStart: range.start)
    }

    /// The last thing written in a block mapping's entry: where its last line is.
    private enum Leaf {
        /// A scalar or flow collection ending here: the entry's last line is the line it ends on.
        case text(SourcePosition)
        /// A block text (`|`, `>`), which libyaml ends at the start of the line after its last line (trailing empty
        /// lines included, which `|+` keeps).
        case blockText(SourcePosition)
    }

    private static func lastLeaf(of entry: MappingEntry, in bytes: [UInt8]) -> Leaf? {
        let value = entry.value
        guard value.range.start.offset == value.range.end.offset else { return lastLeaf(of: value, in: bytes) }
        // `key:` with nothing after it: libyaml places the empty value just after the colon, on the key's line.
        guard value.range.start.line == entry.key.range.end.line, value.range.start.offset >= entry.key.range.end.offset else {
            return nil
        }
        return .text(value.range.end)
    }

    private static func lastLeaf(of node: Node, in bytes: [UInt8]) -> Leaf? {
        let start = node.range.start.offset
        guard start >= 0, start < bytes.count else { return nil }
        switch node.kind {
        case .scalar:
            return node.scalarStyle == .literal || node.scalarStyle == .folded ? .blockText(node.range.end) : .text(node.range.end)
        case .sequence:
            if bytes[start] == UInt8(ascii: "[") { return .text(node.range.end) }
            guard bytes[start] == dash, let last = node.items?.last else { return nil }
            return lastLeaf(of: last, in: bytes)
        case .mapping:
            guard let entries = node.entries else { return nil }
            if let first = entries.first, first.key.range.start.offset == start, let last = entries.last {
                return lastLeaf(of: last, in: bytes)
            }
            return bytes[start] == UInt8(ascii: "{") ? .text(node.range.end) : nil
        }
    }

    /// Lines after `leaf`'s last line.
    private static func after(_ leaf: Leaf, indentation: Int32, in bytes: [UInt8], wrapStart: SourcePosition?) -> KeyInsertion? {
        switch leaf {
        case .text(let end):
            var index = end.offset
            guard index >= 0, index <= bytes.count else { return nil }
            // To the end of the line: past a comment, if any; YAML 1.1's other line breaks would end it sooner.
            while index < bytes.count, bytes[index] != lineFeed {
                if isOtherLineBreak(at: index, in: bytes) { return nil }
                index += 1
            }
            if index == bytes.count {
                let column = end.column + bytes[end.offset...].count { $0 & 0xC0 != 0x80 }
                let position = SourcePosition(line: end.line, column: column, offset: bytes.count)
                return KeyInsertion(
                    position: position, layout: .block(indentation: indentation, breakFirst: true),
                    crlf: usesCRLF(before: end.offset, in: bytes),
                    wrapStart: wrapStart)
            }
            let crlf = index > 0 && bytes[index - 1] == carriageReturn
            return KeyInsertion(
                position: SourcePosition(line: end.line + 1, column: 1, offset: index + 1),
                layout: .block(indentation: indentation, breakFirst: false), crlf: crlf, wrapStart: wrapStart)
        case .blockText(let end):
            // A block text that ends the file with no line break would take the break written before the new lines.
            var lineStart = end.offset
            guard lineStart > 0, lineStart <= bytes.count else { return nil }
            while lineStart > 0, bytes[lineStart - 1] == space { lineStart -= 1 }
            guard lineStart > 0, bytes[lineStart - 1] == lineFeed else { return nil }
            let crlf = lineStart > 1 && bytes[lineStart - 2] == carriageReturn
            return KeyInsertion(
                position: SourcePosition(line: end.line, column: 1, offset: lineStart),
                layout: .block(indentation: indentation, breakFirst: false), crlf: crlf, wrapStart: wrapStart)
        }
    }

    /// The column of a block mapping's first key, less one, when only white space and `-` (entries of block lists)
    /// come before it on its line; nil otherwise (a key after `?`, or a line YAML 1.1 breaks elsewhere).
    /// Whether the text before `offset`, blanks and line breaks left out, ends in `[`, `{` or `,`: the node there is
    /// an item of a flow collection.
    private static func isInFlowCollection(before offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == space || byte == tab || byte == lineFeed || byte == carriageReturn {
                index -= 1
                continue
            }
            return byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",")
        }
        return false
    }

    private static func indentation(before offset: Int, in bytes: [UInt8]) -> Int32? {
        var index = offset
        while index > 0, bytes[index - 1] != lineFeed {
            let byte = bytes[index - 1]
            guard byte == space || byte == tab || byte == dash else { return nil }
            index -= 1
        }
        return Int32(clamping: offset - index)
    }

    /// A line break that libyaml knows and a fix does not write: CR alone, NEL, LS or PS.
    private static func isOtherLineBreak(at index: Int, in bytes: [UInt8]) -> Bool {
        let byte = bytes[index]
        if byte == carriageReturn { return index + 1 >= bytes.count || bytes[index + 1] != lineFeed }
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0x85 }
        if byte == 0xE2 {
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        }
        return false
    }

    /// Whether the line break before `offset` is CRLF: how a file with no line break after its last line writes them.
    private static func usesCRLF(before offset: Int, in bytes: [UInt8]) -> Bool {
        var index = min(offset, bytes.count) - 1
        while index > 0, bytes[index] != lineFeed { index -= 1 }
        return index > 0 && bytes[index] == lineFeed && bytes[index - 1] == carriageReturn
    }
}
