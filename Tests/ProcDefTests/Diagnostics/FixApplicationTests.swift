import XCTest
import YAMLTree

@testable import ProcDef

final class FixApplicationTests: XCTestCase {
    private func edit(_ start: Int, _ end: Int, _ text: String, file: String = "f.yaml") -> TextEdit {
        TextEdit(
            file: file,
            range: SourceRange(
                start: SourcePosition(line: 1, column: start + 1, offset: start), end: SourcePosition(line: 1, column: end + 1, offset: end)
            ),
            newText: text)
    }

    private func fix(_ edits: TextEdit...) -> Fix {
        Fix(description: "d", applicability: .safe, edits: edits)
    }

    func testEveryOtherByteStays() {
        let original = Array("a: 1  # keep me\nresposible: x\n".utf8)
        let applied = FixApplication([fix(edit(16, 26, "responsible"))], to: original, file: "f.yaml")
        XCTAssertEqual(String(decoding: applied.bytes, as: UTF8.self), "a: 1  # keep me\nresponsible: x\n")
        XCTAssertEqual(applied.applied.count, 1)
        XCTAssertEqual(applied.skipped, [])
    }

    func testEditsApplyFromTheEndSoOffsetsHold() {
        let original = Array("ab cd ef".utf8)
        let applied = FixApplication([fix(edit(0, 2, "XYZ")), fix(edit(6, 8, ""))], to: original, file: "f.yaml")
        XCTAssertEqual(String(decoding: applied.bytes, as: UTF8.self), "XYZ cd ")
    }

    func testAnInsertionWhereADeletionStartsKeepsBoth() {
        let original = Array("a\n# gone\nb\n".utf8)
        for order in [[fix(edit(2, 2, "new\n")), fix(edit(2, 9, ""))], [fix(edit(2, 9, "")), fix(edit(2, 2, "new\n"))]] {
            let applied = FixApplication(order, to: original, file: "f.yaml")
            XCTAssertEqual(String(decoding: applied.bytes, as: UTF8.self), "a\nnew\nb\n")
            XCTAssertEqual(applied.applied.count, 2)
        }
    }

    func testAnOverlappingFixIsSkippedWhole() {
        let original = Array("abcdef".utf8)
        let first = fix(edit(1, 3, "X"))
        let second = fix(edit(4, 5, "Y"), edit(2, 4, "Z"))
        let applied = FixApplication([first, second], to: original, file: "f.yaml")
        XCTAssertEqual(String(decoding: applied.bytes, as: UTF8.self), "aXdef")
        XCTAssertEqual(applied.applied, [first])
        XCTAssertEqual(applied.skipped, [second])
        // Two insertions at one offset: the second is skipped, since their order would be a guess.
        let inserts = FixApplication([fix(edit(3, 3, "1")), fix(edit(3, 3, "2"))], to: original, file: "f.yaml")
        XCTAssertEqual(String(decoding: inserts.bytes, as: UTF8.self), "abc1def")
        // An insertion inside a replaced range overlaps it.
        let inside = FixApplication([fix(edit(1, 4, "X")), fix(edit(2, 2, "!"))], to: original, file: "f.yaml")
        XCTAssertEqual(inside.skipped.count, 1)
    }

    func testAnEditOutsideTheFileOrInAnotherFileIsSkipped() {
        let original = Array("abc".utf8)
        XCTAssertEqual(FixApplication([fix(edit(2, 9, "X"))], to: original, file: "f.yaml").skipped.count, 1)
        XCTAssertEqual(FixApplication([fix(edit(0, 1, "X", file: "g.yaml"))], to: original, file: "f.yaml").bytes, original)
    }
}

final class FixPlanTests: XCTestCase {
    func testAFileWithAYAMLErrorIsLeftAlone() {
        let fix = Fix.replace(
            SourceRange(at: .fileStart), in: "p.yaml", with: "x", description: "Insert x", applicability: .safe)
        var finding = Diagnostic(file: "p.yaml", range: .fileStart, severity: .error, rule: "schema/unknown-key", message: "m")
        finding.fixes = [fix]
        let syntax = Diagnostic(file: "p.yaml", range: .fileStart, severity: .error, rule: "yaml/syntax", message: "m")
        let report = CheckReport(
            workspace: Workspace(sources: [SourceFile(path: "p.yaml", bytes: Array("a: 1\n".utf8))]), diagnostics: [finding, syntax])
        let plan = FixPlan(report: report, unsafe: true)
        XCTAssertEqual(plan.changes.count, 0)
        XCTAssertEqual(plan.untouched.map(\.file), ["p.yaml"])
        XCTAssertEqual(plan.untouched.map(\.reason), ["it is not valid YAML"])
        // Without the syntax error, a file held in memory (standard input) has nowhere to be written.
        let memory = FixPlan(
            report: CheckReport(workspace: report.workspace, diagnostics: [finding]), unsafe: false)
        XCTAssertEqual(memory.untouched.map(\.reason), ["it was not read from a file"])
    }
}
