import Foundation
import XCTest
@testable import ProcDef

/// `docs/format.md` is the reference of the format, and it is held to the decoder: every field table lists exactly
/// the keys the decoder accepts in that place, and the documentation names no rule that does not exist.
final class FormatReferenceTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// The tables of format.md that document keys, in the order they appear, each under its heading, with the keys
    /// the decoder accepts there. A nested key (`defaults.accountable`, `before: {first: SEL, then: SEL}`) is checked
    /// against the decoder's list for that key.
    private let expected: [(heading: String, header: String, keys: [String], nested: [String: [String]])] = [
        ("kind: roles", "field", ModelDecoder.catalogueKeys, [:]),
        ("kind: roles", "field", ModelDecoder.roleKeys, [:]),
        ("kind: roles", "kind", RoleKind.allCases.map(\.rawValue), [:]),
        ("kind: process", "field", ModelDecoder.processKeys, ["defaults": ModelDecoder.defaultsKeys]),
        ("Activities", "field", ModelDecoder.activityKeys, [:]),
        ("Flow", "field", ModelDecoder.branchKeys, [:]),
        ("Handoffs", "field", ModelDecoder.handoffKeys, [:]),
        ("Triggers", "field", ModelDecoder.triggerKeys, [:]),
        ("Policies and waivers", "field", ModelDecoder.waiverKeys, [:]),
        ("kind: policy", "field", ModelDecoder.policyKeys, [:]),
        ("kind: policy", "field", ModelDecoder.scopeKeys, [:]),
        ("Requirements", "requirement", ModelDecoder.requirementKeys, [
            "before": ModelDecoder.beforeKeys, "all": ModelDecoder.allKeys,
            "process": ModelDecoder.processRequirementKeys, "max": ModelDecoder.maxKeys,
        ]),
        ("Selectors", "key", ModelDecoder.selectorKeys, [:]),
        ("kind: config", "field", ModelDecoder.configKeys, [:]),
        ("Limits", "key", ModelDecoder.limitKeys, [:]),
    ]

    func testEveryFieldTableListsExactlyTheKeysTheDecoderAccepts() throws {
        let tables = MarkdownTable.tables(in: try read("docs/format.md"))
            .filter { ["field", "requirement", "key", "kind"].contains($0.header.first ?? "") }
        XCTAssertEqual(tables.map { "\($0.heading) | \($0.header.first ?? "")" }, expected.map { "\($0.heading) | \($0.header)" })
        for (table, expectation) in zip(tables, expected) {
            let documented = table.rows.compactMap { $0.first.flatMap(DocumentedKey.init(cell:)) }
            let place = "the '\(table.header.first ?? "")' table under '\(table.heading)'"
            XCTAssertEqual(documented.map(\.key).sorted(), expectation.keys.sorted(), place)
            for key in documented where !key.nested.isEmpty || expectation.nested[key.key] != nil {
                XCTAssertEqual(key.nested.sorted(), (expectation.nested[key.key] ?? []).sorted(), "\(place): inside '\(key.key)'")
            }
        }
    }

    /// The "required" column of every field table says what the checker does when the field is absent (see the
    /// column's legend in format.md): `yes` exactly for the keys whose absence the decoder reports as
    /// `schema/missing-field` and the JSON Schema requires; `yes: RULE` for `kind` alone; `no` or `no: RULE` for the
    /// rest, where RULE is a rule procdef has, other than `schema/missing-field`.
    func testTheRequiredColumnSaysWhatTheCheckerDoes() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(try read("schema/procdef.schema.json").utf8)) as? [String: Any]
        let definitions = try XCTUnwrap(schema?["definitions"] as? [String: [String: Any]])
        // Each table with a required column: the decoder's required keys there, and the schema definition it matches.
        let expected: [(heading: String, decoderRequires: [String], definition: String)] = [
            ("kind: roles", ModelDecoder.catalogueRequiredKeys, "roles"),
            ("kind: roles", ModelDecoder.roleRequiredKeys, "role"),
            ("kind: process", ModelDecoder.processRequiredKeys, "process"),
            ("Activities", ModelDecoder.activityRequiredKeys, "activity"),
            ("Flow", ModelDecoder.branchRequiredKeys, "branch"),
            ("Handoffs", [], "handoff"),
            ("Triggers", ModelDecoder.triggerRequiredKeys, "trigger"),
            ("Policies and waivers", ModelDecoder.waiverRequiredKeys, "waiver"),
            ("kind: policy", ModelDecoder.policyRequiredKeys, "policy"),
            ("kind: config", [], "config"),
        ]
        let tables = MarkdownTable.tables(in: try read("docs/format.md")).filter { $0.header.contains("required") }
        XCTAssertEqual(tables.map(\.heading), expected.map(\.heading))
        let rules = Set(RuleRegistry.all.map(\.id))
        for (table, expectation) in zip(tables, expected) {
            let column = try XCTUnwrap(table.header.firstIndex(of: "required"))
            let schemaRequires = Set(definitions[expectation.definition]?["required"] as? [String] ?? [])
            var documentedRequired: Set<String> = []
            for row in table.rows {
                guard let key = row.first.flatMap(DocumentedKey.init(cell:))?.key, column < row.count else { continue }
                let cell = row[column]
                let place = "'\(key)' under '\(table.heading)': \(cell)"
                let named = DocumentedKey.matches(of: "`([a-z]+/[a-z-]+)`", in: cell)
                for rule in named { XCTAssertTrue(rules.contains(rule), "\(place): no rule \(rule)") }
                XCTAssertFalse(named.contains("schema/missing-field"), "\(place): write plain `yes` for schema/missing-field")
                if cell == "yes" {
                    documentedRequired.insert(key)
                    XCTAssertTrue(schemaRequires.contains(key), "\(place): the JSON Schema does not require it")
                } else if cell.hasPrefix("yes: ") {
                    XCTAssertEqual(key, "kind", place)
                    XCTAssertEqual(named, ["schema/unknown-kind"], place)
                    XCTAssertTrue(schemaRequires.contains(key), "\(place): the JSON Schema does not require it")
                } else if cell == "no" || cell.hasPrefix("no: ") {
                    XCTAssertEqual(named.isEmpty, cell == "no", "\(place): `no: ` names the rule that reports it")
                    XCTAssertFalse(schemaRequires.contains(key), "\(place): the JSON Schema requires it")
                } else {
                    XCTFail("\(place): the required column says yes, yes: RULE, no or no: RULE")
                }
            }
            XCTAssertEqual(documentedRequired, Set(expectation.decoderRequires), "the keys '\(table.heading)' marks plain yes")
        }
    }

    /// Every rule id the hand-written documentation names is a rule procdef has, or the finding of a shipped policy.
    func testTheDocumentationNamesOnlyRulesThatExist() throws {
        let policies = try Workspace.load(paths: [Self.repository.appendingPathComponent("Policies").path]).policies.map { "policy/\($0.id.value)" }
        let known = Set(RuleRegistry.all.map(\.id) + policies)
        let families = Set(RuleRegistry.all.map(\.family))
        // docs/rules.md is generated from the registry, and its examples misspell rule ids on purpose.
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") && $0 != "rules.md" }.sorted().map { "docs/" + $0 } + ["README.md"]
        var named = 0
        for page in pages {
            for id in RuleMention.ids(in: try read(page), families: families) {
                named += 1
                XCTAssertTrue(known.contains(id), "\(page) names '\(id)', which is no rule")
            }
        }
        XCTAssertGreaterThan(named, 50)
    }

    func testTheRuleReferenceHasASectionForEveryRule() throws {
        let reference = try read("docs/rules.md")
        for rule in RuleRegistry.all {
            XCTAssertTrue(reference.contains("\n### \(rule.id)\n"), "docs/rules.md has no section for \(rule.id)")
        }
    }

    func testKeysAreReadFromTableCells() {
        XCTAssertEqual(DocumentedKey(cell: "`defaults.accountable`"), DocumentedKey(key: "defaults", nested: ["accountable"]))
        XCTAssertEqual(DocumentedKey(cell: "`before: {first: SEL, then: SEL}`"), DocumentedKey(key: "before", nested: ["first", "then"]))
        XCTAssertEqual(DocumentedKey(cell: "`process: {has: [FIELD...]}`"), DocumentedKey(key: "process", nested: ["has"]))
        XCTAssertEqual(DocumentedKey(cell: "`any: true`"), DocumentedKey(key: "any", nested: []))
        XCTAssertEqual(DocumentedKey(cell: "`case-owner`"), DocumentedKey(key: "case-owner", nested: []))
        XCTAssertNil(DocumentedKey(cell: "no code here"))
        XCTAssertEqual(RuleMention.ids(in: "`handoff/gap`, [raci/idle-role], out/raci/x.csv, `raci/*`, `policy/<id>`", families: ["handoff", "raci", "policy"]), ["handoff/gap", "raci/idle-role"])
    }
}

/// A GitHub-flavoured Markdown table, with the heading it sits under; tables inside code blocks are not tables.
struct MarkdownTable {
    var heading: String
    var header: [String]
    var rows: [[String]]

    static func tables(in markdown: String) -> [MarkdownTable] {
        var tables: [MarkdownTable] = []
        var heading = ""
        var inCode = false
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") {
                inCode.toggle()
            } else if !inCode, line.hasPrefix("#") {
                heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            } else if !inCode, line.hasPrefix("|"), index + 1 < lines.count, lines[index + 1].hasPrefix("|---") {
                var table = MarkdownTable(heading: heading, header: cells(line), rows: [])
                index += 2
                while index < lines.count, lines[index].hasPrefix("|") {
                    table.rows.append(cells(lines[index]))
                    index += 1
                }
                tables.append(table)
                continue
            }
            index += 1
        }
        return tables
    }

    /// The cells of a row; `\|` inside a cell is not a separator.
    private static func cells(_ line: String) -> [String] {
        let marked = line.replacingOccurrences(of: "\\|", with: "\u{0}")
        return marked.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: .whitespaces) }
    }
}

/// The key a table cell documents: the first code span, up to `:` or `.`, with the keys nested in it.
struct DocumentedKey: Equatable {
    var key: String
    var nested: [String]

    init(key: String, nested: [String]) {
        self.key = key
        self.nested = nested
    }

    init?(cell: String) {
        let parts = cell.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let code = String(parts[1])
        let end = code.firstIndex { $0 == ":" || $0 == "." || $0 == " " } ?? code.endIndex
        key = String(code[..<end])
        if end < code.endIndex, code[end] == "." {
            nested = [String(code[code.index(after: end)...])]
        } else if let open = code.firstIndex(of: "{") {
            nested = Self.matches(of: "([a-z-]+):", in: String(code[open...]))
        } else {
            nested = []
        }
    }

    /// The first capture group of every match.
    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}

/// Rule ids named in prose (`family/name` for the given families), whether in a code span, in brackets
/// (`[handoff/gap]`) or standing alone; a path such as `out/raci/x.csv` or a pattern such as `raci/*` is not one.
enum RuleMention {
    static func ids(in text: String, families: Set<String>) -> [String] {
        let alternatives = families.sorted().joined(separator: "|")
        return DocumentedKey.matches(
            of: #"(?<![A-Za-z0-9/._*<-])((?:"# + alternatives + #")/[a-z0-9]+(?:-[a-z0-9]+)*)(?![A-Za-z0-9/_*<>-]|\.[A-Za-z0-9])"#,
            in: text
        )
    }
}
