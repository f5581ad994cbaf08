import Foundation
import ProcDef
import ProcDefOutput
import XCTest

/// The key tables of docs/format.md are generated from the format's description: this test regenerates them and fails
/// when the committed page differs. `RECORD_GOLDEN=1 swift test --filter FormatTableRendererTests` rewrites the page;
/// read the diff before committing it.
final class FormatTableRendererTests: XCTestCase {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/format.md")

    func testTheFormatReferenceTablesAreTheDescription() throws {
        let committed = try String(contentsOf: Self.page, encoding: .utf8)
        let regenerated = try FormatTableRenderer().regenerate(committed)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(regenerated.utf8).write(to: Self.page)
            return
        }
        XCTAssertEqual(
            regenerated, committed,
            "docs/format.md's key tables are out of date: RECORD_GOLDEN=1 swift test --filter FormatTableRendererTests")
    }

    /// Every table that documents keys on its own is generated; the nested ones are written on their parent's row.
    func testEveryKeyTableWithARowOfItsOwnIsGenerated() throws {
        let committed = try String(contentsOf: Self.page, encoding: .utf8)
        let nestedOnParentRow: Set = ["defaults", "before", "all", "process-requirement", "max", "limits"]
        for (name, _) in KeyTable.all where !nestedOnParentRow.contains(name) {
            XCTAssertTrue(committed.contains("<!-- generated: \(name) keys -->"), "docs/format.md has no generated table of \(name) keys")
        }
    }

    func testRowsSayWhatTheCheckerDoes() {
        let lines = FormatTableRenderer().render(KeyTable.branch, named: "branch").map(String.init)
        XCTAssertEqual(
            lines,
            [
                "| field | type | required | meaning |",
                "|---|---|---|---|",
                "| `to` | activity id | no: `schema/missing-field`, unless the branch has `all` | the target |",
                "| `all` | list of fork branches | no | instead of `to`: the branch forks, and every one of these runs |",
                "| `when` | text | no: `flow/unconditioned-branch`, in a decision | the condition for taking this branch |",
                "| `outcome` | `approved` or `rejected` | no | on a branch of an `approval` step: the approver's answer that takes it; once one branch says it, both answers need a branch (see [Kinds of steps](#kinds-of-steps)) |",
                "| `priorities` | list of priority ids | no | only cases of these priorities take the branch (see [Time](#time)) |",
                "| `handoff` | handoff | no: `handoff/gap`, when responsibility changes | the handoff on this branch |",
            ])
    }

    func testSectionsAreRewrittenInPlaceKeepingTheirIndentation() throws {
        let page = """
            Prose stays.

              <!-- generated: applies-to keys -->
              | stale |
              <!-- end generated -->

            More prose.
            """
        XCTAssertEqual(
            try FormatTableRenderer().regenerate(page),
            """
            Prose stays.

              <!-- generated: applies-to keys -->
              | field | type | meaning |
              |---|---|---|
              | `tags` | list of names | the processes with any of these tags |
              | `ids` | list of process ids | these processes |
              | `all` | boolean | `true`: every process |
              <!-- end generated -->

            More prose.
            """)
        XCTAssertThrowsError(try FormatTableRenderer().regenerate("<!-- generated: nothing keys -->\n<!-- end generated -->"))
        XCTAssertThrowsError(try FormatTableRenderer().regenerate("<!-- generated: role keys -->\n| unclosed |"))
    }
}
