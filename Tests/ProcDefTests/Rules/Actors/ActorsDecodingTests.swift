import XCTest
import YAMLTree

@testable import ProcDef

/// Step types (`type`), four eyes within a role (`other-person-than`, `same-person-as`) and conditional `consulted`
/// and `informed` entries, as the decoder and the linker read them.
final class ActorsDecodingTests: XCTestCase {
    func testBadSpellingsOfTheNewKeysAreReportedWhereTheyAre() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                type: 1️⃣approvel
                responsible: service-desk
                consulted:
                  - 2️⃣{when: Always.}
                  - {role: resolver, when: P1 only., 3️⃣because: x}
                  - 4️⃣~
                other-person-than: 5️⃣log
              - id: fix
                name: Fix
                responsible: service-desk
                same-person-as: 6️⃣lgo
                end: true
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "'type' in activity 'log' must be one of task, approval, notification, automated, wait or request, found 'approvel'",
                    help: "did you mean 'approval'?"),
                ExpectedFinding("2️⃣", "schema/missing-field", "an entry of 'consulted' of activity 'log' has no 'role'"),
                ExpectedFinding(
                    "3️⃣", "schema/unknown-key", "unknown key 'because' in an entry of 'consulted' of activity 'log'",
                    help: "valid keys here: role, when"),
                ExpectedFinding(
                    "4️⃣", "schema/type",
                    "each item of 'consulted' in activity 'log' must be a role id or a mapping with 'role' and 'when', found nothing"),
                ExpectedFinding(
                    "5️⃣", "schema/type", "'other-person-than' of activity 'log' names the activity itself, expected another activity",
                    help: "name the earlier activity whose person must not do this one (the author of what is reviewed)"),
                ExpectedFinding(
                    "6️⃣", "ref/unknown-activity", "unknown activity 'lgo' in 'same-person-as' of activity 'fix'",
                    help: "did you mean 'log'?"),
            ])
    }

    func testAnUnknownRoleInAConditionalEntryIsReportedAtTheRole() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                responsible: service-desk
                informed:
                  - {role: 1️⃣resolvr, when: The user is a VIP.}
                other-person-than: 2️⃣nowhere
                end: true
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'resolvr' in 'informed' of activity 'log'", help: "did you mean 'resolver'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-activity", "unknown activity 'nowhere' in 'other-person-than' of activity 'log'",
                    help: "process 'incident' has no activity with this id"),
            ])
    }

    func testTheGoodSpellingsDecodeToTheModel() throws {
        let text = """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: commit
                name: Commit
                type: request
                responsible: resolver
                consulted:
                  - service-desk
                  - {role: network, when: The change touches the network.}
                  - {role: comms}
                informed: [{role: sponsor, when: P1 only.}]
              - id: review
                name: Review
                type: approval
                responsible: resolver
                other-person-than: commit
              - id: merge
                name: Merge
                responsible: resolver
                same-person-as: review
                end: true
            """
        let workspace = Workspace.load(
            files: [
                SourceFile(path: "p.yaml", bytes: Array(text.utf8)), SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            ],
            options: CheckOptions())
        let process = try XCTUnwrap(workspace.process(id: "incident"))
        let commit = process.activities[0]
        XCTAssertEqual(commit.stepType, .request)
        XCTAssertEqual(commit.consulted.map(\.value), ["service-desk", "network", "comms"])
        XCTAssertEqual(commit.informed.map(\.value), ["sponsor"])
        XCTAssertEqual(commit.condition(consulted: "network")?.value, "The change touches the network.")
        XCTAssertNil(commit.condition(consulted: "comms"), "an entry without `when` is unconditional")
        XCTAssertNil(commit.condition(consulted: "service-desk"))
        XCTAssertEqual(commit.condition(informed: "sponsor")?.value, "P1 only.")
        XCTAssertEqual(commit.unconditionallyConsulted.map(\.value), ["service-desk", "comms"])
        XCTAssertEqual(process.activities[1].stepType, .approval)
        XCTAssertEqual(process.activities[1].otherPersonThan?.value, "commit")
        XCTAssertEqual(process.activities[2].stepType, .task, "no `type` is a task")
        XCTAssertEqual(process.activities[2].samePersonAs?.value, "review")
        XCTAssertEqual(workspace.diagnostics.map(\.rule), [])
    }

    /// A role listed plainly and with a condition takes part every time.
    func testAPlainEntryBeatsAConditionalOneForTheSameRole() throws {
        let text = """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: assess
                name: Assess
                responsible: resolver
                consulted: [network, {role: network, when: The network is involved.}, {role: comms, when: P1 only.}]
                end: true
            """
        let workspace = Workspace.load(
            files: [
                SourceFile(path: "p.yaml", bytes: Array(text.utf8)), SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            ],
            options: CheckOptions())
        let assess = try XCTUnwrap(workspace.process(id: "incident")?.activities.first)
        XCTAssertNil(assess.condition(consulted: "network"))
        XCTAssertEqual(assess.condition(consulted: "comms")?.value, "P1 only.")
        XCTAssertEqual(assess.unconditionallyConsulted.map(\.value), ["network", "network"])
    }
}
