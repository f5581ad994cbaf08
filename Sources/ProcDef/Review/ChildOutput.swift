#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The read end of a pipe from a child process, read in chunks as the bytes arrive, never more than asked for held.
///
/// The output ends at end of file, or once the child has exited and nothing is left in the pipe: end of file needs
/// every copy of the write end closed, and a process the child started may have inherited one and outlive it. What
/// an exited child wrote is already in the pipe, so nothing of its output is lost by not waiting for more.
final class ChildOutput {
    private let descriptor: Int32
    private let child: ChildGroup
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// `errno` of a failed `poll` or `read`; the output counts as ended then.
    private(set) var failure: Int32?

    /// How long one wait for bytes lasts before looking again whether the child has exited.
    private static let waitMilliseconds: Int32 = 100

    init(descriptor: Int32, child: ChildGroup, bufferSize: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.child = child
        buffer = [UInt8](repeating: 0, count: max(bufferSize, 1))
    }

    /// The bytes up to the next line feed (not included); nil when the output ends first. A line longer than
    /// `maxLength` comes back cut after `maxLength + 1` bytes, the rest unread, so a stream that is not what was
    /// expected is never buffered whole.
    func line(maxLength: Int) -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if start == end, !fill() { return nil }
            let room = maxLength + 1 - line.count
            let available = buffer[start..<min(end, start + room)]
            if let feed = available.firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: buffer[start..<feed])
                start = feed + 1
                return line
            }
            line.append(contentsOf: available)
            start += available.count
            if line.count > maxLength { return line }
        }
    }

    /// Exactly `count` bytes; nil when the output ends first.
    func bytes(_ count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var complete = true
        let result = [UInt8](unsafeUninitializedCapacity: count) { destination, initialized in
            guard let base = destination.baseAddress else { return }
            while initialized < count {
                let wanted = count - initialized
                if start == end {
                    // A large remainder goes straight to its place; a small one through the buffer, so that many
                    // small blobs take few reads.
                    if wanted >= buffer.count {
                        let read = readSome(into: base + initialized, count: wanted)
                        if read == 0 {
                            complete = false
                            return
                        }
                        initialized += read
                        continue
                    }
                    if !fill() {
                        complete = false
                        return
                    }
                }
                let taken = min(wanted, end - start)
                buffer.withUnsafeBytes { source in
                    if let from = source.baseAddress {
                        UnsafeMutableRawPointer(base + initialized).copyMemory(from: from + start, byteCount: taken)
                    }
                }
                start += taken
                initialized += taken
            }
        }
        return complete ? result : nil
    }

    /// Reads and drops `count` bytes, holding no more than the buffer at a time; false when the output ends first.
    func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end, !fill() { return false }
            let taken = min(left, end - start)
            start += taken
            left -= taken
        }
        return true
    }

    /// Everything up to the end of the output, of which only the first `limit` bytes are kept.
    func rest(keeping limit: Int) -> [UInt8] {
        var kept: [UInt8] = []
        while true {
            if start == end, !fill() { return kept }
            let room = max(0, limit - kept.count)
            kept.append(contentsOf: buffer[start..<min(end, start + room)])
            start = end
        }
    }

    /// Reads what is available into the emptied buffer; false at the end of the output.
    private func fill() -> Bool {
        let count = buffer.count
        let read = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return readSome(into: base, count: count)
        }
        start = 0
        end = read
        return read > 0
    }

    /// Waits for bytes and reads up to `count` of them; 0 at the end of the output.
    private func readSome(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        guard failure == nil else { return 0 }
        while true {
            // Taken before the wait: if the child had exited by then, all it wrote is in the pipe, so an empty pipe
            // afterwards is the end of its output.
            let exitedBeforeWaiting = child.hasExited
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, exitedBeforeWaiting ? 0 : Self.waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                failure = errno
                return 0
            }
            if ready == 0 {
                if exitedBeforeWaiting { return 0 }
                continue
            }
            let read = systemRead(descriptor, destination, count)
            if read < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                failure = errno
                return 0
            }
            return read
        }
    }
}

/// `read(2)`, named apart from the methods above so that the call reaches the C function.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
