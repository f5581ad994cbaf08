import XCTest
import YAMLTree

@testable import ProcDef

final class InvalidIDTests: XCTestCase {
    private func help(_ fixed: String) -> String {
        "ids are kebab-case: lowercase letters and digits joined by single hyphens, like '\(fixed)'"
    }

    func testDefinitionsAndReferencesMustBeKebabCase() {
        XCTAssertDecoding(
            """
            kind: process
            id: 1️⃣Incident_Management
            name: Incident
            owner: process-owner
            roles:
              2️⃣resolverGroup: {name: Resolver Group, kind: practitioner}
            activities:
              - id: 3️⃣log--it
                name: Log the incident
                responsible: 4️⃣Service_Desk
                next: 5️⃣Close
              - id: close
                name: Close
                responsible: service-desk
                triggers:
                  - process: 6️⃣problem_management
            policies: [7️⃣-logged]
            """,
            [
                ExpectedFinding("1️⃣", "schema/invalid-id", "invalid process id 'Incident_Management'", help: help("incident-management")),
                ExpectedFinding("2️⃣", "schema/invalid-id", "invalid role id 'resolverGroup'", help: help("resolver-group")),
                ExpectedFinding("3️⃣", "schema/invalid-id", "invalid activity id 'log--it'", help: help("log-it")),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-id", "invalid role id 'Service_Desk' in 'responsible' of activity 'log--it'",
                    help: help("service-desk")),
                ExpectedFinding(
                    "5️⃣", "schema/invalid-id", "invalid activity id 'Close' in 'next' of activity 'log--it'", help: help("close")),
                ExpectedFinding(
                    "6️⃣", "schema/invalid-id", "invalid process id 'problem_management' in 'process' of a trigger of activity 'close'",
                    help: help("problem-management")),
                ExpectedFinding(
                    "7️⃣", "schema/invalid-id", "invalid policy id '-logged' in 'policies' of process 'Incident_Management'",
                    help: help("logged")),
            ])
    }

    func testIdWithNothingUsableHasNoSpelledOutFix() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: 1️⃣"--"
                name: Log
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-id", "invalid activity id '--'",
                    help: "ids are kebab-case: lowercase letters and digits joined by single hyphens")
            ])
    }

    func testKebabCaseIdsPass() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident-management-2
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                next: close
              - id: close
                name: Close
                responsible: service-desk
            """, [])
    }

    func testIdentifierSyntax() {
        for valid in ["a", "a1", "incident-management", "p2-x-3"] { XCTAssertTrue(Identifier.isValid(valid), valid) }
        for invalid in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] { XCTAssertFalse(Identifier.isValid(invalid), invalid) }
        XCTAssertEqual(Identifier.kebabCased("Log_Incident"), "log-incident")
        XCTAssertEqual(Identifier.kebabCased("resolverGroup"), "resolver-group")
        XCTAssertEqual(Identifier.kebabCased("  Major  Incident!"), "major-incident")
        XCTAssertNil(Identifier.kebabCased("--"))
    }
}

/// Ids of every kind, and references to them, are at most `Identifier.maxLength` (64) characters: ids become file
/// names, and `check` refuses what `build` could not write.
final class IDLengthTests: XCTestCase {
    /// A valid id of exactly `length` characters, starting with `base` so that each kind's id is told apart.
    private func id(_ base: String, _ length: Int) -> String {
        base + "-" + String(repeating: "x", count: length - base.count - 1)
    }

    /// How a finding quotes a 65-character id: its first 60 characters.
    private func quoted(_ id: String) -> String {
        "'\(id.prefix(60))…'"
    }

    private let help =
        "ids are at most 64 characters, since they become file names (`runbooks/<id>.md`): shorten the id and every reference to it"
    private let over = ": 65 characters, more than the limit of 64"

    func testTheLimitIsOneConstant() {
        XCTAssertEqual(Identifier.maxLength, 64)
        XCTAssertTrue(Identifier.isValid(id("a", 64)))
        XCTAssertFalse(Identifier.isValid(id("a", 65)))
        XCTAssertEqual(Identifier.defect(of: id("a", 65)), .length(65))
        XCTAssertEqual(Identifier.defect(of: id("a", 300)), .length(300))
        XCTAssertNil(Identifier.defect(of: id("a", 64)))
        // The shape is judged first, and a spelling too long to be valid is never suggested.
        XCTAssertEqual(Identifier.defect(of: String(repeating: "A", count: 65)), .shape)
        XCTAssertEqual(Identifier.kebabCased(String(repeating: "A", count: 64)), String(repeating: "a", count: 64))
        XCTAssertNil(Identifier.kebabCased(String(repeating: "A", count: 65)))
    }

    /// Every kind of id and of reference at 64 characters: a whole repository that decodes and links cleanly.
    func testEveryKindOfIdOf64CharactersIsAccepted() {
        let (owner, desk, user, local) = (id("owner", 64), id("desk", 64), id("user", 64), id("local", 64))
        let (process, first, second, policy) = (id("process", 64), id("first", 64), id("second", 64), id("policy", 64))
        XCTAssertDecoding(
            [
                "roles.yaml": """
                kind: roles
                roles:
                  \(owner): {name: Owner, kind: owner}
                  \(desk): {name: Desk, kind: practitioner}
                  \(user): {name: User, kind: customer}
                """,
                "process.yaml": """
                kind: process
                id: \(process)
                name: P
                owner: \(owner)
                manager: \(owner)
                case-owner: \(desk)
                defaults: {accountable: \(owner)}
                roles:
                  \(local): {name: Local, kind: practitioner}
                activities:
                  - id: \(first)
                    name: First
                    responsible: \(desk)
                    consulted: [\(local)]
                    informed: [\(user)]
                    next: [{to: \(second), when: always, handoff: {artifact: x, expectation: y, informed: [\(user)]}}]
                    triggers: [{process: \(process), activity: \(first)}]
                  - id: \(second)
                    name: Second
                    responsible: [\(local)]
                policies: [\(policy)]
                waivers: [{policy: \(policy), reason: r, until: 2030-01-01}]
                """,
                "policy.yaml": """
                kind: policy
                id: \(policy)
                title: T
                severity: error
                applies-to: {ids: [\(process)]}
                require:
                  exists: {id: \(first), responsible: \(desk), accountable: \(owner), informs: \(user), consults: \(local)}
                """,
            ], [])
    }

    func testDefinitionsOf65CharactersAreRefused() {
        let (role, process, local, activity, policy) = (
            id("role", 65), id("process", 65), id("local", 65), id("activity", 65), id("policy", 65)
        )
        XCTAssertDecoding(
            [
                "roles.yaml": """
                kind: roles
                roles:
                  process-owner: {name: Owner, kind: owner}
                  1️⃣\(role): {name: Role, kind: practitioner}
                """,
                "process.yaml": """
                kind: process
                id: 2️⃣\(process)
                name: P
                owner: process-owner
                roles:
                  3️⃣\(local): {name: Local, kind: practitioner}
                activities:
                  - id: 4️⃣\(activity)
                    name: A
                """,
                "policy.yaml": """
                kind: policy
                id: 5️⃣\(policy)
                title: T
                severity: error
                require: {exists: {any: true}}
                """,
            ],
            [
                ExpectedFinding("1️⃣", "schema/invalid-id", "invalid role id \(quoted(role))\(over)", help: help),
                ExpectedFinding("2️⃣", "schema/invalid-id", "invalid process id \(quoted(process))\(over)", help: help),
                ExpectedFinding("3️⃣", "schema/invalid-id", "invalid role id \(quoted(local))\(over)", help: help),
                ExpectedFinding("4️⃣", "schema/invalid-id", "invalid activity id \(quoted(activity))\(over)", help: help),
                ExpectedFinding("5️⃣", "schema/invalid-id", "invalid policy id \(quoted(policy))\(over)", help: help),
            ])
    }

    /// A reference to a 65-character id is refused where it is written; it is not also an unknown reference.
    func testReferencesOf65CharactersAreRefusedWhereTheyAreWritten() {
        let (owner, desk, user, activity, process, entry, policy) = (
            id("owner", 65), id("desk", 65), id("user", 65), id("activity", 65), id("process", 65), id("entry", 65), id("policy", 65)
        )
        XCTAssertDecoding(
            """
            kind: process
            id: p
            name: P
            owner: 1️⃣\(owner)
            activities:
              - id: a
                name: A
                responsible: 2️⃣\(desk)
                informed: [3️⃣\(user)]
                next: 4️⃣\(activity)
              - id: b
                name: B
                next: [{to: 5️⃣\(activity), when: x}]
                triggers: [{process: 6️⃣\(process), activity: 7️⃣\(entry)}]
            policies: [8️⃣\(policy)]
            waivers: [{policy: 9️⃣\(policy), reason: r, until: 2030-01-01}]
            """,
            [
                ExpectedFinding("1️⃣", "schema/invalid-id", "invalid role id \(quoted(owner)) in 'owner' of process 'p'\(over)", help: help),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-id", "invalid role id \(quoted(desk)) in 'responsible' of activity 'a'\(over)", help: help),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-id", "invalid role id \(quoted(user)) in 'informed' of activity 'a'\(over)", help: help),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-id", "invalid activity id \(quoted(activity)) in 'next' of activity 'a'\(over)", help: help),
                ExpectedFinding(
                    "5️⃣", "schema/invalid-id", "invalid activity id \(quoted(activity)) in 'to' of a branch of activity 'b'\(over)",
                    help: help),
                ExpectedFinding(
                    "6️⃣", "schema/invalid-id", "invalid process id \(quoted(process)) in 'process' of a trigger of activity 'b'\(over)",
                    help: help),
                ExpectedFinding(
                    "7️⃣", "schema/invalid-id",
                    "invalid activity id \(quoted(entry)) in 'activity' of the trigger of process \(quoted(process)) in activity 'b'\(over)",
                    help: help),
                ExpectedFinding(
                    "8️⃣", "schema/invalid-id", "invalid policy id \(quoted(policy)) in 'policies' of process 'p'\(over)", help: help),
                ExpectedFinding(
                    "9️⃣", "schema/invalid-id", "invalid policy id \(quoted(policy)) in 'policy' of a waiver of process 'p'\(over)",
                    help: help),
            ])
    }

    func testMoreReferencesOf65CharactersAreRefused() {
        let (manager, accountable, told, process, selected, responsible) = (
            id("manager", 65), id("accountable", 65), id("told", 65), id("process", 65), id("selected", 65), id("responsible", 65)
        )
        XCTAssertDecoding(
            [
                "process.yaml": """
                kind: process
                id: p
                name: P
                owner: process-owner
                manager: 1️⃣\(manager)
                defaults: {accountable: 2️⃣\(accountable)}
                activities:
                  - id: a
                    name: A
                    responsible: service-desk
                    handoff: {artifact: x, expectation: y, informed: [3️⃣\(told)]}
                  - id: b
                    name: B
                    responsible: resolver
                """,
                "policy.yaml": """
                kind: policy
                id: q
                title: T
                severity: error
                applies-to: {ids: [4️⃣\(process)]}
                require:
                  exists: {id: 5️⃣\(selected), responsible: 6️⃣\(responsible)}
                """,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-id", "invalid role id \(quoted(manager)) in 'manager' of process 'p'\(over)", help: help),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-id",
                    "invalid role id \(quoted(accountable)) in 'accountable' of the defaults of process 'p'\(over)", help: help),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-id", "invalid role id \(quoted(told)) in 'informed' of the handoff of activity 'a'\(over)",
                    help: help),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-id", "invalid process id \(quoted(process)) in 'ids' of 'applies-to' of policy 'q'\(over)",
                    help: help),
                ExpectedFinding(
                    "5️⃣", "schema/invalid-id",
                    "invalid activity id \(quoted(selected)) in 'id' of the selector of requirement 'exists' of policy 'q'\(over)",
                    help: help),
                ExpectedFinding(
                    "6️⃣", "schema/invalid-id",
                    "invalid role id \(quoted(responsible)) in 'responsible' of the selector of requirement 'exists' of policy 'q'\(over)",
                    help: help),
            ])
    }
}
