import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The diff and handoff-map renderers on hostile definitions: Markdown that a permissive renderer shows as text,
/// terminal output without control characters, JSON that parses back to the same strings.
final class DiffRenderingTests: XCTestCase {
    static let hostile = "Ev\"il | <script>alert(1)</script> `tick` *star* \u{1B}[31m\\"

    private static let roles = """
        kind: roles
        roles:
          owner: {name: Owner, kind: owner, team: "Team | <b>bold</b>"}
          desk: {name: Desk, kind: practitioner, team: "Desk\\nteam"}
          resolver: {name: Resolver, kind: practitioner, team: "Fix `it` *now* \\e[31m"}

        """

    private func process(name: String, expectation: String?, responsible: String) -> String {
        Self.process(name: name, expectation: expectation, responsible: responsible)
    }

    private static func process(name: String, expectation: String?, responsible: String = "resolver") -> String {
        var text = """
            kind: process
            id: incident
            name: "\(name)"
            owner: owner
            defaults:
              accountable: owner
            activities:
              - id: log
                name: "\(name)"
                responsible: desk

            """
        if let expectation {
            text += "    handoff:\n      artifact: record\n      expectation: \"\(expectation)\"\n"
        }
        text += "  - id: fix\n    name: Fix\n    responsible: \(responsible)\n"
        return text
    }

    /// YAML double-quoted text for `hostile`: backslash, quote and ESC escaped.
    private static var quoted: String {
        hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
            of: "\u{1B}", with: "\\e")
    }

    private static func check(_ process: String) -> CheckReport {
        let files = [
            SourceFile(path: "roles.yaml", bytes: Array(roles.utf8)), SourceFile(path: "incident.yaml", bytes: Array(process.utf8)),
        ]
        return Checker.check(files: files, options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
    }

    /// The handoff's expectation becomes hostile and multi-line, the names hostile, then the handoff goes (a gap).
    static var diff: WorkspaceDiff {
        let old = check(process(name: "Log", expectation: "Within 1 hour."))
        let new = check(process(name: quoted, expectation: nil, responsible: "owner"))
        return ProcessDiff.compare(old: old, new: new)
    }

    static var changedHandoff: WorkspaceDiff {
        ProcessDiff.compare(
            old: check(process(name: "Log", expectation: "Within 1 hour.")),
            new: check(process(name: "Log", expectation: quoted + "\\nsecond line")))
    }

    /// Every changed edge says what changed: here the receiving end's responsible role becomes unknown, and back.
    func testAnEdgeWhoseResponsibilityCanNoLongerBeToldSaysSo() {
        let same = process(name: "Log", expectation: nil, responsible: "desk")
        let unknown = process(name: "Log", expectation: nil, responsible: "nobody-yet")
        let diff = ProcessDiff.compare(old: Self.check(same), new: Self.check(unknown))
        let text = DiffTextRenderer().render(diff)
        XCTAssertTrue(
            text.contains(
                "'log' -> 'fix': whether responsibility passes can no longer be told (an unknown role or target, or no responsible role)\n"),
            text)
        let back = ProcessDiff.compare(old: Self.check(unknown), new: Self.check(same))
        XCTAssertTrue(
            DiffTextRenderer().render(back).contains("'log' -> 'fix': responsibility now stays with 'desk' on both ends\n"),
            DiffTextRenderer().render(back))
    }

    func testGoldens() {
        assertGolden(DiffTextRenderer().render(Self.diff), named: "review/hostile-diff.txt")
        assertGolden(DiffMarkdownRenderer().render(Self.diff), named: "review/hostile-diff.md")
        assertGolden(DiffJSONRenderer().render(Self.diff), named: "review/hostile-diff.json")
        assertGolden(DiffMarkdownRenderer().render(Self.changedHandoff), named: "review/hostile-handoff.md")
        assertGolden(DiffTextRenderer().render(Self.changedHandoff), named: "review/hostile-handoff.txt")
    }

    func testMarkdownShowsTextNeverHTMLAndKeepsTableColumns() throws {
        for diff in [Self.diff, Self.changedHandoff] {
            let html = try CmarkGFM.html(DiffMarkdownRenderer().render(diff))
            XCTAssertFalse(html.lowercased().contains("<script"), html)
            XCTAssertFalse(html.contains("<b>"), html)
            XCTAssertFalse(html.contains("<em>"), html)
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
            for table in html.components(separatedBy: "<table>").dropFirst() {
                let rows = table.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").dropFirst()
                let counts = rows.map { $0.components(separatedBy: "<td>").count + $0.components(separatedBy: "<th>").count - 2 }
                XCTAssertEqual(Set(counts).count, 1, "\(counts)")
            }
        }
    }

    func testTextHasNoControlCharactersAndOneLinePerItem() {
        for diff in [Self.diff, Self.changedHandoff] {
            let text = DiffTextRenderer().render(diff)
            XCTAssertFalse(text.unicodeScalars.contains { $0 != "\n" && TerminalEscaping.isUnsafe($0) }, text)
            XCTAssertTrue(text.contains(#"\u{1B}[31m"#), text)
        }
        XCTAssertFalse(DiffTextRenderer().render(Self.changedHandoff).contains("\nsecond line"))
    }

    func testJSONParsesBackToTheSameStrings() throws {
        let json = DiffJSONRenderer().render(Self.changedHandoff)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let process = try XCTUnwrap((root["processes"] as? [[String: Any]])?.first)
        let edge = try XCTUnwrap((process["edges"] as? [[String: Any]])?.first)
        let handoff = try XCTUnwrap((edge["after"] as? [String: Any])?["handoff"] as? [String: Any])
        XCTAssertEqual(handoff["expectation"] as? String, Self.hostile + "\nsecond line")
    }

    func testHandoffMapOnHostileNames() throws {
        let map = HandoffMap(report: HostileFixture.report)
        assertGolden(HandoffMapTextRenderer().render(map), named: "review/hostile-handoffs.txt")
        assertGolden(HandoffMapCSVRenderer().render(map), named: "review/hostile-handoffs.csv")
        assertGolden(HandoffMapMarkdownRenderer().render(map), named: "review/hostile-handoffs.md")
        let html = try CmarkGFM.html(HandoffMapMarkdownRenderer().render(map))
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertFalse(HandoffMapTextRenderer().render(map).unicodeScalars.contains { $0 != "\n" && TerminalEscaping.isUnsafe($0) })
    }

    func testEmptyDiffInEveryFormat() {
        let empty = WorkspaceDiff(processes: [], roles: [], findings: FindingChanges(), unchangedProcesses: 2)
        XCTAssertEqual(DiffTextRenderer().render(empty), "no changes to processes, roles or findings\n")
        XCTAssertEqual(DiffMarkdownRenderer().render(empty), "## procdef diff\n\nNo changes to processes, roles or findings.\n")
        XCTAssertTrue(DiffJSONRenderer().render(empty).contains("\"processesUnchanged\": 2,"))
    }
}
