import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownKindTests: XCTestCase {
    func testMisspeltKindSuggestsTheClosest() {
        XCTAssertDecoding(
            """
            kind: 1️⃣proces
            id: incident
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-kind", "unknown kind 'proces'; expected roles, process, policy, config or external-process",
                    help: "did you mean 'process'?")
            ])
    }

    func testMissingKindPointsAtTheDocument() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              desk: {name: Desk, kind: practitioner}
            ---
            1️⃣id: incident
            name: Incident
            ---
            kind: 2️⃣[process]
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-kind", "document has no 'kind'",
                    help: "add `kind:` with one of roles, process, policy, config or external-process"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-kind", "'kind' must be one of roles, process, policy, config or external-process, found a list"),
            ])
    }

    func testDocumentThatIsNotAMapping() {
        XCTAssertDecoding(
            """
            1️⃣- kind: process
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "a document must be a mapping with a 'kind' (roles, process, policy, config or external-process), found a list")
            ])
    }

    func testEveryKnownKindPasses() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              process-owner: {name: Process Owner, kind: owner}
            ---
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log, responsible: process-owner}
            ---
            kind: policy
            id: logged
            title: Incidents are logged
            severity: error
            require: {exists: {any: true}}
            ---
            kind: config
            paths: [Processes]
            """, [])
    }
}
