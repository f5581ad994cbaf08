import XCTest

@testable import ProcDefCLI

final class RuleSuggestionTests: XCTestCase {
    let ids = [
        "handoff/gap", "handoff/unneeded", "ref/unknown-role", "ref/unknown-activity", "schema/unknown-key", "schema/duplicate-id",
        "yaml/duplicate-key",
    ]

    func testTyposFindTheRule() {
        XCTAssertEqual(RuleSuggestion.closest(to: "handoff/gapp", among: ids), "handoff/gap")
        XCTAssertEqual(RuleSuggestion.closest(to: "ref/unknwon-role", among: ids), "ref/unknown-role")
        XCTAssertEqual(RuleSuggestion.closest(to: "Schema/Unknown-Key", among: ids), "schema/unknown-key")
    }

    func testANameWithoutItsFamilyFindsTheRule() {
        XCTAssertEqual(RuleSuggestion.closest(to: "gap", among: ids), "handoff/gap")
        XCTAssertEqual(RuleSuggestion.closest(to: "Unknown-Role", among: ids), "ref/unknown-role")
        XCTAssertEqual(RuleSuggestion.closest(to: "unknown-activty", among: ids), "ref/unknown-activity")
    }

    func testNothingCloseSuggestsNothing() {
        XCTAssertNil(RuleSuggestion.closest(to: "flow/no-end", among: ids))
        XCTAssertNil(RuleSuggestion.closest(to: "", among: ids))
        XCTAssertNil(RuleSuggestion.closest(to: "x", among: []))
    }

    /// `duplicate-key` is `yaml/duplicate-key`; `duplicate-id` is `schema/duplicate-id`. A name close to both
    /// families' names would be a guess.
    func testAnAmbiguousNameIsNotGuessed() {
        let shared = ["flow/duplicate", "schema/duplicate"]
        XCTAssertNil(RuleSuggestion.closest(to: "duplicate", among: shared))
        XCTAssertEqual(RuleSuggestion.closest(to: "duplicate-key", among: ids), "yaml/duplicate-key")
    }
}
