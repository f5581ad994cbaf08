/// Splits a byte stream into the bodies of LSP's base-protocol frames (`Content-Length: N\r\n\r\n` then N bytes).
///
/// Bytes go in as they arrive, in chunks of any size; `nextFrame()` hands out each complete body once. After a
/// `FramingError` the framer drops the offending bytes up to the next `Content-Length:` it sees, so a server can log
/// the error and go on reading instead of stopping on one bad frame.
public struct MessageFramer: Sendable {
    /// The largest body accepted unless the initializer says otherwise: far beyond any real document, far below memory.
    public static let defaultMaximumBodyLength = 64 * 1024 * 1024
    /// The longest header block accepted, its closing blank line included; real ones are under 100 bytes.
    public static let maximumHeaderLength = 8 * 1024

    /// The longest body accepted; a longer `Content-Length` is a `FramingError.bodyTooLong`.
    public let maximumBodyLength: Int

    private var buffer: [UInt8] = []
    /// Bytes of `buffer` before this index have been handed out or dropped.
    private var start = 0
    /// How many bytes after `start` were searched for the header's end without finding it, so a header that
    /// trickles in byte by byte is not searched again from its beginning on every call.
    private var headerBytesSearched = 0
    /// The length of the body whose header has been read, while its bytes are still arriving.
    private var pendingBodyLength: Int?
    /// Set by an error: the stream is dropped up to the next `Content-Length:`.
    private var resynchronising = false

    public init(maximumBodyLength: Int = MessageFramer.defaultMaximumBodyLength) {
        self.maximumBodyLength = max(0, maximumBodyLength)
    }

    /// The bytes received and not yet handed out or dropped.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete body, or nil until more bytes arrive.
    ///
    /// Throws at most one error per call, having dropped at least one byte, so calling it in a loop until it returns
    /// nil always ends.
    public mutating func nextFrame() throws(FramingError) -> [UInt8]? {
        if resynchronising, !skipToNextHeader() {
            return nil
        }
        if pendingBodyLength == nil {
            guard let headerEnd = try findHeaderEnd() else { return nil }
            let length: Int
            do {
                length = try contentLength(ofHeader: buffer[start..<(headerEnd - 4)])
            } catch {
                throw resynchronise(after: error)
            }
            consume(upTo: headerEnd)
            pendingBodyLength = length
        }
        guard let length = pendingBodyLength, bufferedByteCount >= length else { return nil }
        let body = Array(buffer[start..<(start + length)])
        consume(upTo: start + length)
        pendingBodyLength = nil
        return body
    }

    /// A body framed for writing: its `Content-Length` header, a blank line, the body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    // MARK: Header

    private static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let contentLengthName: [UInt8] = Array("content-length".utf8)

    /// The index just past the blank line ending the header block at `start`, or nil while it has not all arrived.
    private mutating func findHeaderEnd() throws(FramingError) -> Int? {
        let limit = MessageFramer.maximumHeaderLength
        let searchStart = start + max(0, headerBytesSearched - 3)
        let searchEnd = min(buffer.count, start + limit)
        if let found = firstIndex(of: MessageFramer.headerTerminator, in: searchStart..<searchEnd) {
            return found + 4
        }
        headerBytesSearched = searchEnd - start
        if headerBytesSearched >= limit {
            throw resynchronise(after: .headerTooLong(limit: limit))
        }
        return nil
    }

    private func contentLength(ofHeader header: ArraySlice<UInt8>) throws(FramingError) -> Int {
        var length: Int?
        for line in header.split(separator: Array("\r\n".utf8), omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw .malformedHeaderLine(FramingError.excerpt(line))
            }
            let name = MessageFramer.trimmed(line[line.startIndex..<colon])
            // Header names are case-insensitive (the base protocol follows HTTP); Content-Type and any other header
            // is ignored: the body is UTF-8 JSON whatever it says.
            guard name.count == MessageFramer.contentLengthName.count,
                zip(name, MessageFramer.contentLengthName).allSatisfy({ MessageFramer.lowercased($0) == $1 })
            else { continue }
            let value = try parseLength(MessageFramer.trimmed(line[(colon + 1)...]))
            if let length, length != value { throw .conflictingContentLengths }
            length = value
        }
        guard let length else { throw .missingContentLength }
        return length
    }

    private func parseLength(_ digits: ArraySlice<UInt8>) throws(FramingError) -> Int {
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .invalidContentLength(FramingError.excerpt(digits))
        }
        var value = 0
        for digit in digits {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            // Checked on every digit, so a hundred-digit length cannot overflow.
            if value > maximumBodyLength {
                throw .bodyTooLong(contentLength: FramingError.excerpt(digits), limit: maximumBodyLength)
            }
        }
        return value
    }

    // MARK: Recovering

    private mutating func resynchronise(after error: FramingError) -> FramingError {
        // The first byte goes, so the search for the next header cannot find this same one again.
        consume(upTo: min(buffer.count, start + 1))
        pendingBodyLength = nil
        resynchronising = true
        return error
    }

    /// Drops bytes up to the next `Content-Length:` (in any case); false while none has arrived.
    private mutating func skipToNextHeader() -> Bool {
        let pattern = Array("content-length:".utf8)
        var index = start
        while index + pattern.count <= buffer.count {
            if zip(buffer[index..<(index + pattern.count)], pattern).allSatisfy({ MessageFramer.lowercased($0) == $1 }) {
                consume(upTo: index)
                resynchronising = false
                return true
            }
            index += 1
        }
        // Keep a tail that may be the beginning of a `Content-Length:` split across two reads.
        consume(upTo: max(start, buffer.count - (pattern.count - 1)))
        return false
    }

    // MARK: Buffer

    private mutating func consume(upTo index: Int) {
        start = index
        headerBytesSearched = 0
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        } else if start >= 1 << 16, start * 2 >= buffer.count {
            // Compact only once the dead prefix is large and most of the buffer, so copying stays linear overall.
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func firstIndex(of pattern: [UInt8], in range: Swift.Range<Int>) -> Int? {
        guard range.count >= pattern.count else { return nil }
        for index in range.lowerBound...(range.upperBound - pattern.count)
        where buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
            return index
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}
