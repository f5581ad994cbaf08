import XCTest

@testable import ProcDef

final class SuggestionTests: XCTestCase {
    func testTyposWithinAThirdOfTheLength() {
        XCTAssertEqual(Suggestion.closest(to: "resposible", among: ["responsible", "accountable", "consulted"]), "responsible")
        XCTAssertEqual(Suggestion.closest(to: "wen", among: ["to", "when", "handoff"]), "when")
        XCTAssertEqual(Suggestion.closest(to: "Service-Desk", among: ["service-desk"]), "service-desk")
    }

    func testSwappedNeighboursCountAsOneEdit() {
        XCTAssertEqual(Suggestion.editDistance(Array("clsoe".unicodeScalars), Array("close".unicodeScalars)), 1)
        // "ab" has one edit allowed: a swap qualifies where two substitutions would not.
        XCTAssertEqual(Suggestion.closest(to: "ba", among: ["ab"]), "ab")
    }

    func testNothingCloseEnough() {
        XCTAssertNil(Suggestion.closest(to: "colour", among: ["artifact", "expectation", "informed"]))
        XCTAssertNil(Suggestion.closest(to: "", among: ["a"]))
        XCTAssertNil(Suggestion.closest(to: "x", among: [String]()))
        XCTAssertNil(Suggestion.closest(to: String(repeating: "a", count: 65), among: [String(repeating: "a", count: 64)]))
    }

    func testTiesGoToTheCandidateThatSortsFirstWhateverTheOrder() {
        XCTAssertEqual(Suggestion.closest(to: "cat", among: ["cut", "bat"]), "bat")
        XCTAssertEqual(Suggestion.closest(to: "cat", among: ["bat", "cut"]), "bat")
    }

    func testCloserBeatsEarlier() {
        XCTAssertEqual(Suggestion.closest(to: "incident-manger", among: ["incident-mgr", "incident-manager"]), "incident-manager")
    }

    func testDidYouMeanWording() {
        XCTAssertEqual(Suggestion.didYouMean("proces", among: ["process", "policy"]), "did you mean 'process'?")
        XCTAssertNil(Suggestion.didYouMean("zzz", among: ["process"]))
    }
}
