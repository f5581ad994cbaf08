import Foundation
import ProcDefTestSupport
import XCTest

/// `procdef diff` as a reviewer runs it: fixture pairs under `Fixtures/diff/<case>/{old,new}` for each kind of
/// change, in every format, against `Golden/diff/`; the shipped examples with one handoff removed and one
/// accountability moved; `--git` on a repository made in the test; and the exit codes.
final class DiffCommandTests: XCTestCase {
    static let fixtures = Procdef.testsDirectory.appendingPathComponent("Fixtures/diff")
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let today = ["--today", "2026-06-01"]
    static let formats = [("text", "txt"), ("markdown", "md"), ("json", "json")]

    private func diff(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProcdefRun {
        try Procdef.run(["diff"] + Self.today + arguments, in: directory, environment: environment)
    }

    /// Runs the fixture pair `name` in every format, compares each with its golden and checks the exit code.
    private func assertFixture(_ name: String, exits status: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        for (format, ext) in Self.formats {
            let run = try diff(["old", "new", "--format", format], in: Self.fixtures.appendingPathComponent(name))
            XCTAssertEqual(run.status, status, "\(name) \(format): \(run.stderr)", file: file, line: line)
            XCTAssertEqual(run.stderr, "", file: file, line: line)
            assertGolden(run.stdout, named: "diff/\(name).\(ext)", file: file, line: line)
            if format == "json" {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)), file: file, line: line)
            }
        }
    }

    // MARK: Each kind of change

    /// Owner, manager and default accountable role change; accountability moves on three activities (two through
    /// the new default), a consulted role becomes informed; an activity whose explicit role now equals the default
    /// does not change at all.
    func testAccountabilityAndOwnership() throws {
        try assertFixture("accountability", exits: 0)
    }

    /// Renamed by name, by procedure, and by place and roles; moved; edited; removed and added. Edges of renamed
    /// activities stay the same edges.
    func testActivities() throws {
        try assertFixture("activities", exits: 0)
    }

    /// A handoff removed (a gap), every handoff field changed, a gap fixed by a handoff and one by the same roles,
    /// responsibility that now passes, branches and triggers added and changed. Exits 1: new gaps are errors.
    func testHandoffsAndTransitions() throws {
        try assertFixture("handoffs", exits: 1)
    }

    /// A policy that now fails, one that is now waived; findings introduced and resolved while every line of the
    /// file moved (the warning on both sides is not reported). Exits 1 for the failing policy.
    func testPoliciesAndFindings() throws {
        try assertFixture("policies", exits: 1)
    }

    /// A process added, one removed, catalogue roles added and changed, a finding outside any process.
    func testProcessesAndRoles() throws {
        try assertFixture("processes", exits: 1)
    }

    /// The process's case owner changes, and with it who holds the case at `close`: another role of the same team,
    /// so the case holder changes and no team move is reported.
    func testCaseOwnerAndCaseHolder() throws {
        try assertFixture("case-owner", exits: 0)
    }

    /// A step handed to another role of the same team (no move), one handed to a role of another team, and two steps
    /// whose role stays while the catalogue gives it another team: the last three move the case to another team.
    func testStepsMovingToAnotherTeam() throws {
        try assertFixture("teams", exits: 0)
    }

    /// A fork branch added and one removed, a cancellation added and one removed, a join added (on a new activity)
    /// and one removed (its activity stays).
    func testForkBranchesCancellationsAndJoins() throws {
        try assertFixture("parallel", exits: 0)
    }

    /// The same definitions written differently (comments, key order, list style, every line moved).
    func testReformattedDefinitionsChangeNothing() throws {
        try assertFixture("unchanged", exits: 0)
    }

    // MARK: The shipped examples

    /// A copy of `Processes/` and `Policies/` under `old/` and `new/`, with `change` applied to `new/`.
    private func examplePair(_ change: (URL) throws -> Void) throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for side in ["old", "new"] {
            for folder in ["Processes", "Policies"] {
                let target = root.appendingPathComponent(side).appendingPathComponent(folder)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: target)
            }
        }
        try change(root.appendingPathComponent("new"))
        return root
    }

    /// Removes the handoff on `confirm`'s branch back to `investigate` (whatever its fields), and drops `close`'s
    /// own accountable role so the process default (the incident manager) answers for it instead of the service
    /// desk lead. Fails the test when the shipped incident process no longer has them.
    static func removeHandoffAndMoveAccountability(in root: URL) throws {
        let url = root.appendingPathComponent("Processes/incident-management.yaml")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

        // The branch of `confirm` to `investigate`: drop its `handoff:` and every line indented under it.
        guard let confirm = lines.firstIndex(of: "  - id: confirm"),
            let branch = lines[confirm...].firstIndex(where: { $0.hasSuffix("- to: investigate") }),
            let handoff = lines[branch...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "handoff:" })
        else {
            throw ExampleChanged(what: "the handoff on confirm's branch to investigate")
        }
        let depth = indent(lines[handoff])
        var end = handoff + 1
        while end < lines.count, !lines[end].isEmpty, indent(lines[end]) > depth { end += 1 }
        lines.removeSubrange(handoff..<end)

        guard let close = lines.firstIndex(of: "  - id: close"),
            let accountable = lines[close...].prefix(while: { !$0.isEmpty }).firstIndex(of: "    accountable: service-desk-lead")
        else {
            throw ExampleChanged(what: "close's accountable service-desk-lead")
        }
        lines.remove(at: accountable)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    struct ExampleChanged: Error, CustomStringConvertible {
        let what: String
        var description: String { "the shipped incident process no longer has \(what); update DiffCommandTests" }
    }

    /// The reviewer's question on the shipped examples: one handoff removed, one accountability moved. The diff says
    /// exactly that (a gap, its finding, two RACI changes, the handoff removed) in every format, and exits 1 because
    /// of the new gap.
    func testShippedExamplesWithAHandoffRemovedAndAccountabilityMoved() throws {
        let root = try examplePair(Self.removeHandoffAndMoveAccountability)
        for (format, ext) in Self.formats {
            let run = try diff(["old", "new", "--format", format], in: root)
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            XCTAssertEqual(run.stderr, "")
            assertGolden(run.stdout, named: "diff/examples.\(ext)")
        }
        let text = try diff(["old", "new"], in: root).stdout
        XCTAssertTrue(
            text.contains(
                """
                  handoff gaps introduced:
                    'confirm' -> 'investigate': responsibility passes from 'service-desk' to 'application-support', 'infrastructure-ops' with no handoff declared
                """), text)
        XCTAssertTrue(
            text.contains(
                """
                    'incident-manager': - -> A on 'close'
                    'service-desk-lead': A -> - on 'close'
                """), text)
        XCTAssertTrue(text.hasSuffix("\n1 process changed: 1 handoff gap introduced, 1 new error\n"), text)
    }

    func testIdenticalCopiesExitZero() throws {
        let root = try examplePair { _ in }
        let run = try diff(["old", "new"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "no changes to processes, roles or findings\n")
    }

    // MARK: --git

    /// Runs git in `directory`, failing the test on a non-zero exit.
    @discardableResult
    private func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=procdef tests", "-c", "user.email=tests@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw XCTSkip("git \(arguments.joined(separator: " ")) failed (is git installed?): \(text)")
        }
        return text
    }

    /// A repository holding the shipped examples, committed.
    private func exampleGitRepository() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try git(["init", "-q"], in: root)
        try git(["add", "-A"], in: root)
        try git(["commit", "-q", "-m", "examples"], in: root)
        return root
    }

    /// The working tree against HEAD: the same diff as between two folders, with the working tree's paths.
    func testGitComparesTheWorkingTreeWithARevision() throws {
        let root = try exampleGitRepository()
        try Self.removeHandoffAndMoveAccountability(in: root)
        for (format, ext) in Self.formats {
            let run = try diff(["--git", "HEAD", "--format", format], in: root)
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            XCTAssertEqual(run.stderr, "")
            assertGolden(run.stdout, named: "diff/git.\(ext)")
        }
        // Nothing was checked out or staged: the working tree still holds the change.
        XCTAssertEqual(try git(["status", "--porcelain"], in: root), " M Processes/incident-management.yaml\n")
    }

    func testGitWithNoChangeExitsZero() throws {
        let root = try exampleGitRepository()
        let run = try diff(["--git", "HEAD"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "no changes to processes, roles or findings\n")
    }

    /// Paths are read relative to where procdef runs, on both sides, and only the paths named.
    func testGitFromASubfolderWithExplicitPaths() throws {
        let root = try exampleGitRepository()
        try Self.removeHandoffAndMoveAccountability(in: root)
        let processes = root.appendingPathComponent("Processes")
        let run = try diff(["--git", "HEAD", ".", "../Policies"], in: processes)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stdout.contains("\nincident-management (Incident Management): changed\n")
                || run.stdout.hasPrefix("incident-management (Incident Management): changed\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("    incident-management.yaml:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("with no handoff declared [handoff/gap]\n"), run.stdout)
        // A file added since the revision is a process added; hidden folders are skipped as on disk.
        let hidden = processes.appendingPathComponent(".drafts")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        try "kind: nonsense\n".write(to: hidden.appendingPathComponent("draft.yaml"), atomically: true, encoding: .utf8)
        try git(["add", "-A"], in: root)
        try git(["commit", "-q", "-m", "draft"], in: root)
        XCTAssertEqual(try diff(["--git", "HEAD", "."], in: processes).stdout, "no changes to processes, roles or findings\n")
        let older = try diff(["--git", "HEAD~1", "."], in: processes)
        XCTAssertEqual(older.status, 1, older.stderr)
        XCTAssertTrue(older.stdout.contains("'service-desk-lead': A -> - on 'close'"), older.stdout)
    }

    func testGitUnknownRevisionExitsTwo() throws {
        let root = try exampleGitRepository()
        let run = try diff(["--git", "no-such-branch"], in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "procdef: error: unknown revision 'no-such-branch': no commit has that name in this repository\n")
    }

    func testGitRevisionThatLooksLikeAnOptionIsRefused() throws {
        let root = try exampleGitRepository()
        let run = try diff(["--git=--output=x"], in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "procdef: error: '--output=x' is not a revision\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("x").path))
    }

    func testGitOutsideARepositoryExitsTwo() throws {
        let root = try examplePair { _ in }.appendingPathComponent("new")
        let run = try diff(["--git", "HEAD"], in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: not in a git repository (fatal: not a git repository"), run.stderr)
    }

    func testGitMissingExitsTwo() throws {
        let root = try exampleGitRepository()
        let empty = try Procdef.temporaryDirectory(self)
        let run = try diff(["--git", "HEAD"], in: root, environment: ["PATH": empty.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: --git needs git, and no 'git' was found on PATH
            help: install git, or compare two folders: procdef diff OLD NEW

            """)
    }

    /// Symbolic links and submodules at the revision are not read: were the link followed, the old side would hold
    /// a second copy of the incident process, and a submodule is a commit, not a file.
    func testGitSkipsSymbolicLinksAndSubmodules() throws {
        let root = try exampleGitRepository()
        let link = root.appendingPathComponent("Processes/copy.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "incident-management.yaml")
        let head = try git(["rev-parse", "HEAD"], in: root).trimmingCharacters(in: .newlines)
        try git(["add", "Processes/copy.yaml"], in: root)
        try git(["update-index", "--add", "--cacheinfo", "160000,\(head),Processes/vendored.yaml"], in: root)
        try git(["commit", "-q", "-m", "link and submodule"], in: root)
        try FileManager.default.removeItem(at: link)
        let run = try diff(["--git", "HEAD"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout, "no changes to processes, roles or findings\n")
    }

    /// A file over the size limit at the revision is the same `yaml/limits` finding as on disk, without being read.
    func testGitFileOverTheSizeLimitIsAFinding() throws {
        let root = try exampleGitRepository()
        let big = root.appendingPathComponent("Processes/archive.yaml")
        try Data(("# archived\n" + String(repeating: "#", count: 70_000) + "\n").utf8).write(to: big)
        try git(["add", "Processes/archive.yaml"], in: root)
        try git(["commit", "-q", "-m", "archive"], in: root)
        try FileManager.default.removeItem(at: big)
        let run = try diff(["--git", "HEAD", "--max-file-size", "64KiB"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(
            run.stdout,
            """
            outside any process:
              resolved findings:
                Processes/archive.yaml:1:1: error: file is 70012 bytes, over the 64 KiB limit [yaml/limits]

            no process changed: 1 finding resolved

            """)
    }

    /// A git that dies while the files are read is an I/O problem (exit 2) naming the file, never a hang.
    func testGitDyingWhileReadingExitsTwo() throws {
        let root = try exampleGitRepository()
        let git = try Self.realGit()
        let folder = try Procdef.temporaryDirectory(self)
        try Data(
            """
            #!/bin/sh
            if [ "$1" = "cat-file" ]; then
              read -r object
              printf '%s blob 100\\n0123456789' "$object"
              kill -9 $$
            fi
            exec '\(git)' "$@"

            """.utf8
        ).write(to: folder.appendingPathComponent("git"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("git").path)
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let run = try diff(["--git", "HEAD"], in: root, environment: ["PATH": path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            "procdef: error: git cat-file --batch failed: its output ended in the middle of 'Policies/access-approval-separated.yaml' (git killed by signal 9)\n"
        )
    }

    /// The git on `PATH`, for a stand-in to run.
    private static func realGit() throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw XCTSkip("git is not installed")
    }

    // MARK: Usage

    func testOnePathIsAUsageError() throws {
        let run = try diff(["old"], in: Self.fixtures.appendingPathComponent("accountability"))
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: expected two paths, OLD and NEW (or --git REV [PATH...]); got 1\n"), run.stderr)
    }

    func testMissingPathExitsTwo() throws {
        let run = try diff(["old", "gone"], in: Self.fixtures.appendingPathComponent("accountability"))
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "procdef: error: no such file or directory: gone\n")
    }

    func testUnknownFormatExitsTwo() throws {
        let run = try diff(["old", "new", "--format", "html"], in: Self.fixtures.appendingPathComponent("accountability"))
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: the value 'html' is invalid for '--format <format>'"), run.stderr)
    }

    /// Files can be compared as well as folders: here the same process in two files.
    func testFilesCompare() throws {
        let root = Self.fixtures.appendingPathComponent("accountability")
        let run = try diff(["old/service-request.yaml", "new/service-request.yaml"], in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        // Without the catalogue every role is unknown on both sides; only what differs is reported.
        XCTAssertTrue(run.stdout.contains("owner: 'request-owner' -> 'service-owner'"), run.stdout)
    }
}

/// The examples in docs/review.md are the outputs the tests record, so the documentation cannot drift from them.
final class ReviewDocumentationTests: XCTestCase {
    func testTheDiffExampleIsTheRecordedOutput() throws {
        let docs = try String(contentsOf: DiffCommandTests.repository.appendingPathComponent("docs/review.md"), encoding: .utf8)
        let golden = Procdef.testsDirectory.appendingPathComponent("Golden/diff")
        for name in ["git.txt", "git.md"] {
            let output = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(docs.contains(output), "docs/review.md does not show Golden/diff/\(name) as recorded")
        }
    }
}
