import Foundation
import XCTest

/// `exclude`, `overrides` and `extends` as a repository uses them, and `procdef config`, which says where each
/// setting came from.
final class SharedConfigCommandTests: XCTestCase {
    private typealias Repo = BaselineCommandTests

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func findings(_ run: ProcdefRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("]") && $0.contains(": ") && !$0.hasPrefix(" ") }
    }

    /// An organisation's standards beside the repository, which extends them; a supplier process and an archived one.
    private func organisation() throws -> (root: URL, repo: URL) {
        let root = try Procdef.temporaryDirectory(self)
        let repo = root.appendingPathComponent("repo")
        try write(
            """
            kind: config
            out: site
            rules:
              handoff/*: warning
              raci/too-many-consulted: {severity: error, max: 3}

            """, "org/procdef.yaml", in: root)
        try write(
            """
            kind: config
            extends: ../org/procdef.yaml
            paths: [Processes]
            exclude: [Processes/archive/**, "**/*.draft.yaml"]
            overrides:
              - paths: [Processes/suppliers/**]
                rules:
                  handoff/gap: error

            """, "repo/.procdef.yaml", in: root)
        try write(Repo.roles, "repo/Processes/roles.yaml", in: root)
        try write(Repo.incident, "repo/Processes/incident.yaml", in: root)
        try write(
            Repo.incident.replacingOccurrences(of: "id: incident", with: "id: supplier"), "repo/Processes/suppliers/supplier.yaml", in: root
        )
        try write(Repo.incident.replacingOccurrences(of: "id: incident", with: "id: old"), "repo/Processes/archive/old.yaml", in: root)
        try write("kind: process\nid: [broken\n", "repo/Processes/next.draft.yaml", in: root)
        return (root, repo)
    }

    func testExtendsExcludeAndOverridesTogether() throws {
        let (_, repo) = try organisation()
        let run = try Procdef.run(["check"] + Repo.today, in: repo)
        XCTAssertEqual(run.status, 1)
        // The org makes every handoff rule a warning; the override makes gaps in supplier processes errors again;
        // the archive and the draft are never read.
        XCTAssertEqual(
            findings(run),
            [
                "Processes/incident.yaml:10:11: warning: responsibility passes from 'desk' (Desk) at 'log' (Log) to 'resolver' (Resolver) at 'diagnose' (Diagnose) with no handoff declared [handoff/gap]",
                "Processes/incident.yaml:15:11: warning: responsibility passes from 'resolver' (Resolver) at 'diagnose' (Diagnose) to 'desk' (Desk) at 'close' (Close) with no handoff declared [handoff/gap]",
                "Processes/suppliers/supplier.yaml:10:11: error: responsibility passes from 'desk' (Desk) at 'log' (Log) to 'resolver' (Resolver) at 'diagnose' (Diagnose) with no handoff declared [handoff/gap]",
                "Processes/suppliers/supplier.yaml:15:11: error: responsibility passes from 'resolver' (Resolver) at 'diagnose' (Diagnose) to 'desk' (Desk) at 'close' (Close) with no handoff declared [handoff/gap]",
            ])
        XCTAssertEqual(run.stdout.split(separator: "\n").last, "2 errors, 2 warnings in 5 files")
        // A file named on the command line is read, excluded or not.
        let named = try Procdef.run(["check", "Processes/archive/old.yaml", "Processes/roles.yaml"] + Repo.today, in: repo)
        XCTAssertEqual(findings(named).count, 2, named.stdout)
        XCTAssertTrue(named.stdout.contains("Processes/archive/old.yaml:10:11: warning:"), named.stdout)
    }

    func testAnExtendsCycleOrAMissingFileNamesTheChain() throws {
        let (root, repo) = try organisation()
        try write("kind: config\nextends: ../repo/.procdef.yaml\n", "org/procdef.yaml", in: root)
        let cycle = try Procdef.run(["check"] + Repo.today, in: repo)
        XCTAssertEqual(cycle.status, 2)
        XCTAssertEqual(
            cycle.stderr,
            "procdef: error: configuration cycle: .procdef.yaml, which extends \(root.path)/org/procdef.yaml, which extends .procdef.yaml (\(root.path)/org/procdef.yaml:2)\n"
        )
        try write("kind: config\nextends: [base.yaml]\n", "org/procdef.yaml", in: root)
        let missing = try Procdef.run(["check"] + Repo.today, in: repo)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(
            missing.stderr,
            "procdef: error: .procdef.yaml, which extends \(root.path)/org/procdef.yaml, which extends \(root.path)/org/base.yaml (\(root.path)/org/procdef.yaml:2), which does not exist\n"
        )
    }

    func testLaterFilesWinAndGlobsStayRelativeToTheFileThatWroteThem() throws {
        let (root, repo) = try organisation()
        // Relative to org/, this glob names org/Processes/suppliers: the repository's own suppliers are still read.
        try write(
            """
            kind: config
            exclude: [Processes/suppliers/**]
            out: site
            rules:
              raci/too-many-consulted: {severity: error, max: 3}

            """, "org/procdef.yaml", in: root)
        try write(
            """
            kind: config
            extends: ../org/procdef.yaml
            out: docs/site
            rules:
              raci/too-many-consulted: warning

            """, "repo/.procdef.yaml", in: root)
        let run = try Procdef.run(["check", "--select", "handoff/gap"] + Repo.today, in: repo)
        XCTAssertTrue(run.stdout.contains("Processes/suppliers/supplier.yaml:10:11: error:"), run.stdout)
        let config = try Procdef.run(["config"], in: repo)
        let lines = config.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // A scalar and a rule's whole entry come from the later file: the org's `max: 3` goes with its entry.
        XCTAssertTrue(lines.contains("out docs/site .procdef.yaml:3"), config.stdout)
        XCTAssertTrue(lines.contains("raci/too-many-consulted warning .procdef.yaml:5"), config.stdout)
        XCTAssertTrue(lines.contains("exclude Processes/suppliers/** \(root.path)/org/procdef.yaml:2"), config.stdout)
    }

    func testASharedConfigsWideGlobStaysInItsFolder() throws {
        let (root, repo) = try organisation()
        try write("kind: config\nexclude: [\"*\", \"**/*.yaml\"]\n", "org/procdef.yaml", in: root)
        let run = try Procdef.run(["check", "--select", "handoff/gap"] + Repo.today, in: repo)
        XCTAssertEqual(findings(run).count, 4, run.stdout)
    }

    func testACycleThroughALinkIsACycle() throws {
        let (root, repo) = try organisation()
        try FileManager.default.createSymbolicLink(
            at: repo.appendingPathComponent("link"), withDestinationURL: repo)
        try write("kind: config\nextends: link/.procdef.yaml\n", "repo/.procdef.yaml", in: root)
        let run = try Procdef.run(["check"] + Repo.today, in: repo)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            "procdef: error: configuration cycle: .procdef.yaml, which extends link/.procdef.yaml (.procdef.yaml:2)\n")
    }

    func testANamedExcludedFolderIsReadAsANamedFileIs() throws {
        let (_, repo) = try organisation()
        let run = try Procdef.run(["check", "Processes/archive", "Processes/roles.yaml", "--select", "handoff/gap"] + Repo.today, in: repo)
        XCTAssertEqual(findings(run).count, 2, run.stdout)
        XCTAssertTrue(findings(run).allSatisfy { $0.hasPrefix("Processes/archive/old.yaml:") }, run.stdout)
    }

    func testConfigNamesTheEntryThatSetTheLevel() throws {
        let root = try Procdef.temporaryDirectory(self)
        try write(
            """
            kind: config
            rules:
              raci/too-many-consulted: {max: 5}
              raci/*: note
              raci/conflicting-assignment: error
              policy/waiver-expired: warning
            overrides:
              - paths: [Processes/**]
                rules:
                  raci/*: warning
                  raci/idle-role: error

            """, ".procdef.yaml", in: root)
        let run = try Procdef.run(["config", "Processes/a.yaml"], in: root)
        func rule(_ id: String) -> String? {
            run.stdout.split(separator: "\n").first { $0.hasPrefix("  \(id) ") }.map { $0.split(separator: " ").joined(separator: " ") }
        }
        // The override's own entry beats its family entry, as the resolver reads them.
        XCTAssertEqual(rule("raci/idle-role"), "raci/idle-role error override 1, .procdef.yaml:11")
        // An entry that only sets options does not set the level; the override's family does.
        XCTAssertEqual(rule("raci/too-many-consulted"), "raci/too-many-consulted warning (max 5) override 1, .procdef.yaml:10")
        XCTAssertEqual(rule("raci/redundant-informed"), "raci/redundant-informed warning override 1, .procdef.yaml:10")
        let outside = try Procdef.run(["config", "Other/a.yaml"], in: root)
        XCTAssertTrue(outside.stdout.contains("  raci/too-many-consulted "), outside.stdout)
        let lines = outside.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(lines.contains("raci/too-many-consulted note (max 5) .procdef.yaml:4"), outside.stdout)
        XCTAssertTrue(lines.contains("raci/redundant-informed error as raci/conflicting-assignment: .procdef.yaml:5"), outside.stdout)
        // A renamed rule's old id is that rule, not a policy.
        XCTAssertTrue(lines.contains("waiver/expired warning .procdef.yaml:6"), outside.stdout)
        XCTAssertFalse(outside.stdout.contains("policy/waiver-expired"), outside.stdout)
    }

    func testALaterFileWinsWhicheverIdItWritesARenamedRuleWith() throws {
        let (root, repo) = try organisation()
        try write("kind: config\nrules:\n  waiver/expired: error\n", "org/procdef.yaml", in: root)
        try write("kind: config\nextends: ../org/procdef.yaml\nrules:\n  policy/waiver-expired: note\n", ".procdef.yaml", in: repo)
        let run = try Procdef.run(["config"], in: repo)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(lines.contains("waiver/expired note .procdef.yaml:4"), run.stdout)
    }

    func testDiffPassesOverExcludedFilesToo() throws {
        let (_, repo) = try organisation()
        let fm = FileManager.default
        try fm.copyItem(at: repo.appendingPathComponent("Processes"), to: repo.appendingPathComponent("new"))
        try fm.copyItem(at: repo.appendingPathComponent("Processes"), to: repo.appendingPathComponent("old"))
        try fm.removeItem(at: repo.appendingPathComponent("old/archive"))
        try write("kind: config\nexclude: [new/archive, old/archive]\n", ".procdef.yaml", in: repo)
        let run = try Procdef.run(["diff", "old", "new"] + Repo.today, in: repo)
        XCTAssertFalse(run.stdout.contains("archive"), run.stdout)
        let baseline = try Procdef.run(["diff", "old", "new", "--no-baseline"] + Repo.today, in: repo)
        XCTAssertEqual(baseline.status, 2)
    }

    func testConfigPrintsWhereEachSettingCameFrom() throws {
        let (root, repo) = try organisation()
        let run = try Procdef.run(["config", "Processes/suppliers/supplier.yaml"], in: repo)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let org = "\(root.path)/org/procdef.yaml"
        XCTAssertEqual(
            Array(lines.prefix(12)),
            [
                "Settings for Processes/suppliers/supplier.yaml",
                "",
                "Config files, merged in this order (a later one wins):",
                "  \(org)",
                "  .procdef.yaml  (extends ../org/procdef.yaml)",
                "",
                "Settings:",
                "  paths                Processes" + String(repeating: " ", count: 51) + ".procdef.yaml:3",
                "  out                  site" + String(repeating: " ", count: 56) + "\(org):2",
                "  baseline             .procdef-baseline.json" + String(repeating: " ", count: 38) + "default",
                "  docs-url             https://github.com/procdef/procdef/blob/main/docs/rules.md  default",
                "  review-every         none" + String(repeating: " ", count: 56) + "default",
            ])
        XCTAssertTrue(lines.contains("Excluded: no."), run.stdout)
        XCTAssertTrue(lines.contains("  override 1 at .procdef.yaml:6 (paths: Processes/suppliers/**)"), run.stdout)
        func rule(_ id: String) -> String? {
            lines.first { $0.hasPrefix("  \(id) ") }.map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            }
        }
        XCTAssertEqual(rule("handoff/gap"), "handoff/gap error override 1, .procdef.yaml:8")
        XCTAssertEqual(rule("handoff/missing-artifact"), "handoff/missing-artifact warning \(org):4")
        XCTAssertEqual(rule("raci/too-many-consulted"), "raci/too-many-consulted error (max 3) \(org):5")
        XCTAssertEqual(rule("flow/deadlock"), "flow/deadlock error default")

        let archived = try Procdef.run(["config", "Processes/archive/old.yaml"], in: repo)
        XCTAssertTrue(
            archived.stdout.contains(
                "Excluded: yes, by 'Processes/archive/**'; a folder walk passes it over (named on the command line, it is read)."),
            archived.stdout)
        let elsewhere = try Procdef.run(["config"], in: root)
        XCTAssertTrue(
            elsewhere.stdout.hasPrefix(
                "No configuration file: no .procdef.yaml here or in a folder above, so every setting is its default."),
            elsewhere.stdout)
    }
}

/// `procdef check -`, `-o`, `--quiet`, `--statistics`, `--color` and `--select`/`--ignore`.
final class CheckHabitsCommandTests: XCTestCase {
    private typealias Repo = BaselineCommandTests

    private func findings(_ run: ProcdefRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("]") && $0.contains(": ") && !$0.hasPrefix(" ") }
    }

    func testStandardInputAloneOrInPlaceOfAFile() throws {
        let root = try Repo.repository(self)
        let edited = Repo.incident.replacingOccurrences(of: "    next: diagnose\n", with: "    next: diagnose\n    colour: red\n")
        let alone = try Procdef.run(["check", "-"] + Repo.today, in: root, stdin: Data(edited.utf8))
        XCTAssertEqual(alone.status, 1)
        XCTAssertEqual(
            findings(alone),
            [
                "-:4:8: error: unknown role 'owner' in 'owner' of process 'incident' [ref/unknown-role]",
                "-:8:18: error: unknown role 'desk' in 'responsible' of activity 'log' [ref/unknown-role]",
                "-:9:18: error: unknown role 'owner' in 'accountable' of activity 'log' [ref/unknown-role]",
                "-:11:5: error: unknown key 'colour' in activity 'log' [schema/unknown-key]",
                "-:14:18: error: unknown role 'resolver' in 'responsible' of activity 'diagnose' [ref/unknown-role]",
                "-:15:18: error: unknown role 'owner' in 'accountable' of activity 'diagnose' [ref/unknown-role]",
                "-:19:18: error: unknown role 'desk' in 'responsible' of activity 'close' [ref/unknown-role]",
                "-:20:18: error: unknown role 'owner' in 'accountable' of activity 'close' [ref/unknown-role]",
            ])
        XCTAssertEqual(alone.stdout.split(separator: "\n").last, "8 errors in 1 file")

        // In place of the file on disk: the roles resolve, and only this file's findings are reported.
        let placed = try Procdef.run(
            ["check", "-", "--stdin-filename", "Processes/incident.yaml"] + Repo.today, in: root, stdin: Data(edited.utf8))
        XCTAssertEqual(placed.status, 1)
        XCTAssertEqual(
            findings(placed),
            [
                "Processes/incident.yaml:10:11: error: responsibility passes from 'desk' (Desk) at 'log' (Log) to 'resolver' (Resolver) at 'diagnose' (Diagnose) with no handoff declared [handoff/gap]",
                "Processes/incident.yaml:11:5: error: unknown key 'colour' in activity 'log' [schema/unknown-key]",
                "Processes/incident.yaml:16:11: error: responsibility passes from 'resolver' (Resolver) at 'diagnose' (Diagnose) to 'desk' (Desk) at 'close' (Close) with no handoff declared [handoff/gap]",
            ])
        XCTAssertEqual(placed.stdout.split(separator: "\n").last, "3 errors in 1 file")
        // The baseline applies to it too: only the new key is reported.
        XCTAssertEqual(try Procdef.run(["check", "--write-baseline"] + Repo.today, in: root).status, 0)
        let known = try Procdef.run(
            ["check", "-", "--stdin-filename", "Processes/incident.yaml"] + Repo.today, in: root, stdin: Data(edited.utf8))
        XCTAssertEqual(
            findings(known), ["Processes/incident.yaml:11:5: error: unknown key 'colour' in activity 'log' [schema/unknown-key]"])
        // An excluded path reports nothing.
        try "kind: config\nexclude: [Processes/incident.yaml]\n".write(
            to: root.appendingPathComponent(".procdef.yaml"), atomically: true, encoding: .utf8)
        let excluded = try Procdef.run(
            ["check", "-", "--stdin-filename", "Processes/incident.yaml"] + Repo.today, in: root, stdin: Data(edited.utf8))
        XCTAssertEqual(excluded.status, 0)
        XCTAssertEqual(excluded.stdout, "no problems in 0 files\n")
        XCTAssertEqual(
            excluded.stderr,
            "procdef: note: Processes/incident.yaml is excluded by the config's `exclude`: standard input was not checked\n")

        let misuse = try Procdef.run(["check", "--stdin-filename", "x.yaml"], in: root)
        XCTAssertEqual(misuse.status, 2)
        XCTAssertTrue(
            misuse.stderr.hasPrefix(
                "procdef: error: --stdin-filename names the file that standard input stands for: give `-` as the path"), misuse.stderr)
    }

    func testOutputIsWrittenWholeOrNotAtAll() throws {
        let root = try Repo.repository(self)
        let written = try Procdef.run(["check", "--format", "json", "-o", "report.json"] + Repo.today, in: root)
        XCTAssertEqual(written.status, 1)
        XCTAssertEqual(written.stdout, "2 errors in 2 files (report written to report.json)\n")
        let report = try Data(contentsOf: root.appendingPathComponent("report.json"))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: report))

        // Made to fail between writing and renaming: the old report stays, and no temporary file is left.
        let failed = try Procdef.run(
            ["check", "--format", "sarif", "-o", "report.json"] + Repo.today, in: root,
            environment: ["PROCDEF_TEST_FAIL_BEFORE_RENAME": "1"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(
            failed.stderr,
            "procdef: error: cannot write report.json: the write was made to fail before the rename (PROCDEF_TEST_FAIL_BEFORE_RENAME)\n")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("report.json")), report)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(left, ["Processes", "report.json"])
    }

    func testAReadOnlyDestinationIsAClearError() throws {
        // /sys refuses new files even to root, where a chmod would not stop the write.
        guard FileManager.default.fileExists(atPath: "/sys/kernel") else { throw XCTSkip("needs Linux's /sys") }
        let root = try Repo.repository(self)
        let run = try Procdef.run(["check", "-o", "/sys/procdef-report.json"] + Repo.today, in: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "procdef: error: cannot write /sys/procdef-report.json: permission denied\n")
        XCTAssertEqual(run.stdout, "")
    }

    func testQuietPrintsOnlyWhatFailsTheRun() throws {
        let root = try Repo.repository(self)
        let handoffFixed = Repo.incident.replacingOccurrences(
            of: "    next: close\n", with: "    next: close\n    handoff: {artifact: fix, expectation: closes it}\n")
        try handoffFixed.write(to: root.appendingPathComponent("Processes/incident.yaml"), atomically: true, encoding: .utf8)
        let loud = try Procdef.run(["check"] + Repo.today, in: root)
        XCTAssertEqual(findings(loud).map { $0.split(separator: " ")[1] }, ["error:", "note:"])
        let quiet = try Procdef.run(["check", "--quiet"] + Repo.today, in: root)
        XCTAssertEqual(quiet.status, 1)
        XCTAssertEqual(findings(quiet).count, 1)
        XCTAssertTrue(findings(quiet)[0].contains("[handoff/gap]"))
        XCTAssertFalse(quiet.stdout.contains(" in 2 files"), "no summary line")
        XCTAssertTrue(quiet.stdout.hasSuffix("what the receiver commits to>\n\n"), quiet.stdout)
    }

    func testStatisticsCountEachRule() throws {
        let root = try Repo.repository(self)
        let edited = Repo.incident.replacingOccurrences(of: "    name: Log\n", with: "    name: Log\n    colour: red\n")
        try edited.write(to: root.appendingPathComponent("Processes/incident.yaml"), atomically: true, encoding: .utf8)
        let run = try Procdef.run(["check", "--statistics"] + Repo.today, in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stdout,
            """
            2  handoff/gap         error
            1  schema/unknown-key  error
            3 errors in 2 files

            """)
        let json = try Procdef.run(["check", "--statistics", "--format", "json"], in: root)
        XCTAssertEqual(json.status, 2)
    }

    func testColourFollowsTheFlagThenForceColorThenNoColor() throws {
        let root = try Repo.repository(self)
        let escape = "\u{1B}["
        XCTAssertFalse(try Procdef.run(["check"] + Repo.today, in: root).stdout.contains(escape), "a pipe gets no colour")
        XCTAssertTrue(try Procdef.run(["check", "--color", "always"] + Repo.today, in: root).stdout.contains(escape))
        XCTAssertTrue(
            try Procdef.run(["check"] + Repo.today, in: root, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"]).stdout.contains(escape))
        XCTAssertFalse(
            try Procdef.run(["check"] + Repo.today, in: root, environment: ["FORCE_COLOR": "0"]).stdout.contains(escape))
        XCTAssertFalse(
            try Procdef.run(["check", "--color", "never"] + Repo.today, in: root, environment: ["FORCE_COLOR": "1"]).stdout.contains(escape)
        )
    }

    func testSelectAndIgnoreChooseTheRulesOfOneRun() throws {
        let root = try Repo.repository(self)
        let edited = Repo.incident.replacingOccurrences(of: "    name: Log\n", with: "    name: Log\n    colour: red\n")
        try edited.write(to: root.appendingPathComponent("Processes/incident.yaml"), atomically: true, encoding: .utf8)
        func rules(_ arguments: [String]) throws -> [String] {
            findings(try Procdef.run(["check"] + arguments + Repo.today, in: root)).compactMap {
                $0.split(separator: "[").last.map { String($0.dropLast()) }
            }
        }
        XCTAssertEqual(try rules([]), ["schema/unknown-key", "handoff/gap", "handoff/gap"])
        XCTAssertEqual(try rules(["--select", "schema"]), ["schema/unknown-key"])
        XCTAssertEqual(try rules(["--select", "handoff/gap,schema/*"]), ["schema/unknown-key", "handoff/gap", "handoff/gap"])
        XCTAssertEqual(try rules(["--ignore", "handoff"]), ["schema/unknown-key"])
        XCTAssertEqual(try rules(["--select", "handoff", "--ignore", "handoff/gap"]), [])
        let typo = try Procdef.run(["check", "--ignore", "hadnoff"], in: root)
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr, "procdef: error: --ignore names 'hadnoff', which is no rule or family\nhelp: did you mean 'handoff'?\n")
    }
}
