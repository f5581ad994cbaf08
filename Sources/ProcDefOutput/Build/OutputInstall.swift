import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputTree {
    /// Replaces the directory `outPath` with exactly this tree, so that no reader ever sees a half-written build.
    ///
    /// The tree is written into a temporary directory beside the destination (same parent, so the same file system:
    /// `.<name>.tmp-<pid>`), every file flushed to disk, then swapped in: on Linux with one atomic
    /// `renameat2(RENAME_EXCHANGE)`, elsewhere by renaming the old tree away and the new one in. The old tree is
    /// deleted last. If anything fails before the swap, the temporary directory is removed and the destination is
    /// left exactly as it was.
    ///
    /// A file unchanged since the tree being replaced is hard-linked from it rather than written again
    /// (`OutputFiles`): the old tree's files are only read and given a second name, never modified, so every
    /// guarantee above holds, and a rebuild creates and frees only the inodes of the files that changed.
    ///
    /// An existing destination must be a directory that is empty or holds `OutputLayout.marker` (written into every
    /// build): replacing a folder wholesale is only safe when it is procdef's own output.
    ///
    /// A build killed while writing leaves its temporary directory behind; the next build at the same destination
    /// removes it (and any other `.<name>.tmp-<pid>` or `.<name>.old-<pid>` whose process is gone).
    ///
    /// `crashAfterFiles` is a test hook (`PROCDEF_TEST_CRASH_AFTER_FILES`, read by `procdef build`): after writing
    /// that many files into the temporary directory, the process exits at once with status 70, as a build killed
    /// mid-write would, so that tests can check the destination is untouched.
    package func install(at outPath: String, crashAfterFiles: Int? = nil) throws(OutputTreeError) {
        let fileManager = FileManager.default
        let destination = URL(fileURLWithPath: outPath).standardizedFileURL
        let name = destination.lastPathComponent
        let parent = destination.deletingLastPathComponent()
        let current = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        let resolved = destination.resolvingSymlinksInPath().path
        guard destination.path != "/", !name.isEmpty, name != "..", current != resolved,
            !current.hasPrefix(resolved == "/" ? "/" : resolved + "/")
        else {
            throw .unsafeDestination(outPath)
        }

        var info = stat()
        let exists = lstat(destination.path, &info) == 0
        if exists {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory(outPath) }
            let contents: [String]
            do {
                contents = try fileManager.contentsOfDirectory(atPath: destination.path)
            } catch {
                throw .io(path: outPath, reason: Self.reason(error))
            }
            guard contents.isEmpty || contents.contains(OutputLayout.marker) else { throw .notABuildOutput(outPath) }
        }

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent.path, reason: Self.reason(error))
        }
        let pid = getpid()
        let staging = parent.appendingPathComponent(".\(name).tmp-\(pid)").path
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)").path
        // Left over only by builds that were killed mid-write; they are ours to remove.
        Self.removeLeftovers(of: name, in: parent.path)
        try? fileManager.removeItem(atPath: staging)
        do {
            try write(into: staging, reusingFrom: exists ? destination.path : nil, crashAfterFiles: crashAfterFiles)
        } catch {
            OutputFiles.removeTree(at: staging)
            throw error
        }

        if !exists {
            guard rename(staging, destination.path) == 0 else {
                let reason = OutputFiles.errnoReason()
                OutputFiles.removeTree(at: staging)
                throw .io(path: outPath, reason: reason)
            }
            return
        }
        if Self.exchange(staging, destination.path) {
            // `staging` now holds the previous build.
            OutputFiles.removeTree(at: staging)
            return
        }
        try? fileManager.removeItem(atPath: retired)
        guard rename(destination.path, retired) == 0 else {
            let reason = OutputFiles.errnoReason()
            OutputFiles.removeTree(at: staging)
            throw .io(path: outPath, reason: reason)
        }
        guard rename(staging, destination.path) == 0 else {
            let reason = OutputFiles.errnoReason()
            // Put the previous build back; the new one was never visible.
            _ = rename(retired, destination.path)
            OutputFiles.removeTree(at: staging)
            throw .io(path: outPath, reason: reason)
        }
        OutputFiles.removeTree(at: retired)
    }

    /// Writes every file (and the marker) under `root`, which must not exist yet, flushed to disk so that the swap
    /// never publishes files whose contents are still in flight: with one `syncfs` of the file system at the end
    /// where the system has it (thousands of `fsync`s, one a file, made a large build wait on the disk in turn),
    /// else with an `fsync` of each file. Files unchanged since the build in `previous` are linked from it, not
    /// written (`OutputFiles`).
    private func write(into root: String, reusingFrom previous: String?, crashAfterFiles: Int?) throws(OutputTreeError) {
        let syncWholeFileSystem = Self.syncFileSystem()
        var all = files
        all[OutputLayout.marker] = Array(
            "Written by procdef build. The next build replaces this whole folder; it refuses to replace a folder without this file.\n".utf8)
        try OutputFiles.write(all, into: root, reusingFrom: previous, flush: syncWholeFileSystem == nil, crashAfterFiles: crashAfterFiles)
        if let syncWholeFileSystem {
            let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw .io(path: root, reason: OutputFiles.errnoReason()) }
            defer { close(fd) }
            guard syncWholeFileSystem(fd) == 0 else { throw .io(path: root, reason: OutputFiles.errnoReason()) }
        }
        Self.flushDirectory(root)
    }

    /// Linux's `syncfs`, looked up at run time because the C library module does not export it; nil elsewhere.
    private static func syncFileSystem() -> (@convention(c) (Int32) -> Int32)? {
        #if os(Linux)
            typealias SyncFS = @convention(c) (Int32) -> Int32
            guard let symbol = dlsym(nil, "syncfs") else { return nil }
            return unsafeBitCast(symbol, to: SyncFS.self)
        #else
            return nil
        #endif
    }

    /// Removes `.<name>.tmp-<pid>` and `.<name>.old-<pid>` beside the destination when no process `pid` runs any
    /// more: a build killed mid-write left them. A live pid's directory may belong to a build running right now,
    /// and is left alone (a reused pid only delays the clean-up to a later build).
    static func removeLeftovers(of name: String, in parent: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard let pid = leftoverPID(entry, of: name), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(atPath: parent == "/" ? "/" + entry : parent + "/" + entry)
        }
    }

    /// The process id in `.<name>.tmp-<pid>` or `.<name>.old-<pid>`, or nil for any other name.
    static func leftoverPID(_ entry: String, of name: String) -> pid_t? {
        for kind in [".tmp-", ".old-"] {
            let prefix = "." + name + kind
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                let pid = pid_t(digits), pid > 0
            else { return nil }
            return pid
        }
        return nil
    }

    private static func flushDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Swaps two paths atomically where the system can (Linux `renameat2` with `RENAME_EXCHANGE`, looked up at run
    /// time because the C library module does not export it); false when it cannot, and nothing moved.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
