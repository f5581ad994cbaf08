import XCTest

@testable import ProcDef

/// Timers, cadences, continuous duties and shifts (issue 21, part B): their format, and a timer as a transition of
/// the flow.
final class TimerFlowTests: XCTestCase {
    private func process(_ activities: String, priorities: String = "") -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        \(priorities)defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    private func load(_ text: String) throws -> ProcessDefinition {
        let workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)), SourceFile(path: "f.yaml", bytes: Array(text.utf8)),
        ])
        return try XCTUnwrap(workspace.processes.first)
    }

    // MARK: Format

    func testTimersDecode() throws {
        let process = try load(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: wait
                    name: Wait for the carrier
                    type: wait
                    responsible: carrier
                    timeout:
                      - {after: {p1: 1h, default: 4h}, to: escalate, from: log, when: P1}
                      - {after: 2d, to: escalate, interrupting: false, when: Weekend}
                    next: resolve
                  - id: escalate
                    name: Escalate
                    responsible: incident-manager
                    timeout: {after: 30m, to: resolve}
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                """, priorities: "priorities: [p1, p2]\n"))
        let wait = process.activities[1]
        XCTAssertEqual(wait.timeouts.count, 2)
        XCTAssertEqual(
            wait.timeouts.map(\.text),
            [
                "after p1: 1h, otherwise 4h from log to escalate when P1", "after 2d to escalate (not interrupting) when Weekend",
            ])
        XCTAssertEqual(wait.timeouts.map { $0.priority(among: process.priorities) }, ["p1", nil])
        XCTAssertEqual(wait.timeouts.map(\.isInterrupting), [true, false])
        XCTAssertEqual(process.activities[2].timeouts.map(\.text), ["after 30m to resolve"])
    }

    func testCadencesContinuousDutiesAndShiftsDecode() throws {
        let text = """
            kind: roles
            roles:
              owner: {name: Owner, kind: owner}
              desk: {name: Desk, kind: practitioner, shift: 8h, handover: {artifact: shift-log, expectation: The next one reads it.}}
              user: {name: User, kind: customer}
            ---
            kind: process
            id: incident
            name: Incident
            owner: owner
            priorities: [p1, p2]
            defaults:
              accountable: owner
            activities:
              - id: log
                name: Log
                responsible: desk
                until: resolve
              - id: hourly
                name: Hourly
                responsible: desk
                every: 1h
                until: resolve
              - id: per-priority
                name: Per priority
                responsible: desk
                every: {p1: 30m, default: 2h}
                until: resolve
              - id: listed
                name: Listed
                responsible: desk
                every:
                  - {every: 20m, for: 2h}
                  - {every: 1h, when: p1}
                  - {every: 1d}
                until: resolve
              - id: resolve
                name: Resolve
                responsible: desk
            """
        XCTAssertDecoding(["f.yaml": text], [])
        let workspace = Workspace.load(files: [SourceFile(path: "f.yaml", bytes: Array(text.utf8))])
        let process = try XCTUnwrap(workspace.processes.first)
        XCTAssertFalse(process.activities[0].isCadence)
        XCTAssertEqual(process.activities[0].until?.value, "resolve")
        XCTAssertEqual(process.activities[1].cadence.map(\.text), ["1h"])
        XCTAssertEqual(process.activities[2].cadence.map(\.text), ["p1: 30m, otherwise 2h"])
        XCTAssertEqual(process.activities[3].cadence.map(\.text), ["20m for 2h", "1h when p1", "1d"])
        XCTAssertEqual(process.activities[3].cadence.map { $0.priority(among: process.priorities) }, [nil, "p1", nil])
        let desk = try XCTUnwrap(workspace.catalogueRoles["desk"])
        XCTAssertEqual(desk.shift?.value.text, "8h")
        XCTAssertEqual(desk.handover?.artifact?.value, "shift-log")
        XCTAssertEqual(desk.handover?.expectation?.value, "The next one reads it.")
    }

    func testBadReferencesDurationsAndMissingFields() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    timeout:
                      - {after: 1h, to: 1️⃣escalte, from: 2️⃣lg}
                      - 3️⃣{to: resolve}
                      - 4️⃣{after: 2h}
                      - {after: 5️⃣4hours, to: resolve}
                      - {after: {p1: 1h, 6️⃣p9: 2h}, to: resolve}
                    every: 7️⃣hourly
                    until: 8️⃣reslove
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                """, priorities: "priorities: [p1]\n"),
            rules: ["ref/unknown-activity", "ref/unknown-priority", "schema/missing-field", "schema/invalid-duration"],
            [
                ExpectedFinding("1️⃣", "ref/unknown-activity", "unknown activity 'escalte' in the timeout of activity 'log'"),
                ExpectedFinding("2️⃣", "ref/unknown-activity", "unknown activity 'lg' in 'from' of a timeout of activity 'log'"),
                ExpectedFinding("3️⃣", "schema/missing-field", "the timeout to 'resolve' of activity 'log' has no 'after'"),
                ExpectedFinding("4️⃣", "schema/missing-field", "a timeout of activity 'log' has no 'to'"),
                ExpectedFinding(
                    "5️⃣", "schema/invalid-duration",
                    "'after' in the timeout to 'resolve' of activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found '4hours'"
                ),
                ExpectedFinding("6️⃣", "ref/unknown-priority", "unknown priority 'p9' in 'after' of a timeout of activity 'log'"),
                ExpectedFinding(
                    "7️⃣", "schema/invalid-duration",
                    "'every' in activity 'log' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'hourly'"),
                ExpectedFinding("8️⃣", "ref/unknown-activity", "unknown activity 'reslove' in 'until' of activity 'log'"),
            ])
    }

    func testABadShiftIsAnInvalidDuration() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              desk: {name: Desk, kind: practitioner, shift: 1️⃣eight}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/invalid-duration",
                    "'shift' in role 'desk' must be a duration like 90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd, found 'eight'",
                    help: "write a whole number followed by s, m, h, d, w, mo, bh (business hours) or bd (business days)")
            ])
    }

    /// A cadence with nothing to stop it never passes its branch on: `every` needs `until`.
    func testEveryWithoutUntilIsAMissingField() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    1️⃣every: 1h
                """), rules: ["schema/missing-field"],
            [
                ExpectedFinding(
                    "1️⃣", "schema/missing-field", "activity 'send-update' has 'every' but no 'until'", severity: .error,
                    help: "name in `until` the activity whose end stops the cadence")
            ])
    }

    /// A handover that names no artifact or no expectation says nothing of how the shift hands over.
    func testAnIncompleteHandoverIsAMissingField() {
        XCTAssertDecoding(
            """
            kind: roles
            roles:
              desk: {name: Desk, kind: practitioner, shift: 8h, handover: 1️⃣{}}
              rota: {name: Rota, kind: practitioner, shift: 8h, handover: 2️⃣{artifact: shift-log}}
            """,
            [
                ExpectedFinding("1️⃣", "schema/missing-field", "the handover of role 'desk' has no 'artifact'"),
                ExpectedFinding("1️⃣", "schema/missing-field", "the handover of role 'desk' has no 'expectation'"),
                ExpectedFinding("2️⃣", "schema/missing-field", "the handover of role 'rota' has no 'expectation'"),
            ])
    }

    // MARK: Flow

    /// Without its timer, the escalation is unreachable; the timer is the way in.
    func testATimeoutMakesAnOtherwiseUnreachableStepReachable() {
        let activities = """
              - id: wait
                name: Wait for the carrier
                type: wait
                responsible: service-desk
            %TIMEOUT%
                next: resolve
              - id: 1️⃣escalate
                name: Escalate
                responsible: service-desk
                next: resolve
              - id: resolve
                name: Resolve
                responsible: service-desk
            """
        XCTAssertFindings(
            process(activities.replacingOccurrences(of: "%TIMEOUT%\n", with: "")), rules: ["flow/unreachable"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/unreachable",
                    "activity 'escalate' (Escalate) cannot be reached from the start 'wait' (Wait for the carrier): 'wait' (Wait for the carrier) before it names its `next`, so the flow does not fall through to it"
                )
            ])
        XCTAssertFindings(
            process(activities.replacingOccurrences(of: "%TIMEOUT%", with: "    timeout: {after: 4h, to: escalate}")),
            rules: ["flow/unreachable", "flow/no-end", "flow/self-loop"], [])
    }

    func testTheTimeoutIsATransitionOfTheFlowGraph() throws {
        let process = try load(
            process(
                """
                  - id: wait
                    name: Wait
                    responsible: service-desk
                    timeout: [{after: 4h, to: escalate}, {after: 8h, to: resolve, interrupting: false}]
                    next: resolve
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                """))
        let graph = FlowGraph(process: process)
        XCTAssertEqual(graph.outgoing[0].map { graph.transitions[$0].kind }, [.single, .timeout(index: 0), .timeout(index: 1)])
        XCTAssertEqual(graph.outgoing[0].map { graph.transitions[$0].target }, [2, 1, 2])
        // The interrupting timer is one more way the step ends; the other runs beside it.
        XCTAssertEqual(graph.outcomes[0].count, 2)
        XCTAssertEqual(graph.detached[0], [2])
    }

    /// A timer on a step in a loop is re-armed on each pass: the loop and its timer leave no flow finding.
    func testATimerReArmedInALoop() throws {
        let text = process(
            """
              - id: ask
                name: Ask the user
                responsible: service-desk
                informed: [user]
              - id: wait
                name: Wait for the reply
                type: wait
                responsible: service-desk
                timeout: {after: 1d, to: ask}
                next:
                  - {to: ask, when: The answer is unclear.}
                  - {to: resolve, when: The answer is clear.}
              - id: resolve
                name: Resolve
                responsible: service-desk
                informed: [user]
            """)
        XCTAssertFindings(text, rules: ["flow/unreachable", "flow/no-end", "flow/self-loop", "flow/duplicate-transition"], [])
        let process = try load(text)
        let graph = FlowGraph(process: process)
        let timer = try XCTUnwrap(graph.transitions.first { $0.kind == .timeout(index: 0) })
        XCTAssertEqual(timer.target, 0)
        XCTAssertTrue(timer.isBackEdge || graph.transitions.contains { $0.isBackEdge && $0.source == 1 })
    }

    /// A loop whose only way out is a timer still ends.
    func testATimerIsTheWayOutOfALoop() {
        XCTAssertFindings(
            process(
                """
                  - id: poll
                    name: Poll the carrier
                    responsible: service-desk
                  - id: check
                    name: Check the status
                    responsible: service-desk
                    next: poll
                    timeout: {after: 4h, to: escalate}
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                """), rules: ["flow/no-end", "flow/unreachable"], [])
    }

    func testATimerToItsOwnStepIsASelfLoop() {
        XCTAssertFindings(
            process(
                """
                  - id: chase
                    name: Chase the user
                    responsible: service-desk
                    informed: [user]
                    timeout: {after: 1d, to: 1️⃣chase}
                  - id: close
                    name: Close
                    responsible: service-desk
                """), rules: ["flow/self-loop"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/self-loop",
                    "activity 'chase' (Chase the user) names itself as the `to` of its `timeout`: the case goes round the same activity")
            ])
    }

    func testAHandoffGapOnATimeoutThatChangesHands() {
        XCTAssertFindings(
            process(
                """
                  - id: wait
                    name: Wait for the carrier
                    type: wait
                    responsible: carrier
                    timeout: {after: 4h, to: 1️⃣escalate}
                    next: escalate
                    handoff: {artifact: fault-report, expectation: The manager calls the carrier., agreement: UC-014}
                  - id: escalate
                    name: Escalate
                    responsible: incident-manager
                """), rules: ["handoff/gap"],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'carrier' (Network Carrier) at 'wait' (Wait for the carrier) to 'incident-manager' (Incident Manager) at 'escalate' (Escalate) with no handoff declared",
                    severity: .error,
                    help: """
                        add a `handoff:` to this `timeout` entry with the artifact handed over and the receiver's expectation:
                          handoff:
                            artifact: <what is handed over>
                            expectation: <what the receiver commits to>
                        """)
            ])
        XCTAssertFindings(
            process(
                """
                  - id: wait
                    name: Wait for the carrier
                    type: wait
                    responsible: carrier
                    timeout:
                      after: 4h
                      to: escalate
                      handoff: {artifact: fault-report, expectation: The manager calls the carrier., agreement: UC-014}
                    next: escalate
                    handoff: {artifact: fault-report, expectation: The manager calls the carrier., agreement: UC-014}
                  - id: escalate
                    name: Escalate
                    responsible: incident-manager
                """), rules: ["handoff/gap"], [])
    }
}

/// `flow/cadence-never-ends`, `time/cadence-never-repeats` and `handoff/shift-handover-missing`.
final class CadenceAndShiftRuleTests: XCTestCase {
    private func process(_ activities: String, priorities: String = "") -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        \(priorities)defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    private let rules: Set<String> = ["flow/cadence-never-ends", "time/cadence-never-repeats"]

    private func neverEndsHelp(_ id: String, _ until: String) -> String {
        "move '\(id)' onto a parallel branch beside the work it reports on: fork before it (`next: {all: [\(id), ...]}`) so that '\(until)' is reached without it, and join the branches after"
    }

    func testACadenceBeforeItsUntilOnItsOwnPathNeverEnds() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: 1️⃣send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                  - id: 2️⃣poll
                    name: Poll itself
                    responsible: service-desk
                    every: 1h
                    until: poll
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "flow/cadence-never-ends",
                    "cadence 'send-update' (Update the users) repeats until 'resolve' (Resolve) has ended, but 'resolve' can only be reached through 'send-update' itself: the cadence never ends",
                    severity: .error, help: neverEndsHelp("send-update", "resolve")),
                ExpectedFinding(
                    "2️⃣", "flow/cadence-never-ends",
                    "cadence 'poll' (Poll itself) repeats until 'poll' (Poll itself) has ended, but its `until` is the cadence step itself: the cadence never ends",
                    help: neverEndsHelp("poll", "poll")),
            ])
    }

    /// On a fork branch of its own, beside the work, the cadence ends when the work does.
    func testACadenceOnAParallelBranchPasses() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [send-update, resolve]
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: [{every: 20m, for: 2h}, {every: 1h}]
                    until: resolve
                    next: close
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                """), rules: rules.union(["flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge"]), [])
    }

    /// A decision that skips the cadence does not help the cases that take it: on the cadence's own path, `until`
    /// follows the cadence, which waits for it.
    func testAnUntilDownstreamOnTheCadencesOwnPathNeverEndsThoughAnotherWayReachesIt() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      - {to: send-update, when: Major.}
                      - {to: resolve, when: Otherwise.}
                  - id: 1️⃣send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: resolve
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    end: true
                """), rules: ["flow/cadence-never-ends"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/cadence-never-ends",
                    "cadence 'send-update' (Update the users) repeats until 'resolve' (Resolve) has ended, but 'resolve' lies downstream of 'send-update' on its own path: the cadence never ends",
                    severity: .error, help: neverEndsHelp("send-update", "resolve"))
            ])
    }

    /// The cadence's own non-interrupting timer starts `until` beside the step, not after it.
    func testANonInterruptingTimerOfTheCadenceToItsUntilPasses() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: resolve
                    timeout: {after: 10m, to: resolve, interrupting: false}
                    next: close
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                """), rules: ["flow/cadence-never-ends"], [])
    }

    /// On sibling fork branches the cadence runs beside `until`, even where a loop comes round to both again.
    func testACadenceBesideItsUntilInALoopPasses() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [send-update, resolve]
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: resolve
                    next: confirm
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: confirm
                  - id: confirm
                    name: Confirm
                    responsible: service-desk
                    join: all
                    next:
                      - {to: log, when: The fault is back.}
                      - {to: close, when: The user confirms.}
                  - id: close
                    name: Close
                    responsible: service-desk
                """), rules: ["flow/cadence-never-ends"], [])
    }

    /// The join that closes the cadence's own branch follows the cadence, though a sibling branch reaches it too.
    func testAnUntilAtTheJoinOfTheCadencesBranchNeverEnds() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [send-update, resolve]
                  - id: 1️⃣send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: close
                    next: close
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                """), rules: ["flow/cadence-never-ends"],
            [
                ExpectedFinding(
                    "1️⃣", "flow/cadence-never-ends",
                    "cadence 'send-update' (Update the users) repeats until 'close' (Close) has ended, but 'close' lies downstream of 'send-update' on its own path: the cadence never ends",
                    severity: .error, help: neverEndsHelp("send-update", "close"))
            ])
    }

    func testACadenceAfterItsUntilNeverRepeats() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: 1️⃣resolve
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/cadence-never-repeats",
                    "cadence 'send-update' (Update the users) repeats until 'resolve' (Resolve) has ended, but every way to 'send-update' passes 'resolve' first: the cadence never repeats",
                    severity: .warning,
                    help:
                        "start 'send-update' before 'resolve', on a parallel branch beside it (fork before both), or name in `until` the activity that ends the updates"
                )
            ])
    }

    /// A `join: all` waits for every branch it joins: when one of them holds `until`, the join passes it.
    func testACadenceAfterAJoinOfItsUntilsBranchNeverRepeats() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next: {all: [resolve, notify]}
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: wrap
                  - id: notify
                    name: Notify
                    responsible: service-desk
                    next: wrap
                  - id: wrap
                    name: Wrap up
                    responsible: service-desk
                    join: all
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: 1️⃣resolve
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/cadence-never-repeats",
                    "cadence 'send-update' (Update the users) repeats until 'resolve' (Resolve) has ended, but every way to 'send-update' passes 'resolve' first: the cadence never repeats",
                    severity: .warning,
                    help:
                        "start 'send-update' before 'resolve', on a parallel branch beside it (fork before both), or name in `until` the activity that ends the updates"
                )
            ])
    }

    /// Reached by a timer as well as after `until`, the cadence may start before `until` has ended.
    func testACadenceAlsoReachedByATimerMayRepeat() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    timeout: {after: 15m, to: send-update}
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: resolve
                """), rules: ["time/cadence-never-repeats"], [])
    }

    // MARK: Shifts

    private let shiftCatalogue = """
        kind: roles
        roles:
          process-owner: {name: Incident Process Owner, kind: owner}
          incident-manager: {name: Incident Manager, kind: manager}
          engineer: {name: On-call Engineer, kind: practitioner, shift: 8h}
          rota: {name: Rota Engineer, kind: practitioner, shift: 8h, handover: {artifact: shift-log, expectation: The next one reads it.}}
        ---

        """

    private func shiftHelp(_ role: String) -> String {
        "add `handover: {artifact, expectation}` to role '\(role)': what one person of the shift hands the case over with, and what the next commits to"
    }

    func testAShiftWithoutHandoverIsReportedAtStepsThatCanOutlastIt() {
        XCTAssertFindings(
            shiftCatalogue
                + process(
                    """
                      - id: quick
                        name: Quick
                        responsible: engineer
                        target: 4h
                      - id: long
                        name: Long
                        responsible: [1️⃣engineer]
                        target: 12h
                      - id: untimed
                        name: Untimed
                        responsible: 2️⃣engineer
                      - id: per-priority
                        name: Per priority
                        responsible: 3️⃣engineer
                        target: {p1: 2h, p2: 2bd}
                      - id: uncovered
                        name: Uncovered
                        responsible: 4️⃣engineer
                        target: {p1: 2h}
                      - id: handed-over
                        name: Handed over
                        responsible: rota
                        target: 12h
                    """, priorities: "priorities: [p1, p2]\n"), rules: ["handoff/shift-handover-missing"],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/shift-handover-missing",
                    "role 'engineer' (On-call Engineer) works 8h shifts and has no `handover`, and activity 'long' (Long) can outlast a shift: its target of 12h is longer than the shift",
                    severity: .warning, help: shiftHelp("engineer")),
                ExpectedFinding(
                    "2️⃣", "handoff/shift-handover-missing",
                    "role 'engineer' (On-call Engineer) works 8h shifts and has no `handover`, and activity 'untimed' (Untimed) can outlast a shift: it has no target"
                ),
                ExpectedFinding(
                    "3️⃣", "handoff/shift-handover-missing",
                    "role 'engineer' (On-call Engineer) works 8h shifts and has no `handover`, and activity 'per-priority' (Per priority) can outlast a shift: its target of 2bd (for p2) is longer than the shift"
                ),
                ExpectedFinding(
                    "4️⃣", "handoff/shift-handover-missing",
                    "role 'engineer' (On-call Engineer) works 8h shifts and has no `handover`, and activity 'uncovered' (Uncovered) can outlast a shift: it has no target for priority p2"
                ),
            ])
    }
}

/// Timers in the soundness analysis: an interrupting timer is one more way its step ends; a non-interrupting one
/// starts its target beside the step, as a fork would.
final class TimerSoundnessTests: XCTestCase {
    private let rules: Set<String> = ["flow/deadlock", "flow/unfinished-branch", "flow/unjoined-merge", "flow/no-end", "flow/unreachable"]

    private func process(_ activities: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    private let joinHelp =
        "add `join: all` to 'resolve' if it should start once, after every branch; or give each branch its own activity"
    private let unfinishedHelp =
        "meet the branches with `join: all` before the end, so the case closes once all the work is done; if this way really cuts the case short, write it as a `cancel` entry"

    /// The timer's branch comes back into the step's own path: it flows into it there (BPMN's inclusive merge), so
    /// `resolve` runs once, whichever order the steps take, and the timer needs no join for the times it never fires.
    func testANonInterruptingTimerWhoseBranchRejoinsFlowsIntoTheStepsPath() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: wait
                    name: Wait
                    responsible: service-desk
                    timeout: {after: 4h, to: notify, interrupting: false}
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    end: true
                  - id: notify
                    name: Notify the manager
                    responsible: service-desk
                    next: resolve
                """), rules: rules, [])
        // Interrupting, the same timer leaves the step: one branch, no merge.
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: wait
                    name: Wait
                    responsible: service-desk
                    timeout: {after: 4h, to: notify}
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    end: true
                  - id: notify
                    name: Notify the manager
                    responsible: service-desk
                    next: resolve
                """), rules: rules, [])
    }

    /// Inside a fork, the timer's branch flows back into its step's branch on the way to the join: the join gets that
    /// branch once; and where the step's branch has gone another way (a decision after the step), the timer's branch
    /// ends where it would have met it.
    func testANonInterruptingTimerInAForkBranchRejoinsBeforeTheJoin() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [wait, tell]
                  - id: wait
                    name: Wait for the carrier
                    responsible: service-desk
                    timeout: {after: 4h, to: escalate, interrupting: false}
                    next:
                      - {to: fix, when: The carrier has a fix.}
                      - {to: workaround, when: The carrier has none.}
                  - id: fix
                    name: Apply the fix
                    responsible: service-desk
                    next: close
                  - id: workaround
                    name: Apply a workaround
                    responsible: service-desk
                    next: close
                  - id: escalate
                    name: Escalate to the carrier's manager
                    responsible: service-desk
                    next: fix
                  - id: tell
                    name: Tell the users
                    responsible: service-desk
                    informed: [user]
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                """), rules: rules, [])
    }

    /// Off its step's path, the timer's branch is a branch like any other: meeting another branch there is a merge.
    func testANonInterruptingTimerWhoseBranchMeetsAnotherBranchOffThePath() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [wait, tell]
                  - id: wait
                    name: Wait for the carrier
                    responsible: service-desk
                    timeout: {after: 4h, to: notify, interrupting: false}
                    next: close
                  - id: tell
                    name: Tell the users
                    responsible: service-desk
                    informed: [user]
                    next: notify
                  - id: 1️⃣notify
                    name: Notify the manager
                    responsible: service-desk
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "flow/unjoined-merge",
                    "the branch to 'wait' and the branch to 'tell' of the fork at 'log' both reach 'notify' (Notify the manager), which has no `join: all`: it runs once for each (run: log -> wait [the branch to 'wait'] -> notify -> tell [the branch to 'tell'] -> notify)",
                    severity: .warning,
                    help: "add `join: all` to 'notify' if it should start once, after every branch; or give each branch its own activity")
            ])
    }

    /// The timer's branch reaches an end of its own: closing there cuts off the step's own work. The other way round,
    /// the case closing while the escalation still runs is no finding: nothing waits for a timer's branch.
    func testANonInterruptingTimerWhoseBranchEndsLeavesABranchUnfinished() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: wait
                    name: Wait
                    responsible: service-desk
                    timeout: {after: 4h, to: notify, interrupting: false}
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    end: true
                  - id: 2️⃣notify
                    name: Notify the manager
                    responsible: service-desk
                    end: true
                """), rules: rules,
            [
                ExpectedFinding(
                    "2️⃣", "flow/unfinished-branch",
                    "the case can close at 'notify' (Notify the manager) while a branch at 'wait' is still running: ending here stops that work unfinished (run: log -> wait -> notify)",
                    help: unfinishedHelp)
            ])
    }

    /// An interrupting timer on a fork branch that leads on to the join keeps the block sound.
    func testAnInterruptingTimerInsideAForkBranchThatReachesTheJoin() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [wait, tell]
                  - id: wait
                    name: Wait for the carrier
                    responsible: service-desk
                    timeout: {after: 4h, to: escalate}
                    next: close
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                    next: close
                  - id: tell
                    name: Tell the users
                    responsible: service-desk
                    informed: [user]
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                """), rules: rules, [])
    }

    /// An interrupting timer that takes a fork branch to an end: the join never gets that branch.
    func testAnInterruptingTimerThatLeavesAForkBranchForAnEnd() {
        XCTAssertFindings(
            process(
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      all: [wait, tell]
                  - id: wait
                    name: Wait for the carrier
                    responsible: service-desk
                    timeout: {after: 4h, to: give-up}
                    next: close
                  - id: tell
                    name: Tell the users
                    responsible: service-desk
                    informed: [user]
                    next: close
                  - id: 1️⃣close
                    name: Close
                    responsible: service-desk
                    join: all
                    end: true
                  - id: give-up
                    name: Give up
                    responsible: service-desk
                    end: true
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "flow/deadlock",
                    "'close' (Close) waits for every branch of the fork at 'log', but the branch to 'wait' can end the case at 'give-up' first, so the join never starts (run: log -> wait [the branch to 'wait'] -> give-up)",
                    severity: .error,
                    help:
                        "send the branch to 'wait' on to 'close' on every path, or, if the case may really close at 'give-up', cut it short with a `cancel` entry, which ends every running branch"
                )
            ])
    }
}

/// A continuous duty (`until` without `every`) keeps its role present for the case-owner rule until `until` ends.
final class ContinuousDutyTests: XCTestCase {
    private func process(until: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        case-owner: service-desk
        defaults:
          accountable: incident-manager
        activities:
          - id: log
            name: Log
            responsible: service-desk
        \(until)    next: diagnose
          - id: diagnose
            name: Diagnose
            responsible: resolver
            handoff: {artifact: diagnosis, expectation: The fix is applied.}
          - id: fix
            name: Fix
            responsible: network
            handoff: {artifact: fix-notes, expectation: The desk confirms.}
          - id: confirm
            name: Confirm
            responsible: service-desk
        """
    }

    private let handoff = "    handoff: {artifact: incident-record, expectation: The resolver diagnoses it.}\n"

    func testTheCaseOwnerStaysPresentWhileItsDutyRuns() {
        // Engaged until 'fix' ends: the handoffs to 'diagnose' and 'fix' keep it in the loop.
        XCTAssertFindings(
            process(until: handoff + "    until: fix\n"), rules: ["ownership/case-owner-continuity"], [])
    }

    func testWithoutTheDutyTheHandoffAwayIsReported() {
        XCTAssertFindings(
            process(until: handoff).replacingOccurrences(of: "    next: diagnose", with: "    next: 1️⃣diagnose"),
            rules: ["ownership/case-owner-continuity"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity",
                    "the case owner 'service-desk' (Service Desk Analyst) hands the case to 'resolver' (Resolver Group) at 'diagnose' (Diagnose) and is not responsible, accountable, consulted or informed there: the customer loses their single point of contact"
                )
            ])
    }

    /// A cadence is not a continuous duty: its role repeats the step, it is not engaged in between.
    func testACadenceIsNoDuty() {
        XCTAssertFindings(
            process(until: handoff + "    every: 1h\n    until: fix\n").replacingOccurrences(
                of: "    next: diagnose", with: "    next: 1️⃣diagnose"),
            rules: ["ownership/case-owner-continuity"],
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity",
                    "the case owner 'service-desk' (Service Desk Analyst) hands the case to 'resolver' (Resolver Group) at 'diagnose' (Diagnose) and is not responsible, accountable, consulted or informed there: the customer loses their single point of contact"
                )
            ])
    }
}

/// A timer is a way the case can go for policies too: a run may take it.
final class TimerPolicyTests: XCTestCase {
    private func flow(timeout: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: declare
            name: Declare the incident
            responsible: service-desk
        \(timeout)  - id: log
            name: Log the incident
            responsible: service-desk
            records: [incident]
            handoff: {artifact: incident-record, expectation: Resolver acknowledges in 15 minutes.}
          - id: 1️⃣diagnose
            name: Investigate and diagnose
            responsible: resolver
            tags: [diagnosis]
            handoff: {artifact: resolution-notes, expectation: Desk confirms with the user within a day.}
          - id: close
            name: Close the incident
            responsible: service-desk
            informed: [user]
            end: true
        """
    }

    private let policy = [
        "policy.yaml": """
        kind: policy
        id: logged-first
        title: Incidents are logged before diagnosis
        rationale: Because practice says so.
        severity: error
        applies-to: {tags: [incident]}
        require:
          before: {first: {records: incident}, then: {tag: diagnosis}}
        """
    ]

    func testARunThroughATimerIsSearched() {
        XCTAssertFindings(
            flow(
                timeout:
                    "    timeout:\n      after: 15m\n      to: diagnose\n      handoff: {artifact: alert, expectation: Resolver acknowledges.}\n"
            ),
            rules: ["policy/logged-first"], extraFiles: policy,
            [
                ExpectedFinding(
                    "1️⃣", "policy/logged-first",
                    "activity 'diagnose' (Investigate and diagnose) can be reached without passing an activity that records 'incident' before it (path: declare -> diagnose)",
                    severity: .error)
            ])
        XCTAssertFindings(flow(timeout: ""), rules: ["policy/logged-first"], extraFiles: policy, [])
    }

    /// With a fork, runs are searched branch by branch: a non-interrupting timer starts a branch beside its step,
    /// and a run can take it.
    private func parallelFlow(timeout: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: declare
            name: Declare the incident
            responsible: service-desk
        \(timeout)    next: {all: [log, tell]}
          - id: log
            name: Log the incident
            responsible: service-desk
            records: [incident]
            next: diagnose
          - id: tell
            name: Tell the users
            responsible: service-desk
            informed: [user]
            next: close
          - id: 1️⃣diagnose
            name: Investigate and diagnose
            responsible: service-desk
            tags: [diagnosis]
            next: close
          - id: close
            name: Close the incident
            responsible: service-desk
            informed: [user]
            join: all
        """
    }

    func testARunThroughANonInterruptingTimerBesideAForkIsSearched() {
        XCTAssertFindings(
            parallelFlow(timeout: "    timeout: {after: 15m, to: diagnose, interrupting: false}\n"),
            rules: ["policy/logged-first"], extraFiles: policy,
            [
                ExpectedFinding(
                    "1️⃣", "policy/logged-first",
                    "activity 'diagnose' (Investigate and diagnose) can be reached without passing an activity that records 'incident' before it (path: declare -> diagnose)",
                    severity: .error)
            ])
        XCTAssertFindings(parallelFlow(timeout: ""), rules: ["policy/logged-first"], extraFiles: policy, [])
    }
}
