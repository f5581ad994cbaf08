import XCTest
import YAMLTree

@testable import ProcDef

/// Forks (`next: {all: [...]}`), joins (`join: all`) and a process's `cancel` entries, as the decoder and the linker
/// read them: what each bad spelling is reported as and where, and what the good ones decode to.
final class ParallelWorkDecodingTests: XCTestCase {
    // MARK: Forks

    func testAForkNeedsTwoBranches() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next: {all: 1️⃣[fix]}
              - id: fix
                name: Fix
                next:
                  all: 2️⃣[]
              - id: close
                name: Close
                next: {all: 3️⃣~}
              - id: reopen
                name: Reopen
                next: {all: 4️⃣log}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type", "'all' of the fork of activity 'log' must list at least two branches, found one",
                    help: "a fork starts parallel work: list every branch that runs at the same time, or write `next: ID` for one"),
                ExpectedFinding(
                    "2️⃣", "schema/type", "'all' of the fork of activity 'fix' must list at least two branches, found none",
                    help: "a fork starts parallel work: list every branch that runs at the same time, or write `next: ID` for one"),
                ExpectedFinding(
                    "3️⃣", "schema/type", "'all' of the fork of activity 'close' must be a list of at least two branches, found nothing"),
                ExpectedFinding(
                    "4️⃣", "schema/type", "'all' of the fork of activity 'reopen' must be a list of at least two branches, found 'log'"),
            ])
    }

    func testAForkInADecisionBranchNeedsTwoBranchesToo() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next:
                  - when: Major.
                    all: 1️⃣[fix]
                  - when: Minor.
                    to: fix
              - id: fix
                name: Fix
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type", "'all' of a branch of activity 'log' must list at least two branches, found one",
                    help: "a fork starts parallel work: list every branch that runs at the same time, or write `next: ID` for one")
            ])
    }

    func testABranchHasToOrAllNeverBoth() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next:
                  - when: Major.
                    to: fix
                    1️⃣all: [fix, tell]
                  - when: Minor.
                    to: fix
              - id: assess
                name: Assess
                next:
                  all:
                    - to: fix
                      2️⃣all: [fix, tell]
                    - tell
              - id: fix
                name: Fix
              - id: tell
                name: Tell
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type", "the branch to 'fix' of activity 'log' has both 'to' and 'all'",
                    help: "a branch goes to one activity (`to`) or forks (`all`), not both: move `to` into the `all` list"),
                ExpectedFinding(
                    "2️⃣", "schema/type", "the branch to 'fix' of the fork of activity 'assess' has both 'to' and 'all'",
                    help: "a branch goes to one activity (`to`) or forks (`all`), not both: move `to` into the `all` list"),
            ])
    }

    func testAForkBranchHasNoCondition() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next:
                  all:
                    - to: fix
                      1️⃣when: Always.
                    - to: tell
              - id: fix
                name: Fix
              - id: tell
                name: Tell
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'when' in the branch to 'fix' of the fork of activity 'log'",
                    help: "every branch of a fork runs, so none has a condition; to choose one branch, list them under `next` without `all`"
                )
            ])
    }

    func testABranchWithNeitherToNorAll() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next:
                  - 1️⃣when: Major.
                    handoff: {artifact: incident-record}
                  - when: Minor.
                    to: fix
              - id: assess
                name: Assess
                next:
                  all:
                    - 2️⃣{handoff: {artifact: incident-record}}
                    - 3️⃣~
                    - 4️⃣[fix]
                    - fix
              - id: fix
                name: Fix
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/missing-field", "a branch of activity 'log' has no 'to'",
                    help: "name the activity the branch goes to with `to`, or fork with `all`"),
                ExpectedFinding(
                    "2️⃣", "schema/missing-field", "a branch of the fork of activity 'assess' has no 'to'",
                    help: "name the activity the branch goes to with `to`, or fork with `all`"),
                ExpectedFinding(
                    "3️⃣", "schema/type",
                    "each item of 'all' in the fork of activity 'assess' must be an activity id or a mapping with 'to' or 'all', found nothing"
                ),
                ExpectedFinding(
                    "4️⃣", "schema/type",
                    "each item of 'all' in the fork of activity 'assess' must be an activity id or a mapping with 'to' or 'all', found a list"
                ),
            ])
    }

    func testForkTargetsAreActivitiesOfTheProcess() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                next:
                  all:
                    - 1️⃣fxi
                    - all: [tell, 2️⃣tel]
              - id: fix
                name: Fix
              - id: tell
                name: Tell
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-activity", "unknown activity 'fxi' in the fork of activity 'log'", help: "did you mean 'fix'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-activity", "unknown activity 'tel' in the fork of activity 'log'", help: "did you mean 'tell'?"),
            ])
    }

    // MARK: Joins

    func testJoinIsAll() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
                join: 1️⃣any
              - id: close
                name: Close
                join: 2️⃣[all]
              - id: reopen
                name: Reopen
                join: 3️⃣true
            """,
            [
                ExpectedFinding("1️⃣", "schema/type", "'join' in activity 'log' must be all, found 'any'"),
                ExpectedFinding("2️⃣", "schema/type", "'join' in activity 'close' must be all, found a list"),
                ExpectedFinding("3️⃣", "schema/type", "'join' in activity 'reopen' must be all, found 'true'"),
            ])
    }

    func testForkJoinAndCancelKeysInTheWrongPlaceSayWhereTheyBelong() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            1️⃣join: all
            activities:
              - id: log
                name: Log
                2️⃣all: [fix, tell]
                3️⃣cancel: {when: The caller hangs up., to: close}
              - id: fix
                name: Fix
                next:
                  - to: close
                    when: Fixed.
                    4️⃣join: all
                  - to: tell
                    when: Not yet.
              - id: tell
                name: Tell
                next:
                  all:
                    - to: close
                      5️⃣join: all
                    - fix
              - id: close
                name: Close
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'join' in process 'incident'",
                    help: "`join: all` belongs to the activity where the branches of a fork meet, not to a branch or a process"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'all' in activity 'log'",
                    help: "a fork is written under `next`: `next: {all: [first, second]}` starts every branch when this activity ends"),
                ExpectedFinding(
                    "3️⃣", "schema/unknown-key", "unknown key 'cancel' in activity 'log'",
                    help: "`cancel` is a list of the process: write the entry there, with this activity in its `from`"),
                ExpectedFinding(
                    "4️⃣", "schema/unknown-key", "unknown key 'join' in the branch to 'close' of activity 'fix'",
                    help: "`join: all` belongs to the activity where the branches of a fork meet, not to a branch or a process"),
                ExpectedFinding(
                    "5️⃣", "schema/unknown-key", "unknown key 'join' in the branch to 'close' of the fork of activity 'tell'",
                    help: "`join: all` belongs to the activity where the branches of a fork meet, not to a branch or a process"),
            ])
    }

    // MARK: Cancellation

    func testACancelEntryNeedsWhenAndTo() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
              - id: close
                name: Close
            cancel:
              - 1️⃣when: The caller hangs up.
              - 2️⃣to: close
              - 3️⃣from: [log]
              - 4️⃣Cancel it
            """,
            [
                ExpectedFinding("1️⃣", "schema/missing-field", "a cancellation of process 'incident' has no 'to'"),
                ExpectedFinding("2️⃣", "schema/missing-field", "the cancellation to 'close' has no 'when'"),
                ExpectedFinding("3️⃣", "schema/missing-field", "a cancellation of process 'incident' has no 'when'"),
                ExpectedFinding("3️⃣", "schema/missing-field", "a cancellation of process 'incident' has no 'to'"),
                ExpectedFinding(
                    "4️⃣", "schema/type",
                    "each item of 'cancel' in process 'incident' must be a cancellation (a mapping), found 'Cancel it'"),
            ])
    }

    func testACancelEntryNamesActivitiesOfTheProcess() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            activities:
              - id: log
                name: Log
              - id: fix
                name: Fix
              - id: close
                name: Close
            cancel:
              - when: The caller hangs up.
                to: 1️⃣clsoe
                from: [log, 2️⃣fxi]
              - when: A duplicate.
                to: close
                from: 3️⃣problem-management
                4️⃣form: [log]
              - when: Never.
                to: close
                from: 5️⃣[]
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-activity", "unknown activity 'clsoe' in 'to' of a cancellation of process 'incident'",
                    help: "did you mean 'close'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-activity", "unknown activity 'fxi' in 'from' of the cancellation to 'clsoe'",
                    help: "did you mean 'fix'?"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-activity", "unknown activity 'problem-management' in 'from' of the cancellation to 'close'",
                    help: "process 'incident' has no activity with this id"),
                ExpectedFinding(
                    "4️⃣", "schema/unknown-key", "unknown key 'form' in the cancellation to 'close'", help: "did you mean 'from'?"),
                ExpectedFinding(
                    "5️⃣", "schema/type", "'from' of the cancellation to 'close' must list at least one activity, found none",
                    help:
                        "leave `from` out to interrupt every activity that is not an end, other than `to` and those only reachable after it"
                ),
            ])
    }

    // MARK: What decodes

    func testAForkADecisionThatForksAndNestedForksDecode() throws {
        let fixture = """
            kind: process
            id: major-incident
            name: Major incident
            activities:
              - id: assess
                name: Assess
                responsible: incident-manager
                next:
                  all:
                    - to: restore
                      handoff: {artifact: incident-record, expectation: Engineers start within 15 minutes.}
                    - tell
              - id: restore
                name: Restore
                responsible: resolver
                next:
                  - when: A workaround is needed first.
                    all:
                      - workaround
                      - all: [notify-sponsor, to-network]
                  - when: The fix is known.
                    to: review
              - {id: workaround, name: Workaround, responsible: resolver, next: review}
              - {id: notify-sponsor, name: Notify the sponsor, responsible: comms, next: review}
              - {id: to-network, name: Hand to network, responsible: network, next: review}
              - {id: tell, name: Tell, responsible: comms, next: review}
              - id: review
                name: Review
                join: all
                responsible: incident-manager
                end: true
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)

        guard case .fork(let fork) = process.activity("assess")?.next else { return XCTFail("expected a fork") }
        XCTAssertEqual(fork.branches.map { $0.to?.value }, ["restore", "tell"])
        XCTAssertEqual(fork.branches.map { $0.handoff?.artifact?.value }, ["incident-record", nil])
        XCTAssertEqual(fork.branches.map { $0.when?.value }, [nil, nil])

        guard case .branches(let branches, _) = process.activity("restore")?.next else { return XCTFail("expected a decision") }
        XCTAssertEqual(branches.map { $0.when?.value }, ["A workaround is needed first.", "The fix is known."])
        XCTAssertNil(branches[0].to)
        let inner = try XCTUnwrap(branches[0].fork)
        XCTAssertEqual(inner.branches.map { $0.to?.value }, ["workaround", nil])
        XCTAssertEqual(inner.branches[1].fork?.branches.map { $0.to?.value }, ["notify-sponsor", "to-network"])
        XCTAssertEqual(branches[0].targets.map(\.value), ["workaround", "notify-sponsor", "to-network"])
        XCTAssertEqual(branches[1].targets.map(\.value), ["review"])

        XCTAssertEqual(process.activity("review")?.join?.value, .all)
        XCTAssertEqual(process.activity("review")?.isJoin, true)
        XCTAssertEqual(process.activity("tell")?.isJoin, false)
    }

    func testCancelEntriesDecodeWithAndWithoutFrom() throws {
        let fixture = """
            kind: process
            id: request
            name: Request
            activities:
              - {id: log, name: Log, responsible: service-desk}
              - {id: approve, name: Approve, responsible: incident-manager}
              - {id: fulfil, name: Fulfil, responsible: resolver}
              - {id: close, name: Close, responsible: service-desk, end: true}
              - {id: withdraw, name: Record the withdrawal, responsible: service-desk}
            cancel:
              - when: The requester withdraws the request.
                to: withdraw
                from: [approve, fulfil]
                handoff: {artifact: request-record, expectation: The desk closes it within a day.}
              - when: The request is a duplicate.
                to: close
              - when: Nothing needs doing.
                to: close
                from: log
            """
        XCTAssertDecoding(fixture, [])
        let process = try XCTUnwrap(Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(fixture.utf8))]).processes.first)
        XCTAssertEqual(
            process.cancellations.map(\.when?.value),
            ["The requester withdraws the request.", "The request is a duplicate.", "Nothing needs doing."])
        XCTAssertEqual(process.cancellations.map(\.to.value), ["withdraw", "close", "close"])
        XCTAssertEqual(process.cancellations.map { $0.from?.map(\.value) }, [["approve", "fulfil"], nil, ["log"]])
        XCTAssertEqual(process.cancellations.map { $0.handoff?.artifact?.value }, ["request-record", nil, nil])
    }

    // MARK: Hostile input

    /// Forks nest through the YAML reader, whose depth limit stops them long before the decoder could recurse deeply.
    func testTenThousandNestedForksAreALimitFindingNotACrash() {
        let depth = 10_000
        let nested = String(repeating: "{all: [b, ", count: depth) + "c" + String(repeating: "]}", count: depth)
        let fixture = "kind: process\nid: p\nname: P\nactivities:\n  - id: a\n    name: A\n    next: \(nested)\n  - {id: b, name: B}\n"
        let workspace = Workspace.load(files: [SourceFile(path: "deep.yaml", bytes: Array(fixture.utf8))])
        XCTAssertEqual(
            workspace.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" },
            ["7:317 [yaml/limits] nesting is deeper than 64 levels"])
    }

    func testNestedForksWithinTheLimitDecode() throws {
        let depth = 20
        let nested = String(repeating: "{all: [b, ", count: depth) + "c" + String(repeating: "]}", count: depth)
        let fixture =
            "kind: process\nid: p\nname: P\nactivities:\n  - id: a\n    name: A\n    next: \(nested)\n  - {id: b, name: B}\n  - {id: c, name: C}\n"
        let workspace = Workspace.load(files: [SourceFile(path: "deep.yaml", bytes: Array(fixture.utf8))])
        XCTAssertEqual(workspace.diagnostics.map(\.message), [])
        guard case .fork(let fork) = try XCTUnwrap(workspace.process(id: "p")).activity("a")?.next else {
            return XCTFail("expected a fork")
        }
        XCTAssertEqual(Branch(fork: fork, range: fork.range).targets.map(\.value), Array(repeating: "b", count: depth) + ["c"])
    }
}
