import Foundation
import XCTest

@testable import ProcDef

/// Which files listed at a revision a folder walk of the asked paths would read. (Reading them is tested below, and
/// through `procdef diff --git` in ProcDefCLITests.)
final class GitRevisionTests: XCTestCase {
    func testFoldersReadYAMLBelowThemSkippingHiddenEntries() {
        XCTAssertTrue(GitRevision.isRead("Processes/incident.yaml", asked: ["Processes"]))
        XCTAssertTrue(GitRevision.isRead("Processes/sub/problem.yml", asked: ["Processes"]))
        XCTAssertFalse(GitRevision.isRead("Processes/notes.md", asked: ["Processes"]))
        XCTAssertFalse(GitRevision.isRead("Processes/.drafts/x.yaml", asked: ["Processes"]))
        XCTAssertTrue(GitRevision.isRead("incident.yaml", asked: ["."]))
        XCTAssertFalse(GitRevision.isRead(".github/workflows/ci.yml", asked: ["."]))
    }

    /// A folder named on the command line may itself be hidden, or above the current directory.
    func testTheAskedFolderItselfMayBeHiddenOrAbove() {
        XCTAssertTrue(GitRevision.isRead(".procdef/processes/a.yaml", asked: [".procdef"]))
        XCTAssertTrue(GitRevision.isRead("../Policies/logged.yaml", asked: ["../Policies"]))
    }

    func testAFileNamedItselfIsReadWhateverItsName() {
        XCTAssertTrue(GitRevision.isRead("Processes/incident.txt", asked: ["Processes/incident.txt"]))
        XCTAssertTrue(GitRevision.isRead(".hidden.yaml", asked: [".hidden.yaml"]))
    }

    func testInvalidRevisionsAreRefusedBeforeGitRuns() {
        for revision in ["", "-h", "--output=x"] {
            XCTAssertThrowsError(try GitRevision(revision, git: "/nonexistent/git").resolve()) { error in
                XCTAssertEqual(error as? GitError, .invalidRevision(revision))
            }
        }
    }
}

/// Reading the files at a revision through one `git cat-file --batch`, on repositories made in the test, with
/// stand-ins for git that answer wrongly, die mid-stream, stop reading or leave a process holding their output.
final class GitBlobBatchTests: XCTestCase {
    /// Every file a folder walk would read, byte for byte as `git show` gives it: line endings, invalid UTF-8, an
    /// empty file, one larger than the read buffer, names with a space or a line feed, a file named itself. Symbolic
    /// links, submodules, hidden folders and other extensions are not read.
    func testReadsTheSelectedFilesAsGitShowDoes() throws {
        let repository = try GitFixture(self)
        try repository.write("Processes/a.yaml", "kind: roles\r\nroles: {}\r\n")
        try repository.write("Processes/b.yaml", [0x6B, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])
        try repository.write("Processes/empty.yaml", "")
        try repository.write("Processes/large.yml", (1...20_000).map { "# line \($0)\n" }.joined())
        try repository.write("Processes/no newline.yaml", "# no line feed at the end")
        try repository.write("Processes/new\nline.yaml", "# a line feed in the name\n")
        try repository.write("Processes/notes.md", "# not YAML\n")
        try repository.write("Processes/.drafts/draft.yaml", "# hidden\n")
        try repository.write("README.txt", "named itself\n")
        try FileManager.default.createSymbolicLink(
            atPath: repository.root.appendingPathComponent("Processes/link.yaml").path, withDestinationPath: "a.yaml")
        try repository.commit()
        let commit = String(decoding: try repository.run(["rev-parse", "HEAD"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        try repository.run(["update-index", "--add", "--cacheinfo", "160000,\(commit),Processes/vendored.yaml"])
        try repository.run(["commit", "-q", "-m", "submodule"])
        XCTAssertEqual(
            String(decoding: try repository.run(["ls-tree", "HEAD", "Processes/vendored.yaml", "Processes/link.yaml"]), as: UTF8.self),
            """
            120000 blob \(String(decoding: try repository.run(["rev-parse", "HEAD:Processes/link.yaml"]), as: UTF8.self).trimmingCharacters(in: .newlines))\tProcesses/link.yaml
            160000 commit \(commit)\tProcesses/vendored.yaml

            """)

        let sources = try repository.load(["Processes", "README.txt"]).sources
        let expected = [
            "Processes/a.yaml", "Processes/b.yaml", "Processes/empty.yaml", "Processes/large.yml",
            "Processes/new\nline.yaml", "Processes/no newline.yaml", "README.txt",
        ]
        XCTAssertEqual(sources.map(\.path), expected)
        for source in sources {
            XCTAssertEqual(source.bytes, try repository.show(source.path), source.path)
        }
        XCTAssertEqual(sources.first { $0.path == "Processes/large.yml" }?.bytes.count, 248_894)
    }

    /// Requests and answers far beyond what a socket or pipe holds: the requests are fed while the answers are read.
    func testOneBatchServesThousandsOfFiles() throws {
        let repository = try GitFixture(self)
        let count = 6_000
        let contents = (0..<count).map { Array("# file \($0)\n\(String(repeating: "#", count: $0 % 200))\n".utf8) }
        try repository.commit(contents.enumerated().map { (String(format: "Processes/p%04d.yaml", $0), $1) })
        let revision = GitRevision("HEAD", git: repository.git, directory: repository.root.path)
        let entries = try revision.list(["Processes"], at: try revision.resolve())
        XCTAssertEqual(entries.count, count)
        XCTAssertEqual(try revision.readBlobs(entries, limit: 1024), contents.map { .bytes($0) })
    }

    /// As on disk, a file named itself makes the revision's workspace a part of the repository, where the rules about
    /// the catalogue's use stay silent; a folder walked does not.
    func testAFileNamedItselfMakesThePartialWorkspace() throws {
        let repository = try GitFixture(self)
        try repository.write("Processes/roles.yaml", "kind: roles\nroles: {}\n")
        try repository.write("Processes/notes.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let revision = GitRevision("HEAD", git: repository.git, directory: repository.root.path)
        XCTAssertFalse(try revision.load(paths: ["Processes"]).isPartial)
        XCTAssertTrue(try revision.load(paths: ["Processes/roles.yaml"]).isPartial)
    }

    /// `ls-tree -l` gives each size, so a file over the limit is a finding and is never asked of `cat-file`.
    func testAFileOverTheLimitByItsListedSizeIsNeverAskedFor() throws {
        let repository = try GitFixture(self)
        try repository.write("big.yaml", String(repeating: "#", count: 2_999) + "\n")
        try repository.write("small.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let log = repository.root.appendingPathComponent(".git/requests")
        let git = try repository.standIn(
            catFile: """
                tee '\(log.path)' | "$GIT" "$@"
                exit $?
                """)
        let workspace = try repository.load(git: git, maxFileSize: 2_048)
        XCTAssertEqual(workspace.sources.map(\.path), ["small.yaml"])
        XCTAssertEqual(workspace.diagnostics.map(\.rule), ["yaml/limits"])
        XCTAssertEqual(workspace.diagnostics.first?.file, "big.yaml")
        XCTAssertEqual(workspace.diagnostics.first?.message, "file is 3000 bytes, over the 2 KiB limit")
        XCTAssertEqual(workspace.diagnostics.first?.help, "split it into several files")
        let small = String(decoding: try repository.run(["rev-parse", "HEAD:small.yaml"]), as: UTF8.self)
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), small)
    }

    /// The size in an answer's header is checked too: an answer over the limit is read past in buffer-sized chunks,
    /// never held, and is the same finding; the files after it are read as usual.
    func testAnAnswerOverTheLimitIsReadPastAndIsAFinding() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.write("b.yaml", "kind: roles\nroles:\n  service-desk: {name: Service Desk, kind: practitioner}\n")
        try repository.commit()
        let git = try repository.standIn(
            catFile: """
                read -r object
                printf '%s blob 5242880\\n' "$object"
                head -c 5242880 /dev/zero
                printf '\\n'
                """)
        let workspace = try repository.load(git: git, maxFileSize: 1_024)
        XCTAssertEqual(workspace.sources.map(\.path), ["b.yaml"])
        XCTAssertEqual(workspace.sources.first?.bytes, try repository.show("b.yaml"))
        XCTAssertEqual(workspace.diagnostics.map(\.file), ["a.yaml"])
        XCTAssertEqual(workspace.diagnostics.first?.message, "file is 5 MiB, over the 1 KiB limit")
    }

    func testGitDyingMidStreamIsAnError() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let git = try repository.standIn(
            catFile: """
                read -r object
                printf '%s blob 100\\n0123456789' "$object"
                kill -9 $$
                """)
        assertLoad(
            repository, git: git,
            throws: .failed(command: "git cat-file --batch", message: "its output ended in the middle of 'a.yaml' (git killed by signal 9)")
        )
    }

    /// A process git started that outlives it keeps the pipes open, so their end of file never comes: the read ends
    /// when git has exited and the pipe is empty, and what git left running is stopped.
    func testAProcessLeftHoldingTheOutputDoesNotHoldTheRead() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let pidFile = repository.root.appendingPathComponent(".git/left-behind")
        addTeardownBlock {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
                let id = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(id, SIGKILL)
            }
        }
        let git = try repository.standIn(
            catFile: """
                sleep 600 &
                echo $! > '\(pidFile.path)'
                read -r object
                printf '%s blob 100\\n0123456789' "$object"
                echo 'fatal: gave up' >&2
                exit 1
                """)
        assertLoad(
            repository, git: git,
            throws: .failed(command: "git cat-file --batch", message: "its output ended in the middle of 'a.yaml' (fatal: gave up)"))
        let id = try XCTUnwrap(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie until whatever adopted it reaps it; killed, it may take a moment to get there.
        func stopped() -> Bool {
            let stat = (try? String(contentsOfFile: "/proc/\(id)/stat", encoding: .utf8)) ?? ""
            return kill(id, 0) != 0 || stat.split(separator: " ").dropFirst(2).first == "Z"
        }
        for _ in 0..<100 where !stopped() { usleep(50_000) }
        XCTAssertTrue(stopped(), "the process git left running was not stopped")
    }

    /// An answer about another object means nothing after it can be trusted: git is stopped, not waited for.
    func testAnAnswerForAnotherObjectStopsGit() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let git = try repository.standIn(
            catFile: """
                read -r object
                echo '0000000000000000000000000000000000000000 blob 3'
                exec sleep 600
                """)
        assertLoad(
            repository, git: git,
            throws: .failed(
                command: "git cat-file --batch", message: "unexpected reply for 'a.yaml': '0000000000000000000000000000000000000000 blob 3'"
            ))
    }

    /// Output that is not an answer at all is not buffered looking for a line feed: 200 bytes are quoted, git is
    /// stopped.
    func testOutputThatIsNoAnswerIsCutShort() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let git = try repository.standIn(
            catFile: """
                head -c 10000000 /dev/zero | tr '\\0' x
                exec sleep 600
                """)
        assertLoad(
            repository, git: git,
            throws: .failed(
                command: "git cat-file --batch", message: "unexpected reply for 'a.yaml': '\(String(repeating: "x", count: 200))…'"))
    }

    /// A git that exits without reading its input makes the feeding write fail, which must not raise SIGPIPE and
    /// kill procdef: there are more requests here than a socket holds, so the writer is still writing.
    func testGitExitingWithoutReadingIsAnError() throws {
        let repository = try GitFixture(self)
        try repository.commit((0..<6_000).map { (String(format: "p%04d.yaml", $0), Array("# \($0)\n".utf8)) })
        let git = try repository.standIn(catFile: "exit 3")
        assertLoad(
            repository, git: git,
            throws: .failed(command: "git cat-file --batch", message: "its output ended before 'p0000.yaml' (git exit status 3)"))
    }

    /// An object listed but gone by the time it is read (a concurrent `git gc --prune=now`, say) is named, and git
    /// is stopped rather than waited for.
    func testAMissingObjectIsNamed() throws {
        let repository = try GitFixture(self)
        try repository.write("a.yaml", "kind: roles\nroles: {}\n")
        try repository.commit()
        let object = String(decoding: try repository.run(["rev-parse", "HEAD:a.yaml"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        let git = try repository.standIn(
            catFile: """
                read -r object
                echo "$object missing"
                exec sleep 600
                """)
        assertLoad(
            repository, git: git,
            throws: .failed(command: "git cat-file --batch", message: "'a.yaml' is missing from the repository (object \(object))"))
    }

    /// Loads HEAD through `git` on another thread and expects `error`; a load still running after a minute has hung.
    private func assertLoad(
        _ repository: GitFixture, git: String, throws error: GitError, file: StaticString = #filePath, line: UInt = #line
    ) {
        let outcome = LoadOutcome()
        let done = expectation(description: "load returned")
        let revision = GitRevision("HEAD", git: git, directory: repository.root.path)
        DispatchQueue.global().async {
            do throws(GitError) {
                _ = try revision.load(paths: ["."])
                outcome.set(nil)
            } catch {
                outcome.set(error)
            }
            done.fulfill()
        }
        wait(for: [done], timeout: 60)
        XCTAssertEqual(outcome.get(), error, file: file, line: line)
    }
}

/// What the loading thread ended with, handed to the test under a lock.
private final class LoadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var error: GitError?

    func set(_ value: GitError?) { lock.withLock { error = value } }
    func get() -> GitError? { lock.withLock { error } }
}
