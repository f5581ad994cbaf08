/// What happened to a watched file.
public enum FileChangeType: Int, Codable, Hashable, Sendable {
    case created = 1
    case changed = 2
    case deleted = 3
}

/// A change to a file the client watches for the server.
public struct FileEvent: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var type: FileChangeType

    public init(uri: DocumentURI, type: FileChangeType) {
        self.uri = uri
        self.type = type
    }
}

/// The params of `workspace/didChangeWatchedFiles`.
public struct DidChangeWatchedFilesParams: Codable, Hashable, Sendable {
    public var changes: [FileEvent]

    public init(changes: [FileEvent]) {
        self.changes = changes
    }
}

/// A folder open in the client, as `initialize` and `workspace/didChangeWorkspaceFolders` name it.
public struct WorkspaceFolder: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var name: String

    public init(uri: DocumentURI, name: String) {
        self.uri = uri
        self.name = name
    }
}

/// The params of `workspace/didChangeWorkspaceFolders`.
public struct DidChangeWorkspaceFoldersParams: Codable, Hashable, Sendable {
    public var event: WorkspaceFoldersChangeEvent

    public init(event: WorkspaceFoldersChangeEvent) {
        self.event = event
    }
}

/// The folders added to and removed from the workspace.
public struct WorkspaceFoldersChangeEvent: Codable, Hashable, Sendable {
    public var added: [WorkspaceFolder]
    public var removed: [WorkspaceFolder]

    public init(added: [WorkspaceFolder], removed: [WorkspaceFolder]) {
        self.added = added
        self.removed = removed
    }
}
