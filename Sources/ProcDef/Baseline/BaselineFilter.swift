/// What one run checked, so that only the baseline's entries inside it can be judged stale.
public struct BaselineScope: Sendable {
    /// The absolute files and folders the run read; nil: the whole workspace.
    public var paths: [String]?
    /// `--select` and `--ignore`.
    public var selection: RuleSelection?
    /// Rules that did not judge this run (the catalogue rules on a check of some files).
    public var unjudgedRules: Set<String>
    /// The config's `exclude`: a file it leaves out was not checked, so its entries are not judged.
    public var excludes: [PathGlob]

    public init(paths: [String]? = nil, selection: RuleSelection? = nil, unjudgedRules: Set<String> = [], excludes: [PathGlob] = []) {
        self.paths = paths
        self.selection = selection
        self.unjudgedRules = unjudgedRules
        self.excludes = excludes
    }

    /// Whether the run judged the findings `key` names: its file is among the paths read, and its rule ran.
    func contains(_ key: FindingKey, root: String) -> Bool {
        if let selection, !selection.includes(key.rule) { return false }
        if unjudgedRules.contains(key.rule) { return false }
        let absolute = DisplayPath.absolute(key.file, currentDirectory: root)
        if excludes.contains(where: { $0.matches(absolute: absolute) }) { return false }
        guard let paths else { return true }
        return paths.contains { absolute == $0 || absolute.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
}

/// The baseline in use: where it is, and what it did to the report.
public struct BaselineUse: Sendable, Hashable {
    /// The baseline file, as shown.
    public var file: String
    /// Findings it hid.
    public var hidden: Int
    /// Findings it lists that no longer occur in the run's scope.
    public var fixed: Int

    public init(file: String, hidden: Int, fixed: Int) {
        self.file = file
        self.hidden = hidden
        self.fixed = fixed
    }
}

extension CheckReport {
    /// The report with the findings `baseline` lists set aside as known (`baselined`) and a `lint/stale-baseline`
    /// note for each entry of the scope with fewer findings than it counts.
    ///
    /// With more findings of a key than the baseline counts, the new one cannot be told from the known ones, so all
    /// of them are reported, each with a note that says so; with fewer, the rest are fixed. `root` is the absolute folder the baseline's paths are relative to;
    /// `configuration` gives the note's severity (`--select` aside: staleness is judged within the selection).
    /// `source` is the baseline file, kept for the notes' snippets (and not counted among the files checked).
    public func applying(
        _ baseline: Baseline, source: SourceFile, root: String, currentDirectory: String, scope: BaselineScope,
        configuration: RuleConfiguration
    ) -> CheckReport {
        let file = source.path
        var remaining: [FindingKey: Int] = [:]
        for entry in baseline.entries { remaining[entry.key, default: 0] += entry.count }
        let keys = diagnostics.map { FindingKey($0, root: root, currentDirectory: currentDirectory) }
        var occurring: [FindingKey: Int] = [:]
        for key in keys { occurring[key, default: 0] += 1 }
        var kept: [Diagnostic] = []
        var known: [Diagnostic] = []
        // A file this run could not read, or whose references did not resolve (a check of it without the role
        // catalogue), shows fewer findings than it has: its entries are not judged stale.
        var unjudgedFiles: Set<String> = []
        for (diagnostic, key) in zip(diagnostics, keys) {
            guard diagnostic.rule != StaleBaseline.descriptor.id, let count = remaining[key], count > 0 else {
                if RuleSelection.alwaysChecked.contains(diagnostic.rule) || RuleRegistry.descriptor(for: diagnostic.rule)?.family == "ref" {
                    unjudgedFiles.insert(key.file)
                }
                kept.append(diagnostic)
                continue
            }
            let found = occurring[key] ?? 0
            if found <= count {
                known.append(diagnostic)
                continue
            }
            // More occur than the baseline knows, and nothing tells the new one from the known ones (they share rule,
            // file and ids): every one is shown, as ESLint's suppressions do, rather than a guess that points at
            // the wrong line.
            var shown = diagnostic
            shown.notes.append(
                Diagnostic.Note(
                    message:
                        "the baseline knows \(count) finding\(count == 1 ? "" : "s") of this rule about the same ids in this file, and \(found) occur: each is shown, since the new one cannot be told from the known"
                ))
            kept.append(shown)
        }
        // What is left of each count is fixed; a key over its count has nothing fixed.
        for (key, found) in occurring {
            if let count = remaining[key] { remaining[key] = found > count ? 0 : count - found }
        }
        // The note's level is the config's; `--select` does not drop it (staleness is judged within the selection),
        // but an `--ignore` that names it does.
        var levels = configuration
        let ignored = levels.selection?.ignored.contains { RuleSelection.pattern($0, names: StaleBaseline.descriptor.id) } ?? false
        levels.selection = nil
        let severity = ignored ? nil : levels.severity(of: StaleBaseline.descriptor)
        var notes: [Diagnostic] = []
        var fixed = 0
        var reported: Set<FindingKey> = []
        for entry in baseline.entries where scope.contains(entry.key, root: root) && !unjudgedFiles.contains(entry.key.file) {
            guard let left = remaining[entry.key], left > 0, reported.insert(entry.key).inserted else { continue }
            // An entry written twice by hand counts once, on its first line, with the counts of both.
            fixed += left
            guard let severity else { continue }
            let noun = left == 1 ? "finding" : "findings"
            let verb = left == 1 ? "occurs" : "occur"
            let about = Self.phrase(entry.key.subjects)
            // A caret at the entry's start: the line is long, and underlining all of it says nothing more.
            var range = entry.range
            range.end = range.start
            range.end.column += 1
            range.end.offset += 1
            notes.append(
                Diagnostic(
                    file: file, range: range, severity: severity, rule: StaleBaseline.descriptor.id,
                    message:
                        "\(left) baselined '\(entry.key.rule)' \(noun) in \(entry.key.file) no longer \(verb)\(about.isEmpty ? "" : " (\(about))")",
                    help: "run `procdef check --write-baseline` to prune \(left == 1 ? "it" : "them") from the baseline",
                    subjects: entry.key.subjects))
        }
        var report = replacingDiagnostics(kept + notes)
        if !report.workspace.sources.contains(where: { $0.path == file }) {
            report.workspace.sources.append(source)
            report.workspace.sources.sort { $0.path < $1.path }
        }
        report.baselined = known
        report.baseline = BaselineUse(file: file, hidden: known.count, fixed: fixed)
        report.summary.baselined = known.count
        report.summary.baselineFile = file
        return report
    }

    /// `process p, activities a, b; roles r`: what a stale entry was about.
    static func phrase(_ subjects: FindingSubjects) -> String {
        var parts: [String] = []
        var first: [String] = []
        if let process = subjects.process { first.append("process \(process)") }
        if !subjects.activities.isEmpty {
            first.append((subjects.activities.count == 1 ? "activity " : "activities ") + subjects.activities.joined(separator: ", "))
        }
        if !first.isEmpty { parts.append(first.joined(separator: ", ")) }
        if !subjects.roles.isEmpty {
            parts.append((subjects.roles.count == 1 ? "role " : "roles ") + subjects.roles.joined(separator: ", "))
        }
        if let policy = subjects.policy { parts.append("policy \(policy)") }
        if let waiver = subjects.waiver { parts.append("the waiver of \(waiver.policy) in \(waiver.process)") }
        return parts.joined(separator: "; ")
    }
}
