import XCTest
import YAMLTree

@testable import ProcDef

final class DuplicateIDTests: XCTestCase {
    func testActivitiesOfOneProcess() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
              - id: 1️⃣log
                name: Log it again
            """,
            [
                ExpectedFinding("1️⃣", "schema/duplicate-id", "activity 'log' is already defined in process 'incident' at fixture.yaml:6:9")
            ])
    }

    func testProcessesAndPoliciesAcrossFilesTheLaterFileIsReported() {
        let process = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log}
            ---
            kind: policy
            id: logged
            title: Logged
            severity: error
            require: {exists: {any: true}}
            """
        XCTAssertDecoding(
            [
                "Processes/a.yaml": process,
                "Processes/b.yaml": process.replacingOccurrences(of: "id: incident", with: "id: 1️⃣incident").replacingOccurrences(
                    of: "id: logged", with: "id: 2️⃣logged"),
            ],
            [
                ExpectedFinding("1️⃣", "schema/duplicate-id", "process 'incident' is already defined at Processes/a.yaml:2:5"),
                ExpectedFinding("2️⃣", "schema/duplicate-id", "policy 'logged' is already defined at Processes/a.yaml:9:5"),
            ])
    }

    func testRoles() {
        XCTAssertDecoding(
            [
                "Processes/roles.yaml": """
                kind: roles
                roles:
                  desk: {name: Desk, kind: practitioner}
                  owner: {name: Owner, kind: owner}
                ---
                kind: roles
                roles:
                  1️⃣desk: {name: Desk again, kind: practitioner}
                """,
                "Processes/incident.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: owner
                roles:
                  2️⃣owner: {name: Local owner, kind: owner}
                  helper: {name: Helper, kind: practitioner}
                activities:
                  - {id: log, name: Log, responsible: [desk, helper]}
                """,
            ],
            [
                ExpectedFinding("1️⃣", "schema/duplicate-id", "role 'desk' is already defined in the catalogue at Processes/roles.yaml:3:3"),
                ExpectedFinding(
                    "2️⃣", "schema/duplicate-id",
                    "role 'owner' is already defined in the catalogue at Processes/roles.yaml:4:3; a local role may not redefine a catalogue role",
                    help: "use the catalogue role, or give the local role an id of its own"),
            ])
    }

    func testTheNoteLocatesTheFirstDefinition() {
        let workspace = Workspace.load(files: [
            SourceFile(path: "b.yaml", bytes: Array("kind: roles\nroles:\n  desk: {name: D, kind: owner}\n".utf8)),
            SourceFile(
                path: "a.yaml", bytes: Array("kind: roles\nroles:\n  x: {name: X, kind: owner}\n  desk: {name: D, kind: owner}\n".utf8)),
        ])
        XCTAssertEqual(workspace.diagnostics.count, 1)
        XCTAssertEqual(workspace.diagnostics.first?.file, "b.yaml")
        XCTAssertEqual(
            workspace.diagnostics.first?.notes,
            [
                Diagnostic.Note(
                    message: "role 'desk' first defined here", file: "a.yaml",
                    range: SourceRange(
                        start: SourcePosition(line: 4, column: 3, offset: 49), end: SourcePosition(line: 4, column: 7, offset: 53)))
            ])
    }

    func testDistinctIdsAndSameLocalRoleInTwoProcessesPass() {
        let process = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            roles:
              helper: {name: Helper, kind: practitioner}
            activities:
              - {id: log, name: Log, responsible: helper}
              - {id: close, name: Close, responsible: helper}
            """
        XCTAssertDecoding(
            [
                "a.yaml": process,
                "b.yaml": process.replacingOccurrences(of: "id: incident", with: "id: problem"),
            ], [])
    }
}
