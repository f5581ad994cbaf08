import XCTest
import YAMLTree

@testable import ProcDef

/// One file checked beside a role catalogue, the fixes its findings offer, and the text each fix makes of it: what a
/// fix test asserts, from the edits to the file an editor or `procdef check --fix` would write.
struct FixFixture {
    static let path = "p.yaml"
    /// The start of a process against `standardCatalogue`, up to its `activities:`.
    static let processHeader = """
        kind: process
        id: p
        name: P
        owner: process-owner
        defaults: {accountable: incident-manager}
        activities:

        """

    let text: String
    let catalogue: String
    let report: CheckReport

    init(_ text: String, catalogue: String = standardCatalogue) {
        self.text = text
        self.catalogue = catalogue
        self.report = Self.check(text, catalogue: catalogue)
    }

    static func check(_ text: String, catalogue: String = standardCatalogue) -> CheckReport {
        Checker.check(
            files: [
                SourceFile(path: "roles.yaml", bytes: Array(catalogue.utf8)), SourceFile(path: path, bytes: Array(text.utf8)),
            ],
            options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
    }

    func findings(_ rule: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule == rule && $0.file == Self.path }
    }

    /// The fixes of `rule`'s findings, in report order.
    func fixes(_ rule: String) -> [Fix] {
        findings(rule).flatMap(\.fixes)
    }

    /// `[unsafe] description: file:line:column-line:column -> new text`, one line per fix.
    static func describe(_ fix: Fix) -> String {
        let edits = fix.edits.map {
            "\($0.file):\($0.range.start.line):\($0.range.start.column)-\($0.range.end.line):\($0.range.end.column) -> \($0.newText)"
        }
        return "[\(fix.applicability.rawValue)] \(fix.description): " + edits.joined(separator: "; ")
    }

    /// The file with `fix` applied; a failure when the fix does not apply whole.
    func applying(_ fix: Fix, file: StaticString = #filePath, line: UInt = #line) -> String {
        let application = FixApplication([fix], to: Array(text.utf8), file: Self.path)
        XCTAssertEqual(application.applied, [fix], "the fix does not apply", file: file, line: line)
        return String(decoding: application.bytes, as: UTF8.self)
    }

    /// Applies the fix `choose` picks for the first finding of `rule` in `text` (by default its first fix), and
    /// asserts that it has `applicability`, applies whole, makes a file that parses, and resolves the finding: checked
    /// again, the file has one finding with its rule and message fewer. The fix, described, and the file it makes.
    static func resolving(
        _ rule: String, in text: String, applicability: Fix.Applicability,
        choose: (Diagnostic, FixFixture) -> Fix? = { finding, _ in finding.fixes.first },
        file: StaticString = #filePath, line: UInt = #line
    ) -> (fix: String, after: String)? {
        let fixture = FixFixture(text)
        guard let finding = fixture.findings(rule).first, let fix = choose(finding, fixture) else {
            XCTFail("no \(rule) finding with a fix", file: file, line: line)
            return nil
        }
        XCTAssertEqual(fix.applicability, applicability, file: file, line: line)
        let after = fixture.applying(fix, file: file, line: line)
        XCTAssertTrue(parses(after), after, file: file, line: line)
        let same = { (report: FixFixture) in report.findings(rule).count { $0.message == finding.message } }
        XCTAssertEqual(same(FixFixture(after, catalogue: fixture.catalogue)), same(fixture) - 1, after, file: file, line: line)
        return (describe(fix), after)
    }

    /// Whether `text` reads as YAML without a syntax, encoding or limit problem, or a repeated key.
    static func parses(_ text: String) -> Bool {
        YAMLReader.parse(Array(text.utf8)).problems.isEmpty
    }
}
