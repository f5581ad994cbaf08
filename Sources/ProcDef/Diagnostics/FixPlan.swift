import YAMLTree

/// The files `procdef check --fix` changes: each file's fixes applied to its content as checked.
public struct FixPlan: Sendable {
    /// One file and what the fixes make of it.
    public struct Change: Sendable {
        /// The path as findings show it.
        public var file: String
        /// Where to write it.
        public var diskPath: String
        public var original: [UInt8]
        public var fixed: [UInt8]
        /// The findings whose fix was applied, each with that fix, in the report's order.
        public var applied: [(finding: Diagnostic, fix: Fix)]
    }

    /// The files that change, in path order.
    public var changes: [Change]
    /// Files with fixes that were left alone, with the reason: a YAML error, or content that changed since the check.
    public var untouched: [(file: String, reason: String)]

    /// `unsafe`: take the unsafe fixes too (`--unsafe-fixes`). A finding's first fix of that applicability is taken;
    /// a fix that overlaps one taken before it waits for the next run.
    public init(report: CheckReport, unsafe: Bool) {
        var byFile: [String: [(Diagnostic, Fix)]] = [:]
        for finding in report.diagnostics {
            guard let fix = finding.fixes.first(where: { $0.applicability == .safe || unsafe }) else { continue }
            // A fix that edits another file than the finding's is left to an editor, which can show it whole.
            guard fix.edits.allSatisfy({ $0.file == finding.file }) else { continue }
            byFile[finding.file, default: []].append((finding, fix))
        }
        // A file procdef could not read as YAML is never touched: its positions may not be what they seem. The known
        // findings count too: a baseline may hide a file's syntax error, not make the file readable.
        let unreadable = Set(
            (report.diagnostics + report.baselined).filter { RuleSelection.alwaysChecked.contains($0.rule) }.map(\.file))
        var changes: [Change] = []
        var untouched: [(String, String)] = []
        for file in byFile.keys.sorted() {
            let fixes = byFile[file] ?? []
            if unreadable.contains(file) {
                untouched.append((file, "it is not valid YAML"))
                continue
            }
            guard let source = report.workspace.sources.first(where: { $0.path == file }), let disk = source.diskPath else {
                untouched.append((file, "it was not read from a file"))
                continue
            }
            guard let original = source.currentBytes() else {
                untouched.append((file, "it changed since it was checked"))
                continue
            }
            guard !YAMLReader.parse(original).problems.contains(where: { $0.kind == .syntax || $0.kind == .encoding }) else {
                untouched.append((file, "it is not valid YAML"))
                continue
            }
            let application = FixApplication(fixes.map(\.1), to: original, file: file)
            guard application.bytes != original else { continue }
            var applied: [(finding: Diagnostic, fix: Fix)] = []
            var remaining = application.applied
            for (finding, fix) in fixes {
                if let index = remaining.firstIndex(of: fix) {
                    remaining.remove(at: index)
                    applied.append((finding, fix))
                }
            }
            changes.append(Change(file: file, diskPath: disk, original: original, fixed: application.bytes, applied: applied))
        }
        self.changes = changes
        self.untouched = untouched
    }
}
