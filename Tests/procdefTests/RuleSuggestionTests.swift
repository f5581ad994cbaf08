@testable import procdef
import XCTest

final class RuleSuggestionTests: XCTestCase {
    let ids = ["handoff/gap", "handoff/unneeded", "ref/unknown-role", "ref/unknown-activity", "schema/unknown-key"]

    func testTyposFindTheRule() {
        XCTAssertEqual(RuleSuggestion.closest(to: "handoff/gapp", among: ids), "handoff/gap")
        XCTAssertEqual(RuleSuggestion.closest(to: "ref/unknwon-role", among: ids), "ref/unknown-role")
        XCTAssertEqual(RuleSuggestion.closest(to: "Schema/Unknown-Key", among: ids), "schema/unknown-key")
    }

    func testANameWithoutItsFamilyFindsTheRule() {
        XCTAssertEqual(RuleSuggestion.closest(to: "gap", among: ids), "handoff/gap")
        XCTAssertEqual(RuleSuggestion.closest(to: "unknown-activty", among: ids), "ref/unknown-activity")
    }

    func testNothingCloseSuggestsNothing() {
        XCTAssertNil(RuleSuggestion.closest(to: "flow/no-end", among: ids))
        XCTAssertNil(RuleSuggestion.closest(to: "", among: ids))
        XCTAssertNil(RuleSuggestion.closest(to: "x", among: []))
    }

    func testEditDistance() {
        XCTAssertEqual(RuleSuggestion.editDistance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(RuleSuggestion.editDistance(Array(""), Array("abc")), 3)
        XCTAssertEqual(RuleSuggestion.editDistance(Array("abc"), Array("abc")), 0)
    }
}
