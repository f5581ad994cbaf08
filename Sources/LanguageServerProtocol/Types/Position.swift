/// A place in a document: a zero-based line and a zero-based character offset counted in the negotiated encoding.
public struct Position: Codable, Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A stretch of a document from `start` up to, not including, `end` (LSP's `Range`; not `Swift.Range`).
public struct Range: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// The empty range at `position`, where an insertion goes.
    public init(at position: Position) {
        self.init(start: position, end: position)
    }
}

/// A range in a document named by its URI.
public struct Location: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var range: Range

    public init(uri: DocumentURI, range: Range) {
        self.uri = uri
        self.range = range
    }
}
