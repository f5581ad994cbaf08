import Foundation

/// Reads messages from a file descriptor (a server's standard input), in whatever chunks `read(2)` returns.
public struct MessageReader: Sendable {
    /// What reading produced: a message, or a problem the server reports and reads on past.
    public enum Item: Hashable, Sendable {
        case message(Message)
        /// A frame whose body is not a JSON-RPC message; answer it with `error.response`.
        case invalidMessage(MessageError)
        /// Bytes that are not a frame; log it: the reader skips to the next header by itself.
        case invalidFrame(FramingError)
    }

    public let fileDescriptor: Int32
    private var framer: MessageFramer
    private var atEndOfInput = false
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    public init(fileDescriptor: Int32 = STDIN_FILENO, maximumBodyLength: Int = MessageFramer.defaultMaximumBodyLength) {
        self.fileDescriptor = fileDescriptor
        self.framer = MessageFramer(maximumBodyLength: maximumBodyLength)
    }

    /// The next item, reading as much as it needs; nil once the input has ended (an unfinished frame at the end is
    /// dropped: its sender is gone).
    public mutating func next() throws(MessageStreamError) -> Item? {
        while true {
            do {
                if let body = try framer.nextFrame() {
                    do {
                        return .message(try Message.decode(from: body))
                    } catch {
                        return .invalidMessage(error)
                    }
                }
            } catch {
                return .invalidFrame(error)
            }
            if atEndOfInput { return nil }
            let count = chunk.withUnsafeMutableBytes { [fileDescriptor] in read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                framer.append(chunk[..<count])
            } else if count == 0 {
                atEndOfInput = true
            } else if errno != EINTR {
                throw MessageStreamError(operation: "read", code: errno)
            }
        }
    }
}
