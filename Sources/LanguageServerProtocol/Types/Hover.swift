/// The answer to `textDocument/hover`: text for the thing under the cursor, and the range it covers.
public struct Hover: Codable, Hashable, Sendable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range? = nil) {
        self.contents = contents
        self.range = range
    }
}
