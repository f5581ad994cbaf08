import ProcDef
import YAMLTree

/// What every fix must keep: applied to the file it was made for, a fix applies whole, and a file that read as YAML
/// still does, with no key given twice that was not twice before. Checked for each fix of every finding (safe and
/// unsafe) and for the inline suppression an editor offers for it (`InlineSuppressionFix`), one fix at a time, as an
/// editor applies them; and for the fixes `procdef check --fix --unsafe-fixes` applies together.
package enum FixInvariants {
    /// What went wrong, one line each; empty when every fix kept the invariants. `fixesChecked` counts the fixes
    /// applied, by rule (`inline suppression` for those), so that a test can tell the property was exercised. At most
    /// `limit` fixes are applied in each file, the findings' own first, in report order, then the inline
    /// suppressions: each is a parse of the file, and a fuzzer input with thousands of findings must still be checked
    /// well within its time limit.
    package static func violations(
        in report: CheckReport, files: [SourceFile], options: CheckOptions = CheckOptions(), limit: Int = .max
    ) -> (violations: [String], fixesChecked: [String: Int]) {
        var violations: [String] = []
        var checked: [String: Int] = [:]
        for file in files {
            guard let original = file.currentBytes() else { continue }
            let before = YAMLReader.parse(original, limits: options.limits)
            // A file procdef cannot read is never fixed (`FixPlan`).
            guard before.problems.allSatisfy({ $0.kind == .duplicateKey }) else { continue }
            let findings = report.diagnostics.filter { $0.file == file.path }
            let own = findings.lazy.flatMap { finding in finding.fixes.map { (finding: finding, fix: $0, kind: finding.rule) } }
            var fixes = Array(own.filter { $0.fix.edits.allSatisfy { $0.file == file.path } }.prefix(limit))
            if fixes.count < limit, let suppression = InlineSuppressionFix(source: file, options: options) {
                for finding in findings where fixes.count < limit {
                    if let fix = suppression.fix(for: finding) { fixes.append((finding: finding, fix: fix, kind: "inline suppression")) }
                }
            }
            func check(_ fixed: [UInt8], _ place: String) {
                let after = YAMLReader.parse(fixed, limits: options.limits)
                if let problem = after.problems.first(where: { $0.kind != .duplicateKey }) {
                    violations.append("\(place): the fixed file does not parse: \(problem.message)")
                } else if after.problems.count > before.problems.count {
                    violations.append("\(place): the fixed file gives a key twice")
                }
            }
            for (finding, fix, kind) in fixes {
                checked[kind, default: 0] += 1
                let place = "\(file.path):\(finding.range.start.line):\(finding.range.start.column) [\(finding.rule)] \(fix.description)"
                let application = FixApplication([fix], to: original, file: file.path)
                guard application.applied.count == 1 else {
                    violations.append("\(place): the fix does not apply to the file it was made for")
                    continue
                }
                check(application.bytes, place)
            }
            // And together, as `procdef check --fix --unsafe-fixes` applies them: each finding's first fix.
            let together = findings.compactMap { $0.fixes.first }.filter { $0.edits.allSatisfy { $0.file == file.path } }
            if together.count > 1 {
                check(
                    FixApplication(together, to: original, file: file.path).bytes,
                    "\(file.path): the fixes applied together (\(together.map(\.description).joined(separator: "; ")))")
            }
        }
        return (violations, checked)
    }
}
