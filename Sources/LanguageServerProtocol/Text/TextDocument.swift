/// An open document as the server keeps it: URI, version and UTF-8 text, with `didChange` edits applied to it.
public struct TextDocument: Hashable, Sendable {
    public var uri: DocumentURI
    /// The client's version number: set it from the `didChange` that `apply` took its changes from.
    public var version: Int
    /// The text and its line table, rebuilt on every change so that positions are always read against the text.
    public private(set) var lineIndex: LineIndex

    public init(uri: DocumentURI, version: Int, bytes: [UInt8]) {
        self.uri = uri
        self.version = version
        self.lineIndex = LineIndex(bytes)
    }

    public init(uri: DocumentURI, version: Int, text: String) {
        self.init(uri: uri, version: version, bytes: Array(text.utf8))
    }

    /// The document a `didOpen` opens.
    public init(_ item: TextDocumentItem) {
        self.init(uri: item.uri, version: item.version, text: item.text)
    }

    public var bytes: [UInt8] { lineIndex.bytes }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Applies the changes of one `didChange` in order, each to the text the one before left, all or none.
    ///
    /// A change without a range replaces the whole text. A range is read as `LineIndex.byteOffset` reads positions
    /// (a character past its line's end is the line's end); a range with a line outside the document, or with its
    /// start after its end, throws and leaves the document as it was, so the caller can log it and keep the last
    /// good text.
    public mutating func apply(_ changes: [TextDocumentContentChangeEvent], encoding: PositionEncoding) throws(DocumentEditError) {
        var index = lineIndex
        for (changeIndex, change) in changes.enumerated() {
            guard let range = change.range else {
                index = LineIndex(Array(change.text.utf8))
                continue
            }
            guard let start = index.byteOffset(of: range.start, encoding: encoding) else {
                throw .positionOutsideDocument(changeIndex: changeIndex, position: range.start, lineCount: index.lineCount)
            }
            guard let end = index.byteOffset(of: range.end, encoding: encoding) else {
                throw .positionOutsideDocument(changeIndex: changeIndex, position: range.end, lineCount: index.lineCount)
            }
            guard start <= end, range.start <= range.end else {
                throw .rangeStartsAfterEnd(changeIndex: changeIndex, range: range)
            }
            var bytes = index.bytes
            bytes.replaceSubrange(start..<end, with: change.text.utf8)
            index = LineIndex(bytes)
        }
        lineIndex = index
    }
}
