import XCTest
import YAMLTree

@testable import ProcDef

final class HandoffAnalysisTests: XCTestCase {
    private let here = SourceRange.fileStart

    private func located(_ s: String) -> Located<String> { Located(s, at: here) }

    private func role(_ id: String, _ kind: RoleKind = .practitioner, local: String? = nil) -> Role {
        Role(
            id: located(id), name: located(id.uppercased()), kind: Located(kind, at: here),
            scope: local.map { .local(processID: $0) } ?? .catalogue, file: "roles.yaml", range: here)
    }

    private func activity(
        _ id: String, _ responsible: [String], next: NextClause? = nil, end: Bool = false, handoff: Handoff? = nil, triggers: [Trigger] = []
    ) -> Activity {
        Activity(
            id: located(id), name: located(id), responsible: responsible.map(located), next: next, end: end ? Located(true, at: here) : nil,
            handoff: handoff, triggers: triggers, range: here)
    }

    private func process(_ id: String, _ activities: [Activity], roles: [Role] = []) -> ProcessDefinition {
        ProcessDefinition(
            id: located(id), name: located(id), roles: roles, activities: activities, file: "\(id).yaml", range: here, headerRange: here)
    }

    private let handoff = Handoff(artifact: Located("incident-record", at: SourceRange.fileStart), range: SourceRange.fileStart)

    private func analyse(_ process: ProcessDefinition, others: [ProcessDefinition] = []) -> HandoffAnalysis {
        let catalogue = RoleCatalogue(roles: [role("desk"), role("resolver"), role("carrier", .supplier)], file: "roles.yaml", range: here)
        let workspace = Workspace(catalogues: [catalogue], processes: [process] + others)
        return HandoffAnalysis(process: process, graph: FlowGraph(process: process), workspace: workspace)
    }

    private func summary(_ analysis: HandoffAnalysis) -> [String] {
        analysis.points.map { point in
            let change: String
            switch point.change {
            case .changed: change = "changed"
            case .unchanged(let shared): change = "same(\(shared.joined(separator: ",")))"
            case .undetermined: change = "unknown"
            case .returning: change = "returning(\(point.returningTo.joined(separator: ",")))"
            }
            let target = (point.target.process.map { "\($0.id.value)/" } ?? "") + point.target.id.value
            return "\(point.sourceActivity.id.value)->\(target) \(point.kind) \(change)\(point.handoff == nil ? "" : " +handoff")"
        }
    }

    func testListsTransitionsThenTriggersPerActivityWithTheHandoffThatApplies() {
        let incident = process(
            "incident",
            [
                activity("log", ["desk"]),
                activity(
                    "categorize", ["desk"],
                    next: .branches(
                        [
                            Branch(to: located("fix"), range: here),
                            Branch(to: located("diagnose"), handoff: handoff, range: here),
                        ], range: here), handoff: handoff),
                activity(
                    "diagnose", ["resolver"], next: .single(located("fix")), handoff: handoff,
                    triggers: [
                        Trigger(process: located("problem"), range: here),
                        Trigger(process: located("problem"), activity: located("contract"), handoff: handoff, range: here),
                        Trigger(process: located("nowhere"), range: here),
                        Trigger(process: located("problem"), activity: located("nothing"), range: here),
                    ]),
                activity("fix", ["desk", "resolver"]),
                activity("close", [], end: true, handoff: handoff),
            ])
        let problem = process("problem", [activity("record", ["resolver"]), activity("contract", ["carrier"])])
        let analysis = analyse(incident, others: [problem])
        XCTAssertEqual(
            summary(analysis),
            [
                "log->categorize fallThrough same(desk)",
                "categorize->fix branch(index: 0) same(desk)",
                "categorize->diagnose branch(index: 1) changed +handoff",
                "diagnose->fix single same(resolver) +handoff",
                "diagnose->problem/record trigger(index: 0) same(resolver)",
                "diagnose->problem/contract trigger(index: 1) changed +handoff",
                "fix->close fallThrough unknown",
            ])
        XCTAssertEqual(
            analysis.strayHandoffs.map { "\($0.activity.id.value) \($0.reason)" }, ["categorize branchList", "close endsProcess"])
        XCTAssertEqual(analysis.points[5].target.roles.map(\.isSupplier), [true])
    }

    func testUnknownRolesAndEmptySidesAreUndeterminedButASharedUnknownIdIsTheSameRole() {
        let p = process(
            "p",
            [
                activity("a", ["desk"]),
                activity("b", ["reslover"]),
                activity("c", ["reslover", "desk"]),
                activity("d", []),
                activity("e", ["resolver"]),
            ])
        XCTAssertEqual(
            summary(analyse(p)),
            [
                "a->b fallThrough unknown",
                "b->c fallThrough same(reslover)",
                "c->d fallThrough unknown",
                "d->e fallThrough unknown",
            ])
    }

    func testLocalRolesOfDifferentProcessesAreDifferentRoles() {
        let incident = process(
            "incident",
            [
                activity(
                    "diagnose", ["analyst"],
                    triggers: [Trigger(process: located("problem"), range: here), Trigger(process: located("incident"), range: here)])
            ], roles: [role("analyst", local: "incident")])
        let problem = process("problem", [activity("record", ["analyst"])], roles: [role("analyst", local: "problem")])
        XCTAssertEqual(
            summary(analyse(incident, others: [problem])),
            [
                "diagnose->problem/record trigger(index: 0) changed",
                "diagnose->incident/diagnose trigger(index: 1) same(analyst)",
            ])
    }

    func testSingleNextToAnUnknownActivityIsNeitherAPointNorAStray() {
        let p = process("p", [activity("a", ["desk"], next: .single(located("missing")), handoff: handoff), activity("b", ["resolver"])])
        let analysis = analyse(p)
        XCTAssertEqual(summary(analysis), [])
        XCTAssertEqual(analysis.strayHandoffs.count, 0)
    }

    func testBlankHandoffFieldsAreNotStated() {
        let blank = Handoff(artifact: located(" "), expectation: located(""), agreement: located("UC-1"), range: here)
        XCTAssertNil(blank.statedArtifact)
        XCTAssertNil(blank.statedExpectation)
        XCTAssertEqual(blank.statedAgreement?.value, "UC-1")
    }

    /// 5,000 activities, each triggering the other process: one index of processes and activities serves them all.
    func testManyTriggersIntoALargeProcess() {
        let count = 5_000
        let big = process("big", (0..<count).map { activity("b\($0)", [$0 % 2 == 0 ? "desk" : "resolver"]) })
        let caller = process(
            "caller",
            (0..<count).map {
                activity(
                    "c\($0)", ["desk"], triggers: [Trigger(process: located("big"), activity: located("b\(count - 1 - $0)"), range: here)])
            })
        let analysis = analyse(caller, others: [big])
        XCTAssertEqual(analysis.points.count, 2 * count - 1)
        XCTAssertEqual(analysis.points.filter { $0.change == .changed }.count, count / 2)
    }

    // MARK: Forks, joins and cancellations

    /// The points of a process read from YAML (against the standard catalogue), each with where it is written.
    private func points(_ yaml: String) throws -> (analysis: HandoffAnalysis, lines: [String]) {
        let workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)), SourceFile(path: "p.yaml", bytes: Array(yaml.utf8)),
        ])
        let process = try XCTUnwrap(workspace.processes.first)
        let graph = FlowGraph(process: process)
        let analysis = HandoffAnalysis(process: process, graph: graph, workspace: workspace)
        let lines = analysis.points.map { point in
            let kind: String
            switch point.kind {
            case .fork(let route): kind = "fork\(route.decision.map { "@\($0)" } ?? "")\(graph.path(of: route))"
            case .cancel(let entry): kind = "cancel[\(entry)]"
            default: kind = "\(point.kind)"
            }
            let change: String
            switch point.change {
            case .changed: change = "changed"
            case .unchanged: change = "same"
            case .undetermined: change = "unknown"
            case .returning: change = "returning(\(point.returningTo.joined(separator: ",")))"
            }
            let handoff = point.handoff.map { " +handoff@\($0.range.start.line)" } ?? ""
            return
                "\(point.sourceActivity.id.value)->\(point.target.id.value) \(kind) \(change) @\(point.range.start.line)\(handoff)"
        }
        return (analysis, lines)
    }

    func testForkBranchesJoinArrivalsAndCancellationsArePoints() throws {
        let (analysis, lines) = try points(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            defaults: {accountable: incident-manager}
            cancel:
              - when: The alarm proves false.
                to: close-false-alarm
            activities:
              - id: assess
                name: Assess
                responsible: incident-manager
                handoff: {artifact: incident-record, expectation: Started within 15 minutes.}
                next:
                  - when: The incident is major.
                    all:
                      - to: fix
                      - all:
                          - to: tell
                          - to: track
                  - {to: close, when: It is minor.}
              - id: fix
                name: Fix
                responsible: resolver
                next: review
              - id: tell
                name: Tell
                responsible: comms
                next: review
              - id: track
                name: Track
                responsible: incident-manager
                next: review
              - id: review
                name: Review
                join: all
                responsible: incident-manager
              - id: close
                name: Close
                responsible: service-desk
                end: true
              - id: close-false-alarm
                name: Close the false alarm
                responsible: incident-manager
                end: true
            """)
        // The activity's handoff applies to no branch of the decision's fork (the entry carries none, and a decision
        // entry does not inherit the activity's): each branch that changes hands is a gap; the arrivals at the review
        // come back to the incident manager, who tracked the leads; the cancellation is one point, seen from the first
        // activity it interrupts that changes hands.
        XCTAssertEqual(
            lines,
            [
                "assess->fix fork@0[0] changed @17",
                "assess->tell fork@0[1, 0] changed @19",
                "assess->track fork@0[1, 1] same @20",
                "assess->close branch(index: 1) changed @21",
                "fix->review single returning(incident-manager) @25",
                "tell->review single returning(incident-manager) @29",
                "track->review single same @33",
                "review->close fallThrough changed @34",
                "fix->close-false-alarm cancel[0] changed @7",
            ])
        XCTAssertEqual(analysis.strayHandoffs.map { "\($0.activity.id.value) \($0.reason)" }, ["assess branchList"])
    }

    func testAnActivityHandoffAroundAForkAppliesToTheBranchesThatChangeHands() throws {
        let (analysis, lines) = try points(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            defaults: {accountable: incident-manager}
            activities:
              - id: assess
                name: Assess
                responsible: incident-manager
                handoff: {artifact: incident-record, expectation: Started within 15 minutes.}
                next:
                  all:
                    - to: fix
                    - to: track
                    - {to: tell, handoff: {artifact: incident-record, expectation: Told at once.}}
              - id: fix
                name: Fix
                responsible: resolver
                next: review
              - id: track
                name: Track
                responsible: incident-manager
                next: review
              - id: tell
                name: Tell
                responsible: comms
                next: review
              - id: review
                name: Review
                join: all
                responsible: incident-manager
                end: true
            """)
        XCTAssertEqual(
            Array(lines.prefix(3)),
            [
                "assess->fix fork[0] changed @13 +handoff@10", "assess->track fork[1] same @14",
                "assess->tell fork[2] changed @15 +handoff@15",
            ])
        XCTAssertTrue(analysis.strayHandoffs.isEmpty)
    }
}
