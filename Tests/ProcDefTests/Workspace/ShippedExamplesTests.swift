import Foundation
import XCTest

@testable import ProcDef

/// The repository's own `Processes/` and `Policies/` are the default input and the format's showcase: a small but
/// complete service organisation whose processes are clean under every rule, whose policies hold, and whose
/// processes start one another where real ones do.
final class ShippedExamplesTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixed day inside every shipped waiver, so the test says the same thing on every day it runs; whether a
    /// waiver has run out is CI's `procdef check` on the real date.
    static let today = CalendarDate(year: 2026, month: 12, day: 1)

    static let processIDs: Set<String> = [
        "incident-management", "major-incident-management", "problem-management", "change-enablement",
        "service-request-fulfilment", "access-management", "supplier-escalation",
    ]

    private var paths: [String] {
        get throws {
            let paths = ["Processes", "Policies"].map { Self.packageRoot.appendingPathComponent($0).path }
            try XCTSkipUnless(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "the examples are not in this checkout")
            return paths
        }
    }

    private func check() throws -> CheckReport {
        try Checker.check(paths: try paths, options: CheckOptions(today: Self.today))
    }

    private func describe(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): \($0.severity) [\($0.rule)] \($0.message)" }
    }

    // MARK: clean

    func testShippedExamplesHaveNoDecodingFindings() throws {
        let workspace = try Workspace.load(paths: try paths)
        XCTAssertEqual(describe(workspace.diagnostics), [])
    }

    /// Not one error or warning: what `procdef check --strict` promises a newcomer. The one note is the accepted risk
    /// of the major-incident process, which `waiver/permanent` lists on every run on purpose.
    func testEveryRuleIsQuietOnEveryProcess() throws {
        let report = try check()
        XCTAssertEqual(report.diagnostics.map { "\($0.file) \($0.rule)" }, ["Processes/major-incident-management.yaml waiver/permanent"])
        XCTAssertEqual(report.summary.processes, 7)
    }

    // MARK: the landscape

    func testTheSevenProcessesExist() throws {
        let report = try check()
        XCTAssertEqual(Set(report.workspace.processes.map(\.id.value)), Self.processIDs)
    }

    /// The cross-process triggers that make the seven one organisation: incidents feed problems, problems and
    /// requests and emergency fixes feed change, supplier faults go to supplier escalation, P1s to major incidents,
    /// and a significant major incident to the national CSIRT, whose process is defined elsewhere.
    func testTriggersConnectTheProcesses() throws {
        let report = try check()
        var triggers: [String] = []
        for process in report.workspace.processes.sorted(by: { $0.id.value < $1.id.value }) {
            for activity in process.activities {
                for trigger in activity.triggers {
                    triggers.append("\(process.id.value).\(activity.id.value) -> \(trigger.process.value)")
                }
            }
        }
        XCTAssertEqual(
            triggers,
            [
                "incident-management.categorize -> major-incident-management",
                "incident-management.investigate -> supplier-escalation",
                "incident-management.resolve -> change-enablement",
                "incident-management.resolve -> problem-management",
                "major-incident-management.coordinate-restoration -> national-csirt-incident-handling",
                "major-incident-management.review -> problem-management",
                "problem-management.document-known-error -> change-enablement",
                "service-request-fulfilment.fulfil -> change-enablement",
            ])
    }

    // MARK: policies

    /// Every policy holds for every process it applies to, but one: access management's break-glass path, under
    /// a waiver with a reason, an end date and the owner who accepted the risk.
    func testEveryPolicyHoldsOrIsWaived() throws {
        let report = try check()
        var waived: [String] = []
        for (process, statuses) in report.policyStatuses {
            for status in statuses {
                switch status.state {
                case .holds: break
                case .waived(let until, let reason, let approver):
                    waived.append("\(process): \(status.policyID) until \(until), approved by \(approver ?? "nobody")")
                    XCTAssertFalse(reason.isEmpty, "\(process): \(status.policyID)")
                case .fails(let count):
                    XCTFail("\(process): policy \(status.policyID) fails \(count) time(s)")
                }
            }
        }
        XCTAssertEqual(
            waived.sorted(),
            [
                "access-management: access-approval-separated until 2027-06-30, approved by information-security-manager",
                "major-incident-management: balanced-involvement until permanent, approved by incident-process-owner",
            ])
    }

    func testEveryPolicyGovernsSomeProcessAndSaysWhy() throws {
        let report = try check()
        XCTAssertGreaterThanOrEqual(report.workspace.policies.count, 6)
        let governed = Set(report.policyStatuses.values.flatMap { $0.map(\.policyID) })
        for policy in report.workspace.policies {
            XCTAssertTrue(governed.contains(policy.id.value), "policy \(policy.id.value) applies to no process")
            XCTAssertGreaterThan(policy.rationale?.value.count ?? 0, 100, "policy \(policy.id.value) needs a rationale")
        }
    }

    func testThePoliciesUseEveryKindOfRequirement() throws {
        let report = try check()
        var kinds: Set<String> = []
        for requirement in report.workspace.policies.flatMap(\.requirements) {
            switch requirement.value {
            case .exists: kinds.insert("exists")
            case .visits: kinds.insert("visits")
            case .before: kinds.insert("before")
            case .all: kinds.insert("all")
            case .separate: kinds.insert("separate")
            case .processHas: kinds.insert("process")
            case .max: kinds.insert("max")
            }
        }
        XCTAssertEqual(kinds, Set(ModelDecoder.requirementKeys))
    }

    // MARK: roles

    func testTheRoleCatalogueCoversARealOrganisation() throws {
        let report = try check()
        let roles = report.workspace.catalogues.flatMap(\.roles)
        XCTAssertTrue((15...30).contains(roles.count), "\(roles.count) catalogue roles")
        for role in roles {
            XCTAssertNotNil(role.team, role.id.value)
            XCTAssertNotNil(role.contactText, role.id.value)
        }
        // The incident manager on duty is reached every way a rota has; the service desk stands in front.
        let manager = try XCTUnwrap(roles.first { $0.id.value == "incident-manager" })
        XCTAssertEqual(manager.contactEntries.map(\.field), ["pager", "phone", "channel", "rota"])
        XCTAssertEqual(roles.filter { $0.stage?.value == .front }.map(\.id.value), ["service-desk", "communications-lead"])
        XCTAssertEqual(Set(roles.map(\.kind.value)), Set(RoleKind.allCases))
        let teams = Set(roles.compactMap(\.team?.value))
        for team in [
            "Service Desk", "Application Support", "Infrastructure Operations", "Information Security", "Service Management Office",
            "Service Communications", "Finance", "Business units",
        ] {
            XCTAssertTrue(teams.contains(team), "no role in team '\(team)'")
        }
        XCTAssertTrue(roles.contains { $0.kind.value == .supplier }, "no supplier")
    }

    /// A catalogue role no process uses is dead weight a newcomer would wonder about.
    func testEveryCatalogueRoleTakesPartSomewhere() throws {
        let report = try check()
        var used: Set<String> = []
        for process in report.workspace.processes {
            used.formUnion([process.owner, process.manager, process.caseOwner, process.defaultAccountable].compactMap { $0?.value })
            for activity in process.activities {
                used.formUnion((activity.responsible + activity.accountable + activity.consulted + activity.informed).map(\.value))
                let handoffs = [activity.handoff] + activity.next.branches.map(\.handoff) + activity.triggers.map(\.handoff)
                used.formUnion(handoffs.compactMap { $0 }.flatMap(\.informed).map(\.value))
            }
        }
        for external in report.workspace.externalProcesses {
            used.formUnion([external.owner, external.receiver].compactMap { $0?.value })
        }
        let unused = report.workspace.catalogues.flatMap(\.roles).map(\.id.value).filter { !used.contains($0) }
        XCTAssertEqual(unused, [])
    }

    // MARK: practice

    /// Process owner, process manager and case owner are named everywhere, and the runbook has something to say
    /// for every activity: who, how long, with what, producing what, and how.
    func testEveryProcessAndActivityIsComplete() throws {
        let report = try check()
        for process in report.workspace.processes {
            let id = process.id.value
            XCTAssertNotNil(process.owner, id)
            XCTAssertNotNil(process.manager, id)
            XCTAssertNotNil(process.caseOwner, id)
            XCTAssertNotNil(process.version, id)
            XCTAssertNotNil(process.purpose, id)
            XCTAssertNotNil(process.trigger, id)
            XCTAssertNotNil(process.outcome, id)
            for activity in process.activities {
                let place = "\(id).\(activity.id.value)"
                XCTAssertNotNil(activity.target, place)
                XCTAssertFalse(activity.inputs.isEmpty, place)
                XCTAssertFalse(activity.outputs.isEmpty, place)
                // A system's step is described by what it does, not by steps a person follows.
                if activity.stepType != .automated { XCTAssertGreaterThanOrEqual(activity.procedure.count, 2, place) }
            }
        }
    }

    /// Every handoff is a moment of truth: wherever responsibility changes, inside a process or into another, the
    /// receiver's commitment is written down; escalations say which way they go, and the supplier is bound by its
    /// contract.
    func testEveryHandoffStatesWhatTheReceiverCommitsTo() throws {
        let report = try check()
        var escalations: Set<Escalation> = []
        var supplierAgreements: [String] = []
        var handoffs = 0
        for process in report.workspace.processes {
            let analysis = HandoffAnalysis(process: process, graph: FlowGraph(process: process), workspace: report.workspace)
            for point in analysis.points where point.change == .changed {
                let edge = "\(process.id.value).\(point.sourceActivity.id.value) -> \(point.target.id.value)"
                handoffs += 1
                XCTAssertNotNil(point.handoff?.statedArtifact, edge)
                // A machine commits to nothing: a handoff to a system role states its artifact only.
                if !point.target.roles.allSatisfy(\.isSystem) { XCTAssertNotNil(point.handoff?.statedExpectation, edge) }
                if let escalation = point.handoff?.escalation?.value { escalations.insert(escalation) }
                if point.target.roles.contains(where: \.isSupplier) {
                    supplierAgreements.append("\(edge): \(point.handoff?.statedAgreement?.value ?? "none")")
                }
            }
        }
        XCTAssertGreaterThan(handoffs, 30)
        XCTAssertEqual(escalations, [.functional, .hierarchic])
        XCTAssertEqual(
            supplierAgreements,
            [
                "supplier-escalation.raise-supplier-case -> supplier-restores: UC-NET-014",
                "supplier-escalation.escalate-to-supplier -> supplier-restores: UC-NET-014",
                "supplier-escalation.escalate-restoration-breach -> supplier-restores: UC-NET-014",
                "supplier-escalation.verify-restoration -> supplier-restores: UC-NET-014",
            ])
    }

    /// Fixing and telling are two jobs: in a major incident the incident manager restores service and the
    /// communications lead informs, and neither does the other's job.
    func testMajorIncidentSeparatesFixingFromTelling() throws {
        let report = try check()
        let process = try XCTUnwrap(report.workspace.process(id: "major-incident-management"))
        func responsible(taggedWith tag: String) -> Set<String> {
            Set(process.activities.filter { $0.tags.contains { $0.value == tag } }.flatMap(\.responsible).map(\.value))
        }
        XCTAssertEqual(responsible(taggedWith: "restoration"), ["incident-manager"])
        XCTAssertEqual(responsible(taggedWith: "communication"), ["communications-lead"])
        XCTAssertEqual(process.caseOwner?.value, "incident-manager")
    }
}

extension Optional where Wrapped == NextClause {
    /// The branches of a `next` list; none for a single target or no `next`.
    fileprivate var branches: [Branch] {
        if case .branches(let branches, _) = self { return branches }
        return []
    }
}
