/// Replaces the text of `range` with `newText` (empty to delete; an empty range to insert).
public struct TextEdit: Codable, Hashable, Sendable {
    public var range: Range
    public var newText: String

    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// Edits to several documents, applied by the client as one change (`changes` only; no document versions).
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [DocumentURI: [TextEdit]]?

    public init(changes: [DocumentURI: [TextEdit]]? = nil) {
        self.changes = changes
    }
}
