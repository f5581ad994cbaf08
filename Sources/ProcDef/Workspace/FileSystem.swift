#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the loader needs, wrapped so that callers see values and errors, never raw pointers.
enum FileSystem {
    /// What `stat` says about a path, following symbolic links.
    struct Status: Sendable {
        enum Kind: Sendable {
            case file, directory
            case other(String)
        }
        var kind: Kind
        var identity: FileIdentity
        var size: Int
    }

    /// Device and inode: the same file or folder however it is reached.
    struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// Why a call failed, as the C library words it.
    struct Failure: Error, Sendable {
        var code: Int32
        var isMissing: Bool { code == ENOENT || code == ENOTDIR }
        var isLoop: Bool { code == ELOOP }
        var message: String { String(cString: strerror(code)) }
    }

    static func status(_ path: String) -> Result<Status, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(code: errno)) }
        return .success(Status(info))
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The names in a folder (without `.` and `..`), in byte order so that every run walks the same way.
    static func entries(of path: String) -> Result<[String], Failure> {
        guard let directory = opendir(path) else { return .failure(Failure(code: errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    enum ReadOutcome: Sendable {
        case bytes([UInt8])
        /// Bigger than the limit: `size` bytes, or at least that many when the file grew while being read.
        case tooLarge(size: Int, exact: Bool)
        case notRegular(String)
        case failed(Failure)
    }

    /// Reads a regular file, never more than `limit + 1` bytes: the size is checked before reading and again while
    /// reading, in case the file grows in between. Opened non-blocking so a FIFO swapped in after `stat` cannot hang us.
    static func read(_ path: String, limit: Int) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(Failure(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(Failure(code: errno)) }
        let status = Status(info)
        guard case .file = status.kind else {
            if case .other(let what) = status.kind { return .notRegular(what) }
            return .notRegular("a folder")
        }
        guard status.size <= limit else { return .tooLarge(size: status.size, exact: true) }
        // Read straight into the result, sized by `fstat`: a zeroed staging buffer per file cost a 64 KiB memset
        // (and its page faults) for every file of a large repository. The byte beyond the size shows a file that
        // grew since `fstat`; the rest of such a file is read in chunks below.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: status.size + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = systemRead(descriptor, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        if failure != 0 { return .failed(Failure(code: failure)) }
        guard bytes.count > status.size else { return .bytes(bytes) }
        if bytes.count > limit { return .tooLarge(size: bytes.count, exact: false) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(Failure(code: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .tooLarge(size: bytes.count, exact: false) }
        }
        return .bytes(bytes)
    }
}

extension FileSystem.Status {
    init(_ info: stat) {
        let kind: Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFDIR: .directory
            case S_IFIFO: .other("a FIFO")
            case S_IFSOCK: .other("a socket")
            case S_IFCHR: .other("a character device")
            case S_IFBLK: .other("a block device")
            default: .other("a special file")
            }
        self.init(
            kind: kind, identity: FileSystem.FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), size: Int(info.st_size))
    }
}

/// `read(2)`, named apart from `FileSystem.read` so the call inside it reaches the C function.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
