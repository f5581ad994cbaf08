/// How important a `window/logMessage` or `window/showMessage` is.
public enum MessageType: Int, Codable, Hashable, Sendable {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
}

/// The params of `window/logMessage`: a line for the client's log of this server.
public struct LogMessageParams: Codable, Hashable, Sendable {
    public var type: MessageType
    public var message: String

    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

/// The params of `window/showMessage`: a message the client shows the user.
public struct ShowMessageParams: Codable, Hashable, Sendable {
    public var type: MessageType
    public var message: String

    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

/// The params of `$/cancelRequest`.
public struct CancelParams: Codable, Hashable, Sendable {
    public var id: RequestID

    public init(id: RequestID) {
        self.id = id
    }
}
