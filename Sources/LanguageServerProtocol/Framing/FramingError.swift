/// Why the bytes at the head of the stream are not a well-formed `Content-Length` frame.
///
/// Header text in a case is cut to 40 bytes (with "…"), so that logging an error never logs kilobytes of garbage.
public enum FramingError: Error, Hashable, Sendable {
    /// The header block has no `Content-Length` header.
    case missingContentLength
    /// The `Content-Length` value is not a non-negative decimal integer (negative, empty, or not a number).
    case invalidContentLength(String)
    /// Two `Content-Length` headers disagree.
    case conflictingContentLengths
    /// A header line has no colon.
    case malformedHeaderLine(String)
    /// No blank line ends the header block within `limit` bytes.
    case headerTooLong(limit: Int)
    /// The body announced by `Content-Length` (its decimal text) is longer than the framer accepts.
    case bodyTooLong(contentLength: String, limit: Int)
}

extension FramingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingContentLength:
            return "the header block has no Content-Length"
        case .invalidContentLength(let value):
            return "Content-Length '\(value)' is not a non-negative integer"
        case .conflictingContentLengths:
            return "the header block has two different Content-Length values"
        case .malformedHeaderLine(let line):
            return "the header line '\(line)' has no colon"
        case .headerTooLong(let limit):
            return "no header block ends within \(limit) bytes"
        case .bodyTooLong(let contentLength, let limit):
            return "Content-Length \(contentLength) is over the limit of \(limit) bytes"
        }
    }

    /// Header bytes as text for an error: invalid UTF-8 repaired, cut to 40 bytes.
    static func excerpt(_ bytes: some Collection<UInt8>) -> String {
        let limit = 40
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.prefix(limit), as: UTF8.self) + "…"
    }
}
