import YAMLTree

/// Finds the files to check: named files as they are, folders walked recursively for `*.yaml` and `*.yml`.
///
/// Hidden entries (`.git`, `.build`, `.gitlab-ci.yml`) are skipped while walking. Symbolic links are followed; one that
/// leads back into a folder being walked is a `io/symlink-loop` finding, and a folder or file reached twice is read once.
struct FileDiscovery {
    /// A file to read: the path to open, and the path to show.
    struct Input: Sendable {
        var path: String
        var displayPath: String
        /// The text to check instead of the file's (`procdef check - --stdin-filename PATH`).
        var replacement: [UInt8]? = nil
    }

    private let currentDirectory: String
    /// The config's `exclude`: what a folder walk passes over. A file named by the user is read all the same.
    private let excludes: [PathGlob]
    private(set) var inputs: [Input] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether a path named by the user is a file, not a folder: the check then sees a part of the repository.
    private(set) var namesFiles = false
    private var seenFiles: Set<FileSystem.FileIdentity> = []
    private var walkedDirectories: Set<FileSystem.FileIdentity> = []

    static func discover(_ paths: [String], currentDirectory: String, excludes: [PathGlob] = []) throws(WorkspaceError)
        -> FileDiscovery
    {
        var discovery = FileDiscovery(currentDirectory: currentDirectory, excludes: excludes)
        for path in paths {
            try discovery.add(path)
        }
        return discovery
    }

    private init(currentDirectory: String, excludes: [PathGlob]) {
        self.currentDirectory = currentDirectory
        self.excludes = excludes
    }

    /// Puts `replacement.bytes` in place of the file at `replacement.path`, or adds it as a file of its own when no
    /// path read names it; nothing when the config's `exclude` leaves it out.
    mutating func replace(_ replacement: StandardInputFile) {
        let target = absolute(replacement.path)
        if let index = inputs.firstIndex(where: { absolute($0.path) == target }) {
            inputs[index].replacement = replacement.bytes
        } else if !isExcluded(replacement.path) {
            inputs.append(
                Input(
                    path: replacement.path, displayPath: DisplayPath.make(replacement.path, currentDirectory: currentDirectory),
                    replacement: replacement.bytes))
        }
    }

    private func absolute(_ path: String) -> String {
        DisplayPath.absolute(path, currentDirectory: currentDirectory)
    }

    /// Whether a walk passes over `path` (as opened: absolute, or relative to the current directory).
    func isExcluded(_ path: String, among globs: [PathGlob]? = nil) -> Bool {
        let globs = globs ?? excludes
        guard !globs.isEmpty else { return false }
        let absolute = absolute(path)
        return globs.contains { $0.matches(absolute: absolute) }
    }

    static func isYAMLName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// A path named by the user: it must exist; a file is read whatever its name.
    private mutating func add(_ path: String) throws(WorkspaceError) {
        let display = DisplayPath.make(path, currentDirectory: currentDirectory)
        switch FileSystem.status(path) {
        case .failure(let failure) where failure.isMissing:
            throw .pathNotFound(path)
        case .failure(let failure):
            reportFailure(failure, display: display, what: "path")
        case .success(let status):
            if case .directory = status.kind {
                // A folder named by the user is read even when a glob excludes it, as a named file is; the globs that
                // do not cover it still apply inside it.
                let folder = absolute(path)
                walk(path, display: display, status: status, excluding: excludes.filter { !$0.matches(absolute: folder) })
            } else {
                namesFiles = true
                addFile(path, display: display, status: status)
            }
        }
    }

    private mutating func addFile(_ path: String, display: String, status: FileSystem.Status) {
        guard seenFiles.insert(status.identity).inserted else { return }
        inputs.append(Input(path: path, displayPath: display))
    }

    /// The folders a walk is inside of, innermost first: a link back to one of them is a loop.
    private final class Ancestry: Sendable {
        let identity: FileSystem.FileIdentity
        let display: String
        let parent: Ancestry?

        init(identity: FileSystem.FileIdentity, display: String, parent: Ancestry?) {
            self.identity = identity
            self.display = display
            self.parent = parent
        }

        func folder(_ identity: FileSystem.FileIdentity) -> Ancestry? {
            var current: Ancestry? = self
            while let folder = current {
                if folder.identity == identity { return folder }
                current = folder.parent
            }
            return nil
        }
    }

    /// Walks with an explicit stack rather than recursion: folder depth is input, and must not decide stack use.
    private mutating func walk(_ path: String, display: String, status: FileSystem.Status, excluding globs: [PathGlob]) {
        var pending: [(path: String, display: String, identity: FileSystem.FileIdentity, parent: Ancestry?)] = [
            (path, display, status.identity, nil)
        ]
        while let folder = pending.popLast() {
            if let ancestor = folder.parent?.folder(folder.identity) {
                report(
                    SymlinkLoop.self, folder.display,
                    "symbolic link leads back to '\(ancestor.display)', a folder it is inside of; not followed")
                continue
            }
            guard walkedDirectories.insert(folder.identity).inserted else { continue }
            let names: [String]
            switch FileSystem.entries(of: folder.path) {
            case .success(let found): names = found
            case .failure(let failure):
                report(UnreadableFile.self, folder.display, "cannot read folder: \(failure.message)")
                continue
            }
            let inside = Ancestry(identity: folder.identity, display: folder.display, parent: folder.parent)
            var subfolders: [(path: String, display: String, identity: FileSystem.FileIdentity, parent: Ancestry?)] = []
            for name in names where !name.hasPrefix(".") {
                let childPath = folder.path.hasSuffix("/") ? folder.path + name : folder.path + "/" + name
                let childDisplay = DisplayPath.child(folder.display, name)
                if isExcluded(childPath, among: globs) { continue }
                switch FileSystem.status(childPath) {
                case .failure(let failure):
                    // A broken link to a folder cannot be told from one to a file; only YAML names are worth a finding.
                    if failure.isLoop || Self.isYAMLName(name) {
                        reportFailure(failure, display: childDisplay, what: "file")
                    }
                case .success(let childStatus):
                    if case .directory = childStatus.kind {
                        subfolders.append((childPath, childDisplay, childStatus.identity, inside))
                    } else if Self.isYAMLName(name) {
                        addFile(childPath, display: childDisplay, status: childStatus)
                    }
                }
            }
            // Reversed onto the stack, so folders are taken in name order.
            pending.append(contentsOf: subfolders.reversed())
        }
    }

    private mutating func reportFailure(_ failure: FileSystem.Failure, display: String, what: String) {
        if failure.isLoop {
            report(SymlinkLoop.self, display, "symbolic link never resolves: it leads round a loop of links")
        } else if failure.isMissing {
            report(UnreadableFile.self, display, "broken symbolic link: its target does not exist")
        } else {
            report(UnreadableFile.self, display, "cannot read \(what): \(failure.message)")
        }
    }

    private mutating func report(_ rule: any Rule.Type, _ display: String, _ message: String) {
        diagnostics.append(rule.diagnostic(file: display, range: .fileStart, message: message))
    }
}
