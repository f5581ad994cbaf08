import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownActivityTests: XCTestCase {
    func testNextTargetsMustBeActivitiesOfTheProcess() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                next: 1️⃣diagnos
              - id: diagnose
                name: Diagnose
                next:
                  - to: 2️⃣clsoe
                    when: Fixed.
                  - to: 3️⃣problem-management
                    when: Recurring.
              - id: close
                name: Close
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-activity", "unknown activity 'diagnos' in 'next' of activity 'log'", help: "did you mean 'diagnose'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-activity", "unknown activity 'clsoe' in 'next' of activity 'diagnose'", help: "did you mean 'close'?"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-activity", "unknown activity 'problem-management' in 'next' of activity 'diagnose'",
                    help: "process 'incident' has no activity with this id; to start another process, use 'triggers:'"),
            ])
    }

    func testKnownTargetsPassAndAreIndexed() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log, next: diagnose}
              - id: diagnose
                name: Diagnose
                next: [close, {to: log, when: Again.}]
              - {id: close, name: Close}
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)
        XCTAssertEqual(process.activityIndex("close"), 2)
        XCTAssertEqual(process.activity("diagnose")?.name.value, "Diagnose")
        XCTAssertNil(process.activityIndex("nothing"))
        guard case .branches(let branches, _) = process.activity("diagnose")?.next else { return XCTFail("expected branches") }
        XCTAssertEqual(branches.map { $0.to?.value }, ["close", "log"])
        XCTAssertEqual(branches.map { $0.when?.value }, [nil, "Again."])
    }

    func testTheIndexFollowsChangesToTheActivities() {
        var process = ProcessDefinition(
            id: Located("p", at: .fileStart), name: Located("P", at: .fileStart), file: "p.yaml", range: .fileStart, headerRange: .fileStart
        )
        process.activities = [Activity(id: Located("a", at: .fileStart), name: Located("A", at: .fileStart), range: .fileStart)]
        XCTAssertEqual(process.activityIndex("a"), 0)
        process.activities[0].id = Located("b", at: .fileStart)
        XCTAssertNil(process.activityIndex("a"))
        XCTAssertEqual(process.activityIndex("b"), 0)
    }
}
