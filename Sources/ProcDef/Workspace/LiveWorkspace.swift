import Foundation
import YAMLTree

/// A workspace kept in memory and checked again after each change: the language server's model.
///
/// A change parses and decodes only the file that changed. The linking, the rules about the whole catalogue and the
/// config's findings run over every file, as in a full check: they are cheap next to parsing and the process rules.
/// The process rules run again only for the processes a change can affect: those of the changed file, and those
/// whose triggers start a process of it. A change to anything else (a role catalogue, a policy, a process defined
/// elsewhere, a config document, a file added or removed) can affect every process, and checks them all again.
package struct LiveWorkspace: Sendable {
    /// One file as last read or edited.
    private struct File: Sendable {
        var source: SourceFile
        var decoded: DecodedFile
        /// Changes with every new content, so a cached result can tell whether its file is still the same.
        var revision: Int

        /// Whether the file holds anything besides processes: what every process's rules may read.
        var holdsSharedDefinitions: Bool {
            !decoded.catalogues.isEmpty || !decoded.policies.isEmpty || !decoded.configs.isEmpty || !decoded.externalProcesses.isEmpty
        }
    }

    /// A process's result, and what it was computed from.
    private struct CachedProcess: Sendable {
        var fileRevision: Int
        var sharedRevision: Int
        /// For each process id its triggers name, the revision of the file that defined it (-1: none did).
        var triggered: [String: Int]
        /// What linking found in its references.
        var linkFindings: [Diagnostic]
        var result: Checker.ProcessCheck
        /// Its part in `roleTally`.
        var roleShare: CatalogueRoleUse
    }

    /// A process is known by its file and where it starts in it.
    private struct ProcessKey: Hashable {
        var file: String
        var offset: Int
    }

    /// The paths the workspace reads (files or folders), as `procdef check` takes them.
    package let paths: [String]
    private let options: CheckOptions
    private let config: ActiveConfig?
    private let selection: RuleSelection?
    private var files: [String: File] = [:]
    /// Findings of finding the files (an unreadable folder, a symbolic-link loop).
    private var discoveryDiagnostics: [Diagnostic] = []
    private var nextRevision = 1
    /// Changes whenever something every process may read changes.
    private var sharedRevision = 0
    private var cache: [ProcessKey: CachedProcess] = [:]
    private var cacheDay: CalendarDate?
    /// The cached processes' shares of the catalogue's use, summed.
    private var roleTally = CatalogueRoleUse.Tally()
    /// How many processes the last `check()` ran the rules on (the rest were reused): for tests and the benchmark.
    package private(set) var processesChecked = 0

    /// Reads and decodes every file `paths` name, as `procdef check` would, keeping their content in memory.
    package init(paths: [String], options: CheckOptions, config: ActiveConfig?, selection: RuleSelection? = nil) throws(WorkspaceError) {
        self.paths = paths
        self.options = options
        self.config = config
        self.selection = selection
        try rediscover()
    }

    /// The paths of the files read, shown as findings show them, sorted.
    package var filePaths: [String] { files.keys.sorted() }

    /// Changes whenever the file's content does; nil for a file outside the workspace.
    package func revision(of path: String) -> Int? { files[path]?.revision }

    /// The content of a file as last read or edited.
    package func bytes(of path: String) -> [UInt8]? { files[path]?.source.bytes }

    /// Whether `path` (as shown) belongs to the workspace: below one of its paths and not excluded by the config.
    package func covers(_ path: String) -> Bool {
        if files[path] != nil { return true }
        let currentDirectory = FileManager.default.currentDirectoryPath
        let absolute = DisplayPath.absolute(path, currentDirectory: currentDirectory)
        guard FileDiscovery.isYAMLName(path) else { return false }
        // A walk passes over hidden files and folders (`.draft.yaml`, `.github/`): so does an editor's buffer.
        let components = DisplayPath.make(path, currentDirectory: currentDirectory).split(separator: "/")
        guard !components.contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }) else { return false }
        let inside = paths.contains { root in
            let rootPath = DisplayPath.absolute(root, currentDirectory: currentDirectory)
            return absolute == rootPath || absolute.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
        }
        return inside && !options.excludes.contains { $0.matches(absolute: absolute) }
    }

    /// Walks the paths again and reads what was added, removed or changed on disk since (a `git checkout`). Files
    /// whose content `keeping` names (open in an editor) keep it.
    package mutating func rediscover(keeping edited: Set<String> = []) throws(WorkspaceError) {
        let discovery = try FileDiscovery.discover(
            paths, currentDirectory: FileManager.default.currentDirectoryPath, excludes: options.excludes)
        discoveryDiagnostics = discovery.diagnostics
        let inputs = discovery.inputs.filter { !edited.contains($0.displayPath) }
        let loaded = Workspace.readAndDecode(inputs, options: options, keepingBytes: true)
        var next: [String: File] = [:]
        for path in edited { next[path] = files[path] }
        for (input, read) in zip(inputs, loaded) {
            let source = read.source ?? SourceFile(path: input.displayPath, bytes: [])
            if let old = files[input.displayPath], old.source.bytes == source.bytes, read.source != nil {
                next[input.displayPath] = old
            } else {
                next[input.displayPath] = File(source: source, decoded: read.decoded, revision: takeRevision())
            }
        }
        if Set(next.keys) != Set(files.keys)
            || next.contains(where: { path, file in files[path]?.revision != file.revision && file.holdsSharedDefinitions })
            || files.contains(where: { path, file in next[path]?.revision != file.revision && file.holdsSharedDefinitions })
            || files.contains(where: { path, file in
                next[path].map { $0.revision != file.revision && Self.processIDs(of: $0.decoded) != Self.processIDs(of: file.decoded) }
                    == true
            })
        {
            sharedRevision += 1
        }
        files = next
    }

    /// Puts `bytes` in place of the file at `path` (as shown), or adds the file. Returns false, changing nothing, when
    /// the content is the one already held.
    @discardableResult
    package mutating func update(_ path: String, bytes: [UInt8]) -> Bool {
        let old = files[path]
        if let old, old.source.bytes == bytes { return false }
        let source = SourceFile(path: path, bytes: bytes)
        var decoded: DecodedFile
        if bytes.count > options.limits.maxFileSize {
            // As when read from disk: a file over the limit is not parsed.
            decoded = DecodedFile(file: path)
            decoded.diagnostics.append(Workspace.tooLarge(path, size: bytes.count, exact: true, limit: options.limits.maxFileSize))
        } else {
            decoded = DecodedFile(decoding: source, options: options)
        }
        let file = File(source: source, decoded: decoded, revision: takeRevision())
        // What every process may read: the shared definitions, and the set of process ids (an unknown process's
        // did-you-mean is chosen among them all).
        if old == nil || old?.holdsSharedDefinitions == true || file.holdsSharedDefinitions
            || old.map({ Self.processIDs(of: $0.decoded) }) != Self.processIDs(of: decoded)
        {
            sharedRevision += 1
        }
        files[path] = file
        return true
    }

    private static func processIDs(of file: DecodedFile) -> [String] {
        file.processes.map(\.id.value) + file.externalProcesses.map(\.id.value)
    }

    /// Takes the file at `path` out of the workspace (deleted, or no longer covered).
    package mutating func remove(_ path: String) {
        guard files.removeValue(forKey: path) != nil else { return }
        sharedRevision += 1
    }

    /// Links the files and runs every rule, reusing the results of the processes no change since the last check can
    /// affect.
    package mutating func check() -> CheckReport {
        var options = options
        let today = options.today ?? CalendarDate.todayUTC()
        options.today = today
        if cacheDay != today {
            // Waivers and reviews are judged against the day: a new day can change any process's findings.
            cache.removeAll()
            roleTally = CatalogueRoleUse.Tally()
            cacheDay = today
        }
        let ordered = files.values.sorted { $0.source.path < $1.source.path }
        let assembled = WorkspaceLinker.assemble(sources: ordered.map(\.source), decoded: ordered.map(\.decoded))
        let processes = assembled.workspace.processes
        let triggered = processes.map { process -> [String: Int] in
            var revisions: [String: Int] = [:]
            for activity in process.activities {
                for trigger in activity.triggers where revisions[trigger.process.value] == nil {
                    revisions[trigger.process.value] = definingRevision(of: trigger.process.value, in: assembled.workspace)
                }
            }
            return revisions
        }
        let reused = zip(processes, triggered).map { process, triggered -> CachedProcess? in
            guard let cached = cache[ProcessKey(file: process.file, offset: process.range.start.offset)],
                cached.fileRevision == files[process.file]?.revision, cached.sharedRevision == sharedRevision,
                cached.triggered == triggered
            else { return nil }
            return cached
        }
        let linkFindings = WorkspaceLinker.processFindings(in: assembled.workspace, reusing: reused.map { $0?.linkFindings })
        var workspace = assembled.finished(processFindings: linkFindings)
        if !discoveryDiagnostics.isEmpty {
            workspace.diagnostics = WorkspaceLinker.unique((workspace.diagnostics + discoveryDiagnostics).sorted(by: Diagnostic.precedes))
        }
        workspace.isPartial = false
        // The tally loses what the processes not reused contributed, and gains what they contribute now.
        var kept: Set<ProcessKey> = []
        var shares: [CatalogueRoleUse] = []
        shares.reserveCapacity(processes.count)
        for (process, cached) in zip(processes, reused) {
            if let cached {
                kept.insert(ProcessKey(file: process.file, offset: process.range.start.offset))
                shares.append(cached.roleShare)
            } else {
                let share = CatalogueRoleUse.share(of: process)
                roleTally.add(share)
                shares.append(share)
            }
        }
        for (key, cached) in cache where !kept.contains(key) { roleTally.remove(cached.roleShare) }
        let (report, results) = Checker.check(
            workspace, config: config, options: options, selection: selection, reusing: reused.map { $0?.result },
            processRoleUse: roleTally.use)
        processesChecked = reused.count { $0 == nil }
        var next: [ProcessKey: CachedProcess] = [:]
        next.reserveCapacity(processes.count)
        for (index, process) in processes.enumerated() {
            next[ProcessKey(file: process.file, offset: process.range.start.offset)] = CachedProcess(
                fileRevision: files[process.file]?.revision ?? 0, sharedRevision: sharedRevision, triggered: triggered[index],
                linkFindings: linkFindings[index], result: results[index], roleShare: shares[index])
        }
        cache = next
        return report
    }

    /// The revision of the file defining the process `id`, which a trigger starts; -1 when none does.
    private func definingRevision(of id: String, in workspace: Workspace) -> Int {
        guard let process = workspace.process(id: id) else { return -1 }
        return files[process.file]?.revision ?? -1
    }

    private mutating func takeRevision() -> Int {
        defer { nextRevision += 1 }
        return nextRevision
    }
}
