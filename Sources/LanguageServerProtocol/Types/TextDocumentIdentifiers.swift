/// A URI, as LSP's `DocumentUri` and `URI`: kept as the client wrote it, since clients compare them as strings.
public typealias DocumentURI = String

/// Names a document by its URI.
public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: DocumentURI

    public init(uri: DocumentURI) {
        self.uri = uri
    }
}

/// Names a document and the version a change produces.
public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var version: Int

    public init(uri: DocumentURI, version: Int) {
        self.uri = uri
        self.version = version
    }
}

/// A document as the client opens it: URI, language, version and the whole text.
public struct TextDocumentItem: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var languageId: String
    public var version: Int
    public var text: String

    public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.text = text
    }
}

/// A position in a document: the params of hover, definition, prepareRename, and the base of others.
public struct TextDocumentPositionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position

    public init(textDocument: TextDocumentIdentifier, position: Position) {
        self.textDocument = textDocument
        self.position = position
    }
}

/// The params of `textDocument/hover`.
public typealias HoverParams = TextDocumentPositionParams
/// The params of `textDocument/definition`.
public typealias DefinitionParams = TextDocumentPositionParams
/// The params of `textDocument/prepareRename`.
public typealias PrepareRenameParams = TextDocumentPositionParams
