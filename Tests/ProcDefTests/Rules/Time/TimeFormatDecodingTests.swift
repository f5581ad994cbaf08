import XCTest
import YAMLTree

@testable import ProcDef

/// The time format (issue 21, part A): business units, priorities, per-priority budgets, handoff `within`, branch
/// `priorities`, service `targets` and `max-silence`.
final class TimeFormatDecodingTests: XCTestCase {
    func testBusinessUnitsParse() {
        XCTAssertEqual(TimeTarget(parsing: "6bh"), TimeTarget(amount: 6, unit: .businessHours))
        XCTAssertEqual(TimeTarget(parsing: "3bd"), TimeTarget(amount: 3, unit: .businessDays))
        XCTAssertEqual(TimeTarget(parsing: "3bd")?.seconds(), 3 * 8 * 3600)
        XCTAssertEqual(TimeTarget(parsing: "3bd")?.seconds(businessDay: 9 * 3600), 3 * 9 * 3600)
        XCTAssertEqual(TimeTarget(parsing: "2bh")?.seconds(businessDay: 9 * 3600), 7200)
        // Nine digits of business days of at most a day stay far below Int.max; a larger business day is capped.
        XCTAssertEqual(TimeTarget(parsing: "999999999bd")?.seconds(businessDay: Int.max), 999_999_999 * 86400)
        for text in ["bd", "bh", "5b", "5BD", "5bdd", "5 bd", "1234567890bd", "5db", "5hb"] {
            XCTAssertNil(TimeTarget(parsing: text), "'\(text)' is not a duration")
        }
    }

    func testGoodSpellingsDecode() throws {
        let fixture = """
            kind: roles
            roles:
              agent: {name: Agent, kind: practitioner}
              owner: {name: Owner, kind: owner}
              regulator: {name: Regulator, kind: stakeholder, max-silence: 1d}
            ---
            kind: process
            id: incident
            name: Incident
            owner: owner
            priorities: [p1, p2, p3]
            max-silence: 4h
            targets:
              - id: restore
                name: Restore service
                from: log
                to: resolve
                within: {p1: 4h, p2: 8h, p3: 3bd}
              - id: first-update
                name: First update
                from: {end: log}
                to: {start: resolve}
                within: 5m
                when: p1
                clock: business
              - id: labelled
                name: Labelled
                from: log
                to: resolve
                within: 2bd
                when: Major incidents
            activities:
              - id: log
                name: Log
                responsible: agent
                target: {p1: 10m, default: 30m}
                next:
                  - to: resolve
                    when: Urgent.
                    priorities: [p1]
                    handoff: {artifact: record, expectation: Fixed within 30 minutes., within: 30m}
                  - to: resolve
                    when: Otherwise.
              - id: resolve
                name: Resolve
                responsible: agent
                target: {p1: 1h, p2: 6bh}
            """
        XCTAssertDecoding(["f.yaml": fixture], [])
        let workspace = Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))])
        let process = try XCTUnwrap(workspace.processes.first)
        XCTAssertEqual(process.priorities.map(\.value), ["p1", "p2", "p3"])
        XCTAssertEqual(process.maxSilence?.value.text, "4h")
        XCTAssertEqual(workspace.catalogueRoles["regulator"]?.maxSilence?.value.text, "1d")

        let log = process.activities[0]
        XCTAssertEqual(log.target?.text, "p1: 10m, otherwise 30m")
        XCTAssertEqual(log.target?.duration(for: "p1")?.value.text, "10m")
        XCTAssertEqual(log.target?.duration(for: "p3")?.value.text, "30m")
        XCTAssertEqual(log.target?.single?.value.text, "30m")
        // No `default`: a priority the mapping does not name has no budget.
        let resolve = process.activities[1]
        XCTAssertEqual(resolve.target?.text, "p1: 1h, p2: 6bh")
        XCTAssertNil(resolve.target?.duration(for: "p3"))
        XCTAssertNil(resolve.target?.single)

        guard case .branches(let branches, _) = log.next else { return XCTFail("a decision") }
        XCTAssertEqual(branches[0].priorities.map(\.value), ["p1"])
        XCTAssertEqual(branches[0].handoff?.within?.text, "30m")
        XCTAssertEqual(branches[1].priorities.map(\.value), [])

        XCTAssertEqual(process.targets.map(\.id.value), ["restore", "first-update", "labelled"])
        let restore = process.targets[0]
        XCTAssertEqual(restore.from?.text, "start of log")
        XCTAssertEqual(restore.to?.text, "end of resolve")
        XCTAssertEqual(restore.within?.text, "p1: 4h, p2: 8h, p3: 3bd")
        XCTAssertNil(restore.clock)
        let firstUpdate = process.targets[1]
        XCTAssertEqual(firstUpdate.from?.text, "end of log")
        XCTAssertEqual(firstUpdate.to?.text, "start of resolve")
        XCTAssertEqual(firstUpdate.priority?.value, "p1")
        XCTAssertEqual(firstUpdate.clock?.value, .business)
        // A `when` that names no priority is a label only.
        XCTAssertEqual(process.targets[2].when?.value, "Major incidents")
        XCTAssertNil(process.targets[2].priority)
    }

    func testConfigBusinessDayAndMaxSilence() throws {
        let fixture = """
            kind: config
            business-day: 9h
            max-silence: 2d
            """
        let workspace = Workspace.load(files: [SourceFile(path: ".procdef.yaml", bytes: Array(fixture.utf8))])
        XCTAssertEqual(workspace.diagnostics.map(\.message), [])
        let config = try XCTUnwrap(workspace.configs.first)
        XCTAssertEqual(config.businessDay?.value.text, "9h")
        XCTAssertEqual(config.maxSilence?.value.text, "2d")
        XCTAssertEqual(CheckOptions().businessDay.text, "8h")
        XCTAssertEqual(CheckOptions().maxSilence.text, "1d")
    }

    func testBadBusinessDayAndDurations() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                business-day: 1️⃣2bd
                max-silence: 2️⃣a day
                review-every: 3️⃣20bd
                """,
                "other.yaml": """
                kind: config
                business-day: 4️⃣25h
                """,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration", "'business-day' in the config must be more than nothing and at most 24h, found '2bd'",
                    help: "give the working hours of one business day in h or m, such as 8h or 450m"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-duration",
                    "'max-silence' in the config must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'a day'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-duration", "'review-every' in the config must count calendar days, found '20bd'",
                    help: "a review cycle counts whole days: write it in d, w or mo, such as 90d, 26w or 12mo"),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-duration", "'business-day' in the config must be more than nothing and at most 24h, found '25h'",
                    help: "give the working hours of one business day in h or m, such as 8h or 450m"),
            ])
    }

    func testBadDurationsInBudgets() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            priorities: [p1]
            max-silence: 1️⃣4 hours
            activities:
              - id: log
                name: Log
                target: {p1: 2️⃣10bdays, default: 3️⃣30}
                handoff: {artifact: record, expectation: Soon., within: 4️⃣1.5bh}
                next: fix
              - id: fix
                name: Fix
                target: 5️⃣[1h]
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration",
                    "'max-silence' in process 'incident' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '4 hours'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-duration",
                    "'p1' of 'target' in activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '10bdays'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "3️⃣", "schema/invalid-duration",
                    "'default' of 'target' in activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '30'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "4️⃣", "schema/invalid-duration",
                    "'within' in the handoff of activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '1.5bh'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "5️⃣", "schema/type",
                    "'target' in activity 'fix' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found a list"),
            ])
    }

    func testUnknownPriorities() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            priorities: [p1, p2, 1️⃣p1]
            targets:
              - {id: restore, name: Restore, from: log, to: fix, within: {2️⃣P2: 8h, default: 1d}}
            activities:
              - id: log
                name: Log
                target: {3️⃣p4: 10m, default: 30m}
                handoff: {artifact: record, expectation: Soon., within: {4️⃣p3: 1h}}
                next:
                  - to: fix
                    when: Urgent.
                    priorities: [p1, 5️⃣p-1]
                  - to: fix
                    when: Otherwise.
              - id: fix
                name: Fix
            ---
            kind: process
            id: change
            name: Change
            owner: process-owner
            activities:
              - {id: plan, name: Plan, target: {6️⃣p1: 1h, default: 2h}}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/duplicate-id", "priority 'p1' is already defined in process 'incident' at fixture.yaml:5:14"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-priority", "unknown priority 'P2' in 'within' of target 'restore'", help: "did you mean 'p2'?"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-priority", "unknown priority 'p4' in 'target' of activity 'log'", help: "did you mean 'p1'?"),
                ExpectedFinding(
                    "4️⃣", "ref/unknown-priority", "unknown priority 'p3' in 'within' of the handoff of activity 'log'",
                    help: "did you mean 'p1'?"),
                ExpectedFinding(
                    "5️⃣", "ref/unknown-priority", "unknown priority 'p-1' in 'priorities' of the branch to 'fix' of activity 'log'",
                    help: "did you mean 'p1'?"),
                ExpectedFinding(
                    "6️⃣", "ref/unknown-priority", "unknown priority 'p1' in 'target' of activity 'plan'",
                    help: "process 'change' declares no priorities: add `priorities: [p1]` to it, or write one duration"),
            ])
    }

    func testEmptyBudgetsReservedPriorityAndRoleSilence() {
        XCTAssertDecoding(
            [
                "roles.yaml": """
                kind: roles
                roles:
                  process-owner: {name: Owner, kind: owner}
                  regulator: {name: Regulator, kind: stakeholder, max-silence: 1️⃣daily}
                """,
                "fixture.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                priorities: [p1, 2️⃣default]
                activities:
                  - {id: log, name: Log, target: 3️⃣{}, next: fix}
                  - id: fix
                    name: Fix
                    triggers:
                      - process: incident
                        handoff: {artifact: record, expectation: Soon., within: {4️⃣p9: 1h}}
                cancel:
                  - when: Withdrawn.
                    to: log
                    handoff: {artifact: record, expectation: Soon., within: {5️⃣p3: 1h}}
                """,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration",
                    "'max-silence' in role 'regulator' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'daily'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)"),
                ExpectedFinding(
                    "2️⃣", "schema/invalid-id", "priority id 'default' in process 'incident' is reserved",
                    help: "`default` names the duration of every other priority in a per-priority mapping: give the priority another id"),
                ExpectedFinding(
                    "3️⃣", "schema/type",
                    "'target' in activity 'log' must be a duration, or a mapping from priority to duration, found an empty mapping",
                    help: "write one duration (`30m`), or one per priority with `default` for the rest (`{p1: 10m, default: 30m}`)"),
                ExpectedFinding(
                    "4️⃣", "ref/unknown-priority", "unknown priority 'p9' in 'within' of the handoff to process 'incident' of activity 'fix'",
                    help: "did you mean 'p1'?"),
                ExpectedFinding(
                    "5️⃣", "ref/unknown-priority", "unknown priority 'p3' in 'within' of the handoff of the cancellation to 'log'",
                    help: "did you mean 'p1'?"),
            ])
    }

    func testAWhenNamesAPriorityInAnyCase() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            priorities: [p1, p2]
            targets:
              - {id: restore-p1, name: Restore P1, from: log, to: log, within: 4h, when: P1}
              - {id: restore-p2, name: Restore P2, from: log, to: log, within: 8h, when: p2}
              - {id: restore-major, name: Restore major, from: log, to: log, within: 2h, when: Major P1 incidents}
            activities:
              - {id: log, name: Log}
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)
        XCTAssertEqual(process.targets.map { $0.priority?.value }, ["p1", "p2", nil])
        XCTAssertEqual(process.targets.map { $0.when?.value }, ["P1", "p2", "Major P1 incidents"])
    }

    func testBadTargets() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            targets:
              - 1️⃣id: restore
                name: Restore
                from: 2️⃣lgo
                to: {start: 3️⃣fx}
                within: 4h
                clock: 4️⃣wall
              - id: 5️⃣restore
                name: Restore again
                from: 6️⃣{9️⃣start: log}
                to: 7️⃣[fix]
                within: 1h
              - 8️⃣{}
            activities:
              - {id: log, name: Log, next: fix}
              - {id: fix, name: Fix}
            """,
            [
                ExpectedFinding(
                    "2️⃣", "ref/unknown-activity", "unknown activity 'lgo' in 'from' of target 'restore'", help: "did you mean 'log'?"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-activity", "unknown activity 'fx' in 'to' of target 'restore'", help: "did you mean 'fix'?"),
                ExpectedFinding("4️⃣", "schema/type", "'clock' in target 'restore' of process 'incident' must be business, found 'wall'"),
                ExpectedFinding(
                    "5️⃣", "schema/duplicate-id", "target 'restore' is already defined in process 'incident' at fixture.yaml:6:9"),
                ExpectedFinding(
                    "9️⃣", "schema/unknown-key", "unknown key 'start' in 'from' of target 'restore' of process 'incident'",
                    help: "valid keys here: end"),
                ExpectedFinding(
                    "6️⃣", "schema/missing-field", "'from' of target 'restore' of process 'incident' has no 'end'"),
                ExpectedFinding(
                    "7️⃣", "schema/type",
                    "'to' in target 'restore' of process 'incident' must be an activity id, or a mapping with 'start', found a list"),
                ExpectedFinding("8️⃣", "schema/missing-field", "a target of process 'incident' has no 'id'"),
                ExpectedFinding("8️⃣", "schema/missing-field", "a target of process 'incident' has no 'name'"),
                ExpectedFinding("8️⃣", "schema/missing-field", "a target of process 'incident' has no 'from'"),
                ExpectedFinding("8️⃣", "schema/missing-field", "a target of process 'incident' has no 'to'"),
                ExpectedFinding("8️⃣", "schema/missing-field", "a target of process 'incident' has no 'within'"),
            ])
    }
}
