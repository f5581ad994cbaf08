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
            case .returning(let roles): change = "returning(\(roles.joined(separator: ",")))"
            }
            let target = (point.target.process.map { "\($0.id.value)/" } ?? "") + point.target.activity.id.value
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
}
