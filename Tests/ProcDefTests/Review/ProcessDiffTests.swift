import XCTest

@testable import ProcDef

/// The semantics of `ProcessDiff` that the command-line goldens do not pin down on their own.
final class ProcessDiffTests: XCTestCase {
    private let twoSteps = """
          - id: log
            name: Log the call
            responsible: desk
            accountable: lead
            handoff:
              artifact: call-record
              expectation: The resolver picks it up within 1 hour.
          - id: fix
            name: Fix it
            responsible: resolver
            informed: [user]

        """

    /// The same process in another file, every line moved down: no change, and its findings are the same findings.
    func testFindingsIgnoreFilesAndLines() throws {
        let process = ReviewFixture.process(twoSteps + "  - id: idle\n    name: Idle\n    responsible: ghost\n")
        let old = ReviewFixture.check(["roles.yaml": ReviewFixture.roles, "a.yaml": process])
        let new = ReviewFixture.check(["roles.yaml": ReviewFixture.roles, "b/moved.yaml": "# moved\n\n\n" + process])
        XCTAssertEqual(old.diagnostics.map(\.rule), ["ref/unknown-role"])
        let diff = ProcessDiff.compare(old: old, new: new)
        XCTAssertTrue(diff.isEmpty, "\(diff.processes)")
        XCTAssertEqual(diff.unchangedProcesses, 1)
    }

    func testPositionsInMessagesAreIgnored() {
        XCTAssertEqual(
            DiffFindingKey.withoutPositions("process 'a' is already defined at old/Processes/a.yaml:12:3; rename it"),
            "process 'a' is already defined at <position>; rename it"
        )
        XCTAssertEqual(DiffFindingKey.withoutPositions("role 'x' (defined at roles.yaml:4:5)"), "role 'x' (defined at <position>)")
        XCTAssertEqual(DiffFindingKey.withoutPositions("a time of 10:30 or ratio 1:2:x stays"), "a time of 10:30 or ratio 1:2:x stays")
    }

    /// A finding that appears once more on the new side is introduced once: the last occurrence.
    func testExtraOccurrencesOfAFindingAreIntroduced() {
        func record(_ line: Int) -> FindingRecord {
            FindingRecord(
                severity: .warning, rule: "raci/idle-role", message: "idle", processID: "p", file: "p.yaml", line: line, column: 1)
        }
        let changes = FindingChanges.compare([record(3)], [record(5), record(9)])
        XCTAssertEqual(changes.introduced, [record(9)])
        XCTAssertEqual(changes.resolved, [])
        XCTAssertEqual(FindingChanges.compare([record(3), record(4)], [record(8)]).resolved, [record(4)])
    }

    /// A new default moves accountability on the activities that name none, and only on those.
    func testANewDefaultMovesAccountabilityWhereNoneIsNamed() {
        let old = ReviewFixture.process(twoSteps)
        let new = old.replacingOccurrences(of: "defaults:\n  accountable: manager", with: "defaults:\n  accountable: lead")
        let process = ReviewFixture.diff(old, new).processes.first
        XCTAssertEqual(process?.ownership, [FieldChange(field: "defaults.accountable", before: "manager", after: "lead")])
        XCTAssertEqual(
            process?.raci,
            [
                RACIChange(activity: "fix", role: "lead", before: "-", after: "A"),
                RACIChange(activity: "fix", role: "manager", before: "A", after: "-"),
            ])
        XCTAssertEqual(process?.raci.map(\.movesAccountability), [true, true])
    }

    /// A role responsible and accountable at once is `R/A`; becoming informed only is `R/A -> I`.
    func testCombinedLetters() {
        let old = ReviewFixture.process(twoSteps.replacingOccurrences(of: "accountable: lead", with: "accountable: desk"))
        let new = ReviewFixture.process(
            twoSteps.replacingOccurrences(
                of: "    responsible: desk\n    accountable: lead", with: "    responsible: lead\n    informed: [desk]"))
        XCTAssertEqual(
            ReviewFixture.diff(old, new).processes.first?.raci,
            [
                RACIChange(activity: "log", role: "desk", before: "R/A", after: "I"),
                RACIChange(activity: "log", role: "lead", before: "-", after: "R"),
                RACIChange(activity: "log", role: "manager", before: "-", after: "A"),
            ])
    }

    /// A gap closes when its edge goes, and is no longer told when a side names an unknown role.
    func testHowGapsAreFixed() throws {
        let gap = twoSteps.replacingOccurrences(
            of: "    handoff:\n      artifact: call-record\n      expectation: The resolver picks it up within 1 hour.\n", with: "")
        let old = ReviewFixture.process(gap)
        let removed = ReviewFixture.diff(
            old,
            ReviewFixture.process(gap.replacingOccurrences(of: "    accountable: lead\n", with: "    accountable: lead\n    end: true\n")))
        XCTAssertEqual(removed.processes.first?.gaps.map(\.fix), [.edgeRemoved])
        XCTAssertEqual(removed.processes.first?.edges.map(\.kind), [.removed])
        let unknown = ReviewFixture.diff(
            old, ReviewFixture.process(gap.replacingOccurrences(of: "responsible: resolver", with: "responsible: resolvr")))
        let fixed = try XCTUnwrap(unknown.processes.first?.gaps.first)
        XCTAssertEqual(fixed.kind, .fixed)
        XCTAssertEqual(fixed.fix, .undetermined)
        XCTAssertEqual(fixed.state.toRoles, ["resolver"])
        // The misspelt role is an error the old side did not have.
        XCTAssertEqual(unknown.introducedErrors.map(\.rule), ["ref/unknown-role"])
    }

    /// A step's type, its four-eyes fields and the condition of an entry are fields of the activity; a role that
    /// becomes conditional changes its letter to `I*`.
    func testStepTypeFourEyesAndConditionsAreActivityChanges() {
        let old = ReviewFixture.process(twoSteps)
        let new = old.replacingOccurrences(
            of: "    responsible: resolver\n    informed: [user]\n",
            with:
                "    type: approval\n    responsible: resolver\n    other-person-than: log\n    informed: [{role: user, when: A VIP is affected.}]\n"
        )
        let diff = ReviewFixture.diff(old, new)
        let process = diff.processes.first { $0.id == "incident" }
        XCTAssertEqual(
            process?.activities.first { $0.id == "fix" }?.fields,
            [
                FieldChange(field: "type", before: "task", after: "approval"),
                FieldChange(field: "other-person-than", before: nil, after: "log"),
                FieldChange(field: "conditions", before: nil, after: "informed user when A VIP is affected."),
            ])
        XCTAssertEqual(process?.raci, [RACIChange(activity: "fix", role: "user", before: "I", after: "I*")])
    }

    /// An error on both sides is not introduced, even where the message's process moved file.
    func testAnErrorOnBothSidesIsNotIntroduced() {
        let broken = ReviewFixture.process(twoSteps.replacingOccurrences(of: "responsible: resolver", with: "responsible: nobody-knows"))
        let renamed = broken.replacingOccurrences(of: "name: Fix it", with: "name: Fix it properly")
        let diff = ReviewFixture.diff(broken, renamed)
        XCTAssertEqual(diff.introducedErrors, [])
        XCTAssertEqual(diff.processes.first?.activities.map(\.kind), [.edited])
    }

    /// A trigger is named by the process it starts (and its entry activity), not by its position.
    func testTriggersAreNamedByTheProcessTheyStart() throws {
        let other = ReviewFixture.process("      - id: record\n        name: Record\n        responsible: resolver\n", id: "problem")
        let old =
            twoSteps + """
                    triggers:
                      - process: problem
                        handoff: {artifact: incident, expectation: Recorded within 2 days.}

                """
        let new = old.replacingOccurrences(of: "Recorded within 2 days.", with: "Recorded within 1 day.")
            .replacingOccurrences(
                of: "    triggers:\n", with: "    triggers:\n      - process: problem\n        activity: record\n        when: Always.\n")
        let oldReport = ReviewFixture.check(["roles.yaml": ReviewFixture.roles, "a.yaml": ReviewFixture.process(old), "b.yaml": other])
        let newReport = ReviewFixture.check(["roles.yaml": ReviewFixture.roles, "a.yaml": ReviewFixture.process(new), "b.yaml": other])
        let edges = try XCTUnwrap(ProcessDiff.compare(old: oldReport, new: newReport).processes.first?.edges)
        XCTAssertEqual(edges.map(\.kind), [.added, .changed])
        XCTAssertEqual(
            edges.map(\.edge),
            [
                EdgeRef(source: "fix", target: "record", process: "problem"),
                EdgeRef(source: "fix", target: nil, process: "problem"),
            ])
        XCTAssertEqual(
            edges[1].after?.handoff?.changedFields(from: try XCTUnwrap(edges[1].before?.handoff)),
            [FieldChange(field: "expectation", before: "Recorded within 2 days.", after: "Recorded within 1 day.")])
        // The trigger without a handoff passes from resolver to resolver: no gap.
        XCTAssertEqual(edges[0].after?.passesResponsibility, false)
    }

    /// Policy statuses compare by policy id, including one that stops applying.
    func testPolicyStatusChanges() {
        let holds = PolicyStatus(policyID: "logged", title: "Logged", severity: .error, state: .holds)
        let fails = PolicyStatus(policyID: "logged", title: "Logged", severity: .error, state: .fails(count: 2))
        let other = PolicyStatus(policyID: "closed", title: "Closed", severity: .warning, state: .holds)
        XCTAssertEqual(
            PolicyStatusChange.compare([holds, other], [fails]),
            [
                PolicyStatusChange(policyID: "closed", title: "Closed", before: .holds, after: nil),
                PolicyStatusChange(policyID: "logged", title: "Logged", before: .holds, after: .fails(count: 2)),
            ])
    }

    /// A waiver made permanent, with its approver, shows in the process's fields and in the policy's status.
    func testAWaiverMadePermanent() {
        let policy = """
            ---
            kind: policy
            id: logged
            title: Logged
            severity: error
            applies-to: {all: true}
            require: {process: {has: [case-owner]}}
            """
        func process(_ waiver: String) -> String {
            ReviewFixture.process("  - {id: log, name: Log, responsible: desk}")
                + "\nwaivers:\n  - policy: logged\n    reason: One analyst sees each case through.\n" + waiver + policy
        }
        let diff = ReviewFixture.diff(process("    until: 2026-12-31\n"), process("    until: permanent\n    approved-by: owner\n"))
        let change = diff.processes.first { $0.id == "incident" }
        XCTAssertEqual(
            change?.fields,
            [FieldChange(field: "waivers", before: "logged until 2026-12-31", after: "logged permanently (approved by owner)")])
        XCTAssertEqual(
            change?.policies,
            [
                PolicyStatusChange(
                    policyID: "logged", title: "Logged",
                    before: .waived(
                        until: .date(CalendarDate(year: 2026, month: 12, day: 31) ?? .unixEpoch),
                        reason: "One analyst sees each case through.",
                        approvedBy: nil),
                    after: .waived(until: .permanent, reason: "One analyst sees each case through.", approvedBy: "owner"))
            ])
    }

    /// A change of a policy's `when` or `unless` is a change even when the state stays; the same runs in other words
    /// (an activity renamed) are not.
    func testPolicyScopeChanges() {
        let confirmed = "runs through an activity that is tagged 'confirmed'"
        let before = PolicyStatus(
            policyID: "reviewed", title: "Reviewed", severity: .error, state: .fails(count: 1), runs: "runs through 'Confirm'",
            policyRuns: confirmed)
        var takes = before
        takes.runs = "runs that take 'Assess' → 'Contain'"
        takes.policyRuns = "runs that take 'assess' → 'contain'"
        XCTAssertEqual(
            PolicyStatusChange.compare([before], [takes]),
            [
                PolicyStatusChange(
                    policyID: "reviewed", title: "Reviewed", before: .fails(count: 1), after: .fails(count: 1), runsBefore: confirmed,
                    runsAfter: "runs that take 'assess' → 'contain'")
            ])
        var renamed = before
        renamed.runs = "runs through 'Confirm the incident'"
        XCTAssertEqual(PolicyStatusChange.compare([before], [renamed]), [])
        var unscoped = before
        unscoped.runs = nil
        unscoped.policyRuns = nil
        XCTAssertEqual(PolicyStatusChange.compare([unscoped], [before]).map(\.runsAfter), [confirmed])
        var none = before
        none.state = .holds
        none.noRunInScope = true
        var noneEither = none
        noneEither.state = .holds
        XCTAssertEqual(PolicyStatusChange.compare([before], [none]).map(\.noRunAfter), [true])
        var holds = before
        holds.state = .holds
        XCTAssertEqual(PolicyStatusChange.compare([holds], [none]).map(\.noRunAfter), [true], "no run in scope any more")
        XCTAssertEqual(PolicyStatusChange.compare([none], [noneEither]), [])
    }

    // MARK: Who holds the case, parallel work

    /// The responsible roles of a step hold the case there: another role of the same team is a new holder and no team
    /// move, a role with no `team` is no move either, a role of another team is one; the order roles are written in
    /// does not count.
    func testCaseHoldersAndTeamMoves() throws {
        func holders(_ fix: String, _ newFix: String, log: String = "desk", newLog: String = "desk") -> [CaseHolderChange] {
            func steps(_ log: String, _ fix: String) -> String {
                ReviewFixture.process(
                    twoSteps.replacingOccurrences(of: "responsible: desk", with: "responsible: \(log)").replacingOccurrences(
                        of: "responsible: resolver", with: "responsible: \(fix)"))
            }
            return ReviewFixture.diff(steps(log, fix), steps(newLog, newFix)).processes.first?.caseHolders ?? []
        }
        XCTAssertEqual(holders("[desk, lead]", "[lead, desk]"), [])
        XCTAssertEqual(
            holders("resolver", "resolver", log: "desk", newLog: "lead"),
            [
                CaseHolderChange(
                    activity: "log", before: ["desk"], after: ["lead"], teamsBefore: ["Service Desk"], teamsAfter: ["Service Desk"])
            ])
        XCTAssertEqual(holders("resolver", "resolver", log: "desk", newLog: "lead").map(\.movesTeam), [false])
        let unknownTeam = try XCTUnwrap(holders("resolver", "network").first)
        XCTAssertEqual(unknownTeam.teamsAfter, [])
        XCTAssertEqual([unknownTeam.changesHolder, unknownTeam.movesTeam], [true, false])
        let moved = try XCTUnwrap(holders("resolver", "desk").first)
        XCTAssertEqual([moved.teamsBefore, moved.teamsAfter], [["Support"], ["Service Desk"]])
        XCTAssertEqual([moved.changesHolder, moved.movesTeam], [true, true])
        let shared = try XCTUnwrap(holders("resolver", "[resolver, desk]").first)
        XCTAssertEqual(shared.teamsAfter, ["Support", "Service Desk"])
        XCTAssertTrue(shared.movesTeam, "the case is now shared with another team")
    }

    /// A role given another team in the catalogue moves every step it holds, in a process whose file did not change.
    func testACatalogueTeamChangeMovesTheStepsItsRoleHolds() throws {
        let process = ReviewFixture.process(twoSteps)
        let moved = ReviewFixture.roles.replacingOccurrences(of: "team: Support}", with: "team: Platform}")
        let diff = ProcessDiff.compare(
            old: ReviewFixture.check(["roles.yaml": ReviewFixture.roles, "process.yaml": process]),
            new: ReviewFixture.check(["roles.yaml": moved, "process.yaml": process]))
        let change = try XCTUnwrap(diff.processes.first)
        XCTAssertEqual(
            change.caseHolders,
            [
                CaseHolderChange(
                    activity: "fix", before: ["resolver"], after: ["resolver"], teamsBefore: ["Support"], teamsAfter: ["Platform"])
            ])
        XCTAssertEqual(diff.teamMoves.map(\.step.activity), ["fix"])
        XCTAssertEqual(diff.unchangedProcesses, 0)
        XCTAssertEqual(diff.roles.map(\.id), ["resolver"])
    }

    private let forked = """
          - id: log
            name: Log the call
            responsible: desk
            next:
              - to: fix
                when: It is a fault.
              - when: It is an outage.
                all: [fix, tell]
          - id: fix
            name: Fix it
            responsible: desk
            next: done
          - id: tell
            name: Tell the users
            responsible: desk
            next: done
          - id: done
            name: Close the call
            join: all
            responsible: desk
            end: true
          - id: drop
            name: Drop a duplicate
            responsible: desk
            end: true
        cancel:
          - when: The call is a duplicate.
            to: drop

        """

    /// A fork branch inside a decision keeps the decision's condition; a cancellation whose condition alone changed,
    /// and a join whose activity was renamed, are neither added nor removed.
    func testParallelWork() {
        let old = ReviewFixture.process(forked)
        XCTAssertEqual(ReviewFixture.diff(old, old).processes.map(\.parallel), [])
        let reworded = old.replacingOccurrences(of: "The call is a duplicate.", with: "The call duplicates another.")
            .replacingOccurrences(of: "id: done", with: "id: close").replacingOccurrences(of: "next: done", with: "next: close")
        let process = ReviewFixture.diff(old, reworded).processes.first
        XCTAssertEqual(process?.parallel, [])
        XCTAssertEqual(process?.edges.filter { $0.edge.kind == .cancel }.map(\.kind), [.changed])
        let sequential = old.replacingOccurrences(of: "all: [fix, tell]", with: "to: tell")
            .replacingOccurrences(of: "    join: all\n", with: "").replacingOccurrences(of: "cancel:\n", with: "")
            .replacingOccurrences(of: "  - when: The call is a duplicate.\n    to: drop\n", with: "")
        XCTAssertEqual(
            ReviewFixture.diff(old, sequential).processes.first?.parallel,
            [
                ParallelChange(change: .removed, kind: .forkBranch, from: ["log"], to: "fix", when: "It is an outage."),
                ParallelChange(change: .removed, kind: .forkBranch, from: ["log"], to: "tell", when: "It is an outage."),
                ParallelChange(
                    change: .removed, kind: .cancellation, from: ["log", "fix", "tell"], to: "drop", when: "The call is a duplicate."),
                ParallelChange(change: .removed, kind: .join, from: ["log"], to: "done"),
            ])
    }
}
