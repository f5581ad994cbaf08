import Foundation
import ProcDef

/// What the machine-readable reports add to each finding: a link to its rule's section of docs/rules.md, the key a
/// baseline and code scanning identify it by, and whether a baseline knows it.
package struct FindingReferences: Sendable {
    /// Where procdef's own docs/rules.md is published; the config's `docs-url` names another copy.
    package static let defaultDocsURL = "https://github.com/procdef/procdef/blob/main/docs/rules.md"

    /// docs/rules.md, without a fragment.
    package var docsURL: String
    /// The absolute folder keys' paths are relative to: the baseline's folder.
    package var keyRoot: String
    package var currentDirectory: String
    /// `--show-baselined`: list the findings the baseline hid too, marked.
    package var showBaselined: Bool

    package init(docsURL: String? = nil, keyRoot: String? = nil, currentDirectory: String? = nil, showBaselined: Bool = false) {
        let here = currentDirectory ?? FileManager.default.currentDirectoryPath
        self.docsURL = docsURL ?? Self.defaultDocsURL
        self.keyRoot = keyRoot ?? here
        self.currentDirectory = here
        self.showBaselined = showBaselined
    }

    /// The rule's section of docs/rules.md; nil for a rule it has no section for (a policy: its own file explains it).
    package func url(forRule id: String) -> String? {
        guard RuleRegistry.descriptor(for: id) != nil else { return nil }
        let base = docsURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? docsURL
        return base + "#" + HeadingAnchors.slug(id)
    }

    package func key(_ diagnostic: Diagnostic) -> FindingKey {
        FindingKey(diagnostic, root: keyRoot, currentDirectory: currentDirectory)
    }

    /// One finding as a report lists it.
    package struct Listed: Sendable {
        package var diagnostic: Diagnostic
        package var baselined: Bool
        /// `<hash>:<n>`: the key's hash and which of the findings with that key this is, counted in report order,
        /// as GitHub's own `primaryLocationLineHash` counts.
        package var fingerprint: String
        package var key: FindingKey
    }

    /// The findings to print, in the report's order: the new ones, and under `showBaselined` the known ones too.
    /// Fingerprints count over both, so a finding keeps its fingerprint whether or not the known ones are shown.
    package func listed(_ report: CheckReport) -> [Listed] {
        var all = report.diagnostics.map { ($0, false) } + report.baselined.map { ($0, true) }
        if !report.baselined.isEmpty { all.sort { Diagnostic.precedes($0.0, $1.0) } }
        var seen: [FindingKey: Int] = [:]
        var result: [Listed] = []
        result.reserveCapacity(all.count)
        for (diagnostic, baselined) in all {
            let key = key(diagnostic)
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            if baselined && !showBaselined { continue }
            result.append(Listed(diagnostic: diagnostic, baselined: baselined, fingerprint: "\(key.hash):\(n)", key: key))
        }
        return result
    }
}
