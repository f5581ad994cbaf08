import XCTest

@testable import ProcDef

/// The time analysis (issue 21): whether a process can meet its service targets as budgeted, and how long it leaves its
/// customers without news. Every finding's message lists the path with each step's time.
final class TargetAnalysisTests: XCTestCase {
    private let rules: Set<String> = [
        "time/target-infeasible", "time/target-at-risk", "time/target-unmeasurable", "time/untimed-step",
    ]

    private func process(_ head: String, _ activities: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        \(head)
        defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    /// A rework loop: counted once on the slowest path, never on the fastest; without a timer that leaves it, the
    /// message says its real worst case is unbounded.
    func testALoopWithoutATimeoutIsCountedOnceAndNamed() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: restore, name: Restore service, from: log, to: resolve, within: 1️⃣4h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                  - id: fix
                    name: Fix
                    responsible: service-desk
                    target: 1h
                  - id: test
                    name: Test the fix
                    responsible: service-desk
                    target: 1h
                    next:
                      - {to: rework, when: The test fails.}
                      - {to: resolve, when: The test passes.}
                  - id: rework
                    name: Rework the change
                    responsible: service-desk
                    target: 2h
                    next: fix
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: 30m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-at-risk",
                    "target 'restore' (Restore service) is at risk: on the slowest path from the start of 'log' to the end of 'resolve' the budgets add up to 5h, over its 4h (log 30m -> loop {fix, test, rework} 4h once -> resolve 30m); the loop {fix, test, rework} has no timer that leaves it, so the real worst case is unbounded"
                )
            ])
    }

    func testALoopThatATimerLeavesIsBounded() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: restore, name: Restore service, from: log, to: resolve, within: 1️⃣4h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                  - id: fix
                    name: Fix
                    responsible: service-desk
                    target: 1h
                  - id: test
                    name: Test the fix
                    responsible: service-desk
                    target: 1h
                    timeout: {after: 1h, to: resolve}
                    next:
                      - {to: rework, when: The test fails.}
                      - {to: resolve, when: The test passes.}
                  - id: rework
                    name: Rework the change
                    responsible: service-desk
                    target: 2h
                    next: fix
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: 30m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-at-risk",
                    "target 'restore' (Restore service) is at risk: on the slowest path from the start of 'log' to the end of 'resolve' the budgets add up to 5h, over its 4h (log 30m -> loop {fix, test, rework} 4h once -> resolve 30m)"
                )
            ])
    }

    /// A fork: the work after the join waits for the slow branch, on the fastest path too.
    func testAForkWhereTheSlowBranchDecides() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: restore, name: Restore service, from: log, to: close, within: 1️⃣4h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                    next:
                      all: [quick, slow]
                  - id: quick
                    name: Quick branch
                    responsible: service-desk
                    target: 30m
                    next: close
                  - id: slow
                    name: Slow branch
                    responsible: service-desk
                    target: 4h
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'restore' (Restore service) cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'close' the budgets add up to 4h 40m, over its 4h (log 30m -> slow 4h -> close 10m)"
                )
            ])
    }

    /// Business days on an elapsed clock: at their fewest hours in a sum, their most in a target, so that a 5bd
    /// target is never read as stricter than 3d of work; with `clock: business`, business time throughout.
    func testBusinessDaysMixedWithHours() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: loose, from: log, to: close, within: 3️⃣5bd}
                  - {id: tight, from: log, to: close, within: 1️⃣2bd}
                  - {id: business, from: log, to: close, within: 2️⃣3bd, clock: business}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 4h
                  - id: analyse
                    name: Analyse
                    responsible: service-desk
                    target: 2bd
                  - id: close
                    name: Close
                    responsible: service-desk
                    target: 1d
                """), rules: rules,
            [
                ExpectedFinding(
                    "3️⃣", "time/target-at-risk",
                    "target 'loose' is at risk: on the slowest path from the start of 'log' to the end of 'close' the budgets add up to 1d 4h + 2bd (1d 20h to 5d 4h elapsed), over its 5bd (1d 16h to 7d elapsed) (log 4h -> analyse 2bd -> close 1d)"
                ),
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'tight' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'close' the budgets add up to 1d 4h + 2bd (1d 20h to 5d 4h elapsed), over its 2bd (16h to 4d elapsed) (log 4h -> analyse 2bd -> close 1d)"
                ),
                ExpectedFinding(
                    "2️⃣", "time/target-infeasible",
                    "target 'business' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'close' the budgets add up to 1d 4h + 2bd, over its 3bd (log 4h -> analyse 2bd -> close 1d)"
                ),
            ])
    }

    /// A target whose `to` comes before its `from`: the clock never stops.
    func testATargetWhoseToCannotFollowItsFrom() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: backwards, from: resolve, to: 1️⃣log, within: 1h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 10m
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-unmeasurable",
                    "target 'backwards' can never stop its clock: no path leads from the start of 'resolve' to the end of 'log'",
                    severity: .error)
            ])
    }

    /// Per-priority budgets, a branch only P1 takes, a target limited to P1 by `when`, and a `when` that names no
    /// priority (a label, so the target holds for every priority).
    func testPerPriorityBudgetsABranchOnlyP1TakesAndWhen() {
        XCTAssertFindings(
            process(
                """
                priorities: [p1, p2]
                targets:
                  - {id: respond, from: log, to: triage, within: 1️⃣{p1: 15m, p2: 1h}}
                  - {id: swarm, from: log, to: 2️⃣swarm, within: 1h, when: P1}
                  - {id: labelled, from: log, to: resolve, within: 3️⃣2h, when: Business hours}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: {p1: 5m, default: 15m}
                  - id: triage
                    name: Triage
                    responsible: service-desk
                    target: {p1: 15m, p2: 30m}
                    next:
                      - {to: swarm, when: A major outage., priorities: [p1]}
                      - {to: resolve, when: Otherwise.}
                  - id: swarm
                    name: Swarm
                    responsible: service-desk
                    target: 30m
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: {p1: 1h, p2: 4h}
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'respond' cannot be met for p1 as budgeted: on the fastest path from the start of 'log' to the end of 'triage' the budgets add up to 20m, over its 15m (log 5m -> triage 15m)"
                ),
                ExpectedFinding(
                    "3️⃣", "time/target-infeasible",
                    "target 'labelled' cannot be met for p2 as budgeted: on the fastest path from the start of 'log' to the end of 'resolve' the budgets add up to 4h 45m, over its 2h (log 15m -> triage 30m -> resolve 4h)"
                ),
            ])
    }

    /// A timer whose clock runs from another activity's start: the step is left after `after`.
    func testATimerWithFrom() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: restore, from: log, to: escalate, within: 1️⃣2h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                  - id: wait
                    name: Wait for the carrier
                    responsible: service-desk
                    target: 8h
                    timeout: {after: 3h, from: log, to: escalate}
                    next: resolve
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                    target: 15m
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: 1h
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'restore' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'escalate' the budgets add up to 3h 15m, over its 2h (log 30m -> wait 2h 30m by its timer -> escalate 15m)"
                )
            ])
    }

    /// A target reached through a non-interrupting timer: the escalation starts `after` the step started, beside it.
    func testATargetReachedThroughANonInterruptingTimer() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: escalate-fast, from: log, to: escalate, within: 1️⃣2h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                  - id: fix
                    name: Fix
                    responsible: service-desk
                    target: 4h
                    timeout: {after: 2h, to: escalate, interrupting: false}
                    next: close
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                    target: 30m
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'escalate-fast' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'escalate' the budgets add up to 3h, over its 2h (log 30m -> fix 2h by its timer -> escalate 30m)"
                )
            ])
    }

    /// From a step's end to its next start: once round its loop, or never without one.
    func testFromTheEndOfAStepToItsNextStart() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: again, from: {end: fix}, to: {start: fix}, within: 1️⃣1h}
                  - {id: never, from: {end: log}, to: {start: 2️⃣log}, within: 1h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 30m
                  - id: fix
                    name: Fix
                    responsible: service-desk
                    target: 1h
                  - id: test
                    name: Test
                    responsible: service-desk
                    target: 2h
                    next:
                      - {to: fix, when: The test fails.}
                      - {to: close, when: The test passes.}
                  - id: close
                    name: Close
                    responsible: service-desk
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'again' cannot be met as budgeted: on the fastest path from the end of 'fix' to the start of 'fix' the budgets add up to 2h, over its 1h (test 2h)"
                ),
                ExpectedFinding(
                    "2️⃣", "time/target-unmeasurable",
                    "target 'never' can never stop its clock: no path leads from the end of 'log' to the start of 'log'"),
            ])
    }

    /// A fork nested in another, with a join of its own: the fastest way to that join waits for its slow branch.
    func testANestedForkWaitsForItsSlowBranch() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: merged, from: log, to: merge, within: 1️⃣5h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 10m
                    next:
                      all: [a, {all: [b, c]}]
                  - id: a
                    name: A
                    responsible: service-desk
                    target: 1h
                    next: close
                  - id: b
                    name: B
                    responsible: service-desk
                    target: 1h
                    next: merge
                  - id: c
                    name: C
                    responsible: service-desk
                    target: 10h
                    next: merge
                  - id: merge
                    name: Merge
                    responsible: service-desk
                    join: all
                    target: 10m
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    join: all
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-infeasible",
                    "target 'merged' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'merge' the budgets add up to 10h 20m, over its 5h (log 10m -> c 10h -> merge 10m)"
                )
            ])
    }

    /// A timer whose clock runs from an earlier step: when that step's business day has used up the clock, the timer
    /// fires as the step starts; and the timer bounds the step, which cannot end on its own later.
    func testATimerFromAnEarlierStepBoundsTheStep() {
        XCTAssertFindings(
            process(
                """
                targets:
                  - {id: escalate-soon, from: log, to: {start: escalate}, within: 1️⃣10h}
                  - {id: close-soon, from: log, to: close, within: 2️⃣5h}
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 1bd
                  - id: fix
                    name: Fix
                    responsible: service-desk
                    target: 10h
                    timeout: {after: 4h, from: log, to: escalate}
                    next: close
                  - id: escalate
                    name: Escalate
                    responsible: service-desk
                    target: 30m
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/target-at-risk",
                    "target 'escalate-soon' is at risk: on the slowest path from the start of 'log' to the start of 'escalate' the budgets add up to 1bd (8h to 3d elapsed), over its 10h (log 1bd -> fix 0m by its timer)",
                    severity: .note),
                ExpectedFinding(
                    "2️⃣", "time/target-infeasible",
                    "target 'close-soon' cannot be met as budgeted: on the fastest path from the start of 'log' to the end of 'close' the budgets add up to 10m + 1bd (8h 10m to 3d 10m elapsed), over its 5h (log 1bd -> fix 0m -> close 10m)"
                ),
            ])
    }

    /// Untimed steps: reported once per target, naming them and the priorities they lack a budget for.
    func testUntimedSteps() {
        XCTAssertFindings(
            process(
                """
                priorities: [p1, p2]
                targets:
                  - id: 1️⃣restore
                    from: log
                    to: resolve
                    within: 8h
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: diagnose
                    name: Diagnose
                    responsible: service-desk
                    target: {p1: 1h}
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    target: 1h
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "time/untimed-step",
                    "whether target 'restore' can be met cannot be decided: steps 'log' (Log), 'diagnose' (Diagnose) (for p2) on its paths have no `target`, so they count as zero",
                    severity: .note)
            ])
    }
}

/// `tell/customer-silence`: the longest stretch without news, with cadences.
final class CustomerSilenceTests: XCTestCase {
    private let rules: Set<String> = ["tell/customer-silence"]

    private func process(_ head: String, _ activities: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        \(head)
        defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    private func withCadence(_ cadence: String, informed: String = "user") -> String {
        process(
            """
            priorities: [p1, p2]
            max-silence: 4h
            """,
            """
              - id: log
                name: Log
                responsible: service-desk
                informed: [user]
                target: 10m
                next:
                  all: [send-update, work]
              - id: 1️⃣send-update
                name: Update the users
                type: notification
                responsible: service-desk
                informed: [\(informed)]
            \(cadence)
                until: work
                next: resolve
              - id: work
                name: Work on the fix
                responsible: resolver
                target: 12h
                next: resolve
              - id: 2️⃣resolve
                name: Resolve
                responsible: service-desk
                join: all
                informed: [user]
                target: 30m
            """)
    }

    func testACadenceThatInformsThemCapsTheSilence() {
        XCTAssertFindings(withCadence("    every: 1h"), rules: rules, [])
    }

    func testACadenceThatInformsTheWrongRole() {
        XCTAssertFindings(
            withCadence("    every: 1h", informed: "sponsor"), rules: rules,
            [
                ExpectedFinding(
                    "2️⃣", "tell/customer-silence",
                    "the customers ('user') hear nothing for 12h for p1, from the end of 'log' to 'resolve', over the max-silence of 4h (work 12h)"
                )
            ])
    }

    func testACadenceWithConditionalIntervals() {
        XCTAssertFindings(
            withCadence(
                """
                    every:
                      - {every: 20m, for: 2h}
                      - {every: 1h, when: p1}
                      - {every: 1d, when: p2}
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "tell/customer-silence",
                    "cadence 'send-update' (Update the users) tells them only every 1d for p2, over the max-silence of 4h: the customers ('user') hear nothing in between"
                )
            ])
    }

    /// A cadence after a first notice on its branch still covers the work beside that branch.
    func testACadenceAfterAFirstNoticeCoversTheWorkBesideIt() {
        XCTAssertFindings(
            process(
                "max-silence: 4h",
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    target: 10m
                    next:
                      all: [first-notice, work]
                  - id: first-notice
                    name: Tell the users
                    type: notification
                    responsible: comms
                    informed: [user]
                    target: 15m
                    next: send-update
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: comms
                    informed: [user]
                    every: 1h
                    until: work
                    next: resolve
                  - id: work
                    name: Work on the fix
                    responsible: resolver
                    target: 12h
                    next: resolve
                  - id: resolve
                    name: Resolve
                    responsible: service-desk
                    join: all
                    informed: [user]
                    target: 30m
                """), rules: rules, [])
    }

    /// A cadence that only P1 cases run keeps only them in touch: P2 cases, which take the other branch, wait.
    func testACadenceOnABranchOnlyP1Takes() {
        XCTAssertFindings(
            process(
                """
                priorities: [p1, p2]
                max-silence: 4h
                """,
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    informed: [user]
                    target: 10m
                    next:
                      - when: A major outage.
                        priorities: [p1]
                        all: [fix, send-update]
                      - {to: fix, when: Otherwise.}
                  - id: fix
                    name: Fix
                    responsible: resolver
                    target: 10h
                    next: close
                  - id: send-update
                    name: Update the users
                    type: notification
                    responsible: service-desk
                    informed: [user]
                    every: 1h
                    until: fix
                    next: close
                  - id: 1️⃣close
                    name: Close
                    responsible: service-desk
                    join: all
                    informed: [user]
                    target: 10m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "tell/customer-silence",
                    "the customers ('user') hear nothing for 10h for p2, from the end of 'log' to 'close', over the max-silence of 4h (fix 10h)"
                )
            ])
    }

    /// No news at all until the close: the stretch runs from the start of the case.
    func testSilenceFromTheStartOfTheCase() {
        XCTAssertFindings(
            process(
                "",
                """
                  - id: log
                    name: Log
                    responsible: service-desk
                    informed: [sponsor]
                    target: 1h
                  - id: work
                    name: Work
                    responsible: resolver
                    target: 2d
                  - id: 1️⃣resolve
                    name: Resolve
                    responsible: service-desk
                    informed: [user, sponsor]
                    target: 30m
                """), rules: rules,
            [
                ExpectedFinding(
                    "1️⃣", "tell/customer-silence",
                    "the customers ('user') hear nothing for 2d 1h, from the start of the case to 'resolve', over the max-silence of 1d (log 1h -> work 2d)"
                )
            ],
        )
    }
}
