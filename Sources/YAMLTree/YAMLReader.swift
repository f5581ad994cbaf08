import CYAML

/// Reads YAML bytes into documents of nodes through libyaml's event API.
public enum YAMLReader {
    /// Parses a whole file. Never traps on any input: every problem becomes a `YAMLProblem`.
    ///
    /// A syntax, encoding or limit problem ends the parse: the documents completed before it are returned.
    /// A duplicate key does not: the later entry is dropped and the parse goes on.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
        // Node store offsets are 32-bit, and escapes such as `\L` make a scalar's text up to half again as long as
        // its source: a file over a third of the 32-bit range is refused whatever the configured limit.
        let maxSize = min(limits.maxFileSize, Int(Int32.max) / 3)
        if bytes.count > maxSize {
            let problem = YAMLProblem(
                kind: .limits,
                message: "file is \(describeSize(bytes.count)), over the \(describeSize(maxSize)) limit",
                range: .fileStart
            )
            return YAMLParseResult(documents: [], problems: [problem])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            let text = UTF8Validation.scan(buffer)
            if let bad = text.firstInvalid {
                let cursor = OffsetCursor(bytes: buffer, isASCII: false)
                return YAMLParseResult(documents: [], problems: [encodingProblem(in: buffer, at: bad, cursor: cursor)])
            }
            var composer = Composer(bytes: buffer, isASCII: text.isASCII, limits: limits)
            return composer.run()
        }
    }

    /// `8 MiB`, `9.0 MiB`, `512 KiB`, `300 bytes`: how every size limit is worded, wherever the file was measured.
    public static func describeSize(_ count: Int) -> String {
        let mib = 1024 * 1024
        if count >= mib {
            if count % mib == 0 { return "\(count / mib) MiB" }
            let tenths = (count * 10 + mib / 2) / mib
            return "\(tenths / 10).\(tenths % 10) MiB"
        }
        if count >= 1024 && count % 1024 == 0 { return "\(count / 1024) KiB" }
        return count == 1 ? "1 byte" : "\(count) bytes"
    }

    private static func encodingProblem(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, cursor: OffsetCursor) -> YAMLProblem {
        let position = cursor.position(ofByte: offset)
        let byte = bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        let shown = byte < 0x10 ? "0x0\(hex)" : "0x\(hex)"
        var message =
            "file is not valid UTF-8: byte \(shown) at line \(position.line), column \(position.column) does not start or continue a UTF-8 sequence"
        if offset + 1 < bytes.count, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF), offset == 0 {
            message = "file is UTF-16 (it starts with a UTF-16 byte-order mark); procdef reads UTF-8 only"
        }
        return YAMLProblem(kind: .encoding, message: message + "; save the file as UTF-8", range: SourceRange(at: position))
    }
}

/// Builds the node store from libyaml events, enforcing the limits as it goes.
private struct Composer {
    /// A collection under construction: its children so far are `scratch[childrenStart...]` (key and value
    /// alternating for a mapping), copied into the store's links, side by side, when it ends.
    private struct Frame {
        var isMapping: Bool
        var childrenStart: Int
        var pendingKey: Int32?
        /// Scalar keys seen so far, by their bytes, once a mapping grows past the size where a linear scan is cheaper
        /// than hashing. Bytes, as in the scan: YAML compares scalar keys by their characters, so `café` written with
        /// a combining accent is another key than `café` written with `é`.
        var keyIndex: [[UInt8]: SourceRange]?
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        var weight = 1

        init(isMapping: Bool, childrenStart: Int, start: SourcePosition, tag: String?, anchor: String?) {
            self.isMapping = isMapping
            self.childrenStart = childrenStart
            self.start = start
            self.tag = tag
            self.anchor = anchor
        }
    }

    /// A fatal problem: parsing stops.
    private struct Stop: Error {
        var problem: YAMLProblem
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: YAMLLimits
    private var cursor: OffsetCursor
    private var problems: [YAMLProblem] = []

    // The store being built, shared by every document of the file.
    private var records: [NodeStore.Record] = []
    private var links: [Int32] = []
    private var text: [UInt8] = []
    private var marks: [Int32: NodeStore.Marks] = [:]
    private var scratch: [Int32] = []
    private var finished: [(root: Int32, range: SourceRange, records: Range<Int32>)] = []

    // Per-document state.
    private var stack: [Frame] = []
    private var anchors: [String: (node: Int32, weight: Int)] = [:]
    private var openAnchors: Set<String> = []
    private var aliasCount = 0
    private var aliasExpansion = 0
    private var documentStart = SourcePosition.fileStart
    private var documentFirstRecord: Int32 = 0
    private var root: Int32?

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, limits: YAMLLimits) {
        self.bytes = bytes
        self.limits = limits
        self.cursor = OffsetCursor(bytes: bytes, isASCII: isASCII)
    }

    mutating func run() -> YAMLParseResult {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return YAMLParseResult(documents: [], problems: [])
        }
        // libyaml keeps pointers into the parser itself, so it must not move: allocate it on the heap.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return YAMLParseResult(
                documents: [],
                problems: [YAMLProblem(kind: .limits, message: "out of memory while starting the YAML parser", range: .fileStart)])
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        // Scalar text is about as long as the source it was written in; a node takes a dozen bytes of source or more.
        text.reserveCapacity(bytes.count)
        records.reserveCapacity(bytes.count / 16)
        links.reserveCapacity(bytes.count / 8)

        var event = yaml_event_t()
        do {
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    throw Stop(problem: parserProblem(parser))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try handle(&event)
            }
        } catch let stop as Stop {
            problems.append(stop.problem)
        } catch {
            // `handle` throws only `Stop`.
        }
        let store = NodeStore(records: records, links: links, text: text, marks: marks)
        let documents = finished.map {
            YAMLDocument(root: Node(store: store, index: $0.root), range: $0.range, records: $0.records)
        }
        return YAMLParseResult(documents: documents, problems: problems)
    }

    private mutating func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: cursor.byteOffset(ofCodePoint: Int(mark.index)))
    }

    private mutating func handle(_ event: inout yaml_event_t) throws {
        let start = position(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            stack = []
            scratch.removeAll(keepingCapacity: true)
            anchors = [:]
            openAnchors = []
            aliasCount = 0
            aliasExpansion = 0
            root = nil
            documentStart = start
            documentFirstRecord = Int32(records.count)
        case YAML_DOCUMENT_END_EVENT:
            if let root {
                finished.append(
                    (root, SourceRange(start: documentStart, end: position(event.end_mark)), documentFirstRecord..<Int32(records.count)))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let first = text.count
            if let value = scalar.value, scalar.length > 0 {
                text.append(contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
            }
            let range = SourceRange(start: start, end: position(event.end_mark))
            let node = record(
                NodeStore.Record(
                    range: range, first: Int32(first), count: Int32(text.count - first), kind: .scalar, style: Self.style(scalar.style),
                    hasMarks: false), tag: scalar.tag, anchor: scalar.anchor)
            try add(node, weight: 1)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            let range = SourceRange(start: start, end: position(event.end_mark))
            aliasCount += 1
            if aliasCount > limits.maxAliasesPerDocument {
                throw Stop(
                    problem: YAMLProblem(
                        kind: .limits, message: "more than \(limits.maxAliasesPerDocument) aliases in one document", range: range))
            }
            if openAnchors.contains(name) {
                throw Stop(
                    problem: YAMLProblem(
                        kind: .syntax, message: "alias '*\(name)' refers to its own enclosing node '&\(name)' (a recursive alias)",
                        range: range))
            }
            guard let anchored = anchors[name] else {
                throw Stop(
                    problem: YAMLProblem(kind: .syntax, message: "alias '*\(name)' refers to no anchor defined before it", range: range))
            }
            // Count what expanding the alias would visit, without expanding it (billion laughs).
            aliasExpansion += anchored.weight
            if aliasExpansion > limits.maxAliasExpansion {
                throw Stop(
                    problem: YAMLProblem(
                        kind: .limits, message: "aliases in this document would expand to more than \(limits.maxAliasExpansion) nodes",
                        range: range))
            }
            try add(anchored.node, weight: anchored.weight, isAlias: true)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(
                Frame(
                    isMapping: false, childrenStart: scratch.count, start: start, tag: Self.string(data.tag),
                    anchor: Self.string(data.anchor)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(
                Frame(
                    isMapping: true, childrenStart: scratch.count, start: start, tag: Self.string(data.tag),
                    anchor: Self.string(data.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let end = position(event.end_mark)
            if let anchor = frame.anchor { openAnchors.remove(anchor) }
            let first = links.count
            links.append(contentsOf: scratch[frame.childrenStart...])
            let children = scratch.count - frame.childrenStart
            scratch.removeSubrange(frame.childrenStart...)
            var node = NodeStore.Record(
                range: SourceRange(start: frame.start, end: end), first: Int32(first),
                count: Int32(frame.isMapping ? children / 2 : children), kind: frame.isMapping ? .mapping : .sequence,
                style: .plain, hasMarks: false
            )
            if frame.tag != nil || frame.anchor != nil {
                node.hasMarks = true
                marks[Int32(records.count)] = NodeStore.Marks(tag: frame.tag, anchor: frame.anchor)
            }
            records.append(node)
            try add(Int32(records.count - 1), weight: frame.weight)
        default:
            break
        }
    }

    /// Appends a scalar's record, with its tag and anchor when it has either.
    private mutating func record(
        _ record: NodeStore.Record, tag: UnsafeMutablePointer<yaml_char_t>?, anchor: UnsafeMutablePointer<yaml_char_t>?
    ) -> Int32 {
        let index = Int32(records.count)
        var record = record
        if tag != nil || anchor != nil {
            record.hasMarks = true
            marks[index] = NodeStore.Marks(tag: Self.string(tag), anchor: Self.string(anchor))
        }
        records.append(record)
        return index
    }

    private mutating func push(_ frame: consuming Frame) throws {
        if stack.count >= limits.maxDepth {
            throw Stop(
                problem: YAMLProblem(
                    kind: .limits, message: "nesting is deeper than \(limits.maxDepth) levels", range: SourceRange(at: frame.start)))
        }
        if let anchor = frame.anchor { openAnchors.insert(anchor) }
        stack.append(frame)
    }

    /// Attaches a finished node to its parent (or makes it the document's root) and records its anchor.
    private mutating func add(_ node: Int32, weight: Int, isAlias: Bool = false) throws {
        if !isAlias, records[Int(node)].hasMarks, let anchor = marks[node]?.anchor {
            anchors[anchor] = (node, weight)
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].weight += weight
        guard stack[top].isMapping else {
            scratch.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        let keyRecord = records[Int(key)]
        if keyRecord.kind == .scalar {
            if let first = firstKey(keyRecord, inFrame: top) {
                let keyText = self.keyText(keyRecord)
                problems.append(
                    YAMLProblem(
                        kind: .duplicateKey,
                        message:
                            "duplicate key '\(keyText)' in this mapping; it was first given at line \(first.start.line), column \(first.start.column)",
                        range: keyRecord.range,
                        notes: [YAMLProblem.Note(message: "'\(keyText)' first given here", range: first)]
                    ))
                return
            }
            let entryCount = (scratch.count - stack[top].childrenStart) / 2
            if stack[top].keyIndex != nil {
                let keyBytes = self.keyBytes(keyRecord)
                stack[top].keyIndex?[keyBytes] = keyRecord.range
            } else if entryCount >= Self.linearKeyScanLimit {
                var index: [[UInt8]: SourceRange] = [:]
                var position = stack[top].childrenStart
                while position < scratch.count {
                    let earlier = records[Int(scratch[position])]
                    if earlier.kind == .scalar {
                        let earlierBytes = self.keyBytes(earlier)
                        if index[earlierBytes] == nil { index[earlierBytes] = earlier.range }
                    }
                    position += 2
                }
                index[self.keyBytes(keyRecord)] = keyRecord.range
                stack[top].keyIndex = index
            }
        }
        scratch.append(key)
        scratch.append(node)
    }

    /// Mappings in process definitions hold a dozen keys or so: comparing them beats hashing every key.
    private static let linearKeyScanLimit = 16

    private func keyBytes(_ record: NodeStore.Record) -> [UInt8] {
        Array(text[Int(record.first)..<Int(record.first) + Int(record.count)])
    }

    private func keyText(_ record: NodeStore.Record) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(
                decoding: UnsafeBufferPointer(rebasing: buffer[Int(record.first)..<Int(record.first) + Int(record.count)]), as: UTF8.self)
        }
    }

    /// Where a scalar key was first given in the mapping of frame `top`, if it was.
    private func firstKey(_ key: NodeStore.Record, inFrame top: Int) -> SourceRange? {
        if let index = stack[top].keyIndex { return index[keyBytes(key)] }
        return text.withUnsafeBufferPointer { buffer -> SourceRange? in
            let keyBytes = UnsafeBufferPointer(rebasing: buffer[Int(key.first)..<Int(key.first) + Int(key.count)])
            var position = stack[top].childrenStart
            while position < scratch.count {
                let earlier = records[Int(scratch[position])]
                if earlier.kind == .scalar, earlier.count == key.count,
                    UnsafeBufferPointer(rebasing: buffer[Int(earlier.first)..<Int(earlier.first) + Int(earlier.count)]).elementsEqual(
                        keyBytes)
                {
                    return earlier.range
                }
                position += 2
            }
            return nil
        }
    }

    private mutating func parserProblem(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> YAMLProblem {
        let p = parser.pointee
        let text = Self.string(p.problem) ?? "the YAML parser failed"
        let range: SourceRange
        switch p.error {
        case YAML_READER_ERROR:
            // Reader errors leave the mark at 0:0; the real place is a byte offset.
            range = SourceRange(at: cursor.position(ofByte: Int(p.problem_offset)))
            let detail =
                p.problem_value >= 0 && text.contains("control")
                ? " (character U+\(String(p.problem_value, radix: 16, uppercase: true)))" : ""
            return YAMLProblem(kind: .syntax, message: text + detail, range: range)
        case YAML_MEMORY_ERROR:
            return YAMLProblem(kind: .limits, message: "out of memory while parsing", range: .fileStart)
        default:
            range = SourceRange(at: position(p.problem_mark))
        }
        var notes: [YAMLProblem.Note] = []
        if let context = Self.string(p.context) {
            notes.append(YAMLProblem.Note(message: context, range: SourceRange(at: position(p.context_mark))))
        }
        return YAMLProblem(kind: .syntax, message: text, range: range, notes: notes)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
