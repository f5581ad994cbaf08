/// The nodes of one parsed file, stored flat: one record a written node, the children of every collection side by side
/// in one list, and every scalar's text in one byte buffer.
///
/// A file of process definitions has tens of thousands of small nodes; storing them flat makes a parse a handful of
/// growing arrays instead of an allocation for every collection and every long scalar, and turns scalar text into a
/// `String` only where a decoder asks for it. An alias is the anchored node's index again: it never copies a subtree.
public final class NodeStore: Sendable {
    struct Record: Sendable {
        var range: SourceRange
        /// Scalar: where its text starts in `text`. Collection: where its children start in `links`.
        var first: Int32
        /// Scalar: its length in bytes. Sequence: its items. Mapping: its entries (two links each, key then value).
        var count: Int32
        var kind: NodeKind
        var style: ScalarStyle
        var hasMarks: Bool
    }

    struct Marks: Sendable {
        var tag: String?
        var anchor: String?
    }

    let records: [Record]
    let links: [Int32]
    let text: [UInt8]
    /// Tag and anchor by record, for the few nodes that have one.
    let marks: [Int32: Marks]

    init(records: [Record], links: [Int32], text: [UInt8], marks: [Int32: Marks]) {
        self.records = records
        self.links = links
        self.text = text
        self.marks = marks
    }
}

/// What a node is: a scalar, a sequence or a mapping (an alias is the node it names).
public enum NodeKind: Sendable, Hashable {
    case scalar, sequence, mapping
}

/// One YAML node with the source range it came from: a position in its file's `NodeStore`.
public struct Node: Sendable {
    /// The node's value as Swift collections, for code that wants to pattern-match a whole subtree; decoders use the
    /// accessors below, which build nothing.
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    let store: NodeStore
    let index: Int32

    init(store: NodeStore, index: Int32) {
        self.store = store
        self.index = index
    }

    private var record: NodeStore.Record { store.records[Int(index)] }

    public var range: SourceRange { record.range }

    public var kind: NodeKind { record.kind }

    public var content: Content {
        switch kind {
        case .scalar: return .scalar(Scalar(text: scalarText ?? "", style: record.style))
        case .sequence: return .sequence(Array(items ?? NodeList()))
        case .mapping: return .mapping(Array(entries ?? MappingEntries()))
        }
    }

    /// The tag as written after resolution by libyaml (e.g. `tag:yaml.org,2002:str`), nil when implicit.
    public var tag: String? {
        record.hasMarks ? store.marks[index]?.tag : nil
    }

    public var anchor: String? {
        record.hasMarks ? store.marks[index]?.anchor : nil
    }

    /// The scalar's text and style; nil for a collection.
    public var scalar: Scalar? {
        guard let text = scalarText else { return nil }
        return Scalar(text: text, style: record.style)
    }

    /// The scalar's style; nil for a collection.
    public var scalarStyle: ScalarStyle? {
        let record = self.record
        return record.kind == .scalar ? record.style : nil
    }

    /// The scalar's text, made into a `String` now; nil for a collection.
    public var scalarText: String? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return store.text.withUnsafeBufferPointer { buffer in
            String(
                decoding: UnsafeBufferPointer(rebasing: buffer[Int(record.first)..<Int(record.first) + Int(record.count)]), as: UTF8.self)
        }
    }

    /// The scalar's UTF-8 bytes, lent to `body` without making a `String`; nil for a collection.
    public func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return try store.text.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[Int(record.first)..<Int(record.first) + Int(record.count)]))
        }
    }

    /// Whether this is a scalar whose text is exactly `text`, compared byte for byte.
    public func isScalar(_ text: StaticString) -> Bool {
        withScalarBytes { bytes in
            // `withUTF8Buffer`, not `utf8Start`: a one-character literal is stored without a pointer.
            text.withUTF8Buffer { expected in
                bytes.count == expected.count && (bytes.isEmpty || memoryEqual(bytes.baseAddress!, expected.baseAddress!, bytes.count))
            }
        } ?? false
    }

    /// A sequence's items; nil for anything else.
    public var items: NodeList? {
        let record = self.record
        guard record.kind == .sequence else { return nil }
        return NodeList(store: store, first: Int(record.first), count: Int(record.count))
    }

    /// A mapping's entries in source order (a repeated key's later entry is left out); nil for anything else.
    public var entries: MappingEntries? {
        let record = self.record
        guard record.kind == .mapping else { return nil }
        return MappingEntries(store: store, first: Int(record.first), count: Int(record.count))
    }
}

private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}

/// The items of a sequence, read from the store as they are visited.
public struct NodeList: RandomAccessCollection, Sendable {
    private let store: NodeStore?
    private let first: Int
    public let count: Int

    init(store: NodeStore, first: Int, count: Int) {
        self.store = store
        self.first = first
        self.count = count
    }

    /// No items.
    public init() {
        store = nil
        first = 0
        count = 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Node {
        precondition(position >= 0 && position < count, "index out of range")
        return Node(store: store!, index: store!.links[first + position])
    }
}

/// The entries of a mapping, read from the store as they are visited.
public struct MappingEntries: RandomAccessCollection, Sendable {
    private let store: NodeStore?
    private let first: Int
    public let count: Int

    init(store: NodeStore, first: Int, count: Int) {
        self.store = store
        self.first = first
        self.count = count
    }

    /// No entries.
    public init() {
        store = nil
        first = 0
        count = 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> MappingEntry {
        precondition(position >= 0 && position < count, "index out of range")
        let links = store!.links
        return MappingEntry(
            key: Node(store: store!, index: links[first + 2 * position]), value: Node(store: store!, index: links[first + 2 * position + 1])
        )
    }
}

extension MappingEntries {
    /// The position of the entry whose key is the scalar `key` (keys are unique: the composer drops a repeated one).
    /// Compares bytes in the store, so a lookup builds no `String` and no `Node`.
    public func index(ofScalarKey key: String) -> Int? {
        guard let store else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            store.text.withUnsafeBufferPointer { text in
                for position in 0..<count where Self.scalar(store.records[Int(store.links[first + 2 * position])], in: text, equals: wanted)
                {
                    return position
                }
                return nil
            }
        }
    }

    /// Whether the key at `position` is a scalar whose text is one of `candidates`.
    public func key(at position: Int, isOneOf candidates: [String]) -> Bool {
        guard let store else { return false }
        let record = store.records[Int(store.links[first + 2 * position])]
        guard record.kind == .scalar else { return false }
        return store.text.withUnsafeBufferPointer { text in
            // Lengths first: most candidates differ in length, and `utf8.count` of a native string is stored.
            for candidate in candidates where candidate.utf8.count == Int(record.count) {
                var candidate = candidate
                if candidate.withUTF8({ Self.scalar(record, in: text, equals: $0) }) { return true }
            }
            return false
        }
    }

    private static func scalar(_ record: NodeStore.Record, in text: UnsafeBufferPointer<UInt8>, equals wanted: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard record.kind == .scalar, Int(record.count) == wanted.count else { return false }
        guard let base = text.baseAddress, let other = wanted.baseAddress else { return wanted.isEmpty }
        return memoryEqual(base + Int(record.first), other, wanted.count)
    }
}

/// A scalar's text and the style it was written in (plain scalars are the only ones YAML resolves to null, bool or number).
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle

    public init(text: String, style: ScalarStyle) {
        self.text = text
        self.style = style
    }
}

public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A key/value pair of a mapping, in source order.
public struct MappingEntry: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// One document of a YAML stream (`---` separates them).
public struct YAMLDocument: Sendable {
    public var root: Node
    public var range: SourceRange
    /// The records this document wrote, in the order they were completed.
    let records: Range<Int32>
}
