import Foundation
import LanguageServerProtocol
import ProcDef
import ProcDefOutput
import YAMLTree

/// The repository as the server sees it: the config found as `procdef check` finds it, every file of the workspace
/// (open buffers as typed, the rest as on disk), the latest report, and what was last published.
final class ServerWorkspace {
    /// The folder the server was started for, spelt as the editor spells it (a symbolic link stays one); the
    /// process's current directory is the same folder, so findings show paths as `check` does there.
    let root: String
    /// `root` with its symbolic links resolved: the spelling of the current directory.
    private let realRoot: String
    private(set) var active: ActiveConfig?
    private(set) var live: LiveWorkspace?
    private(set) var report: CheckReport?
    /// Per file, its occurrences and the revision they were collected from.
    private var symbolFiles: [String: (revision: Int, occurrences: [SymbolOccurrence])] = [:]
    private var symbolIndex: SymbolIndex?
    private(set) var references = FindingReferences()
    private var baseline: (location: BaselineLocation, baseline: Baseline, source: SourceFile)?
    private var options = CheckOptions()
    /// Documents open in the editor, by the path findings show.
    private(set) var documents: [String: TextDocument] = [:]
    /// Per file, the findings last published, so a re-check publishes only the files whose findings changed.
    private var published: [String: [ProcDef.Diagnostic]] = [:]
    /// Documents edited since the last check: republished even when their findings stay the same, so an editor
    /// knows the findings it shows are those of the text it has.
    private var edited: Set<String> = []
    /// Set by every change; the next request or the end of a batch of messages checks again.
    private(set) var needsCheck = true
    /// Says something to the person at the editor: `.error` is shown (`window/showMessage`), the rest logged.
    private let tell: (MessageType, String) -> Void
    /// The day of the last check: a new day can expire a waiver or make a review overdue.
    private var checkedDay: CalendarDate?

    init(root: String, tell: @escaping (MessageType, String) -> Void) {
        self.root = root
        self.realRoot = DisplayPath.real(root)
        self.tell = tell
        load()
    }

    // MARK: Loading

    /// Reads the config and every file again, from scratch: at start, and when a config or the baseline changes.
    func load() {
        live = nil
        // Revisions start again with the new workspace: ids collected under the old ones would pass for current.
        symbolFiles = [:]
        symbolIndex = nil
        let base = CheckOptions()
        do {
            active = try Self.activeConfig(root: root, options: base)
        } catch {
            // The last config that could be read stays in force, so a half-typed edit of it does not turn every
            // override and exclude off.
            tell(
                .error,
                "procdef: the config cannot be read, \(active == nil ? "so none is used" : "so the last one read stays in use"): \(error.message)"
            )
        }
        options = EffectiveLimits(configs: active?.layers ?? []).applied(to: base)
        options.excludes = active?.excludes(currentDirectory: root) ?? []
        references = FindingReferences(docsURL: active?.setting(\.docsURL)?.value.value, currentDirectory: root)
        let location = BaselineLocation.locate(flag: nil, active: active, currentDirectory: root)
        references.keyRoot = location.root
        do {
            baseline = try location.load(limit: options.limits.maxFileSize).map { (location, $0.baseline, $0.source) }
        } catch {
            baseline = nil
            tell(.error, "procdef: the baseline is not used: \(error.message)")
        }
        let paths =
            active?.configuredPaths(currentDirectory: root)
            ?? ["Processes", "Policies"].filter {
                FileManager.default.fileExists(atPath: $0)
            }
        do {
            live = try LiveWorkspace(paths: paths, options: options, config: active)
        } catch {
            tell(.error, "procdef: \(error.description)")
            live = try? LiveWorkspace(paths: [], options: options, config: active)
        }
        for (path, document) in documents where live?.covers(path) == true {
            live?.update(path, bytes: document.bytes)
        }
        needsCheck = true
    }

    private static func activeConfig(root: String, options: CheckOptions) throws(LoadProblem) -> ActiveConfig? {
        guard let path = ConfigResolver.locate(from: root) else { return nil }
        do {
            return try ConfigResolver.loadChain(DisplayPath.make(path, currentDirectory: root), options: options)
        } catch {
            throw LoadProblem(message: error.description)
        }
    }

    struct LoadProblem: Error {
        var message: String
    }

    /// Whether a change to `path` means reading everything again: the config files and the baseline.
    func isSetting(_ path: String) -> Bool {
        let configFiles = Set((active?.layers ?? []).map(\.file))
        return configFiles.contains(path) || DisplayPath.name(path) == ".procdef.yaml" || DisplayPath.name(path) == ".procdef.yml"
            || baseline.map { $0.location.path == path } == true || DisplayPath.name(path) == Baseline.defaultFileName
    }

    // MARK: Documents

    /// The path findings show for the file at `uri`; nil for a URI that is not a file. A path through the root's
    /// real folder is the same file as one through the root as spelt.
    func path(of uri: DocumentURI) -> String? {
        guard let path = FileURI.path(fromURI: uri) else { return nil }
        let shown = DisplayPath.make(path, currentDirectory: root)
        if !shown.hasPrefix("/") || realRoot == root { return shown }
        return DisplayPath.make(path, currentDirectory: realRoot)
    }

    /// The URI of a file as the editor knows it: an open document's own, else the root's spelling.
    func uri(of path: String) -> DocumentURI {
        if let document = documents[path] { return document.uri }
        return FileURI.uri(fromPath: DisplayPath.absolute(path, currentDirectory: root))
    }

    /// Whether the open document at `path` is what the check read: a file of the workspace, not a setting (a config
    /// or the baseline, read from disk when saved).
    func isCheckedAsTyped(_ path: String) -> Bool {
        documents[path] != nil && !isSetting(path) && live?.covers(path) == true
    }

    func open(_ document: TextDocument, at path: String) {
        documents[path] = document
        edited.insert(path)
        needsCheck = true
        if isSetting(path) { return }
        if live?.covers(path) == true, live?.update(path, bytes: document.bytes) == true { needsCheck = true }
    }

    /// The document's new text is in place: check it as typed.
    func changed(_ document: TextDocument, at path: String) {
        documents[path] = document
        edited.insert(path)
        needsCheck = true
        if isSetting(path) { return }
        if live?.covers(path) == true, live?.update(path, bytes: document.bytes) == true { needsCheck = true }
    }

    func saved(_ path: String) {
        if isSetting(path) { load() }
    }

    /// The editor closed the document: the file counts as on disk again.
    func closed(_ path: String) {
        documents[path] = nil
        guard live?.covers(path) == true else {
            // Published for an open buffer only: take them back.
            if published[path] != nil { needsCheck = true }
            return
        }
        if let bytes = FileManager.default.contents(atPath: path).map([UInt8].init) {
            if live?.update(path, bytes: bytes) == true { needsCheck = true }
        } else {
            live?.remove(path)
            needsCheck = true
        }
    }

    /// Files changed on disk (a `git checkout`, a new file): read them again, keeping open buffers as typed. A file
    /// only changed is read alone; a file created or deleted has the folders walked again, as `check` walks them.
    func filesChanged(_ changes: [(path: String, type: FileChangeType)]) {
        if changes.contains(where: { isSetting($0.path) }) {
            load()
            return
        }
        guard var live else { return }
        let known = Set(live.filePaths)
        if changes.allSatisfy({ $0.type == .changed && known.contains($0.path) }) {
            for change in changes where documents[change.path] == nil {
                let bytes = FileManager.default.contents(atPath: DisplayPath.absolute(change.path, currentDirectory: root)).map(
                    [UInt8].init)
                if let bytes {
                    live.update(change.path, bytes: bytes)
                } else {
                    live.remove(change.path)
                }
            }
        } else {
            do {
                try live.rediscover(keeping: Set(documents.keys))
            } catch {
                tell(.warning, "procdef: \(error.description)")
            }
        }
        self.live = live
        needsCheck = true
    }

    // MARK: Checking

    /// Checks again if anything changed since the last check. Returns the files whose findings differ from the
    /// last published, with their findings now.
    func checkIfNeeded() -> [(path: String, diagnostics: [ProcDef.Diagnostic])] {
        let today = CalendarDate.todayUTC()
        if checkedDay != today {
            checkedDay = today
            needsCheck = true
        }
        guard needsCheck, var live else { return [] }
        needsCheck = false
        var report = live.check()
        self.live = live
        if let baseline {
            let scope = BaselineScope(paths: nil, selection: nil, unjudgedRules: [], excludes: options.excludes)
            report = report.applying(
                baseline.baseline, source: baseline.source, root: baseline.location.root, currentDirectory: root, scope: scope,
                configuration: report.ruleScopes.configuration(for: baseline.location.path))
        }
        self.report = report
        symbolIndex = nil
        var byFile: [String: [ProcDef.Diagnostic]] = [:]
        for diagnostic in report.diagnostics { byFile[diagnostic.file, default: []].append(diagnostic) }
        var changes: [(path: String, diagnostics: [ProcDef.Diagnostic])] = []
        for path in Set(byFile.keys).union(published.keys).sorted() {
            let now = byFile[path] ?? []
            if published[path] ?? [] != now || edited.contains(path) {
                changes.append((path, now))
            }
        }
        for path in edited.subtracting(byFile.keys).subtracting(published.keys).sorted() where isCheckedAsTyped(path) {
            changes.append((path, []))
        }
        edited.removeAll()
        published = byFile.filter { !$0.value.isEmpty }
        return changes
    }

    /// The ids defined and referred to across the workspace, as of the latest check: collected again only for the
    /// files that changed since the last request that needed them.
    func symbols() -> SymbolIndex {
        if let symbolIndex { return symbolIndex }
        guard let report, let live else { return SymbolIndex() }
        var files: [String: (revision: Int, occurrences: [SymbolOccurrence])] = [:]
        for (path, model) in SymbolIndex.FileModel.byFile(report.workspace) {
            let revision = live.revision(of: path) ?? 0
            if let known = symbolFiles[path], known.revision == revision, revision != 0 {
                files[path] = known
            } else {
                files[path] = (revision, SymbolIndex.occurrences(in: model, workspace: report.workspace))
            }
        }
        symbolFiles = files
        let index = SymbolIndex(files: files.mapValues(\.occurrences))
        symbolIndex = index
        return index
    }

    /// The text of a file as the check saw it: the open buffer, else the workspace's copy, else the disk's.
    func bytes(of path: String) -> [UInt8]? {
        if isCheckedAsTyped(path), let document = documents[path] { return document.bytes }
        if let bytes = live?.bytes(of: path) { return bytes }
        if let source = report?.workspace.sources.first(where: { $0.path == path }) { return source.currentBytes() }
        return FileManager.default.contents(atPath: DisplayPath.absolute(path, currentDirectory: root)).map([UInt8].init)
    }

    /// The findings of one file in the latest report.
    func diagnostics(in path: String) -> [ProcDef.Diagnostic] {
        report?.diagnostics.filter { $0.file == path } ?? []
    }
}
