import XCTest
import YAMLTree

@testable import ProcDef

/// The ids each finding is about and its witness path, for a representative rule of each family: the data the
/// baseline, the language server and SARIF code flows key on, so they are asserted exactly, step by step, with the
/// steps' places marked in the fixture.
final class FindingSubjectsTests: XCTestCase {
    /// One finding of `rule` in `marked` (as `fixture.yaml`); fails when there is not exactly one.
    private func finding(
        _ rule: String, in marked: String, extraFiles: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (Diagnostic, MarkedFixture) {
        let fixture = MarkedFixture(marked)
        var files = extraFiles
        files["fixture.yaml"] = fixture.text
        let report = try RuleFixtureRunner.run(files)
        let found = report.diagnostics.filter { $0.rule == rule }
        XCTAssertEqual(
            found.count, 1, "findings of \(rule): \(report.diagnostics.map { "[\($0.rule)] \($0.message)" })", file: file, line: line)
        return (try XCTUnwrap(found.first, file: file, line: line), fixture)
    }

    /// Asserts the path's steps, each as the marker it starts at, its file's last component and its message.
    private func assertPath(
        _ diagnostic: Diagnostic, _ fixture: MarkedFixture, _ expected: [(marker: String, message: String)],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        func render(_ line: Int, _ column: Int, _ path: String, _ message: String) -> String {
            "\(line):\(column) \((path as NSString).lastPathComponent) \(message)"
        }
        let actual = diagnostic.path.map { render($0.range.start.line, $0.range.start.column, $0.file, $0.message) }
        let wanted = expected.map { step -> String in
            let position = fixture.positions[step.marker] ?? (line: 0, column: 0)
            return render(position.line, position.column, "fixture.yaml", step.message)
        }
        XCTAssertEqual(actual, wanted, file: file, line: line)
    }

    private let header = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        manager: incident-manager
        defaults: {accountable: incident-manager}

        """

    // MARK: Process rules

    func testHandoffGapIsAboutBothActivitiesAndRolesAndShowsTheTransition() throws {
        let (gap, fixture) = try finding(
            "handoff/gap",
            in: header + """
                activities:
                  - id: 1️⃣log
                    name: Log
                    responsible: service-desk
                    next: 2️⃣diagnose
                  - id: 3️⃣diagnose
                    name: Diagnose
                    responsible: resolver
                """)
        XCTAssertEqual(
            gap.subjects, FindingSubjects(process: "incident", activities: ["log", "diagnose"], roles: ["service-desk", "resolver"]))
        assertPath(
            gap, fixture,
            [
                ("1️⃣", "'log' is done by 'service-desk'"),
                ("2️⃣", "the case passes to 'diagnose'"),
                ("3️⃣", "'diagnose' is done by 'resolver'"),
            ])
    }

    func testAFallThroughGapHasNoSeparateTransitionStep() throws {
        let (gap, fixture) = try finding(
            "handoff/gap",
            in: header + """
                activities:
                  - id: 1️⃣log
                    name: Log
                    responsible: service-desk
                  - id: 2️⃣diagnose
                    name: Diagnose
                    responsible: resolver
                """)
        assertPath(
            gap, fixture,
            [
                ("1️⃣", "'log' is done by 'service-desk'"),
                ("2️⃣", "'diagnose' is done by 'resolver'"),
            ])
    }

    func testARACIFindingNamesItsActivityAndRoles() throws {
        let (finding, _) = try finding(
            "raci/single-accountable",
            in: header + """
                activities:
                  - id: log
                    name: Log
                    responsible: service-desk
                    accountable: [incident-manager, process-owner]
                """)
        XCTAssertEqual(
            finding.subjects, FindingSubjects(process: "incident", activities: ["log"], roles: ["incident-manager", "process-owner"]))
        XCTAssertEqual(finding.path, [])
    }

    func testAnOwnershipFindingNamesTheRole() throws {
        let (finding, _) = try finding(
            "ownership/owner-kind",
            in: """
                kind: process
                id: incident
                name: Incident
                owner: service-desk
                manager: incident-manager
                defaults: {accountable: incident-manager}
                activities:
                  - {id: log, name: Log, responsible: service-desk}
                """)
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident", roles: ["service-desk"]))
    }

    func testAProcessFindingIsStampedWithItsProcessAlone() throws {
        let (finding, _) = try finding(
            "ownership/owner-required",
            in: """
                kind: process
                id: incident
                name: Incident
                defaults: {accountable: incident-manager}
                activities:
                  - {id: log, name: Log, responsible: service-desk}
                """)
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident"))
    }

    func testUnreachableShowsWhyNothingFallsThrough() throws {
        let (finding, fixture) = try finding(
            "flow/unreachable",
            in: header + """
                activities:
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: 1️⃣close
                    name: Close
                    responsible: service-desk
                    end: true
                  - id: 2️⃣orphan
                    name: Orphan
                    responsible: service-desk
                """)
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident", activities: ["orphan", "close"]))
        assertPath(
            finding, fixture,
            [
                ("1️⃣", "'close' ends the process"),
                ("2️⃣", "no path from the start 'log' reaches 'orphan'"),
            ])
    }

    func testNoEndShowsTheLoop() throws {
        let (finding, fixture) = try finding(
            "flow/no-end",
            in: header + """
                activities:
                  - id: log
                    name: Log
                    responsible: service-desk
                  - id: 1️⃣chase
                    name: Chase
                    responsible: service-desk
                    next: wait
                  - id: 2️⃣wait
                    name: Wait
                    responsible: service-desk
                    next: chase
                  - id: close
                    name: Close
                    responsible: service-desk
                """)
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident", activities: ["chase", "wait"]))
        assertPath(
            finding, fixture,
            [
                ("1️⃣", "'chase' leads only to 'wait'"),
                ("2️⃣", "'wait' leads only to 'chase'"),
            ])
    }

    /// `Findings` stamps the process, so no process rule can leave it out: each rule's own failing example shows it.
    func testEveryProcessRuleNamesTheProcessOnItsFailingExample() {
        for rule in RuleRegistry.processRules {
            let descriptor = rule.descriptor
            var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
            // Rules that are off by default are switched on, as `procdef explain` runs their examples.
            if descriptor.defaultSeverity == nil { options.rules.levels[descriptor.id] = .some(.warning) }
            // Its example needs the state limit that its comment sets in .procdef.yaml.
            if descriptor.id == AnalysisLimit.descriptor.id { options.maxStatesPerProcess = 3 }
            let report = Checker.check(
                files: [SourceFile(path: "example.yaml", bytes: Array(descriptor.failingExample.utf8))], options: options)
            let processIDs = Set(report.workspace.processes.map(\.id.value))
            let findings = report.diagnostics.filter { $0.rule == descriptor.id }
            XCTAssertFalse(findings.isEmpty, "\(descriptor.id): its failing example raises it")
            for finding in findings {
                XCTAssertTrue(
                    finding.subjects.process.map(processIDs.contains) ?? false,
                    "\(descriptor.id): \(finding.subjects) names no process of its example")
            }
        }
    }

    // MARK: Policies and waivers

    private let flow = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        tags: [incident]
        defaults: {accountable: incident-manager}
        activities:
          - id: 1️⃣declare
            name: Declare the incident
            responsible: service-desk
            next:
              - to: log
                when: The caller is known.
              - to: diagnose
                when: Monitoring raised it.
                handoff: {artifact: alert, expectation: Resolver acknowledges in 15 minutes.}
          - id: log
            name: Log the incident
            responsible: service-desk
            records: [incident]
            handoff: {artifact: incident-record, expectation: Resolver acknowledges in 15 minutes.}
          - id: 2️⃣diagnose
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

    private func policy(_ require: String) -> [String: String] {
        [
            "policy.yaml": """
            kind: policy
            id: logged-first
            title: Incidents are logged before diagnosis
            severity: error
            applies-to: {tags: [incident]}
            require:
              \(require)
            """
        ]
    }

    func testABeforePolicyCarriesThePathTheEvaluatorFound() throws {
        let (finding, fixture) = try finding(
            "policy/logged-first", in: flow,
            extraFiles: policy("before: {first: {records: incident}, then: {tag: diagnosis}}")
        )
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident", activities: ["diagnose"], policy: "logged-first"))
        assertPath(
            finding, fixture,
            [
                ("1️⃣", "the case starts at 'declare'"),
                ("2️⃣", "'diagnose' is reached without passing an activity that records 'incident'"),
            ])
    }

    func testAWaiverFindingNamesTheWaiverByProcessAndPolicy() throws {
        let waived =
            flow + "\nwaivers:\n  - policy: logged-first\n    reason: Logging moves into declare next quarter.\n    until: 1️⃣2026-05-31\n"
        let (finding, fixture) = try finding(
            "waiver/expired", in: waived,
            extraFiles: policy("before: {first: {records: incident}, then: {tag: diagnosis}}")
        )
        XCTAssertEqual(
            finding.subjects,
            FindingSubjects(process: "incident", policy: "logged-first", waiver: WaiverSubject(process: "incident", policy: "logged-first"))
        )
        XCTAssertEqual(finding.range.start.line, fixture.positions["1️⃣"]?.line)
        XCTAssertEqual(finding.path, [])
    }

    // MARK: Loading

    func testAnUnknownRoleFoundWhileLoadingNamesTheRoleItsActivityAndProcess() throws {
        let (finding, _) = try finding(
            "ref/unknown-role",
            in: header + """
                activities:
                  - {id: log, name: Log, responsible: resolvr}
                """)
        XCTAssertEqual(finding.subjects, FindingSubjects(process: "incident", activities: ["log"], roles: ["resolvr"]))
    }

    func testADecodingFindingInsideAProcessNamesTheProcessOnceItsIDIsRead() throws {
        let (unknownKey, _) = try finding(
            "schema/unknown-key",
            in: header + """
                activities:
                  - {id: log, name: Log, responsible: service-desk, informd: [user]}
                """)
        XCTAssertEqual(unknownKey.subjects, FindingSubjects(process: "incident"))
        let (invalid, _) = try finding(
            "schema/invalid-id",
            in: """
                kind: process
                id: Incident
                name: Incident
                activities: []
                """)
        XCTAssertEqual(invalid.subjects, FindingSubjects(), "the id's own finding comes before the id is known")
    }

    func testAFindingOutsideAnyProcessNamesNothing() throws {
        let (finding, _) = try finding("schema/unknown-kind", in: "kind: proces\n")
        XCTAssertTrue(finding.subjects.isEmpty)
        XCTAssertEqual(finding.path, [])
    }
}
