import XCTest

@testable import ProcDef

final class RedundantInformedTests: XCTestCase {
    private let rule = "raci/redundant-informed"
    private let help = "`informed`: a consulted role already hears how the decision came out"

    private func process(_ informedLine: String) -> String {
        """
        kind: process
        id: major-incident-communication
        name: Major Incident Communication
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
          - id: draft
            name: Draft the status update
            responsible: comms
            consulted: [service-desk, resolver]
        \(informedLine)
        """
    }

    func testRoleConsultedAndInformedPointsAtTheInformedEntry() {
        XCTAssertFindings(
            process("    informed: [user, 1️⃣resolver]"), rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", rule, "'resolver' (Resolver Group) is both consulted and informed on 'draft' (Draft the status update) (C and I)",
                    severity: .note, help: "remove 'resolver' from " + help)
            ])
    }

    /// A conditional entry (`{role, when}`) counts like any other.
    func testConditionalEntriesCount() {
        XCTAssertFindings(
            process("    informed:\n      - user\n      - {role: 1️⃣service-desk, when: the outage is customer-facing}"), rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "'service-desk' (Service Desk Analyst) is both consulted and informed on 'draft' (Draft the status update) (C and I)",
                    help: "remove 'service-desk' from " + help)
            ])
    }

    /// A responsible or accountable role's `informed` entry is a conflict, reported once, by the older rule.
    func testResponsibleOrAccountableRolesAreTheConflictsFinding() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                accountable: incident-manager
                consulted: [1️⃣service-desk, resolver]
                informed: [2️⃣service-desk, user]
            """, rules: [rule, "raci/conflicting-assignment"],
            [
                ExpectedFinding(
                    "1️⃣", "raci/conflicting-assignment",
                    "'service-desk' (Service Desk Analyst) is both responsible and consulted on 'confirm' (Confirm resolution with the user) (R and C): consulted roles stand outside the work, and the responsible role does it"
                ),
                ExpectedFinding(
                    "2️⃣", "raci/conflicting-assignment",
                    "'service-desk' (Service Desk Analyst) is both responsible and informed on 'confirm' (Confirm resolution with the user) (R and I): informed roles stand outside the work, and the responsible role does it"
                ),
            ])
    }

    func testConsultedOrInformedOnlyIsClean() {
        XCTAssertFindings(process("    informed: [user, network]"), rules: nil, [])
    }

    // MARK: Suppressions and settings written before the split

    /// A suppression naming `raci/conflicting-assignment` on a C and I line, written when that rule reported it,
    /// still silences the finding, and is not reported unused.
    func testASuppressionOfTheOlderRuleStillSilencesIt() {
        XCTAssertFindings(
            process("    informed: [user, resolver]  # procdef: ignore raci/conflicting-assignment -- the resolver lead reads the digest"),
            rules: nil, [])
        XCTAssertFindings(
            process(
                "    # procdef: ignore raci/conflicting-assignment -- the resolver lead reads the digest\n    informed: [user, resolver]"),
            rules: nil, [])
    }

    /// Naming the new rule works too, and the older rule's id silences nothing else on a clean line.
    func testTheNewIDAndAnUnusedOlderID() {
        XCTAssertFindings(
            process("    informed: [user, resolver]  # procdef: ignore raci/redundant-informed -- the resolver lead reads the digest"),
            rules: nil, [])
        XCTAssertFindings(
            process("    informed: [user, network]  # procdef: ignore 1️⃣raci/conflicting-assignment -- the network lead reads the digest"),
            rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", "lint/unused-suppression",
                    "suppression of 'raci/conflicting-assignment' silenced nothing: there is no such finding on this line")
            ])
    }

    /// A `.procdef.yaml` level for `raci/conflicting-assignment` sets this rule too, unless it has its own entry.
    func testAConfiguredLevelOfTheOlderRuleAppliesToo() {
        func severities(_ config: String) -> [String] {
            let configFile = SourceFile(path: ".procdef.yaml", bytes: Array(config.utf8))
            let loaded = Workspace.load(files: [configFile])
            let active = ActiveConfig(config: loaded.configs.first, source: configFile, diagnostics: loaded.diagnostics)
            var workspace = Workspace.load(files: [
                SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
                SourceFile(path: "comms.yaml", bytes: Array(MarkedFixture(process("    informed: [user, resolver]")).text.utf8)),
            ])
            workspace.isPartial = true
            let report = Checker.check(workspace, config: active, options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
            return report.diagnostics.map { "\($0.file) \($0.rule) \($0.severity.rawValue)" }
        }
        XCTAssertEqual(severities("kind: config\nrules:\n  raci/conflicting-assignment: off\n"), [])
        XCTAssertEqual(
            severities("kind: config\nrules:\n  raci/conflicting-assignment: warning\n"), ["comms.yaml raci/redundant-informed warning"])
        XCTAssertEqual(
            severities("kind: config\nrules:\n  raci/conflicting-assignment: off\n  raci/redundant-informed: error\n"),
            ["comms.yaml raci/redundant-informed error"])
        XCTAssertEqual(severities("kind: config\n"), ["comms.yaml raci/redundant-informed note"])
    }
}
