import Foundation

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

    static func store(_ text: String, at path: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).procdef-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(reason(errno))") }
        var bytes = Array(text.utf8)
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
            throw Failure(description: "cannot write \(path): \(reason(failure))")
        }
        if failsBeforeRename {
            unlink(temporary)
            throw Failure(
                description: "cannot write \(path): the write was made to fail before the rename (PROCDEF_TEST_FAIL_BEFORE_RENAME)")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(reason(code))")
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
