/// The params of `initialize`, the first request of a session.
public struct InitializeParams: Codable, Hashable, Sendable {
    /// The client's process id, so the server can exit when it dies; null when the client has none to give.
    public var processId: Int?
    public var clientInfo: ClientInfo?
    public var locale: String?
    /// Deprecated by `rootUri`, which is deprecated by `workspaceFolders`; old clients send only these.
    public var rootPath: String?
    public var rootUri: DocumentURI?
    public var initializationOptions: JSONValue?
    public var capabilities: ClientCapabilities
    public var workspaceFolders: [WorkspaceFolder]?

    public init(
        processId: Int? = nil, clientInfo: ClientInfo? = nil, locale: String? = nil, rootPath: String? = nil,
        rootUri: DocumentURI? = nil, initializationOptions: JSONValue? = nil, capabilities: ClientCapabilities = ClientCapabilities(),
        workspaceFolders: [WorkspaceFolder]? = nil
    ) {
        self.processId = processId
        self.clientInfo = clientInfo
        self.locale = locale
        self.rootPath = rootPath
        self.rootUri = rootUri
        self.initializationOptions = initializationOptions
        self.capabilities = capabilities
        self.workspaceFolders = workspaceFolders
    }

    private enum CodingKeys: String, CodingKey {
        case processId, clientInfo, locale, rootPath, rootUri, initializationOptions, capabilities, workspaceFolders
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        processId = try container.decodeIfPresent(Int.self, forKey: .processId)
        clientInfo = try container.decodeIfPresent(ClientInfo.self, forKey: .clientInfo)
        locale = try container.decodeIfPresent(String.self, forKey: .locale)
        rootPath = try container.decodeIfPresent(String.self, forKey: .rootPath)
        rootUri = try container.decodeIfPresent(DocumentURI.self, forKey: .rootUri)
        initializationOptions = try container.decodeIfPresent(JSONValue.self, forKey: .initializationOptions)
        // LSP requires capabilities, but a client that sends none has simply none worth refusing it for.
        capabilities = try container.decodeIfPresent(ClientCapabilities.self, forKey: .capabilities) ?? ClientCapabilities()
        workspaceFolders = try container.decodeIfPresent([WorkspaceFolder].self, forKey: .workspaceFolders)
    }
}

/// The client's name and version, for logs.
public struct ClientInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?

    public init(name: String, version: String? = nil) {
        self.name = name
        self.version = version
    }
}

/// What the client can do: the whole object as sent, and the parts this server reads, decoded.
public struct ClientCapabilities: Codable, Hashable, Sendable {
    /// Everything the client sent, so a capability not modelled here can still be read (`raw["workspace"]?[...]`).
    public let raw: JSONValue
    /// `general`, or nil when absent or not of the expected shape (which then counts as offering nothing).
    public let general: GeneralClientCapabilities?

    public init(raw: JSONValue = .object([:])) {
        self.raw = raw
        self.general = try? raw["general"]?.decode(GeneralClientCapabilities.self)
    }

    public init(from decoder: any Decoder) throws {
        self.init(raw: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try raw.encode(to: encoder)
    }
}

/// The client's `general` capabilities.
public struct GeneralClientCapabilities: Codable, Hashable, Sendable {
    /// The position encodings the client supports, most preferred first (LSP 3.17); UTF-16 alone when absent.
    public var positionEncodings: [String]?

    public init(positionEncodings: [String]? = nil) {
        self.positionEncodings = positionEncodings
    }
}

/// The answer to `initialize`.
public struct InitializeResult: Codable, Hashable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo?

    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo? = nil) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }
}

/// The server's name and version, for the client's logs.
public struct ServerInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?

    public init(name: String, version: String? = nil) {
        self.name = name
        self.version = version
    }
}
