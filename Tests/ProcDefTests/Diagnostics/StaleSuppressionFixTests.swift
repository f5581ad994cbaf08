import XCTest
import YAMLTree

@testable import ProcDef

/// `lint/unused-suppression`'s fix: the stale suppression removed, safely, since it silenced nothing. The fixture's
/// fall-through from `log` to `diagnose` is a handoff gap, reported on `log`'s line, for a suppression to be used.
final class StaleSuppressionFixTests: XCTestCase {
    private static func process(_ log: String) -> String {
        FixFixture.processHeader + """
            \(log)
                name: Log
                responsible: service-desk
              - id: diagnose
                name: Diagnose
                responsible: resolver

            """
    }

    /// The first stale suppression's fixes, described; and the file the last of them (the safe removal) makes, which
    /// parses and has that stale suppression no more.
    private func fixed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (fixes: [String], after: String)? {
        let fixes = FixFixture(text).findings("lint/unused-suppression").first?.fixes.map(FixFixture.describe) ?? []
        let removal = FixFixture.resolving(
            "lint/unused-suppression", in: text, applicability: .safe, choose: { finding, _ in finding.fixes.last }, file: file, line: line)
        return removal.map { (fixes, $0.after) }
    }

    func testACommentAloneOnItsLineGoesWithItsLine() throws {
        let before = Self.process("  # procdef: ignore raci/too-many-consulted -- the CAB sits as one\n  - id: log")
        let result = try XCTUnwrap(fixed(before))
        XCTAssertEqual(result.fixes, ["[safe] Remove the unused suppression: p.yaml:7:1-8:1 -> "])
        XCTAssertEqual(result.after, Self.process("  - id: log"))
        let crlf = before.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try XCTUnwrap(fixed(crlf)).after, Self.process("  - id: log").replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testACommentAfterContentGoesWithTheSpaceBeforeIt() throws {
        let result = try XCTUnwrap(fixed(Self.process("  - id: log   # procdef: ignore flow/self-loop -- it loops")))
        XCTAssertEqual(result.fixes, ["[safe] Remove the unused suppression: p.yaml:7:12-7:59 -> "])
        XCTAssertEqual(result.after, Self.process("  - id: log"))
    }

    func testOnlyTheStaleRulesOfAListGo() throws {
        let last = try XCTUnwrap(fixed(Self.process("  - id: log  # procdef: ignore handoff/gap, flow/self-loop -- reviewed")))
        XCTAssertEqual(last.fixes, ["[safe] Remove 'flow/self-loop' from the suppression: p.yaml:7:43-7:59 -> "])
        XCTAssertEqual(last.after, Self.process("  - id: log  # procdef: ignore handoff/gap -- reviewed"))
        let first = try XCTUnwrap(fixed(Self.process("  - id: log  # procdef: ignore flow/self-loop handoff/gap -- reviewed")))
        XCTAssertEqual(first.fixes, ["[safe] Remove 'flow/self-loop' from the suppression: p.yaml:7:32-7:47 -> "])
        XCTAssertEqual(first.after, Self.process("  - id: log  # procdef: ignore handoff/gap -- reviewed"))
        // Every rule of the comment stale: each finding's fix removes the whole comment, once.
        let fixture = FixFixture(Self.process("  - id: log  # procdef: ignore flow/self-loop, raci/idle-role -- reviewed"))
        XCTAssertEqual(
            fixture.fixes("lint/unused-suppression").map(FixFixture.describe),
            Array(repeating: "[safe] Remove the unused suppression: p.yaml:7:12-7:74 -> ", count: 2))
        let both = FixApplication(fixture.fixes("lint/unused-suppression"), to: Array(fixture.text.utf8), file: FixFixture.path)
        XCTAssertEqual(String(decoding: both.bytes, as: UTF8.self), Self.process("  - id: log"))
        XCTAssertEqual(both.applied.count, 1)
    }

    func testAMisspeltRuleIsFirstAnUnsafeGuess() throws {
        let before = Self.process("  # procdef: ignore handof/gap -- reviewed\n  - id: log")
        let result = try XCTUnwrap(fixed(before))
        XCTAssertEqual(
            result.fixes,
            [
                "[unsafe] Replace 'handof/gap' with 'handoff/gap': p.yaml:7:21-7:31 -> handoff/gap",
                "[safe] Remove the unused suppression: p.yaml:7:1-8:1 -> ",
            ])
        let fixture = FixFixture(before)
        let guess = try XCTUnwrap(fixture.fixes("lint/unused-suppression").first)
        let guessed = fixture.applying(guess)
        XCTAssertEqual(guessed, Self.process("  # procdef: ignore handoff/gap -- reviewed\n  - id: log"))
        XCTAssertEqual(FixFixture(guessed).findings("handoff/gap").count, 0, "the gap it meant is silenced")
        XCTAssertEqual(FixFixture(guessed).findings("lint/unused-suppression").count, 0)
    }

    func testALineAnotherSuppressionAimsAtStaysBlank() throws {
        let before = Self.process(
            """
              # procdef: ignore handoff/gap -- reviewed
              # procdef: ignore flow/self-loop -- it loops
              - id: log
            """)
        let fixture = FixFixture(before)
        XCTAssertEqual(
            fixture.fixes("lint/unused-suppression").map(FixFixture.describe),
            [
                "[safe] Remove the unused suppression: p.yaml:7:1-8:1 -> ",
                "[safe] Remove the unused suppression: p.yaml:8:1-8:47 -> ",
            ])
        // Removing only the second keeps its line, so the first still aims at a line with no finding.
        let second = fixture.applying(fixture.fixes("lint/unused-suppression")[1])
        XCTAssertEqual(second, Self.process("  # procdef: ignore handoff/gap -- reviewed\n\n  - id: log"))
        XCTAssertEqual(FixFixture(second).findings("handoff/gap").count, 1)
        let both = FixApplication(fixture.fixes("lint/unused-suppression"), to: Array(before.utf8), file: FixFixture.path)
        XCTAssertEqual(String(decoding: both.bytes, as: UTF8.self), Self.process("\n  - id: log"))
    }

    func testASuppressionThatNamesNoRuleGoesWhole() throws {
        let result = try XCTUnwrap(fixed(Self.process("  # procdef: ignore -- reviewed\n  - id: log")))
        XCTAssertEqual(result.fixes, ["[safe] Remove the unused suppression: p.yaml:7:1-8:1 -> "])
        XCTAssertEqual(result.after, Self.process("  - id: log"))
    }
}
