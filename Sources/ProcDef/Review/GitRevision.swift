import Foundation
import YAMLTree

/// The definition files as they are at a git revision, listed with `git ls-tree` and read with one
/// `git cat-file --batch`: nothing is checked out, and the working tree is not touched.
///
/// Paths are taken as on the command line (relative to `directory`), and files are named as the working tree's
/// would be, so the two sides of `procdef diff --git` name the same file the same way. Folders are searched for
/// `*.yaml` and `*.yml` below them, skipping hidden entries, as `Workspace.load(paths:)` does; a file named itself
/// is read whatever its name. Symbolic links and submodules at the revision are not followed.
package struct GitRevision: Sendable {
    /// The revision as given (`HEAD`, `origin/main`, a hash).
    package let revision: String
    /// The git executable.
    package let git: String
    /// Where git runs and paths are relative to.
    package let directory: String

    package init(_ revision: String, git: String, directory: String = FileManager.default.currentDirectoryPath) {
        self.revision = revision
        self.git = git
        self.directory = directory
    }

    /// The first executable `git` on `path` (a `PATH` value), or nil.
    package static func findGit(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// Reads every definition file under `paths` at the revision, decodes and links them: the old side of a diff.
    /// A file over the size limit is not read; it is a `yaml/limits` finding, as on disk.
    package func load(paths: [String], options: CheckOptions = CheckOptions()) throws(GitError) -> Workspace {
        let commit = try resolve()
        let named = Set(paths.map { DisplayPath.make($0, currentDirectory: directory) })
        // The config's `exclude` applies as it does on disk: a folder walk passes over it, a file named itself is read.
        let listed = try list(paths, at: commit).filter { entry in
            named.contains(entry.path)
                || !options.excludes.contains { $0.matches(absolute: DisplayPath.absolute(entry.path, currentDirectory: directory)) }
        }
        let limit = options.limits.maxFileSize
        // The sizes `ls-tree -l` printed keep an oversized blob from being asked for at all; the size in each
        // answer's header is checked again as it is read.
        let readable = listed.filter { $0.size <= limit }
        var oversized = listed.filter { $0.size > limit }.map { Self.oversized($0.path, size: $0.size, limit: limit) }
        var files: [SourceFile] = []
        for (entry, blob) in zip(readable, try readBlobs(readable, limit: limit)) {
            switch blob {
            case .bytes(let bytes): files.append(SourceFile(path: entry.path, bytes: bytes))
            case .tooLarge(let size): oversized.append(Self.oversized(entry.path, size: size, limit: limit))
            }
        }
        var workspace = Workspace.load(files: files, options: options)
        // As on disk: a file named itself, not found by walking a folder, makes the check a part of the repository.
        let asked = Set(paths.map { DisplayPath.make($0, currentDirectory: directory) })
        workspace.isPartial = listed.contains { asked.contains($0.path) }
        if !oversized.isEmpty {
            workspace.diagnostics = WorkspaceLinker.unique((workspace.diagnostics + oversized).sorted(by: Diagnostic.precedes))
        }
        return workspace
    }

    /// The finding for a file over the size limit, worded as on disk.
    static func oversized(_ path: String, size: Int, limit: Int) -> Diagnostic {
        SafetyLimits.diagnostic(
            file: path, range: .fileStart,
            message: "file is \(YAMLReader.describeSize(size)), over the \(YAMLReader.describeSize(limit)) limit",
            help: "split it into several files"
        )
    }

    /// The commit the revision names.
    func resolve() throws(GitError) -> String {
        guard !revision.isEmpty, !revision.hasPrefix("-") else { throw .invalidRevision(revision) }
        let result = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        if result.status == 0 {
            let hash = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !hash.isEmpty { return hash }
        }
        let message = result.errorText
        if message.contains("not a git repository") { throw .notARepository(message) }
        if result.status == 1 || message.isEmpty { throw .unknownRevision(revision) }
        throw .failed(command: "git rev-parse \(revision)", message: message)
    }

    /// A blob under the given paths: its path as the working tree would name it, its object id and its size.
    struct Entry: Equatable {
        let path: String
        let object: String
        let size: Int
    }

    /// The files under `paths` at `commit` that a folder walk would read, sorted by path.
    func list(_ paths: [String], at commit: String) throws(GitError) -> [Entry] {
        let wanted = paths.map { DisplayPath.make($0, currentDirectory: directory) }
        // --literal-pathspecs: a path is a path, never a pathspec pattern or magic (`:(exclude)`, `*`).
        let result = try run(["--literal-pathspecs", "ls-tree", "-r", "-z", "-l", commit, "--"] + wanted)
        guard result.status == 0 else { throw .failed(command: "git ls-tree", message: result.errorText) }
        var entries: [Entry] = []
        for record in result.output.split(separator: 0) {
            // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            guard fields.count == 4, fields[1] == "blob", fields[0] != "120000", let size = Int(fields[3]) else { continue }
            if Self.isRead(path, asked: wanted) { entries.append(Entry(path: path, object: String(fields[2]), size: size)) }
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// Whether a folder walk of `asked` reads `path`: named itself, or a `.yaml`/`.yml` file with no hidden entry
    /// between the folder asked for and it.
    static func isRead(_ path: String, asked: [String]) -> Bool {
        if asked.contains(path) { return true }
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return false }
        let folder = asked.filter { $0 == "." || path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        let below = folder.map { $0 == "." ? path : String(path.dropFirst($0.count + 1)) } ?? path
        return !below.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }

    struct Output {
        let status: Int32
        let output: Data
        let errors: Data

        var errorText: String {
            String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Runs git with `arguments` in `directory`, reading both pipes at once so neither can fill and block it.
    func run(_ arguments: [String]) throws(GitError) -> Output {
        let process = makeProcess(arguments)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .launchFailed(git, (error as NSError).localizedDescription)
        }
        let errorData = GitPipeContents()
        let group = DispatchGroup()
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorData.set(errorReader.readDataToEndOfFile())
        }
        let produced = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let termination = ChildGroup(id: process.processIdentifier).termination(of: process)
        let status = termination.signaled ? 128 + termination.status : termination.status
        return Output(status: status, output: produced, errors: errorData.get())
    }

    /// git with `arguments`, to run in `directory`.
    func makeProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        // No pager, no prompts, messages in English (the not-a-repository check reads them).
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        return process
    }
}

/// Why a revision could not be read (exit code 2).
package enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    case launchFailed(String, String)
    case invalidRevision(String)
    case unknownRevision(String)
    case notARepository(String)
    case failed(command: String, message: String)

    package var description: String {
        switch self {
        case .launchFailed(let path, let reason): "cannot run git ('\(path)'): \(reason)"
        case .invalidRevision(let revision): "'\(revision)' is not a revision"
        case .unknownRevision(let revision): "unknown revision '\(revision)': no commit has that name in this repository"
        case .notARepository(let message): "not in a git repository (\(message))"
        case .failed(let command, let message): "\(command) failed: \(message)"
        }
    }
}

/// What the error reader thread read, handed to the waiting thread under a lock.
final class GitPipeContents: @unchecked Sendable {
    private let lock = Lock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
