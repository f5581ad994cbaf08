import Foundation

/// A JSON-RPC 2.0 message: a request (answered by a response with its id), a notification, or a response.
public enum Message: Hashable, Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A response carries `result` or `error`; when `error` is set, `result` is not written. An `id` of nil is written
    /// as `null`, for an error about a message whose id could not be read.
    case response(id: RequestID?, result: JSONValue?, error: ResponseError?)
}

// MARK: Decoding

extension Message {
    /// Reads one message from the body of a frame.
    ///
    /// Text that is not JSON throws `.parseError`; JSON that is not a JSON-RPC 2.0 message (no `"jsonrpc": "2.0"`,
    /// a method that is not a string, params that are neither an object nor an array, a response with both or neither
    /// of result and error) throws `.invalidRequest`, with the id when one was readable.
    public static func decode(from bytes: [UInt8]) throws(MessageError) -> Message {
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .parseError(reason: bytes.isEmpty ? "the body is empty" : "the body is not JSON")
        }
        return try decode(json)
    }

    /// Reads one message from JSON already parsed.
    public static func decode(_ json: JSONValue) throws(MessageError) -> Message {
        guard case .object(let members) = json else {
            throw .invalidRequest(id: nil, reason: "a message is a JSON object")
        }
        // The id is read first so that every later complaint can be answered to the request it is about.
        let idValue = members["id"]
        let id = idValue.flatMap(RequestID.init)
        guard members["jsonrpc"] == .string("2.0") else {
            throw .invalidRequest(id: id, reason: #"the member "jsonrpc" must be "2.0""#)
        }
        if let methodValue = members["method"] {
            guard case .string(let method) = methodValue else {
                throw .invalidRequest(id: id, reason: #"the member "method" must be a string"#)
            }
            let params: JSONValue?
            switch members["params"] {
            case nil, .null?:
                // `null` is not structured params, but some clients send it for "no params"; it harms nobody.
                params = nil
            case .object?, .array?:
                params = members["params"]
            default:
                throw .invalidRequest(id: id, reason: #"the member "params" must be an object or an array"#)
            }
            guard idValue != nil else { return .notification(method: method, params: params) }
            guard let id else {
                throw .invalidRequest(id: nil, reason: #"the member "id" of a request must be an integer or a string"#)
            }
            return .request(id: id, method: method, params: params)
        }
        // A null beside a real member stands for "absent", as some peers write it (`"error": null` on success).
        let errorValue = members["error"].flatMap { $0.isNull ? nil : $0 }
        let result = errorValue != nil && members["result"] == .null ? nil : members["result"]
        switch (result, errorValue) {
        case (nil, nil):
            throw .invalidRequest(id: id, reason: #"a message has a "method", a "result" or an "error""#)
        case (.some, .some):
            throw .invalidRequest(id: id, reason: #"a response has a "result" or an "error", not both"#)
        default:
            break
        }
        if let idValue, id == nil, !idValue.isNull {
            throw .invalidRequest(id: nil, reason: #"the member "id" must be an integer, a string or null"#)
        }
        if let errorValue {
            guard let error = try? errorValue.decode(ResponseError.self) else {
                throw .invalidRequest(id: id, reason: #"the member "error" must have an integer "code" and a string "message""#)
            }
            return .response(id: id, result: nil, error: error)
        }
        return .response(id: id, result: result, error: nil)
    }
}

// MARK: Encoding

extension Message {
    /// The message as JSON, `"jsonrpc": "2.0"` included.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            members["id"] = id.jsonValue
            members["method"] = .string(method)
            members["params"] = params
        case .notification(let method, let params):
            members["method"] = .string(method)
            members["params"] = params
        case .response(let id, let result, let error):
            members["id"] = id?.jsonValue ?? .null
            if let error {
                members["error"] = errorJSON(error)
            } else {
                // A response must carry `result`; a request with nothing to return (shutdown) answers null.
                members["result"] = result ?? .null
            }
        }
        return .object(members)
    }

    /// The message as compact JSON text with sorted keys: the body of a frame.
    public func encoded() -> [UInt8] {
        jsonValue.serialized()
    }

    private func errorJSON(_ error: ResponseError) -> JSONValue {
        var members: [String: JSONValue] = ["code": .number(Double(error.code)), "message": .string(error.message)]
        members["data"] = error.data
        return .object(members)
    }
}
