import Foundation
import ProcDef

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file or nothing: the text goes to a temporary file beside the destination, which is then renamed
/// over it, so a reader (or a CI step after a killed run) never sees half a report.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Test hook, not an option: with `PROCDEF_TEST_FAIL_BEFORE_RENAME=1` set, the write fails after the temporary
    /// file is written and before it is renamed, as a full disk or a killed run would. Tests use it to show that
    /// neither the destination nor the temporary file is left behind.
    static var failsBeforeRename: Bool {
        ProcessInfo.processInfo.environment["PROCDEF_TEST_FAIL_BEFORE_RENAME"] == "1"
    }

    static func store(_ text: String, at written: String) throws(Failure) {
        try store(Array(text.utf8), at: written)
    }

    static func store(_ content: [UInt8], at written: String) throws(Failure) {
        // A link is followed, so the report replaces the file it points at and the link stays a link.
        var path = written
        var status = stat()
        if lstat(written, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let target = realpath(written, nil) {
            path = String(cString: target)
            free(target)
        }
        let shown = written
        let folder = DisplayPath.parent(path)
        let name = DisplayPath.name(path)
        // A name nobody holds: a run killed before its rename may have left one behind with a reused process id.
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).procdef-\(getpid())-\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(shown): \(reason(errno))") }
        // A file written over keeps its permissions (a 0600 file stays private); its owner, where we may set it.
        var existing = stat()
        if stat(path, &existing) == 0 {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        }
        // Interrupted (Ctrl-C, a CI timeout), the temporary file is removed before the process ends.
        PendingFile.hold(temporary)
        defer { PendingFile.release() }
        var bytes = content
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure != 0 {
            unlink(temporary)
            throw Failure(description: "cannot write \(shown): \(reason(failure))")
        }
        if failsBeforeRename {
            unlink(temporary)
            throw Failure(
                description: "cannot write \(shown): the write was made to fail before the rename (PROCDEF_TEST_FAIL_BEFORE_RENAME)")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(description: "cannot write \(shown): \(reason(code))")
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// The temporary file being written, removed by a signal handler if the process is interrupted before the rename.
/// The handler calls only async-signal-safe functions: it unlinks a path kept as a C string, then re-raises the
/// signal with its default action, so the exit status still says what ended the run.
private enum PendingFile {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func hold(_ temporary: String) {
        path = strdup(temporary)
        for number in signals {
            _ = signal(number) { received in
                if let pending = PendingFile.path { unlink(pending) }
                _ = signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func release() {
        for number in signals { _ = signal(number, SIG_DFL) }
        free(path)
        path = nil
    }
}
