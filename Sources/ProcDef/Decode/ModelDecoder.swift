import YAMLTree

/// The keys of one YAML mapping, first occurrence first: a repeated key is already a `yaml/duplicate-key` finding, so
/// decoding reads the first and never reports the second again.
struct FieldMap {
    struct Field {
        var key: String
        var keyNode: Node
        var value: Node
    }

    let node: Node
    let entries: MappingEntries

    init(_ node: Node, entries: MappingEntries) {
        self.node = node
        self.entries = entries
    }

    /// Every entry with a text key, in source order.
    var fields: [Field] {
        entries.compactMap { entry in
            entry.key.scalarText.map { Field(key: $0, keyNode: entry.key, value: entry.value) }
        }
    }

    /// Keys that are lists or mappings: a `schema/type` finding once the map's context is known.
    var oddKeys: [Node] {
        entries.compactMap { $0.key.kind == .scalar ? nil : $0.key }
    }

    func field(_ key: String) -> Field? {
        guard let position = entries.index(ofScalarKey: key) else { return nil }
        let entry = entries[position]
        return Field(key: key, keyNode: entry.key, value: entry.value)
    }

    /// The value under `key`, unless absent or null.
    func value(_ key: String) -> Node? {
        guard let position = entries.index(ofScalarKey: key) else { return nil }
        let value = entries[position].value
        return value.isNull ? nil : value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// The mapping's first position, where a finding about the mapping as a whole points when it has no parent key.
    var startRange: SourceRange { SourceRange(at: node.range.start) }
}

/// Turns the YAML nodes of one file into model values, reporting every `schema/*` finding on the way.
///
/// One decoder serves one file on one thread; what it produces is collected into `DecodedFile`.
final class ModelDecoder {
    let file: String
    let options: CheckOptions
    /// Where every text of the model is stored once: the workspace's, shared by all its files.
    let texts: TextInterner
    var decoded: DecodedFile
    /// The id of the process being decoded, once its `id` is read: findings inside it name it as their subject.
    var subjectProcess: String?
    /// The file's bytes, for the fixes worked out while decoding (`KeyInsertion`); empty when decoding nodes alone.
    let bytes: [UInt8]
    /// Whether the document being decoded may be edited by a fix: its bytes are at hand and it has no anchors, so each
    /// node's bytes are where it is written and nowhere else.
    var editable = false

    init(file: String, options: CheckOptions, texts: TextInterner, bytes: [UInt8] = []) {
        self.file = file
        self.options = options
        self.texts = texts
        self.bytes = bytes
        self.decoded = DecodedFile(file: file)
    }

    /// Where a fix writes a `handoff:` into `map` (an activity, a branch, a trigger, a timeout or a cancellation),
    /// which has no `handoff` key; nil when the document may not be edited or the layout is not certain, and when
    /// `knownKeys` is false: a key the format does not know there may be the handoff misspelt, which its own fix
    /// would name `handoff` too.
    func handoffInsertion(_ map: FieldMap, knownKeys: Bool) -> KeyInsertion? {
        editable && knownKeys ? KeyInsertion.after(lastEntryOf: map.node, in: bytes) : nil
    }

    func report(
        _ rule: any Rule.Type, at range: SourceRange, _ message: String, help: String? = nil, notes: [Diagnostic.Note] = [],
        fixes: [Fix] = []
    ) {
        var diagnostic = rule.diagnostic(
            file: file, range: range, message: message, help: help, notes: notes, subjects: FindingSubjects(process: subjectProcess))
        diagnostic.fixes = fixes
        decoded.diagnostics.append(diagnostic)
    }

    // MARK: Shapes

    /// The fields of a mapping value; nil (and a `schema/type` finding unless the value is null) for anything else.
    func fields(of node: Node, _ label: @autoclosure () -> String, expected: @autoclosure () -> String = "a mapping") -> FieldMap? {
        if node.isNull { return nil }
        guard let entries = node.mapping else {
            reportType(node, label(), expected: expected())
            return nil
        }
        return FieldMap(node, entries: entries)
    }

    func reportType(_ node: Node, _ label: String, expected: String, help: String? = nil) {
        report(WrongType.self, at: node.range, "\(label) must be \(expected), found \(node.shapeDescription)", help: help)
    }

    /// Reports keys the format does not know at this spot, with the closest valid key as a suggestion.
    /// `misplaced` gives the help for a key the format has elsewhere but not here, by name.
    /// Returns whether every key is text the format knows here.
    @discardableResult
    func checkKeys(
        _ map: FieldMap, allowed: [String], in context: @autoclosure () -> String, misplaced: KeyValuePairs<String, String> = [:]
    ) -> Bool {
        checkKeysAreText(map, in: context())
        var allKnown = map.oddKeys.isEmpty
        // Two misspellings of one key are renamed one at a time: together they would write it twice.
        var renamed: Set<String> = []
        // Nearly every key is allowed: test that on the bytes, and make a `String` only for a key to report.
        let entries = map.entries
        for position in entries.indices where !entries.key(at: position, isOneOf: allowed) {
            let entry = entries[position]
            guard let key = entry.key.scalarText else { continue }
            allKnown = false
            let field = FieldMap.Field(key: key, keyNode: entry.key, value: entry.value)
            let misplacedHelp = misplaced.first(where: { $0.key == field.key })?.value
            let suggestion = field.key == "<<" || misplacedHelp != nil ? nil : Suggestion.closest(to: field.key, among: allowed)
            let help =
                field.key == "<<"
                ? "merge keys are not part of YAML 1.2 and procdef does not expand them: write the keys out"
                : misplacedHelp ?? suggestion.map { "did you mean '\($0)'?" } ?? "valid keys here: \(allowed.joined(separator: ", "))"
            // A misspelt key has one meaning, the key it was meant to be: safe to replace, when written plain (a
            // quoted key keeps its quotes only if the edit writes them, so it is left to the author).
            var fixes: [Fix] = []
            // A key with an anchor or a tag has them in its range, and aliases elsewhere would lose their anchor.
            let writtenPlain =
                entry.key.scalar?.style == .plain && entry.key.anchor == nil && entry.key.tag == nil
                && entry.key.range.end.offset - entry.key.range.start.offset == field.key.utf8.count
            if let suggestion, writtenPlain, map.field(suggestion) == nil, renamed.insert(suggestion).inserted {
                fixes.append(
                    .replace(
                        entry.key.range, in: file, with: suggestion, description: "Replace '\(field.key)' with '\(suggestion)'",
                        applicability: .safe))
            }
            report(
                UnknownKey.self, at: field.keyNode.range, "unknown key \(Quoting.quoted(field.key)) in \(context())", help: help,
                fixes: fixes)
        }
        return allKnown
    }

    /// Reports keys written as lists or mappings (`? [a, b]: c`), which no part of the format uses.
    func checkKeysAreText(_ map: FieldMap, in context: @autoclosure () -> String) {
        for key in map.oddKeys {
            report(WrongType.self, at: key.range, "keys in \(context()) must be text, found \(key.shapeDescription)")
        }
    }

    /// Reports each required key that is absent or null, at `anchor` (the parent key, or the mapping's start).
    func requireFields(_ map: FieldMap, _ keys: [String], in context: @autoclosure () -> String, at anchor: SourceRange) {
        for key in keys where !map.has(key) {
            report(MissingField.self, at: anchor, "\(context()) has no '\(key)'")
        }
    }

    // MARK: Scalars

    /// Any scalar as text (`name: 2024` is the text "2024").
    func text(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, expected: @autoclosure () -> String = "a string")
        -> Located<String>?
    {
        guard let node = map.value(key) else { return nil }
        guard let text = internedText(node) else {
            reportType(node, "'\(key)' in \(context())", expected: expected())
            return nil
        }
        return Located(text, at: node.range)
    }

    /// A string, or a list of strings; null items and nested lists are type errors.
    func texts(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, item: @autoclosure () -> String = "a string")
        -> [Located<String>]
    {
        guard let node = map.value(key) else { return [] }
        return texts(node, "'\(key)' in \(context())", item: item())
    }

    func texts(_ node: Node, _ label: @autoclosure () -> String, item: @autoclosure () -> String) -> [Located<String>] {
        if node.kind == .scalar { return node.isNull ? [] : [Located(internedText(node) ?? "", at: node.range)] }
        guard let items = node.sequence else {
            reportType(node, label(), expected: "\(item()) or a list of them")
            return []
        }
        var result: [Located<String>] = []
        result.reserveCapacity(items.count)
        for element in items {
            guard !element.isNull, let text = internedText(element) else {
                reportType(element, "each item of \(label())", expected: item())
                continue
            }
            result.append(Located(text, at: element.range))
        }
        return result
    }

    /// A scalar's text, shared with every equal text of the workspace; nil for a collection.
    func internedText(_ node: Node) -> String? {
        node.withScalarBytes { texts.intern(bytes: $0) }
    }

    func flag(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String) -> Located<Bool>? {
        guard let node = map.value(key) else { return nil }
        guard let value = node.plainBool else {
            reportType(node, "'\(key)' in \(context())", expected: "true or false")
            return nil
        }
        return Located(value, at: node.range)
    }

    func integer(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, minimum: Int = 0) -> Located<Int>? {
        guard let node = map.value(key) else { return nil }
        guard let value = node.plainInteger, value >= minimum else {
            reportType(
                node, "'\(key)' in \(context())",
                expected: minimum == 0 ? "a whole number, 0 or more" : "a whole number, \(minimum) or more")
            return nil
        }
        return Located(value, at: node.range)
    }

    /// One of a fixed set of words, such as a role kind; a bad value lists the allowed ones and suggests the closest.
    func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ map: FieldMap, _ key: String, in context: @autoclosure () -> String, _: Choice.Type
    ) -> Located<Choice>? where Choice.RawValue == String {
        guard let node = map.value(key) else { return nil }
        return choice(node, "'\(key)' in \(context())", Choice.self)
    }

    func choice<Choice: RawRepresentable & CaseIterable & Sendable>(_ node: Node, _ label: @autoclosure () -> String, _: Choice.Type)
        -> Located<Choice>? where Choice.RawValue == String
    {
        if let text = node.scalar?.text, !node.isNull, let value = Choice(rawValue: text) {
            return Located(value, at: node.range)
        }
        let allowed = Choice.allCases.map(\.rawValue)
        let help = node.scalar.flatMap { Suggestion.didYouMean($0.text, among: allowed) }
        let expected = allowed.count <= 2 ? Quoting.alternatives(allowed) : "one of \(Quoting.alternatives(allowed))"
        reportType(node, label(), expected: expected, help: help)
        return nil
    }

    // MARK: Ids

    /// The id a document or activity defines under `key`, checked for kebab-case.
    func identifier(_ map: FieldMap, _ key: String = "id", in context: @autoclosure () -> String, kind: String) -> Located<String>? {
        guard let id = text(map, key, in: context()) else { return nil }
        checkIdentifier(id, "\(kind) id")
        return id
    }

    /// A single reference (`owner: incident-process-owner`), checked for kebab-case.
    func reference(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, kind: String) -> Located<String>? {
        guard let id = text(map, key, in: context(), expected: "one \(kind) id") else { return nil }
        checkIdentifier(id, "\(kind) id", in: "'\(key)' of \(context())")
        return id
    }

    /// A reference or a list of them (`responsible: [a, b]`), each checked for kebab-case.
    func references(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, kind: String) -> [Located<String>] {
        let ids = texts(map, key, in: context(), item: "a \(kind) id")
        for id in ids { checkIdentifier(id, "\(kind) id", in: "'\(key)' of \(context())") }
        return ids
    }

    /// `what` is e.g. "activity id"; `place` names where a reference was written. A reference is held to the same
    /// shape and length as a definition: it can name no valid id otherwise, and the finding says why at the spot to
    /// fix (the linker then leaves it alone, so it is not also an unknown reference).
    func checkIdentifier(_ id: Located<String>, _ what: @autoclosure () -> String, in place: @autoclosure () -> String? = nil) {
        guard !Identifier.isValid(id.value), let defect = Identifier.defect(of: id.value) else { return }
        var message = "invalid \(what()) \(Quoting.quoted(id.value))"
        if let place = place() { message += " in \(place)" }
        message += Identifier.detail(of: defect)
        report(InvalidID.self, at: id.range, message, help: Identifier.help(for: defect, of: id.value))
    }

    /// A list of mappings, where a single mapping also counts as a list of one (`triggers: {process: x}`).
    func mappings(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, item: String) -> [Node] {
        guard let node = map.value(key) else { return [] }
        if node.mapping != nil { return [node] }
        guard let items = node.sequence else {
            reportType(node, "'\(key)' in \(context())", expected: "a list of \(item)s")
            return []
        }
        var result: [Node] = []
        for element in items {
            guard element.mapping != nil else {
                reportType(element, "each item of '\(key)' in \(context())", expected: "\(item) (a mapping)")
                continue
            }
            result.append(element)
        }
        return result
    }
}

extension SourceRange {
    /// From the start of one range to the end of another: a key and its value.
    init(from first: SourceRange, through last: SourceRange) {
        self.init(start: first.start, end: last.end)
    }
}
