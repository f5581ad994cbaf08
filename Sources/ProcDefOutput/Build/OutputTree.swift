import ProcDef

/// The files a build writes, by path relative to `--out`: planned in memory, then installed in one step.
///
/// Every path is checked against `OutputLayout.isValidPath` when it is added, so no path outside the layout (no
/// `..`, no absolute path, no name made from an unvalidated id) can reach the disk.
package struct OutputTree: Sendable, Equatable {
    package private(set) var files: [String: [UInt8]] = [:]

    package init() {}

    /// Adds a file; a path outside the layout, or one already added, is refused.
    package mutating func add(_ path: String, _ bytes: [UInt8]) throws(OutputTreeError) {
        guard OutputLayout.isValidPath(path) else { throw .invalidPath(path) }
        guard files[path] == nil else { throw .duplicatePath(path) }
        files[path] = bytes
    }

    /// Adds many files at once, as `add` would one by one (the same checks, the first refused path thrown), with the
    /// paths checked on all cores: a build adds thousands.
    mutating func add(contentsOf newFiles: [(path: String, bytes: [UInt8])]) throws(OutputTreeError) {
        let valid = newFiles.map { $0.path }.parallelMap { OutputLayout.isValidPath($0) }
        files.reserveCapacity(files.count + newFiles.count)
        for (file, isValid) in zip(newFiles, valid) {
            guard isValid else { throw .invalidPath(file.path) }
            if let previous = files.updateValue(file.bytes, forKey: file.path) {
                // The file already there stays, as `add` would leave it.
                files[file.path] = previous
                throw .duplicatePath(file.path)
            }
        }
    }

    /// Adds a text file, UTF-8 encoded.
    package mutating func add(_ path: String, text: String) throws(OutputTreeError) {
        try add(path, Array(text.utf8))
    }

    /// The paths in byte order, the order files are written and listed in.
    package var paths: [String] { files.keys.sorted() }

    /// The file at `path` as text, for tests and for the commands that print one output.
    package func text(at path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Why an output tree could not be planned or installed (exit code 2: nothing was written).
package enum OutputTreeError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPath(String)
    case duplicatePath(String)
    /// `--out` names the current directory, one of its parents, or the root.
    case unsafeDestination(String)
    /// `--out` exists and is a file or a symbolic link.
    case notADirectory(String)
    /// `--out` exists, is not empty, and has no marker from an earlier build.
    case notABuildOutput(String)
    case io(path: String, reason: String)

    package var description: String {
        switch self {
        case .invalidPath(let path):
            "refusing to write '\(path)': not a path procdef build writes"
        case .duplicatePath(let path):
            "two outputs would be written to '\(path)'"
        case .unsafeDestination(let path):
            "refusing to replace '\(path)': it is the current directory or one of its parents"
        case .notADirectory(let path):
            "refusing to replace '\(path)': it is not a directory (a file or a symbolic link)"
        case .notABuildOutput(let path):
            "refusing to replace '\(path)': it is not empty and was not written by procdef build (it has no \(OutputLayout.marker) file)"
        case .io(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}
