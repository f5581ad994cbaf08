import XCTest

@testable import ProcDef

/// The handoff map: what counts as a handoff, the order (gaps first), teams and the team matrix.
final class HandoffMapTests: XCTestCase {
    private func map(_ processes: [String]) -> HandoffMap {
        var files = ["roles.yaml": ReviewFixture.roles]
        for (index, process) in processes.enumerated() { files["p\(index).yaml"] = process }
        return HandoffMap(report: ReviewFixture.check(files))
    }

    func testGapsThenMissingArtifactThenMissingExpectationThenDeclared() {
        let b = ReviewFixture.process(
            """
              - id: one
                name: One
                responsible: desk
                handoff: {artifact: record, expectation: Within 1 hour.}
              - id: two
                name: Two
                responsible: resolver
                handoff: {artifact: notes}
              - id: three
                name: Three
                responsible: desk
              - id: four
                name: Four
                responsible: [resolver, network]

            """, id: "b")
        let a = ReviewFixture.process(
            """
              - id: first
                name: First
                responsible: desk
                handoff: {expectation: Somebody does something.}
              - id: second
                name: Second
                responsible: desk
                handoff: {artifact: same-role, expectation: Unneeded, but declared.}
              - id: third
                name: Third
                responsible: desk

            """, id: "a")
        let entries = map([b, a]).entries
        XCTAssertEqual(
            entries.map { "\($0.status.rawValue) \($0.from.processID) \($0.from.activityID)->\($0.to.activityID)" },
            [
                "gap b three->four",
                "missing-artifact a first->second",
                "missing-expectation b two->three",
                "declared a second->third",
                "declared b one->two",
            ])
        // Teams: the role's team, else its id; several roles give several teams, in role order.
        XCTAssertEqual(entries[0].to.teams, ["Support", "network"])
        XCTAssertEqual(entries[0].from.teams, ["Service Desk"])
    }

    /// A handoff between several teams counts once for each pair; one within a team counts on the diagonal.
    func testTeamMatrix() {
        let process = ReviewFixture.process(
            """
              - id: one
                name: One
                responsible: desk
                handoff: {artifact: record, expectation: Within 1 hour.}
              - id: two
                name: Two
                responsible: [resolver, network]
                handoff: {artifact: notes, expectation: Within 1 day.}
              - id: three
                name: Three
                responsible: lead

            """)
        let teams = map([process]).teams
        XCTAssertEqual(teams.teams, ["Service Desk", "Support", "network"])
        XCTAssertEqual(
            teams.counts,
            [
                [0, 1, 1],
                [1, 0, 0],
                [1, 0, 0],
            ])
        XCTAssertEqual(teams.count(from: "Service Desk", to: "network"), 1)
        XCTAssertEqual(teams.count(from: "nowhere", to: "Support"), 0)
    }

    /// A trigger's receiving side is the other process's entry activity, with that process's roles.
    func testTriggersAreHandoffsIntoTheOtherProcess() throws {
        let incident = ReviewFixture.process(
            """
              - id: fix
                name: Fix
                responsible: resolver
                triggers:
                  - process: problem
                    when: It recurs.

            """)
        let problem = ReviewFixture.process("      - id: record\n        name: Record\n        responsible: lead\n", id: "problem")
        let entry = try XCTUnwrap(map([incident, problem]).entries.first)
        XCTAssertEqual(entry.status, .gap)
        XCTAssertTrue(entry.isTrigger)
        XCTAssertEqual(entry.condition, "It recurs.")
        XCTAssertEqual([entry.to.processID, entry.to.activityID], ["problem", "record"])
        XCTAssertEqual(entry.to.teams, ["Service Desk"])
    }

    func testNoHandoffsNoTeams() {
        let map = map([ReviewFixture.process("      - id: only\n        name: Only\n        responsible: desk\n")])
        XCTAssertEqual(map.entries, [])
        XCTAssertTrue(map.teams.isEmpty)
    }
}
