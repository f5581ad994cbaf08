import Foundation
import XCTest
import YAMLTree

@testable import ProcDef

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loading from disk: the folder walk, what is skipped, symbolic links, unreadable entries, limits and display paths.
final class WorkspaceLoadingTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Display paths are computed from real paths; /tmp may itself be a link on some systems.
        root = url.resolvingSymlinksInPath().path
        addTeardownBlock { [root] in try? FileManager.default.removeItem(atPath: root) }
    }

    private func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func path(_ relative: String) -> String { root + "/" + relative }

    /// A catalogue defining one role, so that every file is valid on its own and ids never clash.
    private func catalogue(_ role: String) -> String {
        "kind: roles\nroles:\n  \(role): {name: \(role), kind: practitioner}\n"
    }

    private func summary(_ workspace: Workspace) -> [String] {
        workspace.diagnostics.map { "\($0.file) [\($0.rule)] \($0.message)" }
    }

    func testFoldersAreWalkedRecursivelyForYAMLFilesInPathOrder() throws {
        try write("b.yml", catalogue("b"))
        try write("a.yaml", catalogue("a"))
        try write("notes.txt", "not yaml")
        try write("a.yaml.orig", "not yaml: [")
        try write("sub/deeper/c.yaml", catalogue("c"))
        try write("sub/d.yaml", catalogue("d"))
        try write(".git/config.yaml", "kind: nonsense")
        try write(".build/x.yaml", "kind: nonsense")
        try write(".gitlab-ci.yml", "stages: [test]")
        let workspace = try Workspace.load(paths: [root])
        XCTAssertEqual(summary(workspace), [])
        XCTAssertEqual(workspace.sources.map(\.path), ["a.yaml", "b.yml", "sub/d.yaml", "sub/deeper/c.yaml"].map(path))
        XCTAssertEqual(workspace.catalogues.map(\.file), workspace.sources.map(\.path))
    }

    func testANamedFileIsReadWhateverItsNameAndOnlyOnce() throws {
        try write("roles.txt", catalogue("a"))
        try write("dir/b.yaml", catalogue("b"))
        let workspace = try Workspace.load(paths: [path("roles.txt"), path("dir"), path("dir/b.yaml"), path("dir/../dir/b.yaml")])
        XCTAssertEqual(summary(workspace), [])
        XCTAssertEqual(workspace.sources.map(\.path), [path("dir/b.yaml"), path("roles.txt")])
    }

    func testAMissingPathThrows() throws {
        try write("a.yaml", catalogue("a"))
        XCTAssertThrowsError(try Workspace.load(paths: [path("a.yaml"), path("missing")])) { error in
            XCTAssertEqual(error as? WorkspaceError, .pathNotFound(path("missing")))
        }
        XCTAssertThrowsError(try Checker.check(paths: [path("nope.yaml")])) { error in
            XCTAssertEqual((error as? WorkspaceError)?.description, "no such file or directory: \(path("nope.yaml"))")
        }
    }

    func testALinkBackToAParentFolderIsALoopAndTheRestIsRead() throws {
        try write("Processes/a.yaml", catalogue("a"))
        try write("Processes/sub/b.yaml", catalogue("b"))
        try FileManager.default.createSymbolicLink(atPath: path("Processes/sub/again"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: path("Processes/self.yaml"), withDestinationPath: "self.yaml")
        let workspace = try Workspace.load(paths: [path("Processes")])
        XCTAssertEqual(
            summary(workspace),
            [
                "\(path("Processes/self.yaml")) [io/symlink-loop] symbolic link never resolves: it leads round a loop of links",
                "\(path("Processes/sub/again")) [io/symlink-loop] symbolic link leads back to '\(path("Processes"))', a folder it is inside of; not followed",
            ])
        XCTAssertEqual(workspace.sources.map(\.path), [path("Processes/a.yaml"), path("Processes/sub/b.yaml")])
        XCTAssertEqual(workspace.diagnostics.map(\.severity), [.error, .error])
    }

    func testALinkToAFolderReadElsewhereIsNotALoopAndIsReadOnce() throws {
        try write("shared/roles.yaml", catalogue("a"))
        try FileManager.default.createDirectory(atPath: path("Processes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("Processes/shared"), withDestinationPath: "../shared")
        let workspace = try Workspace.load(paths: [path("Processes"), path("shared")])
        XCTAssertEqual(summary(workspace), [])
        XCTAssertEqual(workspace.sources.map(\.path), [path("Processes/shared/roles.yaml")])
    }

    func testEntriesThatCannotBeReadAreFindingsAndTheRunGoesOn() throws {
        try write("a.yaml", catalogue("a"))
        XCTAssertEqual(mkfifo(path("pipe.yaml"), 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: path("gone.yaml"), withDestinationPath: "nowhere.yaml")
        try FileManager.default.createSymbolicLink(atPath: path("gone-folder"), withDestinationPath: "nowhere")
        let workspace = try Workspace.load(paths: [root])
        XCTAssertEqual(
            summary(workspace),
            [
                "\(path("gone.yaml")) [io/unreadable] broken symbolic link: its target does not exist",
                "\(path("pipe.yaml")) [io/unreadable] cannot read file: it is a FIFO, not a regular file",
            ])
        XCTAssertEqual(workspace.sources.map(\.path), [path("a.yaml")])
    }

    func testAFileWithoutReadPermission() throws {
        try write("secret.yaml", catalogue("a"))
        XCTAssertEqual(chmod(path("secret.yaml"), 0), 0)
        // Permissions do not bind root, and these tests often run as root in containers; the FIFO test above covers
        // the same path through the loader.
        try XCTSkipIf(geteuid() == 0, "running as root, which may read a file with mode 000")
        let workspace = try Workspace.load(paths: [root])
        XCTAssertEqual(summary(workspace), ["\(path("secret.yaml")) [io/unreadable] cannot read file: Permission denied"])
    }

    func testAFileOverTheSizeLimitIsNotRead() throws {
        try write("big.yaml", catalogue("a") + String(repeating: "# padding\n", count: 30))
        try write("small.yaml", catalogue("b"))
        let workspace = try Workspace.load(paths: [root], options: CheckOptions(limits: YAMLLimits(maxFileSize: 100)))
        XCTAssertEqual(summary(workspace), ["\(path("big.yaml")) [yaml/limits] file is 354 bytes, over the 100 bytes limit"])
        XCTAssertEqual(workspace.diagnostics.first?.help, "split it into several files")
        XCTAssertEqual(workspace.sources.map(\.path), [path("small.yaml")])
    }

    func testDuplicateIdsAcrossFilesNameTheFirstFile() throws {
        let process = """
            kind: process
            id: incident
            name: Incident
            owner: a
            activities:
              - {id: log, name: Log, responsible: a}

            """
        try write("roles.yaml", catalogue("a"))
        try write("Processes/one.yaml", process)
        try write("Processes/two.yaml", process)
        let workspace = try Workspace.load(paths: [root])
        XCTAssertEqual(
            summary(workspace),
            [
                "\(path("Processes/two.yaml")) [schema/duplicate-id] process 'incident' is already defined at \(path("Processes/one.yaml")):2:5"
            ])
        XCTAssertEqual(workspace.processes.map(\.file), [path("Processes/one.yaml"), path("Processes/two.yaml")])
        XCTAssertEqual(workspace.process(id: "incident")?.file, path("Processes/one.yaml"))
    }

    func testDidYouMeanAcrossFiles() throws {
        try write("roles.yaml", catalogue("service-desk"))
        try write(
            "incident.yaml",
            """
            kind: process
            id: incident
            name: Incident
            owner: service-desk
            activities:
              - {id: log, name: Log, responsible: servce-desk}

            """)
        let workspace = try Workspace.load(paths: [root])
        XCTAssertEqual(
            summary(workspace),
            ["\(path("incident.yaml")) [ref/unknown-role] unknown role 'servce-desk' in 'responsible' of activity 'log'"])
        XCTAssertEqual(workspace.diagnostics.first?.help, "did you mean 'service-desk'?")
        XCTAssertEqual(workspace.diagnostics.first?.range.start.line, 6)
        XCTAssertEqual(workspace.diagnostics.first?.range.start.column, 39)
    }

    func testLoadingTwiceGivesTheSameResult() throws {
        for index in 0..<12 {
            try write(
                "Processes/p\(index).yaml",
                """
                kind: process
                id: process-\(11 - index)
                name: P
                owner: nobody
                activities:
                  - {id: a, name: A, next: b}

                """)
        }
        let first = try Workspace.load(paths: [root])
        let second = try Workspace.load(paths: [root])
        XCTAssertEqual(first.diagnostics, second.diagnostics)
        XCTAssertEqual(first.diagnostics.count, 24)
        XCTAssertEqual(first.processes.map(\.id.value), (0..<12).map { "process-\($0)" }.sorted())
    }

    /// The workspace does not keep what it read: a snippet reads the file again, and only if it is unchanged.
    func testFileContentIsReadAgainAndOnlyWhileUnchanged() throws {
        let original = catalogue("a") + "# end\n"
        try write("a.yaml", original)
        let workspace = try Workspace.load(paths: [root])
        let source = try XCTUnwrap(workspace.sources.first)
        XCTAssertEqual(source.bytes, [])
        XCTAssertEqual(source.currentBytes(), Array(original.utf8))
        XCTAssertEqual(source.lines()?.line(4), "# end")

        try write("a.yaml", catalogue("b") + "# end\n")
        XCTAssertNil(source.currentBytes(), "same size, other bytes")
        XCTAssertNil(source.lines()?.line(4))
        try write("a.yaml", original + "# more\n")
        XCTAssertNil(source.currentBytes(), "grown")
        try write("a.yaml", original)
        XCTAssertEqual(source.currentBytes(), Array(original.utf8))
        try FileManager.default.removeItem(atPath: path("a.yaml"))
        XCTAssertNil(source.currentBytes(), "vanished")
    }

    func testFilesMadeFromBytesKeepThem() {
        let source = SourceFile(path: "a.yaml", bytes: Array("a: 1\nb: 2".utf8))
        XCTAssertEqual(source.currentBytes(), Array("a: 1\nb: 2".utf8))
        XCTAssertEqual(source.lines()?.line(2), "b: 2")
        XCTAssertNil(source.lines()?.line(3))
    }
}
