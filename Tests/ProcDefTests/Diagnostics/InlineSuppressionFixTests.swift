import XCTest
import YAMLTree

@testable import ProcDef

/// The inline suppression an editor offers for a finding (`InlineSuppressionFix`): the comment where the finding's
/// line reads it, so that the finding is gone and the suppression is used.
final class InlineSuppressionFixTests: XCTestCase {
    /// The fall-through from `log` to `diagnose` is a handoff gap, reported on `log`'s line (7).
    private static let gap =
        FixFixture.processHeader + """
              - id: log
                name: Log
                responsible: service-desk
              - id: diagnose
                name: Diagnose
                responsible: resolver

            """

    /// The suppression of the first finding of `rule`, and the file it makes, which parses, has that finding no more
    /// and no suppression that silenced nothing.
    private func suppression(of rule: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> (
        fix: String, after: String
    )? {
        let source = SourceFile(path: FixFixture.path, bytes: Array(text.utf8))
        let result = FixFixture.resolving(
            rule, in: text, applicability: .unsafe, choose: { finding, _ in InlineSuppressionFix.fix(for: finding, source: source) },
            file: file, line: line)
        if let after = result?.after {
            XCTAssertEqual(FixFixture(after).findings("lint/unused-suppression").map(\.message), [], after, file: file, line: line)
        }
        return result
    }

    func testALineOfItsOwnAboveTheFindingAtItsIndentation() throws {
        let result = try XCTUnwrap(suppression(of: "handoff/gap", in: Self.gap))
        XCTAssertEqual(
            result.fix,
            "[unsafe] Suppress 'handoff/gap' here with `# procdef: ignore handoff/gap`: p.yaml:7:1-7:1 -> "
                + "  # procdef: ignore handoff/gap -- TODO: say why this finding is acceptable\n")
        XCTAssertEqual(
            result.after,
            Self.gap.replacingOccurrences(
                of: "  - id: log\n", with: "  # procdef: ignore handoff/gap -- TODO: say why this finding is acceptable\n  - id: log\n"))
        let crlf = try XCTUnwrap(suppression(of: "handoff/gap", in: Self.gap.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertEqual(crlf.after, result.after.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testASuppressionAlreadyAimedAtTheLineTakesOneMoreRule() throws {
        let before = Self.gap.replacingOccurrences(
            of: "  - id: log\n", with: "  # procdef: ignore flow/self-loop -- it loops\n  - id: log\n")
        let fixture = FixFixture(before)
        let finding = try XCTUnwrap(fixture.findings("handoff/gap").first)
        let fix = try XCTUnwrap(
            InlineSuppressionFix.fix(for: finding, source: SourceFile(path: FixFixture.path, bytes: Array(before.utf8))))
        XCTAssertEqual(
            FixFixture.describe(fix), "[unsafe] Add 'handoff/gap' to the suppression on line 7: p.yaml:7:35-7:35 -> , handoff/gap")
        let after = fixture.applying(fix)
        XCTAssertEqual(after, before.replacingOccurrences(of: "flow/self-loop --", with: "flow/self-loop, handoff/gap --"))
        XCTAssertEqual(FixFixture(after).findings("handoff/gap").count, 0)
    }

    func testABlockTextsKeyLineGetsItAboveAndALineInsideTheTextGetsNone() throws {
        let before = Self.gap.replacingOccurrences(of: "    responsible: resolver\n", with: "    responsible: |\n      resolver\n")
        let result = try XCTUnwrap(suppression(of: "schema/invalid-id", in: before))
        XCTAssertEqual(
            result.after,
            before.replacingOccurrences(
                of: "    responsible: |\n",
                with: "    # procdef: ignore schema/invalid-id -- TODO: say why this finding is acceptable\n    responsible: |\n"))
        // A comment on the text's own lines, or between them, would be text.
        let offset = try XCTUnwrap(before.range(of: "      resolver\n")).lowerBound.utf16Offset(in: before) + 6
        let inside = Diagnostic(
            file: FixFixture.path, range: SourceRange(at: SourcePosition(line: 13, column: 7, offset: offset)), severity: .warning,
            rule: "handoff/gap", message: "m")
        XCTAssertNil(InlineSuppressionFix.fix(for: inside, source: SourceFile(path: FixFixture.path, bytes: Array(before.utf8))))
    }

    func testAFindingAtTheStartOfTheFileGetsItAfterTheFirstLine() throws {
        let before = Self.gap.replacingOccurrences(of: "id: p\n", with: "")
        let result = try XCTUnwrap(suppression(of: "schema/missing-field", in: before))
        XCTAssertEqual(
            result.fix,
            "[unsafe] Suppress 'schema/missing-field' here with `# procdef: ignore schema/missing-field`: p.yaml:1:14-1:14 -> "
                + "  # procdef: ignore schema/missing-field -- TODO: say why this finding is acceptable")
    }

    func testNoneForWhatNoSuppressionSilencesOrWhereThereIsNoPlace() throws {
        let source = SourceFile(path: FixFixture.path, bytes: Array(Self.gap.utf8))
        let fix = try XCTUnwrap(InlineSuppressionFix(source: source))
        func finding(_ rule: String, line: Int, file: String = FixFixture.path) -> Diagnostic {
            Diagnostic(
                file: file, range: SourceRange(at: SourcePosition(line: line, column: 3, offset: 90)), severity: .error, rule: rule,
                message: "m")
        }
        XCTAssertNotNil(fix.fix(for: finding("handoff/gap", line: 7)))
        XCTAssertNil(fix.fix(for: finding("lint/unused-suppression", line: 7)), "lint/* findings are never silenced")
        XCTAssertNil(fix.fix(for: finding("yaml/syntax", line: 7)), "a file procdef cannot read is never edited")
        XCTAssertNil(fix.fix(for: finding("handoff/gap", line: 7, file: "q.yaml")), "another file")
        XCTAssertNil(fix.fix(for: finding("handoff/gap", line: 13)), "an empty line")
        XCTAssertNil(fix.fix(for: finding("handoff/gap", line: 99)), "no such line")
        XCTAssertNil(InlineSuppressionFix(source: SourceFile(path: FixFixture.path, bytes: Array("kind: [process\n".utf8))))
        let configuration = try XCTUnwrap(
            InlineSuppressionFix(source: SourceFile(path: FixFixture.path, bytes: Array("kind: config\nrulez: {}\n".utf8))))
        XCTAssertNil(
            configuration.fix(for: finding("schema/unknown-key", line: 2)), "the active configuration's findings come after suppressions")
        XCTAssertNil(InlineSuppressionFix(source: SourceFile(path: FixFixture.path, bytes: Array("kind: process\rid: p\r".utf8))))
        // Findings never carry it: a report, or `--fix --unsafe-fixes`, would otherwise silence every finding.
        XCTAssertEqual(FixFixture(Self.gap).report.diagnostics.flatMap(\.fixes).filter { $0.description.hasPrefix("Suppress") }, [])
    }
}
