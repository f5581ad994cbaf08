/// The params of `client/registerCapability`.
public struct RegistrationParams: Codable, Hashable, Sendable {
    public var registrations: [Registration]

    public init(registrations: [Registration]) {
        self.registrations = registrations
    }
}

/// A capability registered after `initialize`, such as `workspace/didChangeWatchedFiles`.
public struct Registration: Codable, Hashable, Sendable {
    /// Chosen by the server, to unregister it later.
    public var id: String
    public var method: String
    /// The method's options, such as `DidChangeWatchedFilesRegistrationOptions`, as JSON.
    public var registerOptions: JSONValue?

    public init(id: String, method: String, registerOptions: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.registerOptions = registerOptions
    }
}

/// The options of a `workspace/didChangeWatchedFiles` registration: the files to watch.
public struct DidChangeWatchedFilesRegistrationOptions: Codable, Hashable, Sendable {
    public var watchers: [FileSystemWatcher]

    public init(watchers: [FileSystemWatcher]) {
        self.watchers = watchers
    }
}

/// Files to watch, by a glob pattern such as `**/*.yaml`.
public struct FileSystemWatcher: Codable, Hashable, Sendable {
    public var globPattern: String
    /// Which events to report, a bit set of 1 create, 2 change, 4 delete; all (7) when absent.
    public var kind: Int?

    public init(globPattern: String, kind: Int? = nil) {
        self.globPattern = globPattern
        self.kind = kind
    }
}
