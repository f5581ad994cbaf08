import XCTest
import YAMLTree

@testable import ProcDef

final class MissingFieldTests: XCTestCase {
    func testMissingFieldsPointAtTheParentKeyOrTheMappingStart() {
        // A missing `owner` is `ownership/owner-required`'s finding, not a schema one.
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            roles:
              2️⃣helper: {name: Helper}
            activities:
              - 3️⃣id: log
                responsible: helper
                next:
                  - 4️⃣when: Always.
                triggers:
                  - 5️⃣activity: start
              - id: close
                name: Close
                responsible: helper
            waivers:
              - 6️⃣policy: logged
            ---
            7️⃣kind: policy
            id: logged
            title:
            """,
            [
                ExpectedFinding("2️⃣", "schema/missing-field", "role 'helper' has no 'kind'"),
                ExpectedFinding("3️⃣", "schema/missing-field", "activity 'log' has no 'name'"),
                ExpectedFinding(
                    "4️⃣", "schema/missing-field", "a branch of activity 'log' has no 'to'",
                    help: "name the activity the branch goes to with `to`, or fork with `all`"),
                ExpectedFinding("5️⃣", "schema/missing-field", "a trigger of activity 'log' has no 'process'"),
                ExpectedFinding("6️⃣", "schema/missing-field", "the waiver for policy 'logged' has no 'reason'"),
                ExpectedFinding("6️⃣", "schema/missing-field", "the waiver for policy 'logged' has no 'until'"),
                ExpectedFinding("7️⃣", "schema/missing-field", "policy 'logged' has no 'require'"),
                ExpectedFinding("7️⃣", "schema/missing-field", "policy 'logged' has no 'title'"),
                ExpectedFinding("7️⃣", "schema/missing-field", "policy 'logged' has no 'severity'"),
            ])
    }

    func testProcessWithoutIdOrActivities() {
        XCTAssertDecoding(
            """
            1️⃣kind: process
            name: Incident
            owner: process-owner
            activities: ~
            """,
            [
                ExpectedFinding("1️⃣", "schema/missing-field", "the process has no 'id'"),
                ExpectedFinding("1️⃣", "schema/missing-field", "the process has no 'activities'"),
            ])
    }

    func testCompleteDocumentsPass() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            roles:
              helper: {name: Helper, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: helper
                next:
                  - {to: close, when: Always.}
                triggers:
                  - {process: incident}
              - id: close
                name: Close
                responsible: helper
            waivers:
              - {policy: logged, reason: Testing., until: 2030-01-01}
            ---
            kind: policy
            id: logged
            title: Incidents are logged
            severity: error
            require: {exists: {records: incident}}
            """, [])
    }
}
