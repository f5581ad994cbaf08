/// The `error` member of a JSON-RPC response: a code, a message for people, and optional data.
public struct ResponseError: Error, Codable, Hashable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // JSON-RPC 2.0's reserved codes.
    public static let parseError = -32_700
    public static let invalidRequest = -32_600
    public static let methodNotFound = -32_601
    public static let invalidParams = -32_602
    public static let internalError = -32_603

    // LSP's codes.
    /// A request other than `initialize` before the server was initialized.
    public static let serverNotInitialized = -32_002
    /// The client cancelled the request (`$/cancelRequest`) and the server stopped working on it.
    public static let requestCancelled = -32_800
    /// The document changed while the request ran, so its answer no longer fits.
    public static let contentModified = -32_801
}
