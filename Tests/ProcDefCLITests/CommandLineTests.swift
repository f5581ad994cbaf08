import Foundation
import ProcDefTestSupport
import XCTest

/// The command line as a user meets it: exit codes, where messages go, and the exact output on fixture trees.
///
/// `Fixtures/clean` holds a valid repository; `Fixtures/errors` the same with deliberate mistakes (a misspelt key
/// `resposible`, an unknown role `service-dsk`, a role no catalogue defines); `Fixtures/warnings` findings that
/// only fail under `--strict`.
final class CommandLineTests: XCTestCase {
    static let fixtures = Procdef.testsDirectory.appendingPathComponent("Fixtures")

    func fixture(_ name: String) -> URL { Self.fixtures.appendingPathComponent(name) }

    // MARK: check: exit codes

    func testCleanRepositoryExitsZero() throws {
        let run = try Procdef.run(["check"], in: fixture("clean"))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertTrue(run.stdout.hasSuffix(" in 3 files\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("error"), run.stdout)
    }

    func testErrorFindingsExitOne() throws {
        let run = try Procdef.run(["check"], in: fixture("errors"))
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "")
    }

    func testWarningsPassUnlessStrict() throws {
        let lenient = try Procdef.run(["check", "--format", "json"], in: fixture("warnings"))
        guard lenient.stdout.contains(#""errors": 0,"#) && !lenient.stdout.contains(#""warnings": 0,"#) else {
            throw XCTSkip("waiting for the warning rules (raci/too-many-consulted, raci/conflicting-assignment): \(lenient.stdout)")
        }
        XCTAssertEqual(lenient.status, 0)
        let strict = try Procdef.run(["check", "--strict"], in: fixture("warnings"))
        XCTAssertEqual(strict.status, 1, strict.stdout)
    }

    func testStrictCleanRepositoryExitsZero() throws {
        let run = try Procdef.run(["check", "--strict", "--today", "2026-01-15"], in: fixture("clean"))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    func testExplicitPathsAreRead() throws {
        let run = try Procdef.run(["check", "Processes/roles.yaml", "Processes/incident-management.yaml"], in: fixture("errors"))
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix(" in 2 files\n"), run.stdout)
    }

    // MARK: --version

    /// A build from a checkout cannot know its commit (scripts/build-release.sh writes it into the release's copy of
    /// the sources), so it says so rather than guess.
    func testVersionNamesTheCommitItWasBuiltFrom() throws {
        let run = try Procdef.run(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertNotNil(run.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+ \(commit unknown\)\n/), run.stdout)
        XCTAssertEqual(run.stderr, "")
    }

    // MARK: check: usage and I/O problems exit 2

    func testNoPathAndNoDefaultFolders() throws {
        let empty = try Procdef.temporaryDirectory(self)
        let run = try Procdef.run(["check"], in: empty)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: nothing to check: no path given, and neither 'Processes' nor 'Policies' exists in the current directory
            help: run procdef in the repository root, or name the files or folders to read

            """)
    }

    func testMissingPath() throws {
        let run = try Procdef.run(["check", "Processes", "no-such-folder"], in: fixture("clean"))
        XCTAssertEqual(run.status, 2, run.stdout)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "procdef: error: no such file or directory: no-such-folder\n")
    }

    func testUnknownFlag() throws {
        let run = try Procdef.run(["check", "--bogus-flag-xyz"], in: fixture("clean"))
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: unknown option '--bogus-flag-xyz'\nUsage: procdef check "), run.stderr)
    }

    func testUnknownFormat() throws {
        let run = try Procdef.run(["check", "--format", "xml"], in: fixture("clean"))
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: the value 'xml' is invalid for '--format <format>'"), run.stderr)
    }

    func testInvalidToday() throws {
        for date in ["2026-02-30", "2026-1-5", "tomorrow", ""] {
            let run = try Procdef.run(["check", "--today", date], in: fixture("clean"))
            XCTAssertEqual(run.status, 2, date)
            XCTAssertEqual(run.stdout, "", date)
            XCTAssertTrue(
                run.stderr.hasPrefix(
                    "procdef: error: the value '\(date)' is invalid for '--today <YYYY-MM-DD>': expected a calendar date written YYYY-MM-DD\n"
                ), run.stderr)
        }
    }

    func testMaxActivitiesSetsTheLimit() throws {
        let raised = try Procdef.run(["check", "--max-activities", "3"], in: fixture("clean"))
        XCTAssertEqual(raised.status, 0, raised.stdout + raised.stderr)
        let lowered = try Procdef.run(["check", "--max-activities", "2", "--format", "github"], in: fixture("clean"))
        XCTAssertEqual(lowered.status, 1, lowered.stdout + lowered.stderr)
        XCTAssertEqual(
            lowered.stdout,
            "::error file=Processes/incident-management.yaml,line=33,col=5,endLine=33,endColumn=5,title=yaml/limits::process 'incident-management' has 3 activities, more than the limit of 2%0Ahelp: split the process, and start the parts from one another with `triggers:`\n"
        )
        for count in ["0", "2.5", "many"] {
            let run = try Procdef.run(["check", "--max-activities", count], in: fixture("clean"))
            XCTAssertEqual(run.status, 2, count)
            XCTAssertTrue(
                run.stderr.hasPrefix(
                    "procdef: error: the value '\(count)' is invalid for '--max-activities <n>': expected a whole number from 1 up, got '\(count)'\n"
                ), run.stderr)
        }
    }

    func testUnknownSubcommand() throws {
        let run = try Procdef.run(["lint"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: unexpected argument 'lint'\n"), run.stderr)
    }

    /// Arguments are echoed in error messages; a hostile one cannot drive the terminal.
    func testArgumentsAreEchoedSafely() throws {
        let run = try Procdef.run(["check", "--\u{1B}]0;x\u{07}"])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(run.stderr.contains("\u{1B}"), run.stderr)
        XCTAssertTrue(run.stderr.contains(#"\u{1B}]0;x\u{7}"#), run.stderr)
    }

    func testHelpExitsZero() throws {
        let run = try Procdef.run(["check", "--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(
            run.stdout.contains(
                "USAGE: procdef check [<options>] [<path> ...]"
            ), run.stdout)
        // Past twelve options the usage line names them as `[<options>]`; each is listed below it.
        XCTAssertTrue(
            run.stdout.contains("  --jobs <n>              Threads to read, check and write with (default: one\n"), run.stdout)
    }

    // MARK: check: output

    func testTextOutput() throws {
        let run = try Procdef.run(["check"], in: fixture("errors"))
        assertGolden(run.stdout, named: "errors.txt")
    }

    func testJSONOutput() throws {
        let run = try Procdef.run(["check", "--format", "json"], in: fixture("errors"))
        assertGolden(run.stdout, named: "errors.json")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
    }

    func testCleanTextOutput() throws {
        let run = try Procdef.run(["check"], in: fixture("clean"))
        assertGolden(run.stdout, named: "clean.txt")
    }

    /// Same input, same bytes: CI diffs and caches depend on it.
    func testOutputIsDeterministic() throws {
        let first = try Procdef.run(["check", "--format", "json"], in: fixture("errors"))
        let second = try Procdef.run(["check", "--format", "json"], in: fixture("errors"))
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testNoColourThroughAPipe() throws {
        let run = try Procdef.run(["check"], in: fixture("errors"), environment: ["NO_COLOR": ""])
        XCTAssertFalse(run.stdout.contains("\u{1B}"), run.stdout)
    }

    /// On a terminal (a pseudo-terminal made by `script`) the output is coloured, unless `NO_COLOR` is set.
    func testColourOnlyOnATerminalWithoutNoColor() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw XCTSkip("needs util-linux's script(1) to run procdef on a pseudo-terminal")
        }
        func onTerminal(noColor: String) throws -> String {
            let process = Process()
            process.executableURL = script
            process.arguments = ["-qec", "'\(Procdef.binary.path)' check", "/dev/null"]
            process.currentDirectoryURL = fixture("errors")
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = noColor
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal(noColor: "")
        XCTAssertTrue(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"), coloured)
        let plain = try onTerminal(noColor: "1")
        XCTAssertFalse(plain.contains("\u{1B}["), plain)
        XCTAssertTrue(plain.contains("error:"), plain)
    }

    // MARK: rules and explain

    func testRulesListsTheCatalogue() throws {
        let run = try Procdef.run(["rules"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let ids = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(ids, ids.sorted())
        for id in ["schema/unknown-key", "ref/unknown-role", "yaml/syntax"] {
            XCTAssertTrue(ids.contains(id), "\(id) missing from:\n\(run.stdout)")
        }
        let unknownKey = lines.first { $0.hasPrefix("schema/unknown-key ") }
        XCTAssertEqual(unknownKey?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first, "error")
        // Aligned: every summary starts in the same column.
        let summaryColumns = Set(
            lines.map { line in
                var fields = 0
                var inField = false
                for (offset, character) in line.enumerated() {
                    if character != " " && !inField {
                        fields += 1
                        if fields == 3 { return offset }
                    }
                    inField = character != " "
                }
                return -1
            })
        XCTAssertEqual(summaryColumns.count, 1, run.stdout)
    }

    func testExplainPrintsTheRuleDocumentation() throws {
        let run = try Procdef.run(["explain", "schema/unknown-key"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("schema/unknown-key\ndefault severity: error\nsummary: "), run.stdout)
        let failing = try XCTUnwrap(run.stdout.range(of: "\nFailing example:\n\n    "), run.stdout)
        let fixed = try XCTUnwrap(run.stdout.range(of: "\nFixed example:\n\n    "), run.stdout)
        XCTAssertLessThan(failing.lowerBound, fixed.lowerBound)
    }

    /// A renamed rule's old id explains the rule under its new id, after a line that says so.
    func testExplainARenamedRuleByItsOldID() throws {
        let run = try Procdef.run(["explain", "policy/waiver-expired"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.hasPrefix(
                "'policy/waiver-expired' is now 'waiver/expired'; the old id still works.\n\nwaiver/expired\ndefault severity: error\n"),
            run.stdout)
    }

    func testExplainSuggestsTheClosestRule() throws {
        let run = try Procdef.run(["explain", "schema/unknown-kee"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "procdef: error: unknown rule 'schema/unknown-kee'\nhelp: did you mean 'schema/unknown-key'?\n")
    }

    func testExplainAView() throws {
        let run = try Procdef.run(["explain", "blueprint"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.hasPrefix("blueprint: the two sides of the service (diagrams/<id>.blueprint.dot)\n\nA service has two sides"),
            run.stdout)
        let swimlane = try Procdef.run(["explain", "swimlane"])
        XCTAssertEqual(swimlane.status, 0, swimlane.stderr)
        XCTAssertTrue(swimlane.stdout.hasPrefix("swimlane: who does what, in what order (diagrams/<id>.dot)\n"), swimlane.stdout)
    }

    func testGraphPrintsEachViewAndFormat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let today = ["--today", "2026-12-01"]
        let blueprint = try Procdef.run(["graph", "incident-management", "--view", "blueprint"] + today, in: root)
        XCTAssertEqual(blueprint.status, 0, blueprint.stderr)
        XCTAssertTrue(blueprint.stdout.contains(#""line_1" [label="line of\ninteraction""#), blueprint.stdout)
        let mermaid = try Procdef.run(["graph", "incident-management", "--format", "mermaid"] + today, in: root)
        XCTAssertEqual(mermaid.status, 0, mermaid.stderr)
        XCTAssertTrue(mermaid.stdout.hasPrefix("flowchart TB\n  subgraph lane1[\"Incident Manager on Duty\"]\n"), mermaid.stdout)
        let both = try Procdef.run(["graph", "incident-management", "--view", "blueprint", "--format", "mermaid"] + today, in: root)
        XCTAssertEqual(both.status, 2)
        XCTAssertEqual(both.stdout, "")
        XCTAssertTrue(
            both.stderr.contains("--view blueprint is drawn with Graphviz only; use --format dot, or the swimlane view for Mermaid"),
            both.stderr)
    }

    func testExplainUnknownRuleWithNothingClose() throws {
        let run = try Procdef.run(["explain", "completely/different-thing"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            "procdef: error: unknown rule 'completely/different-thing'\nhelp: procdef rules lists every rule; the views are swimlane and blueprint\n"
        )
    }

    func testExplainWithoutARule() throws {
        let run = try Procdef.run(["explain"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: missing expected argument '<rule>'\n"), run.stderr)
    }
}
