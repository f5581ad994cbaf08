import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownPolicyTests: XCTestCase {
    private let policy = """
        kind: policy
        id: incidents-are-logged
        title: Incidents are logged
        severity: error
        require: {exists: {records: incident}}
        """

    func testOptInsAndWaiversMustNameAPolicy() {
        XCTAssertDecoding(
            [
                "process.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                activities:
                  - {id: log, name: Log}
                policies: [1️⃣incidents-are-loged, 2️⃣major-incidents]
                waivers:
                  - {policy: 3️⃣incidents-logged, reason: Testing., until: 2030-01-01}
                """,
                "policy.yaml": policy,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-policy", "unknown policy 'incidents-are-loged' in 'policies' of process 'incident'",
                    help: "did you mean 'incidents-are-logged'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-policy", "unknown policy 'major-incidents' in 'policies' of process 'incident'",
                    help: "check the policy id, and check the policies together with the processes"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-policy", "unknown policy 'incidents-logged' in a waiver of process 'incident'",
                    help: "did you mean 'incidents-are-logged'?"),
            ])
    }

    func testKnownPoliciesPass() throws {
        let files = [
            "process.yaml": """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log}
            policies: incidents-are-logged
            waivers:
              - {policy: incidents-are-logged, reason: Testing., until: 2030-01-01}
            """,
            "policy.yaml": policy,
        ]
        XCTAssertDecoding(files, [])
        let workspace = Workspace.load(files: files.map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) })
        XCTAssertEqual(workspace.policy(id: "incidents-are-logged")?.file, "policy.yaml")
        XCTAssertNil(workspace.policy(id: "nothing"))
    }
}
