import XCTest
import YAMLTree

@testable import ProcDef

/// Layouts where a fix would break the file or change more than it says, found by review: each is either fixed
/// exactly or offered no fix.
final class FixEdgeCaseTests: XCTestCase {
    private func process(_ activities: String) -> String {
        FixFixture.processHeader + activities
    }

    func testAGuessIsNotOfferedForABlockTextOrAnAnchoredValue() {
        let fixture = FixFixture(
            process(
                """
                  - id: log
                    name: Log
                    responsible: &who servce-desk
                    next: |-
                      resolv
                  - id: resolve
                    name: Resolve
                    responsible: *who
                    end: true

                """))
        let unknownActivity = fixture.findings("ref/unknown-activity")
        XCTAssertEqual(unknownActivity.map(\.help), ["did you mean 'resolve'?"])
        XCTAssertEqual(unknownActivity.flatMap(\.fixes).count, 0, "a block text's range runs to the next line")
        let unknownRole = fixture.findings("ref/unknown-role")
        XCTAssertFalse(unknownRole.isEmpty)
        XCTAssertEqual(unknownRole.flatMap(\.fixes).count, 0, "the anchor would go with the old text")
    }

    func testAnAnchoredKeyIsNotRenamed() {
        let fixture = FixFixture(
            process(
                """
                  - id: log
                    name: Log
                    &k resposible: service-desk
                    end: true

                """))
        XCTAssertEqual(fixture.findings("schema/unknown-key").count, 1)
        XCTAssertEqual(fixture.fixes("schema/unknown-key").count, 0)
    }

    func testAOnePairMappingInAFlowListGetsNoIndentedHandoff() {
        let fixture = FixFixture(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next: [
                      to: resolve
                    ]
                  - id: resolve
                    name: Resolve
                    responsible: resolver
                    end: true

                """))
        for fix in fixture.fixes("handoff/gap") {
            let after = fixture.applying(fix)
            XCTAssertTrue(YAMLReader.parse(Array(after.utf8)).problems.isEmpty, after)
        }
    }

    func testAnArtifactInAFlowMappingIsQuoted() throws {
        let fixture = FixFixture(
            process(
                """
                  - {id: log, name: Log, responsible: service-desk, outputs: ["record, notes"], next: resolve}
                  - id: resolve
                    name: Resolve
                    responsible: resolver
                    inputs: ["record, notes"]
                    end: true

                """))
        let fix = try XCTUnwrap(fixture.fixes("handoff/gap").first)
        let after = fixture.applying(fix)
        XCTAssertTrue(after.contains(#"handoff: {artifact: "record, notes", expectation: "TODO: "#), after)
        let again = FixFixture(after)
        XCTAssertEqual(again.findings("handoff/gap").count, 0)
        XCTAssertEqual(again.findings("schema/unknown-key").count, 0)
    }

    func testASuppressionWrittenWithoutASpaceIsNotTextCutShort() {
        let fixture = FixFixture(
            process(
                """
                  - id: log
                    name: Log the call #procdef: ignore handoff/gap -- the desk hands over by phone
                    responsible: service-desk
                    end: true

                """))
        XCTAssertEqual(fixture.findings("yaml/comment-in-text").count, 0)
    }

    func testTheSuppressionOfAFindingOnTheLastLineOfACRLFFileIsWrittenWithCRLF() throws {
        let text = process("  - id: log\n    name: Log\n    resposible: service-desk").replacingOccurrences(of: "\n", with: "\r\n")
        let fixture = FixFixture(text)
        let finding = try XCTUnwrap(fixture.findings("schema/unknown-key").first)
        let fix = try XCTUnwrap(InlineSuppressionFix.fix(for: finding, source: SourceFile(path: FixFixture.path, bytes: Array(text.utf8))))
        XCTAssertEqual(
            fix.edits.map(\.newText), ["    # procdef: ignore schema/unknown-key -- \(InlineSuppressionFix.reasonPlaceholder)\r\n"])
    }
}
