import Dispatch
import Foundation
import ProcDef

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the files of an output tree into a new directory, and removes a directory tree, both spread over the cores.
///
/// A build writes thousands of small files; what they cost is system time: creating each inode, and on file systems
/// that discard freed blocks at once, deleting the previous build's. So each file is created relative to its
/// folder's descriptor (no path lookup from the root), and a file whose bytes are exactly those of the same file in
/// the tree being replaced is not written again: the new tree links to it. A rebuild of unchanged definitions then
/// creates and frees no inode at all; removing the old tree only drops the second name of its files.
enum OutputFiles {
    /// Files per unit of parallel work: small enough to keep both cores busy to the end, large enough that the
    /// per-unit buffer and bookkeeping do not show.
    private static let filesPerChunk = 64

    /// One file to write: its folder (an index into the folders, or nil for the root) and name.
    struct Entry: Sendable {
        var folder: Int?
        var name: String
        var bytes: [UInt8]
    }

    /// Writes `files` (paths of one or two components, as `OutputLayout` makes them) into `root`, which must not
    /// exist yet. With `previous`, an existing tree, unchanged files are linked from it (see the type's comment).
    /// `flush` fsyncs every file written; `crashAfterFiles` is the test hook of `OutputTree.install`, and makes the
    /// writes sequential so that "after N files" means the first N paths.
    static func write(_ files: [String: [UInt8]], into root: String, reusingFrom previous: String?, flush: Bool, crashAfterFiles: Int?)
        throws(OutputTreeError)
    {
        guard mkdir(root, 0o755) == 0 else { throw .io(path: root, reason: errnoReason()) }
        var folderNames: [String] = []
        var entries: [Entry] = []
        entries.reserveCapacity(files.count)
        for path in files.keys.sorted() {
            let components = path.split(separator: "/", maxSplits: 1)
            if components.count == 2 {
                let folder = String(components[0])
                if folderNames.last != folder { folderNames.append(folder) }
                entries.append(Entry(folder: folderNames.count - 1, name: String(components[1]), bytes: files[path] ?? []))
            } else {
                entries.append(Entry(folder: nil, name: path, bytes: files[path] ?? []))
            }
        }
        // Sorted paths keep each folder's files together, so a folder seen again would be a second folder of that name.
        guard Set(folderNames).count == folderNames.count else { throw .io(path: root, reason: "unsorted folders") }

        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw .io(path: root, reason: errnoReason()) }
        var descriptors: [Int32] = []
        var previousDescriptors: [Int32] = []
        let previousRoot = previous.map { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) } ?? -1
        defer {
            for fd in descriptors + previousDescriptors + [rootFD, previousRoot] where fd >= 0 { close(fd) }
        }
        for name in folderNames {
            guard mkdirat(rootFD, name, 0o755) == 0 else { throw .io(path: root + "/" + name, reason: errnoReason()) }
            let fd = openat(rootFD, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw .io(path: root + "/" + name, reason: errnoReason()) }
            descriptors.append(fd)
            previousDescriptors.append(previousRoot >= 0 ? openat(previousRoot, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) : -1)
        }

        let target = Folders(root: rootFD, folders: descriptors, path: root, names: folderNames)
        let source =
            previousRoot >= 0 ? Folders(root: previousRoot, folders: previousDescriptors, path: previous ?? "", names: folderNames) : nil
        let reuse = source.map { Reuse(from: $0) }

        if let crashAfterFiles {
            var scratch: [UInt8] = []
            for (written, entry) in entries.enumerated() {
                try place(entry, in: target, reusing: reuse, flush: flush, scratch: &scratch)
                if written + 1 >= crashAfterFiles {
                    // The test hook: end the process as abruptly as a kill would, no clean-up, no atexit handlers.
                    _exit(70)
                }
            }
            return
        }
        let failures = interleavedChunks(entries).parallelMap { [entries] chunk -> OutputTreeError? in
            var scratch: [UInt8] = []
            do throws(OutputTreeError) {
                for i in chunk { try place(entries[i], in: target, reusing: reuse, flush: flush, scratch: &scratch) }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Chunks of entries, each within one folder, taking the folders in turn: the two cores then mostly add names to
    /// different folders, rather than wait for each other's lock on the same one.
    private static func interleavedChunks(_ entries: [Entry]) -> [Range<Int>] {
        var byFolder: [[Range<Int>]] = []
        var start = 0
        while start < entries.count {
            var end = start
            while end < entries.count, end - start < filesPerChunk, entries[end].folder == entries[start].folder { end += 1 }
            if start == 0 || entries[start - 1].folder != entries[start].folder { byFolder.append([]) }
            byFolder[byFolder.count - 1].append(start..<end)
            start = end
        }
        var chunks: [Range<Int>] = []
        for round in 0..<(byFolder.map(\.count).max() ?? 0) {
            for folder in byFolder where round < folder.count { chunks.append(folder[round]) }
        }
        return chunks
    }

    /// Open descriptors of a tree's root and its folders.
    struct Folders: Sendable {
        var root: Int32
        var folders: [Int32]
        var path: String
        var names: [String]

        func descriptor(_ folder: Int?) -> Int32 {
            folder.map { folders[$0] } ?? root
        }

        func path(of entry: Entry) -> String {
            entry.folder.map { path + "/" + names[$0] + "/" + entry.name } ?? path + "/" + entry.name
        }
    }

    /// What a file of the previous tree must be for the new tree to link to it instead of writing it: a regular file
    /// with one name, owned by this user, with the mode a new file gets, and the same bytes.
    struct Reuse: Sendable {
        var from: Folders
        var owner = geteuid()
        /// 0644 less the umask, read once (reading the umask means setting it).
        var mode: mode_t = {
            let mask = umask(0o022)
            umask(mask)
            return 0o644 & ~mask
        }()
    }

    private static func place(_ entry: Entry, in target: Folders, reusing reuse: Reuse?, flush: Bool, scratch: inout [UInt8])
        throws(OutputTreeError)
    {
        let directory = target.descriptor(entry.folder)
        if let reuse, linkUnchanged(entry, from: reuse, into: directory, scratch: &scratch) { return }
        let fd = openat(directory, entry.name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: target.path(of: entry), reason: errnoReason()) }
        defer { close(fd) }
        var written = 0
        let bytes = entry.bytes
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: target.path(of: entry), reason: errnoReason())
            }
            written += n
        }
        guard !flush || fsync(fd) == 0 else { throw .io(path: target.path(of: entry), reason: errnoReason()) }
    }

    /// Links the previous tree's file into `directory` when it is the same file; false (and nothing done) otherwise.
    private static func linkUnchanged(_ entry: Entry, from reuse: Reuse, into directory: Int32, scratch: inout [UInt8]) -> Bool {
        let source = reuse.from.descriptor(entry.folder)
        guard source >= 0 else { return false }
        let fd = openat(source, entry.name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1, info.st_uid == reuse.owner,
            (info.st_mode & 0o7777) == reuse.mode, Int(info.st_size) == entry.bytes.count
        else { return false }
        // One byte more than expected, so that a file that grew since `fstat` reads as different.
        let size = entry.bytes.count
        if scratch.count < size + 1 { scratch = [UInt8](repeating: 0, count: size + 1) }
        var filled = 0
        let same = scratch.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            while filled <= size {
                let n = read(fd, base + filled, size + 1 - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { break }
                filled += n
            }
            guard filled == size else { return false }
            return entry.bytes.withUnsafeBytes { expected in
                guard let expected = expected.baseAddress else { return size == 0 }
                return memcmp(base, expected, size) == 0
            }
        }
        guard same else { return false }
        guard linkat(source, entry.name, directory, entry.name, 0) == 0 else { return false }
        // `linkat` links whatever the name holds now; keep the link only if that is still the file just compared.
        var linked = stat()
        if fstatat(directory, entry.name, &linked, AT_SYMLINK_NOFOLLOW) == 0, linked.st_dev == info.st_dev, linked.st_ino == info.st_ino {
            return true
        }
        _ = unlinkat(directory, entry.name, 0)
        return false
    }

    /// Deletes the tree at `path`: the files of the root and of its folders in parallel, then the folders. Anything
    /// else (a folder inside a folder, a name that vanished) is left to `FileManager`, which removes whatever remains.
    static func removeTree(at path: String) {
        var folders: [String] = []
        var files: [(folder: Int?, name: String)] = []
        var unusual = false
        let listed = listEntries(path) { name, isDirectory in
            if isDirectory { folders.append(name) } else { files.append((nil, name)) }
        }
        guard listed else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        for (index, folder) in folders.enumerated() {
            let ok = listEntries(path + "/" + folder) { name, isDirectory in
                if isDirectory { unusual = true } else { files.append((index, name)) }
            }
            if !ok { unusual = true }
        }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard root >= 0 else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let descriptors = folders.map { openat(root, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
        defer {
            for fd in descriptors + [root] where fd >= 0 { close(fd) }
        }
        let names = files.map { (directory: $0.folder.map { descriptors[$0] } ?? root, name: $0.name) }
        let chunks = stride(from: 0, to: names.count, by: filesPerChunk).map { $0..<min($0 + filesPerChunk, names.count) }
        _ = chunks.parallelMap { chunk -> Bool in
            for i in chunk { _ = unlinkat(names[i].directory, names[i].name, 0) }
            return true
        }
        for (fd, folder) in zip(descriptors, folders) where !unusual && fd >= 0 {
            _ = unlinkat(root, folder, AT_REMOVEDIR)
        }
        if unusual || rmdir(path) != 0 {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Calls `body` with the name of every entry of the directory `path` but `.` and `..`, and whether it is a
    /// directory (not following symbolic links); false when the directory cannot be read.
    private static func listEntries(_ path: String, _ body: (String, Bool) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let fd = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isDirectory = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            body(name, isDirectory)
        }
        return true
    }

    static func errnoReason() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's `write`, which a method named `write` would otherwise shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
