import Foundation

/// Writes framed messages to a file descriptor (a server's standard output), one whole frame at a time.
///
/// Any thread may write: a lock keeps two frames from interleaving. A server should ignore `SIGPIPE`
/// (`signal(SIGPIPE, SIG_IGN)`), so that a client that has gone away makes `write` throw instead of ending the process.
public final class MessageWriter: Sendable {
    public let fileDescriptor: Int32
    private let lock = NSLock()

    public init(fileDescriptor: Int32 = STDOUT_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ message: Message) throws(MessageStreamError) {
        try writeFrame(body: message.encoded())
    }

    /// Writes `body` framed with its `Content-Length` header.
    public func writeFrame(body: [UInt8]) throws(MessageStreamError) {
        let frame = MessageFramer.frame(body)
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < frame.count {
            let count = frame.withUnsafeBytes { systemWrite(fileDescriptor, $0.baseAddress.map { $0 + written }, $0.count - written) }
            if count > 0 {
                written += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                // write(2) returns 0 for a non-empty buffer only on a broken descriptor; looping on it would spin.
                throw MessageStreamError(operation: "write", code: count == 0 ? EIO : errno)
            }
        }
    }
}

/// `write(2)`, under a name the method `MessageWriter.write` does not shadow.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
