import ProcDef
import XCTest
import YAMLTree

@testable import ProcDefOutput

/// The baseline file as `--write-baseline` writes it, and read back.
final class BaselineFileRendererTests: XCTestCase {
    private let subjectsA = FindingSubjects(process: "incident", activities: ["log", "diagnose"], roles: ["desk", "resolver"])
    private let subjectsB = FindingSubjects(process: "incident", activities: ["diagnose", "close"], roles: ["resolver", "desk"])

    private func gap(_ line: Int, _ subjects: FindingSubjects) -> Diagnostic {
        Diagnostic(
            file: "Processes/incident.yaml", range: SourceRange(at: SourcePosition(line: line, column: 11, offset: 0)), severity: .error,
            rule: "handoff/gap", message: "gap at \(line)", subjects: subjects)
    }

    func testTheFileIsSortedOneKeyALineAndTheSameBytesForTheSameFindings() throws {
        let findings = [gap(15, subjectsB), gap(10, subjectsA), gap(40, subjectsA)]
        let text = BaselineFileRenderer.render(Baseline(findings: findings, root: "/repo", currentDirectory: "/repo"))
        XCTAssertEqual(
            text,
            """
            {
              "version": 1,
              "about": "Known findings that procdef check neither reports nor fails on: written by `procdef check --write-baseline`, which also prunes the fixed ones. See docs/configuration.md.",
              "findings": [
                {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident", "activities": ["diagnose", "close"], "roles": ["resolver", "desk"], "count": 1},
                {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident", "activities": ["log", "diagnose"], "roles": ["desk", "resolver"], "count": 2}
              ]
            }

            """)
        let shuffled = BaselineFileRenderer.render(Baseline(findings: findings.reversed(), root: "/repo", currentDirectory: "/repo"))
        XCTAssertEqual(shuffled, text)
        let read = try Baseline(parsing: Array(text.utf8), file: "b.json")
        XCTAssertEqual(read.entries.map(\.key), Baseline(findings: findings, root: "/repo", currentDirectory: "/repo").entries.map(\.key))
        XCTAssertEqual(read.entries.map(\.range.start.line), [5, 6])
        XCTAssertEqual(read.entries.map(\.range.start.column), [5, 5])
        XCTAssertEqual(read.findingCount, 3)
        XCTAssertEqual(
            BaselineFileRenderer.render(Baseline(entries: [])),
            "{\n  \"version\": 1,\n  \"about\": \(text.split(separator: "\n")[2].dropFirst(11))\n  \"findings\": []\n}\n")
    }

    func testIdsWithQuotesAndWaiversRoundTrip() throws {
        let waiver = FindingSubjects(process: "p\"q", policy: "logged", waiver: WaiverSubject(process: "p\"q", policy: "logged"))
        let baseline = Baseline(
            findings: [
                Diagnostic(file: "a b.yaml", range: .fileStart, severity: .warning, rule: "waiver/expired", message: "m", subjects: waiver)
            ],
            root: "/repo", currentDirectory: "/repo")
        let read = try Baseline(parsing: Array(BaselineFileRenderer.render(baseline).utf8), file: "b.json")
        XCTAssertEqual(read.entries.map(\.key), baseline.entries.map(\.key))
    }
}
