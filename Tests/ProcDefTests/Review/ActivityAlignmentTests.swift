import XCTest

@testable import ProcDef

/// Which old activity is which new one: by id, then renames at the same place by similarity, then moves.
final class ActivityAlignmentTests: XCTestCase {
    private func activity(_ id: String, _ name: String, _ responsible: String = "desk", procedure: [String] = []) -> String {
        var text = "  - id: \(id)\n    name: \(name)\n    responsible: \(responsible)\n"
        if !procedure.isEmpty { text += "    procedure:\n" + procedure.map { "      - \($0)\n" }.joined() }
        return text
    }

    private func alignment(_ old: [String], _ new: [String]) throws -> ActivityAlignment {
        let before = try XCTUnwrap(ReviewFixture.check(["p.yaml": ReviewFixture.process(old.joined())]).workspace.processes.first)
        let after = try XCTUnwrap(ReviewFixture.check(["p.yaml": ReviewFixture.process(new.joined())]).workspace.processes.first)
        return ActivityAlignment(old: before, new: after)
    }

    private func renames(_ alignment: ActivityAlignment) -> [String] {
        alignment.pairs.compactMap { pair in pair.basis.map { "\(pair.old)->\(pair.new) \($0)" } }
    }

    func testAnInsertedActivityMovesNothing() throws {
        let a = activity("log", "Log")
        let b = activity("fix", "Fix")
        let c = activity("close", "Close")
        let result = try alignment([a, b, c], [a, activity("triage", "Triage", "lead"), b, c])
        XCTAssertEqual(result.added, [1])
        XCTAssertEqual(result.removed, [])
        XCTAssertEqual(result.moved, [])
        XCTAssertEqual(renames(result), [])
    }

    func testRenamedBySameNameIgnoringCaseAndSpacing() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("diagnose", "Diagnose  the fault", "resolver")],
            [activity("log", "Log"), activity("investigate", "diagnose the Fault", "desk")]
        )
        XCTAssertEqual(renames(result), ["1->1 name"])
        XCTAssertEqual(result.newIDs["diagnose"], "investigate")
    }

    func testRenamedBySameProcedure() throws {
        let steps = ["Check the entitlement.", "Set the priority."]
        let result = try alignment(
            [activity("log", "Log"), activity("triage", "Triage", procedure: steps), activity("close", "Close")],
            [activity("log", "Log"), activity("classify", "Classify", "lead", procedure: steps), activity("close", "Close")]
        )
        XCTAssertEqual(renames(result), ["1->1 procedure"])
    }

    func testRenamedBySameRolesAtTheSamePlace() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("check-stock", "Check the stock"), activity("close", "Close", "lead")],
            [activity("log", "Log"), activity("verify-stock", "Verify the stock level"), activity("close", "Close", "lead")]
        )
        XCTAssertEqual(renames(result), ["1->1 roles"])
    }

    /// The same name, but after another kept activity: not the same place, so a removal and an addition.
    func testNoRenameAtAnotherPlace() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("notify", "Notify the user"), activity("close", "Close")],
            [activity("log", "Log"), activity("close", "Close"), activity("tell-user", "Notify the user")]
        )
        XCTAssertEqual(renames(result), [])
        XCTAssertEqual(result.removed, [1])
        XCTAssertEqual(result.added, [2])
    }

    /// Different roles, name and procedure: not similar, whatever the place.
    func testNoRenameWithoutSimilarity() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("notify", "Notify the user")],
            [activity("log", "Log"), activity("survey", "Send the survey", "lead")]
        )
        XCTAssertEqual(renames(result), [])
    }

    /// Two candidates at one place: the name match pairs first, so the roles-only match cannot take it.
    func testStrongestSimilarityPairsFirst() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("a", "Check the stock"), activity("b", "Order the item")],
            [activity("log", "Log"), activity("x", "Order the item"), activity("y", "Reserve the item")]
        )
        XCTAssertEqual(renames(result).sorted(), ["1->2 roles", "2->1 name"])
    }

    /// The activity that jumped over others is the one reported as moved, not each one it jumped over.
    func testTheActivityThatWentFurthestMoved() throws {
        let ids = ["a", "b", "c", "d", "e"]
        let old = ids.map { activity($0, $0.uppercased()) }
        let later = try alignment(old, ["a", "c", "d", "e", "b"].map { activity($0, $0.uppercased()) })
        XCTAssertEqual(later.moved.map(\.new), [4])
        let earlier = try alignment(old, ["e", "a", "b", "c", "d"].map { activity($0, $0.uppercased()) })
        XCTAssertEqual(earlier.moved.map(\.new), [0])
    }

    /// A duplicated id pairs by its first activity; the second may pair as a rename or not at all, without a trap.
    func testDuplicatedIDs() throws {
        let result = try alignment(
            [activity("log", "Log"), activity("log", "Log again")],
            [activity("log", "Log"), activity("log", "Log once more", "lead")]
        )
        XCTAssertEqual(result.pairs.map { "\($0.old)->\($0.new)" }, ["0->0"])
        XCTAssertEqual(result.removed, [1])
        XCTAssertEqual(result.added, [1])
    }

    /// Past the exact limit, patience sorting finds a run of the same length.
    func testLongRunsFallBackToPatienceSorting() {
        let news = [0, 5, 1, 2, 6, 3, 4, 7]
        let pairs = news.enumerated().map { ActivityAlignment.Pair(old: $0.offset, new: $0.element, basis: nil) }
        XCTAssertEqual(ActivityAlignment.longestOrderedRun(pairs).count, 6)
        XCTAssertEqual(ActivityAlignment.longestOrderedRun(pairs, exactLimit: 0).count, 6)
        XCTAssertEqual(ActivityAlignment.longestOrderedRun([]), [])
    }
}
