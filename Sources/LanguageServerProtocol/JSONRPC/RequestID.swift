/// The id of a JSON-RPC request: a number or a string, echoed back unchanged in the response.
public enum RequestID: Hashable, Sendable {
    case int(Int)
    case string(String)

    /// The id as JSON, as it goes into a message.
    public var jsonValue: JSONValue {
        switch self {
        case .int(let value): return .number(Double(value))
        case .string(let value): return .string(value)
        }
    }

    /// The id a JSON value stands for: an integral number or a string; nil for anything else (null, 1.5, objects).
    public init?(_ value: JSONValue) {
        switch value {
        case .number:
            guard let integer = value.intValue else { return nil }
            self = .int(integer)
        case .string(let string):
            self = .string(string)
        default:
            return nil
        }
    }
}

extension RequestID: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard let id = RequestID(value) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a request id is an integer or a string"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

extension RequestID: CustomStringConvertible {
    /// The id as it is written in JSON (strings quoted), for logs.
    public var description: String {
        String(decoding: jsonValue.serialized(), as: UTF8.self)
    }
}
