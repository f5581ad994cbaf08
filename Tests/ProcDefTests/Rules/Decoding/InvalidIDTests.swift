import XCTest
import YAMLTree
@testable import ProcDef

final class InvalidIDTests: XCTestCase {
    private func help(_ fixed: String) -> String {
        "ids are kebab-case: lowercase letters and digits joined by single hyphens, like '\(fixed)'"
    }

    func testDefinitionsAndReferencesMustBeKebabCase() {
        XCTAssertDecoding("""
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
            """, [
                ExpectedFinding("1️⃣", "schema/invalid-id", "invalid process id 'Incident_Management'", help: help("incident-management")),
                ExpectedFinding("2️⃣", "schema/invalid-id", "invalid role id 'resolverGroup'", help: help("resolver-group")),
                ExpectedFinding("3️⃣", "schema/invalid-id", "invalid activity id 'log--it'", help: help("log-it")),
                ExpectedFinding("4️⃣", "schema/invalid-id", "invalid role id 'Service_Desk' in 'responsible' of activity 'log--it'", help: help("service-desk")),
                ExpectedFinding("5️⃣", "schema/invalid-id", "invalid activity id 'Close' in 'next' of activity 'log--it'", help: help("close")),
                ExpectedFinding("6️⃣", "schema/invalid-id", "invalid process id 'problem_management' in 'process' of a trigger of activity 'close'", help: help("problem-management")),
                ExpectedFinding("7️⃣", "schema/invalid-id", "invalid policy id '-logged' in 'policies' of process 'Incident_Management'", help: help("logged")),
            ])
    }

    func testIdWithNothingUsableHasNoSpelledOutFix() {
        XCTAssertDecoding("""
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: 1️⃣"--"
                name: Log
            """, [
                ExpectedFinding("1️⃣", "schema/invalid-id", "invalid activity id '--'", help: "ids are kebab-case: lowercase letters and digits joined by single hyphens"),
            ])
    }

    func testKebabCaseIdsPass() {
        XCTAssertDecoding("""
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
