import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput
import XCTest

@testable import ProcDefCLI

/// `limits:` in `.procdef.yaml` through the real binary: each key lowers its limit for the files checked, a raised
/// value is refused and the default holds, a flag beats the config, and `explain yaml/limits` says where each value
/// came from.
final class ConfigLimitsCommandTests: XCTestCase {
    typealias Finding = HostileInputTests.Finding

    static let raised = "the config may only lower a limit; raise it on the command line with"

    /// A repository with the good files, `files` in `Processes/` and `config` as its `.procdef.yaml`.
    func repository(config: String, _ files: [String: [UInt8]] = [:]) throws -> URL {
        let root = try HostileInputTests.repository(with: files, for: self)
        try Data(config.utf8).write(to: root.appendingPathComponent(".procdef.yaml"))
        return root
    }

    /// `procdef check --format json [flags] Processes` in `root`: exit status, every finding (the good file's too),
    /// standard error.
    func check(_ root: URL, _ flags: [String] = []) throws -> (status: Int32, findings: [Finding], stderr: String) {
        let run = try Procdef.run(["check", "--format", "json", "--today", "2026-01-15"] + flags + ["Processes"], in: root)
        return (run.status, run.stdout.isEmpty ? [] : try HostileInputTests.findings(run.stdout), run.stderr)
    }

    // Clean processes under the default limits, each over one lowered limit. The good files stay within all of
    // them: they nest four deep, use no alias, and the witness has one activity.

    static let twoActivities = Array(
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
    /// A fork closed by a join: the soundness check steps over the block, from the fork to the join (two states).
    static let forked = Array(
        """
        kind: process
        id: forked
        name: Forked
        owner: incident-process-owner
        defaults: {accountable: incident-manager}
        activities:
          - {id: a, name: A, responsible: service-desk, informed: [user], next: {all: [b, c]}}
          - {id: b, name: B, responsible: service-desk, informed: [user], next: d}
          - {id: c, name: C, responsible: service-desk, informed: [user], next: d}
          - {id: d, name: D, responsible: service-desk, informed: [user], join: all}

        """.utf8)
    /// Nested five deep: the process, its activities, an activity, its `next`, a branch.
    static let nested = Array(
        """
        kind: process
        id: nested
        name: Nested
        owner: incident-process-owner
        defaults: {accountable: incident-manager}
        activities:
          - id: a
            name: A
            responsible: service-desk
            informed: [user]
            next: [{to: b}]
          - {id: b, name: B, responsible: service-desk, informed: [user]}

        """.utf8)
    /// Two aliases, which stand for three nodes each.
    static let aliased = Array(
        """
        kind: process
        id: aliased
        name: Aliased
        owner: incident-process-owner
        defaults: {accountable: incident-manager}
        tags: &t [intake, customer-facing]
        activities:
          - {id: a, name: A, responsible: service-desk, informed: [user], tags: *t}
          - {id: b, name: B, responsible: service-desk, informed: [user], tags: *t}

        """.utf8)
    static let big = Array(("kind: roles\nroles: {}\n" + String(repeating: "#", count: 2048) + "\n").utf8)
    /// Nested 70 deep: over the default depth of 64.
    static let deep = Array(
        ("kind: process\nid: deep\ntags: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n").utf8)
    /// 1001 activities: one over the default.
    static let large = Array(
        ("""
        kind: process
        id: large
        name: Large
        owner: incident-process-owner
        defaults: {accountable: incident-manager}
        activities:

        """ + (1...1001).map { "  - {id: a\($0), name: A\($0), responsible: service-desk, informed: [user]}\n" }.joined()).utf8)

    // MARK: Each key takes effect

    func testEveryKeyLowersItsLimitForTheFilesChecked() throws {
        let cases: [(key: String, name: String, bytes: [UInt8], finding: Finding)] = [
            (
                "max-file-size: 2KiB", "big.yaml", Self.big,
                Finding("Processes/big.yaml", 1, 1, "yaml/limits", "file is 2071 bytes, over the 2 KiB limit")
            ),
            (
                "max-depth: 4", "nested.yaml", Self.nested,
                Finding("Processes/nested.yaml", 11, 12, "yaml/limits", "nesting is deeper than 4 levels")
            ),
            (
                "max-aliases: 1", "aliased.yaml", Self.aliased,
                Finding("Processes/aliased.yaml", 9, 73, "yaml/limits", "more than 1 aliases in one document")
            ),
            (
                "max-alias-expansion: 5", "aliased.yaml", Self.aliased,
                Finding("Processes/aliased.yaml", 9, 73, "yaml/limits", "aliases in this document would expand to more than 5 nodes")
            ),
            (
                "max-activities: 1", "two.yaml", Self.twoActivities,
                Finding("Processes/two.yaml", 8, 5, "yaml/limits", "process 'two' has 2 activities, more than the limit of 1")
            ),
            (
                "max-states: 1", "forked.yaml", Self.forked,
                Finding(
                    "Processes/forked.yaml", 1, 1, "flow/analysis-limit",
                    "the soundness of process 'forked' was not decided: exploring its parallel work took more than 1 states (the `max-states` limit); deadlocks and unfinished branches may remain unreported"
                )
            ),
        ]
        XCTAssertEqual(cases.map { String($0.key.prefix { $0 != ":" }) }, InputLimit.all.map(\.name))
        for (key, name, bytes, finding) in cases {
            let clean = try check(try repository(config: "kind: config\n", [name: bytes]))
            XCTAssertEqual(clean.findings, [HostileInputTests.witness], "\(key): the file passes the default")
            let lowered = try check(try repository(config: "kind: config\nlimits:\n  \(key)\n", [name: bytes]))
            XCTAssertEqual(lowered.status, 1, key)
            XCTAssertEqual(lowered.stderr, "", key)
            XCTAssertEqual(lowered.findings, [finding, HostileInputTests.witness], key)
        }
    }

    // MARK: Raising is refused

    func testARaisedValueIsRefusedAndTheDefaultHolds() throws {
        let root = try repository(config: "kind: config\nlimits:\n  max-depth: 200\n", ["deep.yaml": Self.deep])
        let result = try check(root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.findings,
            [
                Finding(".procdef.yaml", 3, 14, "schema/type", "max-depth 200 is above the default 64: \(Self.raised) --max-depth"),
                Finding("Processes/deep.yaml", 3, 70, "yaml/limits", "nesting is deeper than 64 levels"),
                HostileInputTests.witness,
            ])
    }

    func testTurningTheFindingOffDoesNotApplyTheRaisedValue() throws {
        let config = "kind: config\nrules:\n  schema/type: off\nlimits:\n  max-depth: 200\n"
        let result = try check(try repository(config: config, ["deep.yaml": Self.deep]))
        XCTAssertEqual(
            result.findings,
            [
                Finding("Processes/deep.yaml", 3, 70, "yaml/limits", "nesting is deeper than 64 levels"),
                HostileInputTests.witness,
            ])
    }

    func testTheTextFormatExplainsTheRefusal() throws {
        let root = try repository(config: "kind: config\nlimits:\n  max-file-size: 16MiB\n")
        let run = try Procdef.run(["check", "--today", "2026-01-15", "Processes"], in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(
            run.stdout.hasPrefix(
                """
                .procdef.yaml:3:18: error: max-file-size 16MiB is above the default 8MiB: \(Self.raised) --max-file-size [schema/type]
                   3 |   max-file-size: 16MiB
                     |                  ^~~~~
                help: a pull request can change the config, so the config cannot weaken the protection against hostile YAML (docs/security.md)

                """), run.stdout)
    }

    // MARK: Bad values

    func testBadValuesAndUnknownKeysPointIntoTheConfig() throws {
        let config = "kind: config\nlimits:\n  max-depth: 0\n  max-file-size: 8GiB\n  max-aliases: [1]\n  max-dept: 3\n"
        let result = try check(try repository(config: config))
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.findings,
            [
                Finding(
                    ".procdef.yaml", 3, 14, "schema/type",
                    "'max-depth' in 'limits' of the config must be a whole number from 1 up, found '0'"),
                Finding(
                    ".procdef.yaml", 4, 18, "schema/type",
                    "'max-file-size' in 'limits' of the config must be a size from 1 byte to 1024MiB, such as 8MiB or 524288, found '8GiB'"),
                Finding(
                    ".procdef.yaml", 5, 16, "schema/type",
                    "'max-aliases' in 'limits' of the config must be a whole number from 1 up, found a list"),
                Finding(".procdef.yaml", 6, 3, "schema/unknown-key", "unknown key 'max-dept' in 'limits' of the config"),
                HostileInputTests.witness,
            ])
    }

    // MARK: Flags beat the config

    func testAFlagBeatsTheConfig() throws {
        let root = try repository(config: "kind: config\nlimits:\n  max-depth: 4\n", ["nested.yaml": Self.nested])
        XCTAssertEqual(
            try check(root).findings,
            [Finding("Processes/nested.yaml", 11, 12, "yaml/limits", "nesting is deeper than 4 levels"), HostileInputTests.witness])
        XCTAssertEqual(try check(root, ["--max-depth", "8"]).findings, [HostileInputTests.witness])
        let loose = try repository(config: "kind: config\nlimits:\n  max-depth: 32\n", ["nested.yaml": Self.nested])
        XCTAssertEqual(try check(loose).findings, [HostileInputTests.witness])
        XCTAssertEqual(
            try check(loose, ["--max-depth", "4"]).findings,
            [Finding("Processes/nested.yaml", 11, 12, "yaml/limits", "nesting is deeper than 4 levels"), HostileInputTests.witness])
    }

    func testOnlyAFlagRaisesALimit() throws {
        // One role does everything in the large process; this test is about its size only.
        let config = "kind: config\nlimits:\n  max-activities: 2000\nrules:\n  raci/overloaded-role: off\n"
        let root = try repository(config: config, ["large.yaml": Self.large])
        let refused = Finding(
            ".procdef.yaml", 3, 19, "schema/type", "max-activities 2000 is above the default 1000: \(Self.raised) --max-activities")
        XCTAssertEqual(
            try check(root).findings,
            [
                refused,
                Finding("Processes/large.yaml", 1007, 5, "yaml/limits", "process 'large' has 1001 activities, more than the limit of 1000"),
                HostileInputTests.witness,
            ])
        // The flag raises the limit; the config's attempt is still refused, whatever the flag.
        XCTAssertEqual(try check(root, ["--max-activities", "2000"]).findings, [refused, HostileInputTests.witness])
    }

    // MARK: The order: the config is read first

    /// A comment that makes the config 3 KiB, over a limit of 2 KiB.
    static let padding = String(repeating: "#", count: 3000) + "\n"

    func testTheConfigsLimitsApplyToTheOtherFilesNotToItself() throws {
        let config = "kind: config\nrules:\n  ref/unknown-role: warning\nlimits:\n  max-file-size: 2KiB\n" + Self.padding
        let result = try check(try repository(config: config, ["big.yaml": Self.big]))
        XCTAssertEqual(result.status, 1)
        // The config was read (the witness's finding is a warning now), and its limit stopped big.yaml only.
        XCTAssertEqual(
            result.findings,
            [Finding("Processes/big.yaml", 1, 1, "yaml/limits", "file is 2071 bytes, over the 2 KiB limit"), HostileInputTests.witness])
        let run = try Procdef.run(["check", "--format", "json", "--today", "2026-01-15", "Processes"], in: try repository(config: config))
        XCTAssertEqual(run.status, 0, run.stdout)
    }

    func testTheConfigIsReadUnderTheFlags() throws {
        let config = "kind: config\nrules:\n  ref/unknown-role: warning\n" + Self.padding
        let result = try check(try repository(config: config), ["--max-file-size", "2KiB"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.findings,
            [Finding(".procdef.yaml", 1, 1, "yaml/limits", "file is 3049 bytes, over the 2 KiB limit"), HostileInputTests.witness])
    }

    // MARK: explain yaml/limits

    /// The explanation's "Limits in effect" section, and the rest of it.
    func explainLimits(_ arguments: [String] = [], in directory: URL) throws -> (section: String, rest: String) {
        let run = try Procdef.run(["explain", "yaml/limits"] + arguments, in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        guard let start = run.stdout.range(of: "\nLimits in effect"), let end = run.stdout.range(of: "\nFailing example:") else {
            XCTFail("no limits section in:\n\(run.stdout)")
            return ("", run.stdout)
        }
        let section = String(run.stdout[start.lowerBound..<end.lowerBound])
        return (section, run.stdout.replacingOccurrences(of: section, with: ""))
    }

    func testExplainShowsEachLimitAndWhereItCameFrom() throws {
        let root = try repository(config: "kind: config\nlimits:\n  max-depth: 32\n  max-aliases: 500\n  max-file-size: 512KiB\n")
        let configured = try explainLimits(["--max-activities", "2000"], in: root)
        XCTAssertEqual(
            configured.section,
            """

            Limits in effect here (a flag beats the config, which beats the default):
              max-file-size        512KiB  .procdef.yaml line 5
              max-depth            32      .procdef.yaml line 3
              max-aliases          100     default
              max-alias-expansion  10000   default
              max-activities       2000    --max-activities
              max-states           100000  default

            """)
        let plain = try explainLimits(in: try Procdef.temporaryDirectory(self))
        XCTAssertEqual(
            plain.section,
            """

            Limits in effect here (a flag beats the config, which beats the default):
              max-file-size        8MiB    default
              max-depth            64      default
              max-aliases          100     default
              max-alias-expansion  10000   default
              max-activities       1000    default
              max-states           100000  default

            """)
        XCTAssertEqual(configured.rest, plain.rest)
        // Without the section, the explanation every other rule gets.
        XCTAssertEqual(plain.rest, RuleCatalogueRenderer().renderExplanation(of: SafetyLimits.descriptor))
    }

    /// `explain flow/analysis-limit` says how many states each process with parallel work took, against the limit in
    /// effect, so an owner sees how close a process is to going undecided.
    func testExplainShowsTheStatesExploredPerProcess() throws {
        let root = try repository(config: "kind: config\nlimits:\n  max-states: 1\n", ["forked.yaml": Self.forked])
        let run = try Procdef.run(["explain", "flow/analysis-limit", "Processes"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.hasSuffix(
                """

                States the soundness check explores here (limit 1, `max-states`):
                  forked  2 states  not decided: over the limit

                """), run.stdout + run.stderr)
        let raised = try Procdef.run(["explain", "flow/analysis-limit", "--max-states", "10", "Processes"], in: root)
        XCTAssertTrue(raised.stdout.hasSuffix("(limit 10, `max-states`):\n  forked  2 states  decided\n"), raised.stdout)
        let none = try Procdef.run(["explain", "flow/analysis-limit", "Processes/witness.yaml"], in: root)
        XCTAssertTrue(none.stdout.hasSuffix("  no process here has a fork or a cancellation\n"), none.stdout)
    }

    func testExplainReadsTheConfigNamedByConfig() throws {
        let root = try Procdef.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ci"), withIntermediateDirectories: true)
        try Data("kind: config\n\nlimits: {max-alias-expansion: 2000}\n".utf8).write(to: root.appendingPathComponent("ci/limits.yaml"))
        let result = try explainLimits(["--config", "ci/limits.yaml", "--max-depth", "100"], in: root)
        XCTAssertEqual(
            result.section,
            """

            Limits in effect here (a flag beats the config, which beats the default):
              max-file-size        8MiB    default
              max-depth            100     --max-depth
              max-aliases          100     default
              max-alias-expansion  2000    ci/limits.yaml line 3
              max-activities       1000    default
              max-states           100000  default

            """)
    }

    func testExplainReadsTheConfigOnlyForTheLimitsRule() throws {
        let root = try Procdef.temporaryDirectory(self)
        let missing = try Procdef.run(["explain", "yaml/limits", "--config", "missing.yaml"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.stderr, "procdef: error: no such configuration file: missing.yaml\n")
        let other = try Procdef.run(["explain", "handoff/gap", "--config", "missing.yaml"], in: root)
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertEqual(other.stdout, try Procdef.run(["explain", "handoff/gap"], in: root).stdout)
        XCTAssertFalse(other.stdout.contains("Limits in effect"), other.stdout)
    }

    // MARK: The flags

    func testEveryLimitHasItsFlag() throws {
        let options = try LimitOptions.parse(InputLimit.all.flatMap { [$0.flag, "7"] })
        XCTAssertEqual(options.given, Dictionary(uniqueKeysWithValues: InputLimit.all.map { ($0, 7) }))
        XCTAssertEqual(try LimitOptions.parse(["--max-file-size", "3K"]).given, [.maxFileSize: 3072])
        XCTAssertEqual(try LimitOptions.parse([]).given, [:])
    }
}
