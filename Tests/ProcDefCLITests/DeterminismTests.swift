import Foundation
import ProcDefTestSupport
import XCTest

/// The same input gives byte-identical output in every format and in the build tree, whatever order the files were
/// created in, named in, or read in, and however the threads that check them are scheduled.
final class DeterminismTests: XCTestCase {
    static let repositoryRoot = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    static let formats = ["text", "json", "sarif", "github", "gitlab"]

    /// The shipped examples plus files whose findings depend on which of two definitions is "first": a second
    /// catalogue redefining roles, a second incident process with the same id and deliberate mistakes.
    static var brokenFiles: [(String, URL)] {
        shippedFiles + [
            ("Processes/zz-roles.yaml", HostileInputTests.fixtures.appendingPathComponent("good/roles.yaml")),
            ("Processes/witness.yaml", HostileInputTests.fixtures.appendingPathComponent("good/witness.yaml")),
            (
                "Processes/again/incident-management.yaml",
                CommandLineTests.fixtures.appendingPathComponent("errors/Processes/incident-management.yaml")
            ),
            ("Processes/names/hostile-names.yaml", HostileNamesTests.names.appendingPathComponent("hostile-names.yaml")),
        ]
    }

    /// The shipped examples and the hostile-names process: a clean check, so `build` writes.
    static var cleanFiles: [(String, URL)] {
        shippedFiles + [
            ("Processes/names/roles.yaml", HostileNamesTests.names.appendingPathComponent("roles.yaml")),
            ("Processes/names/hostile-names.yaml", HostileNamesTests.names.appendingPathComponent("hostile-names.yaml")),
        ]
    }

    /// Every shipped example process, catalogue and policy, in name order.
    static var shippedFiles: [(String, URL)] {
        ["Processes", "Policies"].flatMap { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map {
                ("\(folder)/\($0)", repositoryRoot.appendingPathComponent(folder).appendingPathComponent($0))
            }
        }
    }

    /// A repository holding `files`, created in the order given: folder entries come back from the file system in
    /// an order that can follow creation.
    func repository(_ files: [(String, URL)]) throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for (path, source) in files {
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        return root
    }

    func check(_ root: URL, _ format: String, paths: [String] = ["Processes", "Policies"], jobs: [String] = []) throws -> String {
        let run = try Procdef.run(["check", "--format", format, "--today", "2026-01-15"] + jobs + paths, in: root)
        XCTAssertEqual(run.status, 1, run.stderr)
        return run.stdout
    }

    func testCheckOutputDoesNotDependOnCreationOrderOrRuns() throws {
        let forward = try repository(Self.brokenFiles)
        let backward = try repository(Self.brokenFiles.reversed())
        for format in Self.formats {
            let expected = try check(forward, format)
            XCTAssertTrue(expected.contains("schema/duplicate-id"), format)
            XCTAssertEqual(try check(backward, format), expected, "\(format): creation order changed the output")
            for _ in 0..<2 {
                XCTAssertEqual(try check(forward, format), expected, "\(format): a repeated run changed the output")
            }
        }
    }

    func testCheckOutputDoesNotDependOnTheOrderFilesAreNamed() throws {
        let root = try repository(Self.brokenFiles)
        let paths = Self.brokenFiles.map(\.0)
        var generator = SplitMix64(seed: 7)
        let orders = [paths, paths.reversed(), generator.shuffled(paths), generator.shuffled(paths)]
        for format in Self.formats {
            let expected = try check(root, format, paths: orders[0])
            for order in orders.dropFirst() {
                XCTAssertEqual(try check(root, format, paths: order), expected, "\(format): \(order)")
            }
        }
    }

    func testBuildTreeDoesNotDependOnCreationOrderOrRuns() throws {
        let forward = try repository(Self.cleanFiles)
        let backward = try repository(Self.cleanFiles.reversed())
        let expected = try build(forward)
        XCTAssertTrue(expected.keys.contains("runbooks/hostile-names.md"), "\(expected.keys.sorted())")
        XCTAssertEqual(try build(backward), expected, "creation order changed the build")
        XCTAssertEqual(try build(forward), expected, "a repeated build changed the tree")
    }

    /// `--jobs 1` checks on one thread and `--jobs 3` on more threads than this machine may have cores: every format
    /// prints the same bytes as the default.
    func testCheckOutputDoesNotDependOnTheNumberOfThreads() throws {
        let root = try repository(Self.brokenFiles)
        for format in Self.formats {
            let expected = try check(root, format)
            for jobs in ["1", "2", "3"] {
                XCTAssertEqual(try check(root, format, jobs: ["--jobs", jobs]), expected, "\(format) with --jobs \(jobs)")
            }
        }
    }

    func testBuildTreeDoesNotDependOnTheNumberOfThreads() throws {
        let root = try repository(Self.cleanFiles)
        let expected = try build(root)
        XCTAssertEqual(try build(root, jobs: ["--jobs", "1"]), expected, "--jobs 1 changed the build")
        XCTAssertEqual(try build(root, jobs: ["--jobs", "3"]), expected, "--jobs 3 changed the build")
    }

    func testJobsMustBeOneOrMore() throws {
        let root = try repository(Self.cleanFiles)
        for command in [["check"], ["build"], ["raci", "incident-management"], ["diff", "Processes", "Processes"]] {
            let run = try Procdef.run(command + ["--jobs", "0"], in: root)
            XCTAssertEqual(run.status, 2, "\(command): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("error: --jobs must be 1 or more, found 0"), "\(command): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(command)")
        }
    }

    /// Builds `root` into `out` and returns every file by relative path.
    func build(_ root: URL, jobs: [String] = []) throws -> [String: [UInt8]] {
        let run = try Procdef.run(["build", "--today", "2026-01-15"] + jobs + ["Processes", "Policies"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try folderSnapshot(root.appendingPathComponent("out"))
    }
}
