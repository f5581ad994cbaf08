/// The params of `textDocument/codeAction`.
public struct CodeActionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext

    public init(textDocument: TextDocumentIdentifier, range: Range, context: CodeActionContext) {
        self.textDocument = textDocument
        self.range = range
        self.context = context
    }
}

/// The diagnostics at a code action request's range, and the kinds of action the client wants.
public struct CodeActionContext: Codable, Hashable, Sendable {
    public var diagnostics: [Diagnostic]
    /// Only actions of these kinds (or their sub-kinds) are wanted; all when absent.
    public var only: [String]?

    public init(diagnostics: [Diagnostic], only: [String]? = nil) {
        self.diagnostics = diagnostics
        self.only = only
    }
}

/// A change the client can offer, such as a fix for a diagnostic.
public struct CodeAction: Codable, Hashable, Sendable {
    public var title: String
    /// A `CodeActionKind` value such as `"quickfix"`.
    public var kind: String?
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?

    public init(
        title: String, kind: String? = nil, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil, edit: WorkspaceEdit? = nil
    ) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}

/// The code action kinds LSP defines; dots make hierarchies (`source.fixAll` is a `source` action).
public enum CodeActionKind {
    public static let quickFix = "quickfix"
    public static let refactor = "refactor"
    public static let source = "source"
    public static let sourceFixAll = "source.fixAll"
}
