import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// What the outputs make of processes defined elsewhere (`kind: external-process`): a dashed node in the landscape,
/// a link in runbooks and the index, and an entry in the handoff map towards the receiver's team.
final class ExternalProcessRenderingTests: XCTestCase {
    static let source = """
        kind: roles
        roles:
          security-owner: {name: Security Process Owner, kind: owner, team: Security Office}
          analyst: {name: Security Analyst, kind: practitioner, team: Security Operations Centre}
          agency-desk: {name: Agency Duty Desk, kind: stakeholder, team: National Agency (external), contact: desk@agency.example.org}
          hoster: {name: Hosting Provider, kind: supplier, team: Hosting Provider (external)}
        ---
        kind: external-process
        id: agency-incident-response
        name: Agency Incident Response
        link: https://agency.example.org/incident-response_(national)
        owner: agency-desk
        receiver: agency-desk
        ---
        kind: external-process
        id: hoster-incident
        name: Hosting Provider Incident Handling
        ---
        kind: process
        id: security-incident
        name: Security Incident Response
        owner: security-owner
        defaults:
          accountable: security-owner
        activities:
          - id: contain
            name: Contain the attack
            responsible: analyst
            outputs: [incident-notification]
            triggers:
              - process: agency-incident-response
                when: The attack is significant under NIS2.
                handoff:
                  artifact: incident-notification
                  expectation: The duty desk confirms receipt with a case reference within 24 hours.
              - process: hoster-incident
                when: The attack came through the hosted platform.
        """

    private func report() -> CheckReport {
        Checker.check(
            files: [SourceFile(path: "security.yaml", bytes: Array(Self.source.utf8))],
            options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
    }

    /// The hosting provider would be the receiver: until it is named, the catalogue's role is unused too.
    func testTheFixtureHasOnlyTheNotesAboutTheMissingReceiver() {
        XCTAssertEqual(
            report().diagnostics.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" },
            [
                "6:3 [raci/unused-catalogue-role] catalogue role 'hoster' (Hosting Provider) is named by no process, policy or waiver",
                "36:9 [handoff/external-without-receiver] 'contain' (Contain the attack) starts external process 'hoster-incident' (Hosting Provider Incident Handling), which names no receiver: nobody is named to take the case in",
            ])
    }

    func testLandscapeDrawsItDashed() {
        let report = report()
        assertGolden(
            LandscapeRenderer().render(CheckedProcess.all(in: report), external: report.workspace.externalProcesses),
            named: "build/external-landscape.dot")
    }

    func testDotDrawsTheExternalProcessWithADashedOutline() throws {
        let report = report()
        let svg = try GraphvizTool.svg(
            LandscapeRenderer().render(CheckedProcess.all(in: report), external: report.workspace.externalProcesses))
        let node = try XCTUnwrap(svg.range(of: "<title>p_agency&#45;incident&#45;response</title>"), svg)
        let group = svg[node.upperBound...]
        let end = try XCTUnwrap(group.range(of: "</g>"))
        let shape = String(group[..<end.lowerBound])
        XCTAssertTrue(shape.contains("stroke-dasharray"), shape)
        XCTAssertTrue(shape.contains("Agency Incident Response"), shape)
        XCTAssertTrue(shape.contains("xlink:href=\"https://agency.example.org/incident-response_(national)\""), shape)
        let local = try XCTUnwrap(svg.range(of: "<title>p_security&#45;incident</title>"), svg)
        let localEnd = try XCTUnwrap(svg[local.upperBound...].range(of: "</g>"))
        XCTAssertFalse(String(svg[local.upperBound..<localEnd.lowerBound]).contains("stroke-dasharray"))
    }

    func testRunbookLinksIt() throws {
        let process = try XCTUnwrap(CheckedProcess.named("security-incident", in: report()))
        assertGolden(RunbookRenderer().render(process), named: "build/external-runbook.md")
        assertGolden(DiagramRenderer().render(process), named: "build/external-diagram.dot")
    }

    func testIndexListsItWithItsLinkAndReceiver() {
        let report = report()
        let index = IndexRenderer().render(CheckedProcess.all(in: report), external: report.workspace.externalProcesses)
        assertGolden(index, named: "build/external-index.md")
    }

    func testHandoffMapCountsTheTriggersTowardsTheReceiversTeam() {
        let map = HandoffMap(report: report())
        XCTAssertEqual(
            map.entries.map { "\($0.status.rawValue) \($0.to.processID) \($0.to.teams)" },
            [
                "missing-artifact hoster-incident []", "declared agency-incident-response [\"National Agency (external)\"]",
            ])
        XCTAssertEqual(map.teams.teams, ["National Agency (external)", "Security Operations Centre"])
        assertGolden(HandoffMapTextRenderer().render(map), named: "build/external-handoffs.txt")
        assertGolden(HandoffMapMarkdownRenderer().render(map), named: "build/external-handoffs.md")
    }

    func testDiffShowsProcessesDefinedElsewhere() {
        let diff = WorkspaceDiff(
            processes: [], roles: [],
            externalProcesses: [
                ExternalProcessChange(
                    kind: .changed, id: "agency-incident-response", name: "Agency Incident Response",
                    fields: [FieldChange(field: "receiver", before: nil, after: "agency-desk")]),
                ExternalProcessChange(kind: .added, id: "hoster-incident", name: "Hosting Provider Incident Handling"),
            ],
            findings: FindingChanges(), unchangedProcesses: 1)
        assertGolden(DiffTextRenderer().render(diff), named: "review/external-diff.txt")
        assertGolden(DiffMarkdownRenderer().render(diff), named: "review/external-diff.md")
        assertGolden(DiffJSONRenderer().render(diff), named: "review/external-diff.json")
    }
}
