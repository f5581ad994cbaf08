import Foundation
import XCTest

/// The shipped examples through the binary, as CI and a newcomer run it: clean under `--strict`, and the policies
/// they carry really bite when someone breaks what they protect.
final class ShippedExamplesCommandTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// A day inside the shipped waiver, so the clean run does not depend on when the tests run.
    static let today = "2026-12-01"

    /// A temporary repository holding copies of the shipped `Processes/` and `Policies/`.
    private func exampleRepository() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// Replaces `old` (which must occur exactly once) with `new` in the file, and returns the 1-based line where
    /// `new` now starts, so positions are found in the text rather than counted by hand.
    private func edit(_ file: URL, replacing old: String, with new: String) throws -> Int {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once in \(file.lastPathComponent)")
        let range = try XCTUnwrap(text.range(of: old))
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
        return text[..<range.lowerBound].count { $0 == "\n" } + 1
    }

    /// The `path:line:column: severity: message [rule]` lines of a text report.
    /// The major-incident process's permanent waiver is listed on every run (`waiver/permanent`) and left out here.
    private func findings(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter {
            ($0.hasPrefix("Processes/") || $0.hasPrefix("Policies/")) && !$0.hasSuffix("[waiver/permanent]")
        }
    }

    /// The whole report of a clean run of the shipped examples: nothing but the accepted risk, listed as a note.
    static func acceptedRiskOnly(_ output: String, files: Int? = nil) -> Bool {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let located = lines.filter { $0.hasPrefix("Processes/") || $0.hasPrefix("Policies/") }
        return located.count == 1
            && located[0].hasPrefix("Processes/major-incident-management.yaml:")
            && located[0].hasSuffix("[waiver/permanent]")
            && (files.map { output.hasSuffix("\n1 note in \($0) files\n") } ?? output.contains("\n1 note in "))
    }

    func testStrictCheckOfTheShippedExamplesIsClean() throws {
        let run = try Procdef.run(["check", "--strict", "--today", Self.today], in: Self.repository)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(Self.acceptedRiskOnly(run.stdout, files: 20), run.stdout)
        XCTAssertEqual(run.stderr, "")
    }

    /// The "done when": give the communication activity to the fixing role, and the separation policy
    /// fails at that assignment, naming both activities.
    func testFixerWhoAlsoTellsBreaksTheSeparationPolicy() throws {
        let root = try exampleRepository()
        let file = root.appendingPathComponent("Processes/major-incident-management.yaml")
        let line =
            try edit(
                file,
                replacing: "    name: Publish the all-clear\n    type: notification\n    join: all\n    responsible: communications-lead\n",
                with: "    name: Publish the all-clear\n    type: notification\n    join: all\n    responsible: incident-manager\n"
            ) + 3

        let run = try Procdef.run(["check", "--today", Self.today], in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let errors = findings(run.stdout).filter { $0.contains(": error: ") }
        XCTAssertEqual(
            errors,
            [
                "Processes/major-incident-management.yaml:\(line):18: error: role 'incident-manager' (Incident Manager on Duty) is responsible for 'declare' (Declare the major incident and take command) and 'publish-all-clear' (Publish the all-clear); these duties must be separate [policy/major-incident-fix-and-tell]"
            ])
        // The handoffs into and out of the all-clear now stay with one role, which the notes point out; nothing else changes.
        XCTAssertEqual(
            findings(run.stdout).filter { !$0.contains(": error: ") }.map { $0.components(separatedBy: " [").last ?? "" },
            [
                "handoff/unneeded]", "handoff/unneeded]",
            ])
        XCTAssertTrue(
            run.stdout.contains(
                "help: policy 'major-incident-fix-and-tell': In a major incident, fixing and communicating are separate jobs ("), run.stdout
        )
        XCTAssertTrue(run.stdout.contains("\n1 error, 3 notes in "), run.stdout)
    }

    /// The rules issue's "done when": delete the handoff block of the escalation from categorisation to the resolver
    /// groups, and the check reports a handoff gap at that `next` entry, naming both activities and every role.
    func testDeletedEscalationHandoffIsAGapAtItsNextEntry() throws {
        let root = try exampleRepository()
        let file = root.appendingPathComponent("Processes/incident-management.yaml")
        let handoff = """
                  - to: investigate
                    when: No workaround is known, or the priority is P1.
                    handoff:
                      artifact: incident-record
                      expectation: >-
                        The resolver group on call acknowledges the assignment within 15
                        minutes for P1, 30 minutes for P2 and 4 business hours for P3 and
                        P4, and writes its first finding in the work notes.
                      within: {p1: 15m, p2: 30m, default: 4bh}
                      informed: [end-user]
                      escalation: functional
                      agreement: OLA-03 Resolver groups

            """
        let line = try edit(
            file, replacing: handoff,
            with: """
                      - to: investigate
                        when: No workaround is known, or the priority is P1.

                """)
        let run = try Procdef.run(["check", "--today", Self.today], in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(
            findings(run.stdout),
            [
                "Processes/incident-management.yaml:\(line):9: error: responsibility passes from 'service-desk' (Service Desk Analyst) at 'categorize' (Categorize and prioritize) to 'application-support' (Application Support Engineer) and 'infrastructure-ops' (Infrastructure Operations Engineer) at 'investigate' (Investigate and diagnose) with no handoff declared [handoff/gap]"
            ])
        XCTAssertTrue(run.stdout.hasSuffix("1 error, 1 note in 20 files\n"), run.stdout)
    }

    /// A waiver holds up to and including its `until` day; the day after, the run fails twice over: the waiver has
    /// expired, and the policy it covered fails again.
    func testExpiredWaiverFailsTheRunAndAnEarlierTodayPasses() throws {
        let file = Self.repository.appendingPathComponent("Processes/access-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let untilIndex = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("    until: ") }, "the shipped waiver has no until date")
        let until = String(lines[untilIndex].dropFirst("    until: ".count))
        let dayAfter = try XCTUnwrap(Self.day(after: until), until)
        let roleLine = try XCTUnwrap(lines.firstIndex { $0 == "    responsible: security-analyst" }) + 1

        let lastDay = try Procdef.run(["check", "--strict", "--today", until], in: Self.repository)
        XCTAssertEqual(lastDay.status, 0, lastDay.stdout)

        let expired = try Procdef.run(["check", "--today", dayAfter], in: Self.repository)
        XCTAssertEqual(expired.status, 1, expired.stdout)
        XCTAssertEqual(
            findings(expired.stdout),
            [
                "Processes/access-management.yaml:\(roleLine):18: error: role 'security-analyst' (On-call Security Analyst) is responsible for 'grant-emergency-access' (Approve and issue break-glass access), which is both an activity that is tagged 'access-approval' and an activity that is tagged 'access-provisioning'; these duties must be separate [policy/access-approval-separated]",
                "Processes/access-management.yaml:\(untilIndex + 1):12: error: waiver for policy 'access-approval-separated' expired on \(until) (today is \(dayAfter)) [waiver/expired]",
            ])
    }

    /// README.md tells the waiver's story with dates: the newcomer sees exactly the output it shows, on any day.
    func testTheReadmeShowsTheExpiredWaiverAsTheCheckPrintsIt() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "swift run procdef check --today 2027-07-01\n```\n\n```\n"
        let start = try XCTUnwrap(readme.range(of: command), "README.md no longer shows the expired waiver").upperBound
        let end = try XCTUnwrap(readme.range(of: "\n```\n", range: start..<readme.endIndex)).lowerBound
        let shown = String(readme[start..<end]) + "\n"

        let expired = try Procdef.run(["check", "--today", "2027-07-01"], in: Self.repository)
        XCTAssertEqual(expired.status, 1, expired.stderr)
        XCTAssertEqual(expired.stdout, shown)
        XCTAssertTrue(readme.contains("add `--today 2027-06-30` to the commands"), "the README no longer says how to follow it later")
        let lastDay = try Procdef.run(["check", "--today", "2027-06-30"], in: Self.repository)
        XCTAssertTrue(Self.acceptedRiskOnly(lastDay.stdout, files: 20), lastDay.stdout)
    }

    /// `YYYY-MM-DD` of the day after `date`, in UTC.
    private static func day(after date: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let day = formatter.date(from: date) else { return nil }
        return formatter.string(from: day.addingTimeInterval(86_400))
    }
}
