import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// `procdef diff` on a change that turns a chain of steps into parallel work and adds a way to cut the case short:
/// fork branches are named as such, and the cancellation is one line (and one gap) for every step it interrupts.
final class ParallelDiffTests: XCTestCase {
    private static let roles = """
        kind: roles
        roles:
          security-owner: {name: Security Process Owner, kind: owner, team: Security Office}
          analyst: {name: Security Analyst, kind: practitioner, team: Security Operations Centre}
          incident-commander: {name: Incident Commander, kind: manager, team: Security Operations}
          responders: {name: Responders, kind: practitioner, team: Platform Engineering}

        """

    /// Containment, then the situation report, then the retrospective: one after the other.
    private static let chain = """
        kind: process
        id: security-incident
        name: Security Incident Response
        owner: security-owner
        defaults:
          accountable: incident-commander
        activities:
          - id: assess
            name: Confirm and assess the incident
            responsible: incident-commander
            next: contain
            handoff: {artifact: incident-doc, expectation: Responders start containment within 15 minutes.}
          - id: contain
            name: Contain and remediate
            responsible: responders
            next: send-sitrep
            handoff: {artifact: incident-doc, expectation: The commander reports within 1 hour.}
          - id: send-sitrep
            name: Send the situation report
            responsible: incident-commander
          - id: retrospective
            name: Hold the retrospective
            responsible: incident-commander
            end: true

        """

    /// Containment and the report at the same time, meeting at the retrospective; a false alarm closes the case.
    private static let parallel = """
        kind: process
        id: security-incident
        name: Security Incident Response
        owner: security-owner
        defaults:
          accountable: incident-commander
        activities:
          - id: assess
            name: Confirm and assess the incident
            responsible: incident-commander
            next:
              all:
                - to: contain
                  handoff: {artifact: incident-doc, expectation: Responders start containment within 15 minutes.}
                - to: send-sitrep
          - id: contain
            name: Contain and remediate
            responsible: responders
            next: retrospective
          - id: send-sitrep
            name: Send the situation report
            responsible: incident-commander
            next: retrospective
          - id: retrospective
            name: Hold the retrospective
            join: all
            responsible: incident-commander
            end: true
          - id: close-false-alarm
            name: Close as a false alarm
            responsible: analyst
            end: true
        cancel:
          - when: The alarm proves false.
            to: close-false-alarm

        """

    private static func check(_ process: String) -> CheckReport {
        let files = [
            SourceFile(path: "roles.yaml", bytes: Array(roles.utf8)),
            SourceFile(path: "security-incident.yaml", bytes: Array(process.utf8)),
        ]
        return Checker.check(files: files, options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
    }

    private static var diff: WorkspaceDiff { ProcessDiff.compare(old: check(chain), new: check(parallel)) }

    func testGoldens() {
        assertGolden(DiffTextRenderer().render(Self.diff), named: "review/parallel-diff.txt")
        assertGolden(DiffMarkdownRenderer().render(Self.diff), named: "review/parallel-diff.md")
        assertGolden(DiffJSONRenderer().render(Self.diff), named: "review/parallel-diff.json")
    }

    func testACancellationIsOneChangeAndOneGap() throws {
        let process = try XCTUnwrap(Self.diff.processes.first)
        let cancels = process.edges.filter { $0.edge.kind == .cancel }
        XCTAssertEqual(cancels.map(\.edge.interrupted), [["assess", "contain", "send-sitrep"]])
        XCTAssertEqual(process.gaps.filter { $0.edge.kind == .cancel }.count, 1)
    }

    func testOneMoreInterruptedStepIsNoNewGap() throws {
        // The cancellation was a gap already: naming a step it did not interrupt adds an edge, not a gap.
        let narrower = Self.parallel.replacingOccurrences(
            of: "    to: close-false-alarm\n", with: "    to: close-false-alarm\n    from: [assess]\n")
        let diff = ProcessDiff.compare(old: Self.check(narrower), new: Self.check(Self.parallel))
        let process = try XCTUnwrap(diff.processes.first)
        XCTAssertEqual(process.edges.map(\.edge.interrupted), [["contain", "send-sitrep"]])
        XCTAssertEqual(process.edges.map(\.kind), [.added])
        XCTAssertTrue(process.gaps.isEmpty, "\(process.gaps)")
    }
}
