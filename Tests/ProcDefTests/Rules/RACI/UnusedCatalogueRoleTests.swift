import XCTest

@testable import ProcDef

/// The rules about the catalogue as a whole: `raci/unused-catalogue-role`, and `raci/idle-role` for catalogue roles.
final class UnusedCatalogueRoleTests: XCTestCase {
    private let unused = "raci/unused-catalogue-role"
    private let idle = "raci/idle-role"
    private let idleHelp =
        "`responsible` or `accountable` where it does the work, or give it `kind: stakeholder` if it only needs to be asked or told"

    private let catalogue = """
        kind: roles
        roles:
          change-owner: {name: Change Process Owner, kind: owner}
          change-manager: {name: Change Manager, kind: manager}
          change-analyst: {name: Change Analyst, kind: practitioner}

        """

    private let process = """
        kind: process
        id: change-enablement
        name: Change Enablement
        owner: change-owner
        manager: change-manager
        defaults:
          accountable: change-manager
        activities:
          - id: assess
            name: Assess the change
            responsible: change-analyst

        """

    func testARoleNobodyNamesGetsOnlyTheNote() {
        XCTAssertFindings(
            catalogue + "  1️⃣cab-chair: {name: CAB Chair, kind: manager}\n  2️⃣auditor: {name: Internal Auditor, kind: stakeholder}\n---\n"
                + process, rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", unused, "catalogue role 'cab-chair' (CAB Chair) is named by no process, policy or waiver", severity: .note,
                    help: "use 'cab-chair' where it takes part in a process, or remove it from the catalogue"),
                ExpectedFinding(
                    "2️⃣", unused, "catalogue role 'auditor' (Internal Auditor) is named by no process, policy or waiver", severity: .note,
                    help: "use 'auditor' where it takes part in a process, or remove it from the catalogue"),
            ])
    }

    /// An approver that is only ever consulted approves nothing: idle, across every process of the workspace.
    func testACatalogueRoleOnlyConsultedOrInformedIsIdle() {
        XCTAssertFindings(
            catalogue + "  1️⃣cab-chair: {name: CAB Chair, kind: manager}\n  2️⃣network: {name: Network Engineer, kind: practitioner}\n"
                + "  sponsor: {name: Business Sponsor, kind: stakeholder}\n---\n" + process
                + "    consulted: [cab-chair]\n    informed: [network, sponsor]\n",
            rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", idle,
                    "catalogue role 'cab-chair' (CAB Chair) is neither responsible nor accountable for any activity of the workspace; it is only consulted",
                    severity: .warning, help: "make 'cab-chair' " + idleHelp),
                ExpectedFinding(
                    "2️⃣", idle,
                    "catalogue role 'network' (Network Engineer) is neither responsible nor accountable for any activity of the workspace; it is only informed",
                    help: "make 'network' " + idleHelp),
            ])
    }

    /// Work in another process of the workspace counts: the role is judged across all of them.
    func testWorkInAnyProcessCounts() {
        let other = """
            kind: process
            id: release-management
            name: Release Management
            owner: change-owner
            activities:
              - id: approve
                name: Approve the release
                responsible: change-analyst
                accountable: cab-chair

            """
        XCTAssertFindings(
            catalogue + "  cab-chair: {name: CAB Chair, kind: manager}\n---\n" + process + "    consulted: [cab-chair]\n", rules: nil,
            extraFiles: ["release.yaml": other], [])
    }

    /// Named only as informed of a timer's handoff, the role is used (and idle, being only informed).
    func testATimersHandoffNamesARole() {
        XCTAssertFindings(
            catalogue + "  1️⃣cab-chair: {name: CAB Chair, kind: manager}\n---\n" + process
                + "    timeout:\n      after: 1d\n      to: close\n"
                + "      handoff: {artifact: rfc, expectation: Closed within a day., informed: [cab-chair]}\n"
                + "  - id: review\n    name: Review\n    responsible: change-analyst\n"
                + "  - id: close\n    name: Close\n    responsible: change-analyst\n",
            rules: [unused, idle],
            [
                ExpectedFinding(
                    "1️⃣", idle,
                    "catalogue role 'cab-chair' (CAB Chair) is neither responsible nor accountable for any activity of the workspace; it is only informed",
                    severity: .warning, help: "make 'cab-chair' " + idleHelp)
            ])
    }

    /// Every place a role can be named counts as a mention: a policy's selector, a waiver's approver, a process
    /// defined elsewhere, a case owner, a handoff's `informed`, a conditional entry.
    func testEveryPlaceThatNamesARoleCounts() {
        let policy = """
            kind: policy
            id: security-consulted
            title: Security is consulted on changes
            severity: warning
            applies-to: {all: true}
            require:
              exists: {consults: security-officer}
            ---
            kind: policy
            id: changes-recorded
            title: Changes are recorded
            severity: warning
            applies-to: {all: true}
            require:
              exists: {records: change-record}
            ---
            kind: external-process
            id: vendor-change
            name: Vendor Change Management
            owner: vendor-manager
            receiver: vendor-liaison

            """
        XCTAssertFindings(
            catalogue + """
                  security-officer: {name: Security Officer, kind: stakeholder}
                  risk-owner: {name: Risk Owner, kind: owner}
                  vendor-manager: {name: Vendor Manager, kind: manager}
                  vendor-liaison: {name: Vendor Liaison, kind: practitioner}
                  desk-lead: {name: Desk Lead, kind: manager}
                  comms: {name: Communications Lead, kind: stakeholder}
                  user: {name: Requester, kind: customer}
                ---
                kind: process
                id: change-enablement
                name: Change Enablement
                owner: change-owner
                manager: change-manager
                case-owner: desk-lead
                defaults:
                  accountable: change-manager
                waivers:
                  - policy: changes-recorded
                    reason: Standard changes are recorded by the pipeline, outside this process.
                    until: 2026-12-31
                    approved-by: risk-owner
                activities:
                  - id: assess
                    name: Assess the change
                    responsible: change-analyst
                    consulted:
                      - {role: comms, when: the change is customer-facing}
                    handoff:
                      artifact: change-request
                      expectation: The analyst tells the requester the decision within 1 day.
                      informed: [user]
                    next: close
                  - id: close
                    name: Close the change
                    responsible: change-analyst
                    end: true

                """, rules: [unused, idle], extraFiles: ["policies.yaml": policy], [])
    }

    /// Checking files named one by one sees a part of the repository: the catalogue's use is not judged.
    func testFilesNamedOneByOneAreNotJudged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roles = folder.appendingPathComponent("roles.yaml")
        let change = folder.appendingPathComponent("change.yaml")
        try Data((catalogue + "  cab-chair: {name: CAB Chair, kind: manager}\n").utf8).write(to: roles)
        try Data(process.utf8).write(to: change)
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        let named = Checker.check(try Workspace.load(paths: [roles.path, change.path], options: options), options: options)
        let walked = Checker.check(try Workspace.load(paths: [folder.path], options: options), options: options)
        let namedRules = named.diagnostics.map(\.rule)
        let walkedRules = walked.diagnostics.map(\.rule)
        XCTAssertEqual(namedRules, [])
        XCTAssertEqual(walkedRules, [unused])
    }

    /// A suppression of a catalogue finding stays quiet when the catalogue is not judged: it is still needed.
    func testASuppressionOfACatalogueFindingIsNotUnusedWhenTheCatalogueIsNotJudged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roles = folder.appendingPathComponent("roles.yaml")
        let change = folder.appendingPathComponent("change.yaml")
        try Data(
            (catalogue + "  # procdef: ignore raci/unused-catalogue-role -- reserved for the new board\n"
                + "  cab-chair: {name: CAB Chair, kind: manager}\n").utf8
        ).write(to: roles)
        try Data(process.utf8).write(to: change)
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        let named = Checker.check(try Workspace.load(paths: [roles.path, change.path], options: options), options: options)
        let walked = Checker.check(try Workspace.load(paths: [folder.path], options: options), options: options)
        XCTAssertEqual(named.diagnostics.map(\.rule), [])
        XCTAssertEqual(walked.diagnostics.map(\.rule), [])
    }

    /// A workspace without a process (the catalogue checked on its own) says nothing about the roles' use.
    func testACatalogueWithoutProcessesIsNotJudged() {
        XCTAssertFindings(catalogue + "  cab-chair: {name: CAB Chair, kind: manager}\n", rules: nil, [])
    }
}
