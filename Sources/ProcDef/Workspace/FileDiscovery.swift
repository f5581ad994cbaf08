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
    }

    private let currentDirectory: String
    private(set) var inputs: [Input] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var seenFiles: Set<FileSystem.FileIdentity> = []
    private var walkedDirectories: Set<FileSystem.FileIdentity> = []

    static func discover(_ paths: [String], currentDirectory: String) throws(WorkspaceError) -> FileDiscovery {
        var discovery = FileDiscovery(currentDirectory: currentDirectory)
        for path in paths {
            try discovery.add(path)
        }
        return discovery
    }

    private init(currentDirectory: String) {
        self.currentDirectory = currentDirectory
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
                walk(path, display: display, status: status, ancestors: [])
            } else {
                addFile(path, display: display, status: status)
            }
        }
    }

    private mutating func addFile(_ path: String, display: String, status: FileSystem.Status) {
        guard seenFiles.insert(status.identity).inserted else { return }
        inputs.append(Input(path: path, displayPath: display))
    }

    private mutating func walk(_ path: String, display: String, status: FileSystem.Status, ancestors: [(identity: FileSystem.FileIdentity, display: String)]) {
        if let ancestor = ancestors.first(where: { $0.identity == status.identity }) {
            report(SymlinkLoop.self, display, "symbolic link leads back to '\(ancestor.display)', a folder it is inside of; not followed")
            return
        }
        guard walkedDirectories.insert(status.identity).inserted else { return }
        let names: [String]
        switch FileSystem.entries(of: path) {
        case .success(let found): names = found
        case .failure(let failure):
            report(UnreadableFile.self, display, "cannot read folder: \(failure.message)")
            return
        }
        let inside = ancestors + [(status.identity, display)]
        for name in names where !name.hasPrefix(".") {
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            let childDisplay = DisplayPath.child(display, name)
            switch FileSystem.status(childPath) {
            case .failure(let failure):
                // A broken link to a folder cannot be told from one to a file; only YAML names are worth a finding.
                if failure.isLoop || Self.isYAMLName(name) {
                    reportFailure(failure, display: childDisplay, what: "file")
                }
            case .success(let childStatus):
                if case .directory = childStatus.kind {
                    walk(childPath, display: childDisplay, status: childStatus, ancestors: inside)
                } else if Self.isYAMLName(name) {
                    addFile(childPath, display: childDisplay, status: childStatus)
                }
            }
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
