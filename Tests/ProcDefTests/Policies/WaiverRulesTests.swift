import XCTest

@testable import ProcDef

/// Permanent waivers (`until: permanent` with `approved-by`), the `waiver/*` rules, and their old ids
/// `policy/waiver-expired` and `policy/waiver-unused` in configurations and suppressions.
final class WaiverRulesTests: XCTestCase {
    /// A process that fails the policy below (it names no case owner), with one waiver whose lines are given.
    private func process(waiver: String) -> String {
        """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        activities:
          - id: log
            name: Log the incident
            responsible: service-desk
            accountable: process-owner
        waivers:
          - 1️⃣policy: 5️⃣case-owner-named
            reason: One analyst handles each incident from start to end.
        \(waiver)
        """
    }

    private func policy(id: String = "case-owner-named") -> [String: String] {
        [
            "\(id).yaml": """
            kind: policy
            id: \(id)
            title: Processes name a case owner
            severity: error
            applies-to: {tags: [incident]}
            require:
              process: {has: [case-owner]}
            """
        ]
    }

    private let waiverRules: Set<String> = [
        "waiver/expired", "waiver/unused", "waiver/permanent", "policy/case-owner-named", "schema/missing-field", "ref/unknown-role",
        "ownership/owner-kind", "lint/renamed-rule",
    ]

    private let permanentHelp = "an accepted risk; when the reason no longer holds, give the waiver a date or remove it"

    // MARK: until: permanent and approved-by

    func testPermanentWaiverWithoutApproverIsAMissingField() {
        XCTAssertDecoding(
            ["fixture.yaml": process(waiver: "    until: permanent"), "policy.yaml": policy()["case-owner-named.yaml"] ?? ""],
            [
                ExpectedFinding(
                    "1️⃣", "schema/missing-field",
                    "the waiver for policy 'case-owner-named' is permanent but has no 'approved-by': a permanent waiver needs the owner who accepted the risk",
                    help: "add `approved-by:` naming a role of kind `owner`, or give `until` a date")
            ])
    }

    func testApproverMustBeAKnownRole() {
        XCTAssertDecoding(
            [
                "fixture.yaml": process(waiver: "    until: permanent\n    approved-by: 2️⃣security-owner"),
                "policy.yaml": policy()["case-owner-named.yaml"] ?? "",
            ],
            [
                ExpectedFinding(
                    "2️⃣", "ref/unknown-role", "unknown role 'security-owner' in 'approved-by' of the waiver for policy 'case-owner-named'",
                    help: "define it in a role catalogue (kind: roles) or under 'roles:' of process 'incident'")
            ])
    }

    func testApproverMustBeAnOwner() {
        XCTAssertFindings(
            process(waiver: "    until: 3️⃣permanent\n    approved-by: 2️⃣incident-manager"), rules: waiverRules, extraFiles: policy(),
            [
                ExpectedFinding(
                    "2️⃣", "ownership/owner-kind",
                    "the waiver for policy 'case-owner-named' is approved by 'incident-manager' (Incident Manager), a role of kind `manager`, not `owner`: only a process owner can accept the risk",
                    severity: .warning,
                    help:
                        "name a role of kind `owner` as `approved-by:`, such as the process owner, or give 'incident-manager' (Incident Manager) `kind: owner` if it really owns the process"
                ),
                ExpectedFinding(
                    "3️⃣", "waiver/permanent",
                    "process 'incident' waives policy 'case-owner-named' permanently, approved by 'incident-manager' (Incident Manager): One analyst handles each incident from start to end.",
                    severity: .note, help: permanentHelp),
            ])
    }

    /// A permanent waiver never expires and covers its policy; it is listed as a note, with its approver and reason.
    func testPermanentWaiverIsListedAndNeverExpires() throws {
        let farFuture = CheckOptions(today: CalendarDate(year: 2999, month: 12, day: 31))
        let fixture = process(waiver: "    until: 3️⃣permanent\n    approved-by: process-owner")
        XCTAssertFindings(
            fixture, rules: waiverRules, extraFiles: policy(), options: farFuture,
            [
                ExpectedFinding(
                    "3️⃣", "waiver/permanent",
                    "process 'incident' waives policy 'case-owner-named' permanently, approved by 'process-owner' (Incident Process Owner): One analyst handles each incident from start to end.",
                    severity: .note, help: permanentHelp)
            ])
        let report = try RuleFixtureRunner.run(
            ["fixture.yaml": MarkedFixture(fixture).text].merging(policy()) { a, _ in a }, options: farFuture)
        XCTAssertEqual(
            report.policyStatuses["incident"]?.first?.state,
            .waived(until: .permanent, reason: "One analyst handles each incident from start to end.", approvedBy: "process-owner"))
    }

    /// `approved-by` with a date is allowed: the waiver lapses on its date, and the approver is shown meanwhile.
    func testApproverWithADate() throws {
        let fixture = process(waiver: "    until: 2026-12-31\n    approved-by: process-owner")
        XCTAssertFindings(fixture, rules: waiverRules, extraFiles: policy(), [])
        let report = try RuleFixtureRunner.run(["fixture.yaml": MarkedFixture(fixture).text].merging(policy()) { a, _ in a })
        XCTAssertEqual(
            report.policyStatuses["incident"]?.first?.state,
            .waived(
                until: .date(CalendarDate(year: 2026, month: 12, day: 31) ?? .unixEpoch),
                reason: "One analyst handles each incident from start to end.", approvedBy: "process-owner"))
    }

    func testUnneededPermanentWaiverIsUnused() {
        let holds = policy().mapValues { $0.replacingOccurrences(of: "{has: [case-owner]}", with: "{has: [owner]}") }
        XCTAssertFindings(
            process(waiver: "    until: 3️⃣permanent\n    approved-by: process-owner"), rules: waiverRules, extraFiles: holds,
            [
                ExpectedFinding(
                    "5️⃣", "waiver/unused",
                    "waiver for policy 'case-owner-named' is not needed: the policy holds for process 'incident'", severity: .warning,
                    help: "remove the waiver"),
                ExpectedFinding(
                    "3️⃣", "waiver/permanent",
                    "process 'incident' waives policy 'case-owner-named' permanently, approved by 'process-owner' (Incident Process Owner): One analyst handles each incident from start to end.",
                    severity: .note, help: permanentHelp),
            ])
    }

    // MARK: Old ids

    /// Checks the fixture and the policy with `config` as the active configuration.
    private func check(config: String, files: [String: String]) -> (CheckReport, MarkedFixture) {
        let marked = MarkedFixture(config)
        let configFile = SourceFile(path: ".procdef.yaml", bytes: Array(marked.text.utf8))
        let loadedConfig = Workspace.load(files: [configFile])
        let active = ActiveConfig(config: loadedConfig.configs.first, source: configFile, diagnostics: loadedConfig.diagnostics)
        var sources = [SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8))]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            sources.append(SourceFile(path: path, bytes: Array(MarkedFixture(text).text.utf8)))
        }
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        var workspace = Workspace.load(files: sources, options: options)
        // The standard catalogue holds roles for other fixtures: its use is not this fixture's to judge.
        workspace.isPartial = true
        return (Checker.check(workspace, config: active, options: options), marked)
    }

    private func lines(_ report: CheckReport) -> [String] {
        report.diagnostics.map {
            "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.severity.rawValue) [\($0.rule)] \($0.message)"
                + ($0.help.map { " help: \($0)" } ?? "")
        }
    }

    private func place(_ marker: String, in fixture: MarkedFixture) -> String {
        fixture.positions[marker].map { "\($0.line):\($0.column)" } ?? "?"
    }

    func testOldIDsInTheConfigStillWorkWithANote() {
        let expired = process(waiver: "    until: 2026-05-31")
        let (report, config) = check(
            config: "kind: config\nrules:\n  1️⃣policy/waiver-expired: warning\n  policy/case-owner-named: off\n",
            files: ["incident.yaml": expired].merging(policy()) { a, _ in a })
        XCTAssertEqual(
            lines(report),
            [
                ".procdef.yaml:\(place("1️⃣", in: config)) note [lint/renamed-rule] 'policy/waiver-expired' is now 'waiver/expired'; the old id still works help: write 'waiver/expired'",
                "incident.yaml:14:12 warning [waiver/expired] waiver for policy 'case-owner-named' expired on 2026-05-31 (today is 2026-06-01) help: fix what the policy asks for, or renew the waiver with a new `until` date and a reason",
            ])
    }

    func testTheNewIDBeatsTheOldOne() {
        let expired = process(waiver: "    until: 2026-05-31")
        let (report, config) = check(
            config: "kind: config\nrules:\n  waiver/expired: note\n  1️⃣policy/waiver-expired: off\n  policy/case-owner-named: off\n",
            files: ["incident.yaml": expired].merging(policy()) { a, _ in a })
        XCTAssertEqual(
            lines(report).map { String($0.prefix(while: { $0 != "]" })) + "]" },
            [".procdef.yaml:\(place("1️⃣", in: config)) note [lint/renamed-rule]", "incident.yaml:14:12 note [waiver/expired]"])
        XCTAssertEqual(report.diagnostics.first?.help, "remove this entry: 'waiver/expired' is set too, and wins")
    }

    func testOldIDsInASuppressionStillWorkWithANote() {
        XCTAssertFindings(
            process(waiver: "    until: 2026-05-31  # procdef: ignore 2️⃣policy/waiver-expired -- renewal before the CAB on Monday"),
            rules: waiverRules.subtracting(["policy/case-owner-named"]).union(["lint/unused-suppression"]), extraFiles: policy(),
            [
                ExpectedFinding(
                    "2️⃣", "lint/renamed-rule", "'policy/waiver-expired' is now 'waiver/expired'; the old id still works", severity: .note,
                    help: "write 'waiver/expired'")
            ])
    }

    func testAnUnusedSuppressionByItsOldIDIsStillAKnownRule() {
        XCTAssertFindings(
            process(waiver: "    until: 2026-12-31  # procdef: ignore 2️⃣policy/waiver-unused -- kept while the rota changes"),
            rules: ["lint/renamed-rule", "lint/unused-suppression"], extraFiles: policy(),
            [
                ExpectedFinding(
                    "2️⃣", "lint/renamed-rule", "'policy/waiver-unused' is now 'waiver/unused'; the old id still works", severity: .note),
                ExpectedFinding(
                    "2️⃣", "lint/unused-suppression",
                    "suppression of 'policy/waiver-unused' silenced nothing: there is no such finding on this line", severity: .warning),
            ])
    }

    // MARK: A policy with an old id

    /// Built-in rules no longer share the `policy/` prefix: a policy may be `waiver-expired`, and its findings are
    /// `policy/waiver-expired`.
    func testAPolicyNamedLikeAnOldIDIsAnOrdinaryPolicy() {
        XCTAssertFindings(
            "4️⃣" + process(waiver: "    until: 2026-12-31"), rules: ["policy/waiver-expired", "waiver/expired", "lint/renamed-rule"],
            extraFiles: policy().merging(policy(id: "waiver-expired")) { a, _ in a },
            [
                ExpectedFinding("4️⃣", "policy/waiver-expired", "process 'incident' does not set 'case-owner'", severity: .error)
            ])
    }

    /// Where a policy has an old id, the id means the policy, in the configuration and in suppressions: no note.
    func testAPolicyWinsOverTheOldIDInTheConfig() {
        let expired = process(waiver: "    until: 2026-05-31")
        let (report, _) = check(
            config: "kind: config\nrules:\n  policy/waiver-expired: off\n  policy/case-owner-named: off\n",
            files: ["incident.yaml": expired].merging(policy()) { a, _ in a }.merging(policy(id: "waiver-expired")) { a, _ in a })
        XCTAssertEqual(
            lines(report),
            [
                "incident.yaml:14:12 error [waiver/expired] waiver for policy 'case-owner-named' expired on 2026-05-31 (today is 2026-06-01) help: fix what the policy asks for, or renew the waiver with a new `until` date and a reason"
            ])
    }
}
