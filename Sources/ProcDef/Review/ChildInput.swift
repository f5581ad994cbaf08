import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The standard input of a child process: a connected socket pair instead of a pipe, fed from another thread.
///
/// A socket, because writing to a pipe whose reader has died raises SIGPIPE, which kills procdef; a socket can
/// be told not to (`MSG_NOSIGNAL`, `SO_NOSIGPIPE`), and the write then fails with `EPIPE`. Another thread, because
/// a child that answers each line as it reads it (`git cat-file --batch`) stops reading while its output is not
/// read, and the reader must not be the one blocked in a write.
final class ChildInput: @unchecked Sendable {
    /// The child's end, to hand to `Process.standardInput`; closed here by `childStarted()`.
    let childEnd: FileHandle
    private let ownEnd: Int32
    private let childDescriptor: Int32
    private let lock = Lock()
    private var childEndOpen = true
    private var ownEndOwned = true

    /// A new pair, or the `errno` of `socketpair`.
    static func make() -> Result<ChildInput, FileSystem.Failure> {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, socketType, 0, &pair) == 0 else { return .failure(FileSystem.Failure(code: errno)) }
        #if canImport(Darwin)
            // No SOCK_CLOEXEC or MSG_NOSIGNAL there: the same per descriptor.
            for descriptor in pair { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            var on: Int32 = 1
            _ = setsockopt(pair[0], SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return .success(ChildInput(own: pair[0], child: pair[1]))
    }

    private init(own: Int32, child: Int32) {
        ownEnd = own
        childDescriptor = child
        childEnd = FileHandle(fileDescriptor: child, closeOnDealloc: false)
    }

    deinit {
        closeChildEnd()
        // Never fed (the child did not start): nobody else will close it.
        if lock.withLock({ ownEndOwned }) { close(ownEnd) }
    }

    /// Closes this process's copy of the child's end once the child has its own: while a copy is open here, a child
    /// that died would not make a write fail, and a full socket would block the writer for good.
    func childStarted() {
        closeChildEnd()
    }

    /// Writes `bytes` on a global queue, then closes the socket so the child reads end of file. A write that fails
    /// (the child died or stopped reading) ends the feed early; the child's own output tells what went wrong.
    func feed(_ bytes: [UInt8], group: DispatchGroup) {
        let descriptor = ownEnd
        let owned = lock.withLock {
            defer { ownEndOwned = false }
            return ownEndOwned
        }
        guard owned else { return }
        DispatchQueue.global().async(group: group) {
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var written = 0
                while written < raw.count {
                    let count = send(descriptor, base + written, raw.count - written, Self.sendFlags)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    written += count
                }
            }
            close(descriptor)
        }
    }

    private func closeChildEnd() {
        lock.withLock {
            if childEndOpen {
                close(childDescriptor)
                childEndOpen = false
            }
        }
    }

    #if canImport(Glibc)
        private static let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        private static let sendFlags = Int32(MSG_NOSIGNAL)
    #elseif canImport(Musl)
        private static let socketType = SOCK_STREAM | SOCK_CLOEXEC
        private static let sendFlags = MSG_NOSIGNAL
    #else
        private static let socketType = SOCK_STREAM
        private static let sendFlags: Int32 = 0
    #endif
}
