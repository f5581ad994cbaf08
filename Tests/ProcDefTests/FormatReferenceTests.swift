import Foundation
import XCTest

@testable import ProcDef

/// `docs/format.md` is the reference of the format: its key tables are generated from the format's description, the
/// tables written by hand list what the model has, and the documentation names no rule that does not exist.
final class FormatReferenceTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// The key tables are generated from the format's description (`FormatTableRendererTests` holds them to it, and
    /// the decoder's lists are the description's); the two tables written by hand list what the model has.
    func testTheHandWrittenTablesListWhatTheModelHas() throws {
        let tables = MarkdownTable.tables(in: try read("docs/format.md"))
        let keys = { (table: MarkdownTable?) in table?.rows.compactMap { $0.first.flatMap(DocumentedKey.init(cell:))?.key } ?? [] }
        XCTAssertEqual(keys(tables.first { $0.heading == "kind: roles" && $0.header.first == "kind" }), RoleKind.allCases.map(\.rawValue))
        XCTAssertEqual(keys(tables.first { $0.heading == "Limits" && $0.header.first == "key" }), KeyTable.limits.names)
        XCTAssertEqual(ModelDecoder.limitKeys, InputLimit.all.map(\.name))
    }

    /// The description keeps to the legend of the `required` column in format.md: `yes: RULE` for `kind` alone, whose
    /// absence is `schema/unknown-kind`; `no: RULE` names a rule other than `schema/missing-field`, which is plain `yes`,
    /// unless the key is required only in the case it names (a branch's `to`, unless the branch forks with `all`).
    func testTheDescriptionKeepsToTheRequiredColumnsLegend() {
        for (name, table) in KeyTable.all {
            for key in table.keys {
                switch key.presence {
                case .requiredReportedBy(let rule):
                    XCTAssertEqual("\(name).\(key.name): \(rule)", "\(name).kind: schema/unknown-kind")
                case .optionalReportedBy(let rule, let condition):
                    // A key required only in some case (a branch's `to`, unless it forks) says which.
                    if condition == nil {
                        XCTAssertNotEqual(rule, "schema/missing-field", "\(name).\(key.name): write .required")
                    }
                case .required, .optional:
                    break
                }
            }
        }
    }

    /// Every rule id the hand-written documentation names is a rule procdef has, or the finding of a shipped policy.
    func testTheDocumentationNamesOnlyRulesThatExist() throws {
        let policies = try Workspace.load(paths: [Self.repository.appendingPathComponent("Policies").path]).policies.map {
            "policy/\($0.id.value)"
        }
        let known = Set(RuleRegistry.all.map(\.id) + policies)
        let families = Set(RuleRegistry.all.map(\.family))
        // docs/rules.md is generated from the registry, and its examples misspell rule ids on purpose.
        let pages =
            try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("docs").path)
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
        XCTAssertEqual(
            RuleMention.ids(
                in: "`handoff/gap`, [raci/idle-role], out/raci/x.csv, `raci/*`, `policy/<id>`", families: ["handoff", "raci", "policy"]),
            ["handoff/gap", "raci/idle-role"])
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

/// The decoder enforces what the format's description says: each key described as required is reported missing when
/// it is absent, and a misspelt key is reported with the valid key as its suggestion. The fixtures tag each line
/// holding a key with the name of its key table (`# branch`).
final class FormatDescriptionEnforcementTests: XCTestCase {
    private static let fixtures = [
        """
        kind: roles  # roles
        roles:  # roles
          service-desk:
            name: Service Desk  # role
            kind: practitioner  # role
            team: Service Desk  # role
            max-silence: 1d  # role
            shift: 8h  # role
            handover:  # role
              artifact: shift-log  # handover
              expectation: The next analyst reads the log.  # handover
            stage: front  # role
            contact:  # role
              pager: service-desk-lead (paging service)  # contact
              phone: +44 20 7946 0001  # contact
              channel: "#service-desk"  # contact
              rota: https://wiki.example.com/desk/rota  # contact
        """,
        """
        kind: process  # process
        id: incident  # process
        name: Incident  # process
        owner: incident-manager  # process
        effective: 2030-01-01  # process
        approved-by: incident-manager  # process
        priorities: [p1, p2]  # process
        max-silence: 4h  # process
        targets:  # process
          - id: restore  # target
            name: Restore service  # target
            from: log  # target
            to: {start: close}  # target
            within: {p1: 4h, default: 2bd}  # target
            when: p1  # target
            clock: business  # target
        review:  # process
          last: 2030-01-01  # review
          every: 12mo  # review
        defaults:
          accountable: incident-manager  # defaults
        activities:  # process
          - id: log  # activity
            name: Log  # activity
            responsible: service-desk  # activity
            type: approval  # activity
            target: {p1: 10m, default: 30m}  # activity
            consulted:
              - role: service-desk  # involvement
                when: Always.  # involvement
            next:
              - to: close  # branch
                when: Always.  # branch
                outcome: approved  # branch
                priorities: [p1]  # branch
                handoff:
                  artifact: record  # handoff
                  within: {p1: 10m, default: 1h}  # handoff
              - when: Twice.
                all:  # branch
                  - to: close  # fork-branch
                    handoff: {artifact: record}  # fork-branch
                  - all: [log, close]  # fork-branch
            triggers:
              - process: problem  # trigger
                when: It recurs.  # trigger
            timeout:  # activity
              - after: {p1: 1h, default: 4h}  # timeout
                to: close  # timeout
                from: log  # timeout
                interrupting: false  # timeout
                when: p1  # timeout
                handoff: {artifact: record}  # timeout
            every:  # activity
              - every: 1h  # cadence
                for: 4h  # cadence
                when: p1  # cadence
            until: close  # activity
          - id: close  # activity
            name: Close  # activity
            join: all  # activity
            other-person-than: log  # activity
            same-person-as: log  # activity
        cancel:
          - when: Withdrawn.  # cancel
            to: close  # cancel
            from: [log]  # cancel
            handoff: {artifact: record}  # cancel
        waivers:
          - policy: logged  # waiver
            reason: Because.  # waiver
            until: 2030-01-01  # waiver
            approved-by: service-desk  # waiver
        """,
        """
        kind: policy  # policy
        id: logged  # policy
        title: Logged  # policy
        severity: error  # policy
        applies-to:
          tags: [incident]  # applies-to
        when:  # policy
          passes: {tag: confirmed}  # run-condition
        unless:  # policy
          takes:  # run-condition
            from: assess  # takes
            to: contain  # takes
        require:  # policy
          before:  # requirements
            first:  # before
              records: incident  # selector
            then: {any: true}  # before
          all:
            of: {end: true}  # all
            match: {any: true}  # all
          process:
            has: [owner]  # process-requirement
          max:
            consulted: 3  # max
        """,
        """
        kind: external-process  # external-process
        id: agency  # external-process
        name: Agency  # external-process
        link: https://agency.example.org/report  # external-process
        owner: agency-desk  # external-process
        receiver: agency-desk  # external-process
        """,
        """
        kind: config  # config
        paths: [Processes]  # config
        review-every: 12mo  # config
        business-day: 9h  # config
        max-silence: 2d  # config
        exclude: [Processes/archive/**]  # config
        baseline: .procdef-baseline.json  # config
        docs-url: https://example.org/procdef/rules.md  # config
        overrides:
          - paths: [Processes/suppliers/**]  # override
            rules: {handoff/gap: error}  # override
        limits:
          max-depth: 32  # limits
        """,
    ]

    /// The diagnostics of one fixture with the key on one tagged line renamed.
    private func diagnostics(renaming key: String, onLine index: Int, of fixture: String, to name: String) -> [Diagnostic] {
        var lines = fixture.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let range = lines[index].range(of: key + ":") else { return [] }
        lines[index].replaceSubrange(range, with: name + ":")
        let source = SourceFile(path: "fixture.yaml", bytes: Array(lines.joined(separator: "\n").utf8))
        return Workspace.load(files: [source], options: CheckOptions()).diagnostics
    }

    /// Every line tagged with a table: the fixture, the line's index, the table and the key the line holds.
    private var taggedKeys: [(fixture: String, line: Int, table: String, key: String)] {
        Self.fixtures.flatMap { fixture in
            fixture.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                guard let tag = line.range(of: "  # ") else { return nil }
                let table = String(line[tag.upperBound...])
                var text = line[..<tag.lowerBound].drop { $0 == " " }
                if text.hasPrefix("- ") { text = text.dropFirst(2) }
                guard let colon = text.firstIndex(of: ":") else { return nil }
                return (fixture, index, table, String(text[..<colon]))
            }
        }
    }

    func testTheFixturesTagOnlyDescribedKeys() {
        for tagged in taggedKeys {
            XCTAssertNotNil(KeyTable.all.first { $0.name == tagged.table }?.table[tagged.key], "\(tagged.table).\(tagged.key)")
        }
    }

    func testEveryRequiredKeyIsReportedWhenAbsent() {
        for (name, table) in KeyTable.all {
            for key in table.keys where key.presence.isRequired {
                guard let tagged = taggedKeys.first(where: { $0.table == name && $0.key == key.name }) else {
                    XCTFail("no fixture line holds \(name).\(key.name)")
                    continue
                }
                let found = diagnostics(renaming: key.name, onLine: tagged.line, of: tagged.fixture, to: "x-absent")
                if key.presence == .required {
                    XCTAssertTrue(
                        found.contains { $0.rule == "schema/missing-field" && $0.message.hasSuffix("has no '\(key.name)'") },
                        "\(name).\(key.name): \(found.map(\.message))")
                } else {
                    XCTAssertTrue(found.contains { $0.rule == key.presence.absenceRule }, "\(name).\(key.name): \(found.map(\.rule))")
                }
            }
        }
    }

    func testAMisspeltKeyIsUnknownAndTheValidKeyIsSuggested() {
        var tables: Set<String> = []
        for tagged in taggedKeys where tagged.key != "kind" {
            tables.insert(tagged.table)
            let misspelt = tagged.key + "x"
            let found = diagnostics(renaming: tagged.key, onLine: tagged.line, of: tagged.fixture, to: misspelt)
            let unknown = found.first { $0.rule == "schema/unknown-key" && $0.message.hasPrefix("unknown key '\(misspelt)'") }
            XCTAssertNotNil(unknown, "\(tagged.table).\(tagged.key): \(found.map(\.message))")
            XCTAssertTrue(
                unknown?.help?.contains("'\(tagged.key)'") == true || unknown?.help?.contains(" \(tagged.key)") == true,
                "\(tagged.table).\(tagged.key): \(unknown?.help ?? "no help")")
        }
        XCTAssertEqual(tables, Set(KeyTable.all.map(\.name)), "every key table has a key in the fixtures")
    }
}
