import XCTest
import YAMLTree

@testable import ProcDef

final class SafetyLimitsTests: XCTestCase {
    private let shallow = CheckOptions(limits: YAMLLimits(maxDepth: 5))

    func testNestingDeeperThanTheLimit() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                tags: [[1️⃣[x]]]
            """, options: shallow,
            [
                ExpectedFinding("1️⃣", "yaml/limits", "nesting is deeper than 5 levels")
            ])
    }

    func testNestingWithinTheLimit() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                tags: [x]
            """, options: shallow, [])
    }

    func testMoreActivitiesThanTheLimitPointsAtTheFirstOneOver() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            defaults: {accountable: incident-manager}
            activities:
              - {id: log, name: Log, responsible: service-desk}
              - {id: fix, name: Fix, responsible: service-desk}
              - 1️⃣{id: close, name: Close, responsible: service-desk}
            """, options: CheckOptions(maxActivitiesPerProcess: 2),
            [
                ExpectedFinding(
                    "1️⃣", "yaml/limits", "process 'incident' has 3 activities, more than the limit of 2",
                    help: "split the process, and start the parts from one another with `triggers:`")
            ])
    }

    func testActivitiesUpToTheLimitPass() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - {id: log, name: Log, responsible: service-desk}
              - {id: fix, name: Fix, responsible: service-desk}
            """, options: CheckOptions(maxActivitiesPerProcess: 2), [])
    }
}
