import XCTest

@testable import ProcDefLanguageServer

/// Where completion thinks the cursor is, read from the indentation of half-typed text. `|` marks the cursor.
final class CursorContextTests: XCTestCase {
    private func context(_ marked: String) throws -> CursorContext {
        let parts = marked.components(separatedBy: "|")
        XCTAssertEqual(parts.count, 2, "mark the cursor with one |")
        let text = Array((parts[0] + parts[1]).utf8)
        return try XCTUnwrap(CursorContext(text: text, offset: parts[0].utf8.count))
    }

    private let process = """
        kind: process
        id: incident
        activities:
          - id: log
            name: Log
            responsible: service-desk

        """

    func testAKeyBeingTypedInAnActivity() throws {
        let context = try context(process + "    acc|")
        XCTAssertEqual(context.kind, "process")
        XCTAssertEqual(context.path, [.key("activities"), .item])
        XCTAssertEqual(context.position, .key)
        XCTAssertEqual(context.prefix, "acc")
        XCTAssertEqual(context.prefixStart, process.utf8.count + 4)
    }

    func testAValueAfterAKeyOnItsLine() throws {
        let context = try context(process + "    accountable: inc|")
        XCTAssertEqual(context.path, [.key("activities"), .item])
        XCTAssertEqual(context.position, .value(key: "accountable"))
        XCTAssertEqual(context.prefix, "inc")
    }

    func testAnItemOfAFlowListOnTheKeysLine() throws {
        let context = try context(process + "    informed: [service-desk, end-|")
        XCTAssertEqual(context.position, .value(key: "informed"))
        XCTAssertEqual(context.prefix, "end-")
    }

    func testAClosedFlowListHasNothingToComplete() {
        let text = process + "    informed: [a]"
        XCTAssertNil(CursorContext(text: Array(text.utf8), offset: text.utf8.count))
    }

    func testAnItemOfABlockListBelowItsKey() throws {
        let context = try context(process + "    consulted:\n      - prob|")
        XCTAssertEqual(context.path, [.key("activities"), .item])
        XCTAssertEqual(context.position, .listItem(key: "consulted"))
        XCTAssertEqual(context.prefix, "prob")
    }

    func testTheFirstKeyOfANewListItem() throws {
        let context = try context(process + "  - i|")
        XCTAssertEqual(context.path, [])
        XCTAssertEqual(context.position, .listItem(key: "activities"))
    }

    func testAKeyNestedInABranchOfNext() throws {
        let context = try context(process + "    next:\n      - to: close\n        handoff:\n          arti|")
        XCTAssertEqual(context.path, [.key("activities"), .item, .key("next"), .item, .key("handoff")])
        XCTAssertEqual(context.position, .key)
    }

    func testATopLevelKey() throws {
        let context = try context("kind: policy\nti|")
        XCTAssertEqual(context.kind, "policy")
        XCTAssertEqual(context.path, [])
        XCTAssertEqual(context.prefix, "ti")
    }

    func testTheDocumentsKindIsReadInItsOwnDocumentOnly() throws {
        let context = try context("kind: roles\nroles: {}\n---\nkind: process\nid: x\n|")
        XCTAssertEqual(context.kind, "process")
    }

    func testACommentHasNothingToComplete() {
        let text = process + "    # resp"
        XCTAssertNil(CursorContext(text: Array(text.utf8), offset: text.utf8.count))
    }

    func testLinesOfABlockScalarAboveAreNotKeys() throws {
        let context = try context(process + "    procedure:\n      - >\n        step: one\n        two\n    acc|")
        XCTAssertEqual(context.path, [.key("activities"), .item])
        XCTAssertEqual(context.position, .key)
    }
}
