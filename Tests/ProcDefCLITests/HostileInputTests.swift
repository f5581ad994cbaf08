import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What a pull request can put in front of procdef in CI, run through the real binary.
///
/// Each hostile file sits in `Processes/` beside the good files of `Fixtures/hostile/good`, whose one finding (an
/// unknown role) must still be reported: a hostile file gets its own precise diagnostic, the run exits 1, and
/// every other file is still checked. The large inputs are made by `HostileInput`; their time and memory are
/// measured on the release binary by Tests/hostile-limits.sh, never here.
final class HostileInputTests: XCTestCase {
    static let fixtures = Procdef.testsDirectory.appendingPathComponent("Fixtures/hostile")

    /// One finding as `--format json` reports it.
    struct Finding: Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var rule: String
        var message: String

        init(_ file: String, _ line: Int, _ column: Int, _ rule: String, _ message: String) {
            (self.file, self.line, self.column, self.rule, self.message) = (file, line, column, rule, message)
        }

        var description: String { "\(file):\(line):\(column) [\(rule)] \(message)" }
    }

    /// The good file's finding, which every run must still report.
    static let witness = Finding(
        "Processes/witness.yaml", 11, 18, "ref/unknown-role", "unknown role 'service-dsk' in 'responsible' of activity 'reset'")

    // MARK: Alias bombs

    func testBillionLaughsStopsAtTheExpansionBudget() throws {
        try assertHostile(
            "laughs.yaml", HostileInput.billionLaughs,
            [
                Finding("Processes/laughs.yaml", 8, 10, "yaml/limits", "aliases in this document would expand to more than 10000 nodes")
            ])
    }

    func testTwentyThousandAliasesStopAtTheAliasLimit() throws {
        try assertHostile(
            "aliases.yaml", HostileInput.manyAliases,
            [
                Finding("Processes/aliases.yaml", 4, 408, "yaml/limits", "more than 100 aliases in one document")
            ])
    }

    func testRecursiveAlias() throws {
        try assertHostile(
            "recursive-alias.yaml", fixture("recursive-alias.yaml"),
            [
                Finding(
                    "Processes/recursive-alias.yaml", 3, 11, "yaml/syntax",
                    "alias '*x' refers to its own enclosing node '&x' (a recursive alias)")
            ])
    }

    // MARK: Nesting

    func testDeepFlowNestingStopsAtTheDepthLimit() throws {
        try assertHostile(
            "deep-flow.yaml", HostileInput.deepFlow,
            [
                Finding("Processes/deep-flow.yaml", 3, 70, "yaml/limits", "nesting is deeper than 64 levels")
            ])
    }

    func testDeepBlockSequenceStopsAtTheDepthLimit() throws {
        try assertHostile(
            "deep-sequence.yaml", HostileInput.deepBlockSequence,
            [
                Finding("Processes/deep-sequence.yaml", 1, 129, "yaml/limits", "nesting is deeper than 64 levels")
            ])
    }

    func testDeepBlockMappingStopsAtTheDepthLimit() throws {
        try assertHostile(
            "deep-mapping.yaml", HostileInput.deepBlockMapping,
            [
                Finding("Processes/deep-mapping.yaml", 67, 129, "yaml/limits", "nesting is deeper than 64 levels")
            ])
    }

    // MARK: Size

    func testNineMebibyteFileIsRefusedUnread() throws {
        try assertHostile(
            "big.yaml", HostileInput.oversized,
            [
                Finding("Processes/big.yaml", 1, 1, "yaml/limits", "file is 9 MiB, over the 8 MiB limit")
            ])
    }

    func testTwoMegabyteLineIsCheckedToItsLastColumn() throws {
        try assertHostile(
            "long-line.yaml", HostileInput.longLine,
            [
                Finding("Processes/long-line.yaml", 1, 2_000_213, "schema/unknown-key", "unknown key 'informd' in activity 'log'")
            ])
    }

    // MARK: Encoding and syntax

    func testLatin1File() throws {
        try assertHostile(
            "latin1.yaml", fixture("latin1.yaml"),
            [
                Finding(
                    "Processes/latin1.yaml", 3, 10, "yaml/encoding",
                    "file is not valid UTF-8: byte 0xE9 at line 3, column 10 does not start or continue a UTF-8 sequence; save the file as UTF-8"
                )
            ])
    }

    func testRandomBytes() throws {
        try assertHostile(
            "random.yaml", HostileInput.randomBytes,
            [
                Finding(
                    "Processes/random.yaml", 1, 5, "yaml/encoding",
                    "file is not valid UTF-8: byte 0xED at line 1, column 5 does not start or continue a UTF-8 sequence; save the file as UTF-8"
                )
            ])
    }

    func testEmptyFile() throws {
        // Not read from the fixture: Foundation's Data(contentsOf:) leaks its buffer on an empty file, which the
        // address sanitizer run would report.
        try assertHostile(
            "empty.yaml", [],
            [
                Finding("Processes/empty.yaml", 1, 1, "schema/empty", "file holds no YAML document")
            ])
    }

    func testDocumentThatIsOnlyAScalar() throws {
        try assertHostile(
            "scalar-document.yaml", fixture("scalar-document.yaml"),
            [
                Finding(
                    "Processes/scalar-document.yaml", 1, 1, "schema/type",
                    "a document must be a mapping with a 'kind' (roles, process, policy, config or external-process), found 'just a scalar'"
                )
            ])
    }

    func testUnterminatedQuote() throws {
        try assertHostile(
            "unterminated-quote.yaml", fixture("unterminated-quote.yaml"),
            [
                Finding("Processes/unterminated-quote.yaml", 5, 1, "yaml/syntax", "found unexpected end of stream")
            ])
    }

    func testTabIndentation() throws {
        try assertHostile(
            "tab-indentation.yaml", fixture("tab-indentation.yaml"),
            [
                Finding("Processes/tab-indentation.yaml", 4, 1, "yaml/syntax", "found character that cannot start any token")
            ])
    }

    // MARK: The file system

    /// Tests run as root, which reads any file whatever its mode; a FIFO is unreadable for everyone, and must not
    /// hang the run (it is opened non-blocking and refused as not a regular file).
    func testFIFONamedLikeAYAMLFile() throws {
        try assertHostile(
            "fifo.yaml", nil,
            [
                Finding("Processes/fifo.yaml", 1, 1, "io/unreadable", "cannot read file: it is a FIFO, not a regular file")
            ]
        ) { path in
            XCTAssertEqual(mkfifo(path.path, 0o644), 0)
        }
    }

    func testDirectorySymlinkLoop() throws {
        try assertHostile(
            "loop", nil,
            [
                Finding(
                    "Processes/loop", 1, 1, "io/symlink-loop",
                    "symbolic link leads back to 'Processes', a folder it is inside of; not followed")
            ]
        ) { path in
            try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: ".")
        }
    }

    func testPathTraversalID() throws {
        try assertHostile(
            "path-traversal-id.yaml", fixture("path-traversal-id.yaml"),
            [
                Finding("Processes/path-traversal-id.yaml", 2, 5, "schema/invalid-id", "invalid process id '../../etc/x'")
            ])
    }

    func testDeviceNameID() throws {
        try assertHostile(
            "device-name-id.yaml", fixture("device-name-id.yaml"),
            [
                Finding("Processes/device-name-id.yaml", 2, 5, "schema/invalid-id", "invalid process id 'CON'")
            ])
    }

    /// Even a build told to go on despite errors writes nothing for an id that is not a safe file name, and nothing
    /// outside `--out`.
    func testBuildNeverWritesOutsideTheOutputFolder() throws {
        let root = try Self.repository(
            with: [
                "path-traversal-id.yaml": try fixture("path-traversal-id.yaml"),
                "device-name-id.yaml": try fixture("device-name-id.yaml"),
            ], for: self)
        let work = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let run = try Procdef.run(["build", "--allow-errors", "--today", "2026-01-15", "--out", "out", "../../Processes"], in: work)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: process '../../etc/x' is left out: its id cannot be a file name"), run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: process 'CON' is left out: its id cannot be a file name"), run.stderr)
        XCTAssertEqual(
            try files(under: root),
            [
                "Processes/device-name-id.yaml", "Processes/path-traversal-id.yaml", "Processes/roles.yaml", "Processes/witness.yaml",
                "a/b/out/.procdef-build", "a/b/out/diagrams/landscape.dot", "a/b/out/diagrams/password-reset.blueprint.dot",
                "a/b/out/diagrams/password-reset.dot", "a/b/out/handoffs.md", "a/b/out/index.md", "a/b/out/raci/password-reset.csv",
                "a/b/out/raci/roles.csv", "a/b/out/runbooks/password-reset.md",
            ])
    }

    // MARK: Helpers

    func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("inputs").appendingPathComponent(name)))
    }

    /// A repository whose `Processes/` holds the good files and `files`, removed when `test` ends.
    static func repository(with files: [String: [UInt8]], for test: XCTestCase) throws -> URL {
        let root = try Procdef.temporaryDirectory(test)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        for name in ["roles.yaml", "witness.yaml"] {
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("good").appendingPathComponent(name), to: processes.appendingPathComponent(name))
        }
        for (name, bytes) in files {
            try Data(bytes).write(to: processes.appendingPathComponent(name))
        }
        return root
    }

    /// Checks a repository holding the good files and the hostile `name` (written from `bytes`, or made by `make`),
    /// and asserts exactly `expected` and the witness's finding, exit 1 and nothing on standard error.
    func assertHostile(
        _ name: String, _ bytes: [UInt8]?, _ expected: [Finding], file: StaticString = #filePath, line: UInt = #line,
        make: ((URL) throws -> Void)? = nil
    ) throws {
        let root = try Self.repository(with: bytes.map { [name: $0] } ?? [:], for: self)
        try make?(root.appendingPathComponent("Processes").appendingPathComponent(name))
        let run = try Procdef.run(["check", "--format", "json", "--today", "2026-01-15", "Processes"], in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr, "", file: file, line: line)
        XCTAssertEqual(try Self.findings(run.stdout), expected + [Self.witness], file: file, line: line)
    }

    static func findings(_ json: String) throws -> [Finding] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        return diagnostics.map { d in
            Finding(
                d["file"] as? String ?? "", d["line"] as? Int ?? -1, d["column"] as? Int ?? -1, d["rule"] as? String ?? "",
                d["message"] as? String ?? "")
        }
    }

    /// Every file below `root`, relative and sorted, symbolic links not followed.
    func files(under root: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
