/// The params of `textDocument/references`.
public struct ReferenceParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: ReferenceContext

    public init(textDocument: TextDocumentIdentifier, position: Position, context: ReferenceContext) {
        self.textDocument = textDocument
        self.position = position
        self.context = context
    }
}

/// Whether the declaration itself is wanted among the references.
public struct ReferenceContext: Codable, Hashable, Sendable {
    public var includeDeclaration: Bool

    public init(includeDeclaration: Bool) {
        self.includeDeclaration = includeDeclaration
    }
}

/// The params of `textDocument/rename`.
public struct RenameParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var newName: String

    public init(textDocument: TextDocumentIdentifier, position: Position, newName: String) {
        self.textDocument = textDocument
        self.position = position
        self.newName = newName
    }
}

/// An answer to `textDocument/prepareRename`: the range to rename and the text to propose (a `Range` alone, or
/// null to refuse, are the other answers LSP allows).
public struct PrepareRenamePlaceholder: Codable, Hashable, Sendable {
    public var range: Range
    public var placeholder: String

    public init(range: Range, placeholder: String) {
        self.range = range
        self.placeholder = placeholder
    }
}
