import Foundation
import XCTest

/// The safety limits can be tightened or raised from the command line; each flag reaches its limit.
final class LimitFlagsTests: XCTestCase {
    typealias Finding = HostileInputTests.Finding

    func check(_ flags: [String], _ name: String, _ bytes: [UInt8]) throws -> (status: Int32, findings: [Finding], stderr: String) {
        let root = try HostileInputTests.repository(with: [name: bytes], for: self)
        let run = try Procdef.run(["check", "--format", "json", "--today", "2026-01-15"] + flags + ["Processes"], in: root)
        let findings = run.stdout.isEmpty ? [] : try HostileInputTests.findings(run.stdout)
        return (run.status, findings.filter { $0 != HostileInputTests.witness }, run.stderr)
    }

    static let nested = Array("kind: process\nid: nested\ntags: [[[[x]]]]\n".utf8)

    func testMaxDepth() throws {
        // The good file beside it nests four deep (activities, an activity, its informed list): still fine.
        let result = try check(["--max-depth", "4"], "nested.yaml", Self.nested)
        XCTAssertEqual(result.findings, [Finding("Processes/nested.yaml", 3, 10, "yaml/limits", "nesting is deeper than 4 levels")])
    }

    func testMaxAliasesAndExpansion() throws {
        let text = Array("kind: process\nid: aliased\nname: &n [a, b, c]\ntags: [*n, *n]\n".utf8)
        XCTAssertEqual(
            try check(["--max-aliases", "1"], "aliased.yaml", text).findings,
            [Finding("Processes/aliased.yaml", 4, 12, "yaml/limits", "more than 1 aliases in one document")])
        XCTAssertEqual(
            try check(["--max-alias-expansion", "5"], "aliased.yaml", text).findings,
            [Finding("Processes/aliased.yaml", 4, 12, "yaml/limits", "aliases in this document would expand to more than 5 nodes")])
    }

    func testMaxFileSize() throws {
        let bytes = Array(("kind: roles\nroles: {}\n" + String(repeating: "#", count: 2048) + "\n").utf8)
        XCTAssertEqual(
            try check(["--max-file-size", "2KiB"], "big.yaml", bytes).findings,
            [Finding("Processes/big.yaml", 1, 1, "yaml/limits", "file is 2071 bytes, over the 2 KiB limit")])
        XCTAssertEqual(try check(["--max-file-size", "3K"], "big.yaml", bytes).findings, [])
    }

    func testRaisingTheFileSizeReadsANineMebibyteFile() throws {
        let result = try check(["--max-file-size", "10MiB"], "big.yaml", HostileInput.oversized)
        XCTAssertFalse(result.findings.contains { $0.rule == "yaml/limits" }, "\(result.findings)")
        XCTAssertTrue(result.findings.contains { $0.rule == "schema/missing-field" }, "\(result.findings)")
    }

    func testMaxActivities() throws {
        let text = Array(
            """
            kind: process
            id: two
            name: Two
            owner: incident-process-owner
            defaults: {accountable: incident-manager}
            activities:
              - {id: a, name: A, responsible: service-desk, informed: [user]}
              - {id: b, name: B, responsible: service-desk, informed: [user]}

            """.utf8)
        XCTAssertEqual(try check(["--max-activities", "1"], "two.yaml", text).findings.map(\.rule), ["yaml/limits"])
    }

    func testInvalidValuesAreUsageErrors() throws {
        let zero = try check(["--max-depth", "0"], "nested.yaml", Self.nested)
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.stderr.contains("expected a whole number from 1 up, got '0'"), zero.stderr)
        let huge = try check(["--max-file-size", "2048MiB"], "nested.yaml", Self.nested)
        XCTAssertEqual(huge.status, 2)
        XCTAssertTrue(huge.stderr.contains("expected a size from 1 byte to 1024MiB, such as 8MiB or 524288, got '2048MiB'"), huge.stderr)
    }

    func testBuildTakesTheLimitsToo() throws {
        let root = try HostileInputTests.repository(with: ["nested.yaml": Self.nested], for: self)
        let run = try Procdef.run(["build", "--max-depth", "4", "--today", "2026-01-15", "Processes"], in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("Processes/nested.yaml:3:10: error: nesting is deeper than 4 levels [yaml/limits]"), run.stderr)
    }
}
