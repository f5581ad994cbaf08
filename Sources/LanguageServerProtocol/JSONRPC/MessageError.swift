/// Why bytes that arrived in a frame are not a JSON-RPC message, and the error response they deserve.
public enum MessageError: Error, Hashable, Sendable {
    /// The bytes are not JSON at all (JSON-RPC's Parse error); no id can be read, so the answer has a null id.
    case parseError(reason: String)
    /// The JSON is not a JSON-RPC 2.0 message (Invalid Request); `id` is the request's id when one could be read, so
    /// the caller can answer that request rather than leave the client waiting.
    case invalidRequest(id: RequestID?, reason: String)

    /// The id to put in the error response: nil (written as `null`) when none could be read.
    public var requestID: RequestID? {
        switch self {
        case .parseError: return nil
        case .invalidRequest(let id, _): return id
        }
    }

    /// The `error` member of the response this deserves.
    public var responseError: ResponseError {
        switch self {
        case .parseError(let reason):
            return ResponseError(code: ResponseError.parseError, message: "Parse error: \(reason)")
        case .invalidRequest(_, let reason):
            return ResponseError(code: ResponseError.invalidRequest, message: "Invalid Request: \(reason)")
        }
    }

    /// The error response to send back (JSON-RPC answers both kinds, with a null id when there is none).
    public var response: Message {
        .response(id: requestID, result: nil, error: responseError)
    }
}
