import XCTest
import YAMLTree

@testable import ProcDef

final class InlineSuppressionTests: XCTestCase {
    private func scan(_ text: String) -> [InlineSuppression] {
        let bytes = Array(text.utf8)
        let result = YAMLReader.parse(bytes)
        return InlineSuppression.scan(
            bytes, scalarRanges: result.documents.flatMap { $0.scalarByteRanges() }.sorted { $0.lowerBound < $1.lowerBound })
    }

    func testMarkerPrefilterFindsTheMarkerAnywhereAndNothingElse() {
        XCTAssertTrue(InlineSuppression.mayOccur(in: Array("procdef:".utf8)))
        XCTAssertTrue(InlineSuppression.mayOccur(in: Array("a: 1 # procdef: ignore x".utf8)))
        XCTAssertTrue(InlineSuppression.mayOccur(in: Array("a: b\n# procdef:".utf8)))
        XCTAssertFalse(InlineSuppression.mayOccur(in: Array("rocdef: a".utf8)))
        XCTAssertFalse(InlineSuppression.mayOccur(in: Array("procdef ignore: a: b: c".utf8)))
        XCTAssertFalse(InlineSuppression.mayOccur(in: Array(":procdef".utf8)))
        XCTAssertFalse(InlineSuppression.mayOccur(in: []))
    }

    func testOwnLineCommentTargetsTheNextLine() {
        let found = scan("a: 1\n  # procdef: ignore raci/too-many-consulted -- the CAB counts as one\nb: 2\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.targetLine, 3)
        XCTAssertEqual(found.first?.rules.map(\.value), ["raci/too-many-consulted"])
        XCTAssertEqual(found.first?.rules.first?.range.start, SourcePosition(line: 2, column: 21, offset: 25))
        XCTAssertEqual(found.first?.reason, "the CAB counts as one")
        XCTAssertEqual(found.first?.range.start, SourcePosition(line: 2, column: 3, offset: 7))
    }

    func testTrailingCommentTargetsItsOwnLine() {
        let found = scan("a: 1  # procdef: ignore handoff/gap, raci/*\n")
        XCTAssertEqual(found.first?.targetLine, 1)
        XCTAssertEqual(found.first?.rules.map(\.value), ["handoff/gap", "raci/*"])
        XCTAssertNil(found.first?.reason)
        XCTAssertEqual(found.first?.covers("raci/idle-role"), true)
        XCTAssertEqual(found.first?.covers("handoff/gap"), true)
        XCTAssertEqual(found.first?.covers("handoff/unneeded"), false)
    }

    func testHashInsideQuotedScalarsIsNotAComment() {
        XCTAssertEqual(scan("name: \"x # procdef: ignore handoff/gap -- no\"\n").count, 0)
        XCTAssertEqual(scan("name: 'x # procdef: ignore handoff/gap -- no'\n").count, 0)
        XCTAssertEqual(scan("note: |\n  # procdef: ignore handoff/gap -- literal text\n").count, 0)
        XCTAssertEqual(scan("name: \"a\n  # procdef: ignore handoff/gap -- still in the quote\"\n").count, 0)
    }

    func testHashWithoutSpaceBeforeIsText() {
        XCTAssertEqual(scan("name: a#procdef: ignore handoff/gap\n").count, 0)
    }

    func testOtherCommentsAreIgnored() {
        XCTAssertEqual(scan("# a note\na: 1 # procdef rules are great\n# procdef: check this\n").count, 0)
    }

    func testUnparsableFileStillYieldsSuppressions() {
        let found = scan("a: [\n# procdef: ignore yaml/syntax -- broken on purpose\n")
        XCTAssertEqual(found.map(\.targetLine), [3])
    }

    func testCRLFLineEnds() {
        let found = scan("a: 1 # procdef: ignore flow/self-loop -- why\r\nb: 2\r\n")
        XCTAssertEqual(found.first?.reason, "why")
        XCTAssertEqual(found.first?.targetLine, 1)
    }
}
