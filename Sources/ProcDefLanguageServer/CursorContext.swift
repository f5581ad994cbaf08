import Foundation

/// Where the cursor is in a YAML document being typed, read from the text's indentation rather than parsed: a
/// half-typed line is seldom valid YAML, and completion is asked for exactly then.
///
/// It understands the block style definitions are written in (`key: value`, `- item`, nested by indentation) and a
/// value typed into a flow list on the key's own line (`responsible: [service-desk, inc`).
struct CursorContext: Equatable {
    /// One step from the document's root to the mapping or list the cursor is in.
    enum Step: Equatable {
        case key(String)
        /// An item of a list.
        case item
    }

    enum Position: Equatable {
        /// Typing a key of the mapping at `path`.
        case key
        /// Typing the value of `key` (or an item of its flow list) in the mapping at `path`.
        case value(key: String)
        /// Typing after `- ` in the block list of `key`: a scalar item, or the first key of an item's mapping,
        /// whichever the list holds.
        case listItem(key: String)
    }

    /// From the document's root to the mapping the cursor's key or value belongs to.
    var path: [Step]
    var position: Position
    /// What is typed of the key or value so far, which the completion replaces.
    var prefix: String
    /// The byte offset in the document where `prefix` starts.
    var prefixStart: Int
    /// Whether a value must be written with a space before it: the cursor follows `key:` directly, and
    /// `key:value` is one plain string in YAML, not a key and its value.
    var needsSpace = false
    /// The document's `kind`, when a line `kind: X` at its root says it.
    var kind: String?

    /// The context at byte `offset` of `text`; nil inside a comment or where nothing can be completed.
    init?(text: [UInt8], offset: Int) {
        let offset = min(max(offset, 0), text.count)
        var lineStart = offset
        while lineStart > 0, text[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let before = String(decoding: text[lineStart..<offset], as: UTF8.self)
        guard let line = Self.parse(before) else { return nil }
        kind = Self.documentKind(text, around: lineStart)
        let lines = Self.linesAbove(text, lineStart: lineStart)
        switch line {
        case .key(let column, let dashes, let typed):
            position = .key
            prefix = typed
            var path = Self.walkUp(lines, from: column)
            path += Array(repeating: .item, count: dashes)
            self.path = path
        case .value(let column, let dashes, let key, let typed):
            position = .value(key: key)
            prefix = typed
            var path = Self.walkUp(lines, from: column)
            path += Array(repeating: .item, count: dashes)
            self.path = path
        case .listItem(let dashColumn, let typed):
            // `- val` under `key:`: the key is the nearest line above indented less than the dash, or as much
            // without a dash of its own (`key:` then `- item` at the same column is valid YAML too).
            guard let parent = Self.listParent(lines, dashColumn: dashColumn) else { return nil }
            position = .listItem(key: parent.key)
            prefix = typed
            path = Self.walkUp(Array(lines[(parent.index + 1)...]), from: parent.column)
        }
        prefixStart = offset - prefix.utf8.count
        if case .value = position, prefixStart > 0, text[prefixStart - 1] == UInt8(ascii: ":") { needsSpace = true }
    }

    /// What one line says up to the cursor.
    private enum TypedLine {
        case key(column: Int, dashes: Int, typed: String)
        case value(column: Int, dashes: Int, key: String, typed: String)
        case listItem(dashColumn: Int, typed: String)
    }

    /// A line read as YAML's block style: indentation, `- ` markers, then a key being typed, a `key: value` being
    /// typed, or a list item.
    private static func parse(_ line: String) -> TypedLine? {
        var characters = Substring(line)
        var column = 0
        var dashes = 0
        var lastDash: Int?
        while let first = characters.first {
            if first == " " {
                characters = characters.dropFirst()
                column += 1
            } else if first == "-", characters.dropFirst().first == " " {
                lastDash = column
                dashes += 1
                characters = characters.dropFirst(2)
                column += 2
            } else {
                break
            }
        }
        let rest = String(characters)
        if rest.contains("#") { return nil }
        if let colon = rest.firstIndex(of: ":") {
            let key = String(rest[..<colon])
            guard isKey(key) else { return nil }
            var value = rest[rest.index(after: colon)...].drop { $0 == " " }
            // A flow list on the key's own line: the item being typed follows the last `[` or `,`.
            if value.first == "[" {
                if value.contains("]") { return nil }
                value = value.dropFirst()
                if let comma = value.lastIndex(of: ",") { value = value[value.index(after: comma)...] }
                value = value.drop { $0 == " " }
            }
            guard value.allSatisfy(isIDCharacter) else { return nil }
            return .value(column: column, dashes: dashes, key: key, typed: String(value))
        }
        guard rest.allSatisfy(isIDCharacter) else { return nil }
        // After a single `- `, a word is a scalar item or the first key of an item's mapping: the list's key decides.
        if let lastDash, dashes == 1 { return .listItem(dashColumn: lastDash, typed: rest) }
        return .key(column: column, dashes: dashes, typed: rest)
    }

    private static func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { isIDCharacter($0) || $0 == "_" }
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
    }

    /// A line above the cursor's, for the walk up: where its key starts, the columns of its `- ` markers, and
    /// whether the key's value is empty (a nested block follows).
    struct Line {
        var key: String?
        var keyColumn: Int
        var dashColumns: [Int]
        var hasValue: Bool
    }

    /// The lines above `lineStart` in the current document, nearest first; blank lines and comments left out.
    private static func linesAbove(_ text: [UInt8], lineStart: Int) -> [Line] {
        var lines: [Line] = []
        var end = lineStart
        while end > 0 {
            var start = end - 1
            while start > 0, text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
            let raw = String(decoding: text[start..<(end - 1)], as: UTF8.self)
            end = start
            if raw.hasPrefix("---") { break }
            if let line = readLine(raw) { lines.append(line) }
        }
        return lines
    }

    private static func readLine(_ raw: String) -> Line? {
        var characters = Substring(raw.hasSuffix("\r") ? String(raw.dropLast()) : raw)
        var column = 0
        var dashes: [Int] = []
        while let first = characters.first {
            if first == " " {
                characters = characters.dropFirst()
                column += 1
            } else if first == "-", characters.dropFirst().first == " " || characters.count == 1 {
                dashes.append(column)
                characters = characters.dropFirst(2)
                column += 2
            } else {
                break
            }
        }
        if characters.isEmpty && dashes.isEmpty { return nil }
        if characters.first == "#" { return dashes.isEmpty ? nil : Line(key: nil, keyColumn: column, dashColumns: dashes, hasValue: true) }
        guard let colon = characters.firstIndex(of: ":"), isKey(String(characters[..<colon])) else {
            return Line(key: nil, keyColumn: column, dashColumns: dashes, hasValue: true)
        }
        let value = characters[characters.index(after: colon)...].drop { $0 == " " }
        let hasValue = !(value.isEmpty || value.first == "#" || value.first == "|" || value.first == ">")
        return Line(key: String(characters[..<colon]), keyColumn: column, dashColumns: dashes, hasValue: hasValue)
    }

    /// The keys and list items from the root to the mapping whose keys start at `column`.
    private static func walkUp(_ lines: [Line], from column: Int) -> [Step] {
        var target = column
        var steps: [Step] = []
        var awaitingListParent = false
        for line in lines {
            guard target > 0 || awaitingListParent else { break }
            let outermostDash = line.dashColumns.first
            if let key = line.key, line.keyColumn < target || (awaitingListParent && line.keyColumn == target && line.dashColumns.isEmpty) {
                guard !line.hasValue else {
                    // A key with a value on its line has no nested block: the indentation is broken here.
                    if line.keyColumn < target { break } else { continue }
                }
                steps.append(.key(key))
                steps += Array(repeating: .item, count: line.dashColumns.count)
                target = outermostDash ?? line.keyColumn
                awaitingListParent = outermostDash != nil
            } else if !line.dashColumns.isEmpty, line.keyColumn == target {
                steps += Array(repeating: .item, count: line.dashColumns.count)
                target = outermostDash ?? target
                awaitingListParent = true
            } else if line.key == nil, let dash = outermostDash, dash < target {
                // An item of a list of scalars, less indented: the cursor is past the list.
                continue
            }
        }
        return steps.reversed()
    }

    /// The key whose list the item at `dashColumn` belongs to, and its place among `lines`.
    private static func listParent(_ lines: [Line], dashColumn: Int) -> (key: String, column: Int, index: Int)? {
        for (index, line) in lines.enumerated() {
            if line.dashColumns.first == dashColumn, line.key == nil { continue }
            if line.dashColumns.first.map({ $0 >= dashColumn }) == true { continue }
            if line.keyColumn > dashColumn { continue }
            guard let key = line.key, !line.hasValue, line.keyColumn < dashColumn || line.dashColumns.isEmpty else { return nil }
            return (key, line.dashColumns.first ?? line.keyColumn, index)
        }
        return nil
    }

    /// The value of `kind:` at the root of the document holding `lineStart`.
    private static func documentKind(_ text: [UInt8], around lineStart: Int) -> String? {
        var start = lineStart
        // Back to the document's start.
        while start > 0 {
            var previous = start - 1
            while previous > 0, text[previous - 1] != UInt8(ascii: "\n") { previous -= 1 }
            if text[previous..<start].starts(with: Array("---".utf8)) { break }
            start = previous
        }
        var cursor = start
        while cursor < text.count {
            var end = cursor
            while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
            let line = String(decoding: text[cursor..<end], as: UTF8.self)
            if cursor > start, line.hasPrefix("---") { break }
            if line.hasPrefix("kind:") {
                let value = line.dropFirst(5).split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
                return value.isEmpty ? nil : value
            }
            cursor = end + 1
        }
        return nil
    }
}
