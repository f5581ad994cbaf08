/// What the server does, as `initialize` answers; an absent member is a feature not offered.
public struct ServerCapabilities: Codable, Hashable, Sendable {
    /// The encoding positions are counted in; UTF-16 when absent (and the only value a client that offered none reads).
    public var positionEncoding: PositionEncoding?
    public var textDocumentSync: TextDocumentSyncOptions?
    public var hoverProvider: Bool?
    public var definitionProvider: Bool?
    public var referencesProvider: Bool?
    public var completionProvider: CompletionOptions?
    public var codeActionProvider: CodeActionOptions?
    public var documentSymbolProvider: Bool?
    public var renameProvider: RenameOptions?
    public var workspace: WorkspaceServerCapabilities?

    public init(
        positionEncoding: PositionEncoding? = nil, textDocumentSync: TextDocumentSyncOptions? = nil, hoverProvider: Bool? = nil,
        definitionProvider: Bool? = nil, referencesProvider: Bool? = nil, completionProvider: CompletionOptions? = nil,
        codeActionProvider: CodeActionOptions? = nil, documentSymbolProvider: Bool? = nil, renameProvider: RenameOptions? = nil,
        workspace: WorkspaceServerCapabilities? = nil
    ) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = textDocumentSync
        self.hoverProvider = hoverProvider
        self.definitionProvider = definitionProvider
        self.referencesProvider = referencesProvider
        self.completionProvider = completionProvider
        self.codeActionProvider = codeActionProvider
        self.documentSymbolProvider = documentSymbolProvider
        self.renameProvider = renameProvider
        self.workspace = workspace
    }
}

/// Which document notifications the server wants, and how changes are sent.
public struct TextDocumentSyncOptions: Codable, Hashable, Sendable {
    /// Whether `didOpen` and `didClose` are sent.
    public var openClose: Bool?
    public var change: TextDocumentSyncKind?
    public var save: SaveOptions?

    public init(openClose: Bool? = nil, change: TextDocumentSyncKind? = nil, save: SaveOptions? = nil) {
        self.openClose = openClose
        self.change = change
        self.save = save
    }
}

/// How `didChange` carries a change: not at all, the whole text, or only the edited ranges.
public enum TextDocumentSyncKind: Int, Codable, Hashable, Sendable {
    case none = 0
    case full = 1
    case incremental = 2
}

/// Whether `didSave` is sent, with or without the saved text.
public struct SaveOptions: Codable, Hashable, Sendable {
    public var includeText: Bool?

    public init(includeText: Bool? = nil) {
        self.includeText = includeText
    }
}

/// How completion is offered.
public struct CompletionOptions: Codable, Hashable, Sendable {
    /// Characters that open completion as they are typed, besides the client's own word rules.
    public var triggerCharacters: [String]?
    /// Whether items are completed lazily through `completionItem/resolve`.
    public var resolveProvider: Bool?

    public init(triggerCharacters: [String]? = nil, resolveProvider: Bool? = nil) {
        self.triggerCharacters = triggerCharacters
        self.resolveProvider = resolveProvider
    }
}

/// Which kinds of code action the server returns.
public struct CodeActionOptions: Codable, Hashable, Sendable {
    public var codeActionKinds: [String]?

    public init(codeActionKinds: [String]? = nil) {
        self.codeActionKinds = codeActionKinds
    }
}

/// How renaming is offered.
public struct RenameOptions: Codable, Hashable, Sendable {
    /// Whether `textDocument/prepareRename` is answered.
    public var prepareProvider: Bool?

    public init(prepareProvider: Bool? = nil) {
        self.prepareProvider = prepareProvider
    }
}

/// The server's workspace capabilities.
public struct WorkspaceServerCapabilities: Codable, Hashable, Sendable {
    public var workspaceFolders: WorkspaceFoldersServerCapabilities?

    public init(workspaceFolders: WorkspaceFoldersServerCapabilities? = nil) {
        self.workspaceFolders = workspaceFolders
    }
}

/// Whether the server handles several workspace folders, and wants to hear when they change.
public struct WorkspaceFoldersServerCapabilities: Codable, Hashable, Sendable {
    public var supported: Bool?
    /// Whether `workspace/didChangeWorkspaceFolders` is sent (LSP also allows a registration id string here).
    public var changeNotifications: Bool?

    public init(supported: Bool? = nil, changeNotifications: Bool? = nil) {
        self.supported = supported
        self.changeNotifications = changeNotifications
    }
}
