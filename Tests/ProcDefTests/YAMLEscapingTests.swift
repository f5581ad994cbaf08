import XCTest

@testable import ProcDef

/// Text from a spreadsheet written into YAML: plain where it can be, quoted where YAML would read something else, and
/// always read back by procdef as the same text.
final class YAMLEscapingTests: XCTestCase {
    func testOrdinaryTextStaysPlain() {
        for text in [
            "Log the incident", "Assess, approve and plan", "Café — 日本", "CAB member's vote", "2fa reset", "e", "a:b", "Priority 1?",
        ] {
            XCTAssertEqual(YAMLEscaping.scalar(text), text)
        }
        XCTAssertEqual(YAMLEscaping.scalar("Log [urgent] {p1}"), "Log [urgent] {p1}")
    }

    func testTextYAMLWouldReadAsSomethingElseIsQuoted() {
        XCTAssertEqual(YAMLEscaping.scalar(""), "\"\"")
        XCTAssertEqual(YAMLEscaping.scalar("null"), "\"null\"")
        XCTAssertEqual(YAMLEscaping.scalar("~"), "\"~\"")
        XCTAssertEqual(YAMLEscaping.scalar("TRUE"), "\"TRUE\"")
        XCTAssertEqual(YAMLEscaping.scalar("404"), "\"404\"")
        XCTAssertEqual(YAMLEscaping.scalar("-1.5e3"), "\"-1.5e3\"")
        XCTAssertEqual(YAMLEscaping.scalar("- item"), "\"- item\"")
        XCTAssertEqual(YAMLEscaping.scalar("#1 priority"), "\"#1 priority\"")
        XCTAssertEqual(YAMLEscaping.scalar("'quoted'"), "\"'quoted'\"")
        XCTAssertEqual(YAMLEscaping.scalar("\"Quoted\" name"), "\"\\\"Quoted\\\" name\"")
        XCTAssertEqual(YAMLEscaping.scalar("[a, b]"), "\"[a, b]\"")
        XCTAssertEqual(YAMLEscaping.scalar("*alias"), "\"*alias\"")
        XCTAssertEqual(YAMLEscaping.scalar("Approve: CAB"), "\"Approve: CAB\"")
        XCTAssertEqual(YAMLEscaping.scalar("Approve:"), "\"Approve:\"")
        XCTAssertEqual(YAMLEscaping.scalar("Approve # later"), "\"Approve # later\"")
        XCTAssertEqual(YAMLEscaping.scalar(" padded "), "\" padded \"")
    }

    func testLineBreaksAndControlsAreEscaped() {
        XCTAssertEqual(YAMLEscaping.scalar("Log\nkind: policy"), "\"Log\\nkind: policy\"")
        XCTAssertEqual(YAMLEscaping.scalar("a\r\nb\tc\\d"), "\"a\\r\\nb\\tc\\\\d\"")
        XCTAssertEqual(YAMLEscaping.scalar("bell\u{7}\u{0}"), "\"bell\\u0007\\u0000\"")
        XCTAssertEqual(YAMLEscaping.scalar("Desk \u{202E}gnp.exe"), "\"Desk \\u202Egnp.exe\"")
        XCTAssertEqual(YAMLEscaping.scalar("a\u{2028}b\u{85}\u{FEFF}"), "\"a\\u2028b\\u0085\\uFEFF\"")
    }

    /// Every value, written as an activity name, decodes to itself.
    func testProcdefReadsEveryValueBackUnchanged() throws {
        let values = [
            "Log the incident", "", "null", "404", "- item", "#1", "'x'", "\"x\"", "a: b", "a #b", "x:", " lead", "trail ",
            "one\ntwo", "a\r\nb", "tab\there", "back\\slash\\", "\u{7}\u{1B}[31m", "\u{202E}rtl\u{2069}", "日本 — Café", "[x]", "{y}",
            "&anchor", "!tag", "|", ">", "%", "@", "`", "? q", "---", "...", "<<",
        ]
        var yaml = "kind: process\nid: p\nname: P\nactivities:\n"
        for (index, value) in values.enumerated() {
            yaml += "  - id: a\(index)\n    name: \(YAMLEscaping.scalar(value))\n"
        }
        let report = Checker.check(files: [SourceFile(path: "p.yaml", bytes: Array(yaml.utf8))])
        let decoded = try XCTUnwrap(report.workspace.process(id: "p"))
        XCTAssertEqual(decoded.activities.map(\.name.value), values)
        XCTAssertEqual(report.diagnostics.filter { $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("schema/") }.map(\.message), [])
    }
}
