import Foundation
import ProcDef
import ProcDefOutput
import ProcDefTestSupport
import XCTest

/// The schema checked by a real validator, check-jsonschema (`pip install check-jsonschema`), against every rule's
/// examples: the YAML `procdef explain` prints and the documentation test runs.
///
/// Every fixed example is clean, so every one of its documents must validate. A failing example of a rule about
/// the shape of a document (an unknown key, a wrong type, a missing field...) must not; a failing example of any
/// other rule (references, RACI, flow, handoffs, policies) is well-formed, so it must validate too: a schema that
/// rejected it would flag correct files in the editor. Skipped where check-jsonschema is not installed.
final class SchemaValidationTests: XCTestCase {
    /// Rules whose findings are about a document's shape, which the schema expresses too.
    static let shapeRules: Set<String> = [
        "schema/unknown-kind", "schema/unknown-key", "schema/missing-field", "schema/type", "schema/invalid-id",
        "schema/invalid-duration", "schema/invalid-date", "config/unknown-rule",
    ]
    /// Rules whose failing examples a YAML loader rejects before any schema applies, or that the schema cannot see
    /// (a file with no document; libyaml's limits; duplicates across documents).
    static let beyondTheSchema: Set<String> = [
        "yaml/syntax", "yaml/duplicate-key", "yaml/limits", "yaml/encoding", "schema/empty", "schema/duplicate-id",
        "io/unreadable", "io/symlink-loop",
    ]

    func testRuleListsNameRealRules() {
        let ids = Set(RuleRegistry.all.map(\.id))
        XCTAssertEqual(Self.shapeRules.subtracting(ids), [])
        XCTAssertEqual(Self.beyondTheSchema.subtracting(ids), [])
    }

    func testRuleExamplesAgainstTheSchema() throws {
        let validator = try Self.checkJSONSchema()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }

        let schema = directory.appendingPathComponent("procdef.schema.json")
        try Data(JSONSchemaRenderer().render().utf8).write(to: schema)
        var documents: [(rule: String, fixed: Bool, path: String)] = []
        for rule in RuleRegistry.all where !Self.beyondTheSchema.contains(rule.id) {
            let slug = rule.id.replacingOccurrences(of: "/", with: "_")
            for (fixed, example) in [(true, rule.fixedExample), (false, rule.failingExample)] {
                for (index, document) in Self.documents(of: example).enumerated() {
                    let path = directory.appendingPathComponent("\(slug)-\(fixed ? "fixed" : "failing")-\(index + 1).yaml").path
                    try Data(document.utf8).write(to: URL(fileURLWithPath: path))
                    documents.append((rule.id, fixed, path))
                }
            }
        }
        let invalid = try Self.validate(documents.map(\.path), schema: schema.path, with: validator)

        for rule in RuleRegistry.all where !Self.beyondTheSchema.contains(rule.id) {
            let fixedErrors = documents.filter { $0.rule == rule.id && $0.fixed }.flatMap { invalid[$0.path] ?? [] }
            XCTAssertEqual(fixedErrors, [], "the fixed example of \(rule.id) does not validate")
            let failingErrors = documents.filter { $0.rule == rule.id && !$0.fixed }.flatMap { invalid[$0.path] ?? [] }
            if Self.shapeRules.contains(rule.id) {
                XCTAssertFalse(failingErrors.isEmpty, "the failing example of \(rule.id) validates, but the schema should reject it")
            } else {
                XCTAssertEqual(failingErrors, [], "the failing example of \(rule.id) is well-formed, but the schema rejects it")
            }
        }
    }

    /// What `procdef init` writes is a valid document, in both its forms and for ids YAML reads as something else.
    func testTemplatesValidate() throws {
        let validator = try Self.checkJSONSchema()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("procdef.schema.json")
        try Data(JSONSchemaRenderer().render().utf8).write(to: schema)
        let templates = [
            ProcessTemplate(id: "access-request"),
            ProcessTemplate(id: "access-request", catalogue: try ProcessTemplateTests.shippedCatalogue()),
            ProcessTemplate(id: "null"), ProcessTemplate(id: "404"), ProcessTemplate(id: "true"),
        ]
        var paths: [String] = []
        for (index, template) in templates.enumerated() {
            let path = directory.appendingPathComponent("template-\(index + 1).yaml").path
            try Data(template.render().utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        XCTAssertEqual(try Self.validate(paths, schema: schema.path, with: validator), [:])
    }

    /// Shapes at the edge of what the decoder accepts, each with whether the decoder reports a shape finding for it:
    /// the schema must agree on every one.
    static let edgeCases: [(yaml: String, isWellFormed: Bool)] = [
        // Any scalar is text, and a number is a valid id; null means absent.
        ("kind: process\nid: 404\nname: 2024\nversion: 4\npurpose: ~\nowner:\nactivities: [{id: 1, name: true}]\n", true),
        (
            "kind: process\nid: true\nname: P\nactivities: [{id: false, name: A, responsible: [true]}]\nroles: {\"true\": {name: T, kind: practitioner}}\n",
            true
        ),
        // A single mapping counts as a list of one; a branch may be a bare id; handoff: ~ is no handoff.
        (
            "kind: process\nid: p\nname: P\nactivities:\n  - {id: a, name: A, next: {to: b, when: x}, triggers: {process: q}, handoff: ~}\n  - {id: b, name: B, next: [a, {to: b}]}\nwaivers: {policy: x, reason: y, until: 2027-03-31}\n",
            true
        ),
        // A permanent waiver names its approver; a dated one may.
        (
            "kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\nwaivers: {policy: x, reason: y, until: permanent, approved-by: o}\n",
            true
        ),
        (
            "kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\nwaivers: {policy: x, reason: y, until: 2027-03-31, approved-by: o}\n",
            true
        ),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\nwaivers: {policy: x, reason: y, until: permanent}\n", false),
        (
            "kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\nwaivers: {policy: x, reason: y, until: forever, approved-by: o}\n",
            false
        ),
        ("kind: roles\nroles:\n  desk: {name: Desk, kind: practitioner, team: ~, contact: \"#desk\"}\n", true),
        // A process defined elsewhere: a link is an http or https address, in any case, and nothing else.
        ("kind: external-process\nid: agency\nname: Agency\nlink: HTTPS://agency.example.org/a_(b)?c=d\nreceiver: ~\n", true),
        ("kind: external-process\nid: agency\nname: Agency\nlink: agency.example.org/report\n", false),
        ("kind: external-process\nid: agency\nname: Agency\nlink: https://agency.example.org/a b\n", false),
        ("kind: external-process\nid: agency\nname: Agency\nlink: https:///report\n", false),
        ("kind: external-process\nid: agency\nname: Agency\nactivities: []\n", false),
        (
            "kind: policy\nid: p\ntitle: T\nseverity: warning\napplies-to: {all: true, tags: x}\nrequire:\n  - exists: {responsible-kind: [customer, owner], end: true}\n  - exists: {id: [a, b]}\n    separate: [{tag: x}, {tag: y}]\n    max: {consulted: 3, informed: ~}\n    process: {has: case-owner}\n",
            true
        ),
        (
            "kind: config\npaths: Processes\nrules:\n  flow/*: off\n  policy/incidents-are-logged: warning\n  raci/overloaded-role: {accountable-share: 0.6, severity: ~}\n",
            true
        ),
        (
            "kind: config\nlimits:\n  max-file-size: 512KiB\n  max-depth: 64\n  max-aliases: \"50\"\n  max-alias-expansion: 10000\n  max-activities: ~\n",
            true
        ),
        // Forks: next: {all: [...]}, a decision branch that forks, nested forks, plain ids; join: all; cancel entries,
        // one or a list, with and without from, with a handoff.
        (
            "kind: process\nid: p\nname: P\nactivities:\n  - {id: a, name: A, next: {all: [b, {to: c, handoff: {artifact: x}}]}}\n  - id: b\n    name: B\n    next:\n      - {when: x, all: [c, {all: [d, e]}], handoff: {artifact: y}}\n      - {when: y, to: d}\n  - {id: c, name: C, next: d}\n  - {id: d, name: D, join: all, next: [e, {to: ~, all: [c, e]}]}\n  - {id: e, name: E, join: ~, end: true}\ncancel:\n  - {when: Withdrawn., to: e, from: [a, b], handoff: {artifact: x, expectation: y}}\n  - {when: A duplicate., to: e, from: ~}\n",
            true
        ),
        (
            "kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [a, b], when: x}}]\ncancel: {when: x, to: a, from: a}\n",
            true
        ),
        // What the decoder rejects in forks and cancellations.
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [b]}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: []}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: ~}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: [{when: x, all: [b]}, {when: y, to: b}]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: [{when: x, to: b, all: [b, c]}, {when: y, to: b}]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [{to: b, all: [b, c]}, c]}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: [{when: x, to: b, all: ~}, {when: y, to: b}]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [{to: b, when: x}, c]}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: [{when: x}, {when: y, to: b}]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [{handoff: {artifact: x}}, c]}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: {all: [[b], c]}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, join: any}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, join: [all]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\ncancel: [{when: x}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\ncancel: [{to: a, from: [a]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\ncancel: [{when: x, to: a, form: [a]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\ncancel: [Cancel it]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A}]\ncancel: [{when: x, to: a, from: []}]\n", false),
        // What the decoder rejects.
        ("kind: process\nid: p\nname: P\nversion: -1\nactivities: []\n", false),
        ("kind: process\nid: p\nname: ~\nactivities: []\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [~]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, end: \"true\"}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, next: [~]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, responsible: [[x]]}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, handoff: {artifact: x, escalation: sideways}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, target: 1234567890s}]\n", false),
        ("kind: roles\nroles:\n  Desk: {name: Desk, kind: practitioner}\n", false),
        ("kind: roles\nroles:\n  desk: ~\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: note\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nrequire: {exists: ~}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nrequire: {separate: [{any: true}]}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nrequire: {max: {informed: ~}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nrequire: {process: {has: [owner, colour]}}\n", false),
        // `when` and `unless`: one of `passes` and `takes`, a takes with both ids.
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: ~\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: {}\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nunless: {passes: ~}\nrequire: {exists: {any: true}}\n", false),
        (
            "kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: {passes: {tag: x}, takes: {from: a, to: b}}\nrequire: {exists: {any: true}}\n",
            false
        ),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: {takes: {from: a}}\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: {takes: {from: a, to: b, by: c}}\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nunless: {takes: ~}\nrequire: {exists: {any: true}}\n", false),
        ("kind: policy\nid: p\ntitle: T\nseverity: error\nunless: [passes]\nrequire: {exists: {any: true}}\n", false),
        (
            "kind: policy\nid: p\ntitle: T\nseverity: error\nwhen: {passes: {tag: confirmed}}\nunless: {takes: {from: assess, to: close}}\nrequire: {exists: {any: true}}\n",
            true
        ),
        ("kind: config\nrules:\n  flow/*: {max: 3}\n", false),
        ("kind: config\nrules:\n  raci/too-many-consulted: {max: 3, min: 1}\n", false),
        ("kind: config\nrules:\n  handoff/gap: ~\n", false),
        // Ids of every kind, definitions and references, are at most 64 characters.
        (
            "kind: process\nid: \(longID(64))\nname: P\nowner: \(longID(64))\nroles: {\(longID(64)): {name: R, kind: owner}}\nactivities: [{id: \(longID(64)), name: A, next: \(longID(64))}]\n",
            true
        ),
        ("kind: process\nid: \(longID(65))\nname: P\nactivities: []\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: \(longID(65)), name: A}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, responsible: [\(longID(65))]}]\n", false),
        ("kind: roles\nroles:\n  \(longID(65)): {name: Desk, kind: practitioner}\n", false),
        ("kind: policy\nid: \(longID(65))\ntitle: T\nseverity: error\nrequire: {exists: {any: true}}\n", false),
        // Time: one duration or one per priority; target ends as an id or `{end: X}` / `{start: X}`.
        ("kind: process\nid: p\nname: P\npriorities: [p1]\nactivities: [{id: a, name: A, target: {p1: 10m, default: 3bd}}]\n", true),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, target: 6bh, handoff: {within: ~}}]\n", true),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, target: {}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, target: {default: 10 min}}]\n", false),
        ("kind: process\nid: p\nname: P\nactivities: [{id: a, name: A, handoff: {within: 2bdays}}]\n", false),
        (
            "kind: process\nid: p\nname: P\ntargets: [{id: t, name: T, from: {end: a}, to: {start: a}, within: 1h, clock: business}]\nactivities: [{id: a, name: A}]\n",
            true
        ),
        (
            "kind: process\nid: p\nname: P\ntargets: [{id: t, name: T, from: {start: a}, to: a, within: 1h}]\nactivities: [{id: a, name: A}]\n",
            false
        ),
        (
            "kind: process\nid: p\nname: P\ntargets: [{id: t, name: T, from: a, to: a, within: 1h, clock: wall}]\nactivities: [{id: a, name: A}]\n",
            false
        ),
        ("kind: process\nid: p\nname: P\ntargets: [{id: t, from: a, to: a, within: 1h}]\nactivities: [{id: a, name: A}]\n", false),
        ("kind: process\nid: p\nname: P\nmax-silence: 4h\nactivities: [{id: a, name: A}]\n", true),
        ("kind: config\nbusiness-day: 9h\nmax-silence: 2d\n", true),
        ("kind: config\nbusiness-day: nine hours\n", false),
        // Limits: only lower, only the known ones, and from 1 up.
        ("kind: config\nlimits: {max-depth: 65}\n", false),
        ("kind: config\nlimits: {max-file-size: 8388609}\n", false),
        ("kind: config\nlimits: {max-aliases: 0}\n", false),
        ("kind: config\nlimits: {max-activities: [10]}\n", false),
        ("kind: config\nlimits: {max-dept: 10}\n", false),
        ("kind: config\nlimits: [max-depth]\n", false),
    ]

    /// A valid id of `length` characters.
    static func longID(_ length: Int) -> String {
        String(repeating: "a", count: length)
    }

    func testEdgeCasesAgreeWithTheDecoder() throws {
        let validator = try Self.checkJSONSchema()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("procdef.schema.json")
        try Data(JSONSchemaRenderer().render().utf8).write(to: schema)

        var paths: [String] = []
        for (index, edge) in Self.edgeCases.enumerated() {
            let path = directory.appendingPathComponent("edge-\(index + 1).yaml").path
            try Data(edge.yaml.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            // A policy for `policy/incidents-are-logged` in the config case to name.
            let policy = "kind: policy\nid: incidents-are-logged\ntitle: T\nseverity: error\nrequire: {exists: {any: true}}\n"
            let report = Checker.check(files: [
                SourceFile(path: "edge-\(index + 1).yaml", bytes: Array(edge.yaml.utf8)),
                SourceFile(path: "policy.yaml", bytes: Array(policy.utf8)),
            ])
            let shapeFindings = report.diagnostics.filter { Self.shapeRules.contains($0.rule) }.map { "\($0.rule): \($0.message)" }
            XCTAssertEqual(shapeFindings.isEmpty, edge.isWellFormed, "edge-\(index + 1).yaml, decoder: \(shapeFindings)\n\(edge.yaml)")
        }
        let invalid = try Self.validate(paths, schema: schema.path, with: validator)
        for (index, edge) in Self.edgeCases.enumerated() {
            let errors = invalid[paths[index]] ?? []
            XCTAssertEqual(errors.isEmpty, edge.isWellFormed, "edge-\(index + 1).yaml, schema: \(errors)\n\(edge.yaml)")
        }
    }

    /// Every YAML example of docs/format.md validates. A whole document is checked as it is; a fragment (the keys of
    /// an activity, of a process, a list of activities, a policy's `require`) is checked inside the smallest document
    /// that holds it.
    func testTheFormatReferenceExamplesValidate() throws {
        let validator = try Self.checkJSONSchema()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("procdef.schema.json")
        try Data(JSONSchemaRenderer().render().utf8).write(to: schema)

        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/format.md")
        let examples = Self.yamlBlocks(in: try String(contentsOf: page, encoding: .utf8))
        XCTAssertGreaterThan(examples.count, 10)
        var paths: [String] = []
        for (index, example) in examples.enumerated() {
            let path = directory.appendingPathComponent("format-example-\(index + 1).yaml").path
            try Data(try Self.document(holding: example).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let invalid = try Self.validate(paths, schema: schema.path, with: validator)
        for (index, example) in examples.enumerated() {
            XCTAssertEqual(invalid[paths[index]] ?? [], [], "example \(index + 1) of docs/format.md:\n\(example)")
        }
    }

    /// The fenced `yaml` blocks of a Markdown page, each with its common indentation removed.
    static func yamlBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if current == nil, trimmed == "```yaml" {
                current = []
            } else if let lines = current, trimmed.hasPrefix("```") {
                let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
                blocks.append(lines.map { $0.dropFirst(min(indent, $0.count)) }.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The example itself when it is a document, or else the smallest document that holds it, from its first key.
    static func document(holding example: String) throws -> String {
        let indented = { (text: String, spaces: Int) in
            text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? "" : String(repeating: " ", count: spaces) + $0
            }
            .joined(separator: "\n")
        }
        let first = try XCTUnwrap(example.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) })
        if first.hasPrefix("- ") { return "kind: process\nid: p\nname: P\nactivities:\n" + indented(example, 2) }
        let key = String(first.prefix { $0 != ":" })
        if key == "kind" { return example }
        if KeyTable.activity.names.contains(key) {
            return "kind: process\nid: p\nname: P\nactivities:\n  - id: a\n    name: A\n" + indented(example, 4)
        }
        if KeyTable.process.names.contains(key) {
            return "kind: process\nid: p\nname: P\n" + (key == "activities" ? "" : "activities: []\n") + example
        }
        if KeyTable.policy.names.contains(key) { return "kind: policy\nid: p\ntitle: T\nseverity: error\n" + example }
        XCTFail("no document holds an example that starts with '\(key)':\n\(example)")
        return example
    }

    /// The documents of a YAML text; the examples separate them with `---` lines.
    static func documents(of text: String) -> [String] {
        var documents: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" {
                documents.append(current.joined(separator: "\n") + "\n")
                current = []
            } else {
                current.append(line)
            }
        }
        documents.append(current.joined(separator: "\n") + "\n")
        return documents.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Messages per file, from one run of check-jsonschema over every file.
    static func validate(_ files: [String], schema: String, with validator: URL) throws -> [String: [String]] {
        let process = Process()
        process.executableURL = validator
        process.arguments = ["--output-format", "json", "--schemafile", schema] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], String(decoding: data, as: UTF8.self))
        var messages: [String: [String]] = [:]
        for key in ["errors", "parse_errors"] {
            for error in report[key] as? [[String: Any]] ?? [] {
                guard let file = error["filename"] as? String else { continue }
                let path = error["path"] as? String ?? ""
                messages[file, default: []].append("\((file as NSString).lastPathComponent)::\(path): \(error["message"] as? String ?? "")")
            }
        }
        return messages
    }

    static func checkJSONSchema() throws -> URL {
        URL(fileURLWithPath: try OptionalTool.checkJSONSchema.require())
    }
}
