import ProcDef

/// Renders a report as SARIF 2.1.0, the format GitHub code scanning and most CI dashboards take.
///
/// `tool.driver.rules` holds the whole catalogue (plus one entry per policy, since each policy is a rule
/// `policy/<id>`), so results refer to rules by index. Artifact URIs are the report's relative paths, resolved
/// against `%SRCROOT%`, the repository root. Columns count Unicode code points (`columnKind`), as procdef's do.
/// Output is deterministic: keys in a fixed order, two-space indentation, no timestamps or absolute paths.
///
/// A finding's witness path is its one `codeFlows` entry (one `threadFlow`, a location per step, SARIF 2.1.0
/// §3.36–3.38), and the ids it is about are `properties.subjects`, keyed as in the JSON report: a viewer shows the
/// path, and a baseline matches results by rule and subjects rather than by message text.
///
/// Each rule of the catalogue links its section of docs/rules.md (`helpUri`, from the config's `docs-url`) and carries
/// its explanation and examples as `help.markdown`. Each result carries `partialFingerprints."procdef/v1"`, the hash
/// of its baseline key (`FindingKey`) and its rank among the results with that key, so code scanning keeps an alert
/// open across line moves. With a baseline in use each result has a `baselineState`: `new`, or `unchanged` for a
/// known finding that `--show-baselined` lists.
package struct SARIFRenderer: Sendable {
    package var toolVersion: String
    package var references: FindingReferences

    package init(toolVersion: String, references: FindingReferences = FindingReferences()) {
        self.toolVersion = toolVersion
        self.references = references
    }

    package func render(_ report: CheckReport, rules catalogue: [RuleDescriptor] = RuleRegistry.all) -> String {
        let rules = Self.rules(
            catalogue: catalogue, policies: report.workspace.policies, diagnostics: report.diagnostics + report.baselined,
            references: references)
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }

        let out = JSONWriter()
        out.object {
            $0.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            $0.field("version", "2.1.0")
            $0.array("runs") { runs in
                runs.object { run in
                    run.object("tool") { tool in
                        tool.object("driver") { driver in
                            driver.field("name", "procdef")
                            driver.field("version", toolVersion)
                            driver.field("semanticVersion", toolVersion)
                            driver.array("rules") { list in
                                for rule in rules { list.object { Self.write(rule, into: &$0) } }
                            }
                        }
                    }
                    run.field("columnKind", "unicodeCodePoints")
                    let baselineInUse = report.baseline != nil
                    run.array("results") { results in
                        for entry in references.listed(report) {
                            results.object { result in
                                Self.write(entry.diagnostic, ruleIndex: index[entry.diagnostic.rule], into: &result)
                                result.object("partialFingerprints") { $0.field("procdef/v1", entry.fingerprint) }
                                if baselineInUse { result.field("baselineState", entry.baselined ? "unchanged" : "new") }
                            }
                        }
                    }
                }
            }
        }
        return out.text + "\n"
    }

    /// What SARIF needs of a rule; descriptors for the catalogue, synthesised ones for policies.
    struct SARIFRule {
        var id: String
        var name: String
        var short: String
        var full: String
        var help: String
        var helpMarkdown: String?
        var helpURI: String?
        var level: String
        var enabled: Bool
    }

    static func rules(
        catalogue: [RuleDescriptor], policies: [Policy], diagnostics: [Diagnostic], references: FindingReferences = FindingReferences()
    ) -> [SARIFRule] {
        var rules = catalogue.map { d in
            SARIFRule(
                id: d.id, name: ruleName(d.id), short: d.summary, full: d.explanation,
                help: "\(d.explanation)\n\nRun `procdef explain \(d.id)` for a failing and a fixed example.",
                helpMarkdown: helpMarkdown(d), helpURI: references.url(forRule: d.id),
                level: level(d.defaultSeverity), enabled: d.defaultSeverity != nil
            )
        }
        var known = Set(rules.map(\.id))
        for policy in policies.sorted(by: { $0.id.value < $1.id.value }) where !known.contains("policy/\(policy.id.value)") {
            let id = "policy/\(policy.id.value)"
            known.insert(id)
            let rationale = policy.rationale?.value ?? policy.title.value
            // A policy with `when` or `unless` says which runs of the case it is about.
            let runs = policy.runsPhrase.map { "\n\nOnly on \($0)." } ?? ""
            rules.append(
                SARIFRule(
                    id: id, name: ruleName(id), short: policy.title.value, full: rationale,
                    help: "\(policy.title.value)\n\n\(rationale)\(runs)\n\nDefined in \(policy.file).", helpMarkdown: nil, helpURI: nil,
                    level: level(policy.severity.value),
                    enabled: true))
        }
        // A finding of a rule nobody declared (a policy that failed to decode) still needs an entry to point at.
        for id in Set(diagnostics.map(\.rule)).subtracting(known).sorted() {
            rules.append(
                SARIFRule(
                    id: id, name: ruleName(id), short: id, full: id, help: id, helpMarkdown: nil, helpURI: nil, level: "warning",
                    enabled: true))
        }
        return rules
    }

    /// The explanation and both examples, as `procdef explain` prints them, for a viewer that renders Markdown.
    static func helpMarkdown(_ rule: RuleDescriptor) -> String {
        let fence = fence(for: rule.failingExample + rule.fixedExample)
        return """
            \(rule.explanation)

            **Fails:**

            \(fence)yaml
            \(rule.failingExample)
            \(fence)

            **Fixed:**

            \(fence)yaml
            \(rule.fixedExample)
            \(fence)
            """
    }

    /// A code fence longer than any run of backticks in `text`, so an example cannot close it.
    private static func fence(for text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// `handoff/gap` → `HandoffGap`: SARIF's `name` is an identifier-like label.
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func level(_ severity: Severity?) -> String {
        switch severity {
        case .error?: "error"
        case .warning?: "warning"
        case .note?: "note"
        case nil: "none"
        }
    }

    private static func write(_ rule: SARIFRule, into object: inout JSONWriter.Object) {
        object.field("id", rule.id)
        object.field("name", rule.name)
        object.object("shortDescription") { $0.field("text", rule.short) }
        object.object("fullDescription") { $0.field("text", rule.full) }
        if let uri = rule.helpURI { object.field("helpUri", uri) }
        object.object("help") { help in
            help.field("text", rule.help)
            if let markdown = rule.helpMarkdown { help.field("markdown", markdown) }
        }
        object.object("defaultConfiguration") {
            $0.field("enabled", rule.enabled)
            $0.field("level", rule.level == "none" ? "warning" : rule.level)
        }
    }

    private static func write(_ diagnostic: Diagnostic, ruleIndex: Int?, into object: inout JSONWriter.Object) {
        object.field("ruleId", diagnostic.rule)
        if let ruleIndex { object.field("ruleIndex", ruleIndex) }
        object.field("level", level(diagnostic.severity))
        object.object("message") { message in
            var text = diagnostic.message
            if let help = diagnostic.help { text += "\nhelp: \(help)" }
            message.field("text", text)
        }
        let start = diagnostic.range.start
        var end = diagnostic.range.end
        if end < start { end = start }
        object.array("locations") { locations in
            locations.object { location in
                location.object("physicalLocation") { physical in
                    physical.object("artifactLocation") {
                        $0.field("uri", uriEscaped(diagnostic.file))
                        $0.field("uriBaseId", "%SRCROOT%")
                    }
                    physical.object("region") { region in
                        region.field("startLine", max(1, start.line))
                        region.field("startColumn", max(1, start.column))
                        region.field("endLine", max(1, end.line))
                        region.field("endColumn", max(1, end.line == start.line ? max(end.column, start.column) : end.column))
                    }
                }
            }
        }
        let related = diagnostic.notes.filter { $0.range != nil }
        if !related.isEmpty {
            object.array("relatedLocations") { list in
                for (i, note) in related.enumerated() {
                    guard let range = note.range else { continue }
                    list.object { location in
                        location.field("id", i)
                        location.object("physicalLocation") { physical in
                            physical.object("artifactLocation") {
                                $0.field("uri", uriEscaped(note.file ?? diagnostic.file))
                                $0.field("uriBaseId", "%SRCROOT%")
                            }
                            physical.object("region") {
                                $0.field("startLine", max(1, range.start.line))
                                $0.field("startColumn", max(1, range.start.column))
                            }
                        }
                        location.object("message") { $0.field("text", note.message) }
                    }
                }
            }
        }
        if !diagnostic.path.isEmpty { writeCodeFlow(diagnostic.path, into: &object) }
        if !diagnostic.fixes.isEmpty { writeFixes(diagnostic.fixes, into: &object) }
        if !diagnostic.subjects.isEmpty { writeProperties(diagnostic.subjects, into: &object) }
    }

    private static func writeCodeFlow(_ path: [WitnessStep], into object: inout JSONWriter.Object) {
        object.array("codeFlows") { flows in
            flows.object { flow in
                flow.array("threadFlows") { threads in
                    threads.object { thread in
                        thread.array("locations") { locations in
                            for step in path {
                                locations.object { threadLocation in
                                    threadLocation.object("location") { location in
                                        location.object("physicalLocation") { physical in
                                            physical.object("artifactLocation") {
                                                $0.field("uri", uriEscaped(step.file))
                                                $0.field("uriBaseId", "%SRCROOT%")
                                            }
                                            physical.object("region") { region in
                                                let start = step.range.start
                                                let end = step.range.end < start ? start : step.range.end
                                                region.field("startLine", max(1, start.line))
                                                region.field("startColumn", max(1, start.column))
                                                region.field("endLine", max(1, end.line))
                                                region.field(
                                                    "endColumn", max(1, end.line == start.line ? max(end.column, start.column) : end.column)
                                                )
                                            }
                                        }
                                        location.object("message") { $0.field("text", step.message) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// SARIF `fixes` (§3.55): one artifact change per file, each edit a replacement of its region by its text.
    /// Whether procdef applies a fix by itself is `properties.applicability` (`safe` or `unsafe`), which SARIF has no
    /// field for.
    private static func writeFixes(_ fixes: [Fix], into object: inout JSONWriter.Object) {
        object.array("fixes") { list in
            for fix in fixes {
                list.object { entry in
                    entry.object("description") { $0.field("text", fix.description) }
                    var files: [String] = []
                    for edit in fix.edits where !files.contains(edit.file) { files.append(edit.file) }
                    entry.array("artifactChanges") { changes in
                        for file in files {
                            changes.object { change in
                                change.object("artifactLocation") {
                                    $0.field("uri", uriEscaped(file))
                                    $0.field("uriBaseId", "%SRCROOT%")
                                }
                                change.array("replacements") { replacements in
                                    for edit in fix.edits where edit.file == file {
                                        replacements.object { replacement in
                                            replacement.object("deletedRegion") { region in
                                                region.field("startLine", max(1, edit.range.start.line))
                                                region.field("startColumn", max(1, edit.range.start.column))
                                                region.field("endLine", max(1, edit.range.end.line))
                                                region.field("endColumn", max(1, edit.range.end.column))
                                            }
                                            replacement.object("insertedContent") { $0.field("text", edit.newText) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    entry.object("properties") { $0.field("applicability", fix.applicability.rawValue) }
                }
            }
        }
    }

    /// `properties.subjects`: only the keys that apply, as in the JSON report.
    private static func writeProperties(_ subjects: FindingSubjects, into object: inout JSONWriter.Object) {
        object.object("properties") { properties in
            properties.object("subjects") { out in
                if let process = subjects.process { out.field("process", process) }
                if !subjects.activities.isEmpty { out.strings("activities", subjects.activities) }
                if !subjects.roles.isEmpty { out.strings("roles", subjects.roles) }
                if let policy = subjects.policy { out.field("policy", policy) }
                if let waiver = subjects.waiver {
                    out.object("waiver") {
                        $0.field("process", waiver.process)
                        $0.field("policy", waiver.policy)
                    }
                }
            }
        }
    }

    /// A relative path as a URI reference: unreserved characters and `/` stay, everything else is percent-encoded.
    static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
