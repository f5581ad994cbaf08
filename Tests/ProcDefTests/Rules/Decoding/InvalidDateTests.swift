import XCTest
import YAMLTree

@testable import ProcDef

final class InvalidDateTests: XCTestCase {
    private let policy = """
        ---
        kind: policy
        id: logged
        title: Logged
        severity: error
        require: {exists: {any: true}}
        """

    func testUntilMustBeARealISODate() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log}
            waivers:
              - {policy: logged, reason: Testing., until: 1️⃣2027-02-30}
              - {policy: logged, reason: Testing., until: 2️⃣31.12.2027}
              - {policy: logged, reason: Testing., until: 3️⃣2027-2-3}
            \(policy)
            """,
            [
                ExpectedFinding("1️⃣", "schema/invalid-date", "'until' in the waiver for policy 'logged' is not a real date: '2027-02-30'"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-date",
                    "'until' in the waiver for policy 'logged' must be a date written YYYY-MM-DD or `permanent`, found '31.12.2027'"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-date",
                    "'until' in the waiver for policy 'logged' must be a date written YYYY-MM-DD or `permanent`, found '2027-2-3'"),
            ])
    }

    func testRealDatesPassIncludingALeapDay() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log}
            waivers:
              - {policy: logged, reason: Testing., until: 2028-02-29}
            \(policy)
            """
        XCTAssertDecoding(fixture, [])
        let waiver = try XCTUnwrap(
            Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first?.waivers.first)
        XCTAssertEqual(waiver.until?.value.description, "2028-02-29")
    }
}
