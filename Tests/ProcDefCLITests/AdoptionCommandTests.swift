import Foundation
import XCTest

/// Adopting procdef in a repository that already has findings, as a team would: the baseline, per-folder settings,
/// shared configs, standard input and the output details of `procdef check`.
final class BaselineCommandTests: XCTestCase {
    static let roles = """
        kind: roles
        roles:
          owner: {name: Owner, kind: owner}
          desk: {name: Desk, kind: practitioner, team: desk}
          resolver: {name: Resolver, kind: practitioner, team: resolvers}

        """

    /// Two handoff gaps: desk → resolver after `log`, resolver → desk after `diagnose`.
    static let incident = """
        kind: process
        id: incident
        name: Incident
        owner: owner
        activities:
          - id: log
            name: Log
            responsible: desk
            accountable: owner
            next: diagnose
          - id: diagnose
            name: Diagnose
            responsible: resolver
            accountable: owner
            next: close
          - id: close
            name: Close
            responsible: desk
            accountable: owner
            end: true

        """

    static let today = ["--today", "2026-06-01"]

    /// A repository with the role catalogue and the incident process in Processes/.
    static func repository(_ test: XCTestCase, incident: String = incident) throws -> URL {
        let root = try Procdef.temporaryDirectory(test)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        try roles.write(to: processes.appendingPathComponent("roles.yaml"), atomically: true, encoding: .utf8)
        try incident.write(to: processes.appendingPathComponent("incident.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func read(_ path: String, in root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private func check(_ root: URL, _ arguments: [String] = []) throws -> ProcdefRun {
        try Procdef.run(["check"] + arguments + Self.today, in: root)
    }

    /// `file:line:column: severity: message [rule]` lines, without snippets and help.
    private func findings(_ run: ProcdefRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("]") && $0.contains(": ") && !$0.hasPrefix(" ") }
    }

    private func lastLine(_ run: ProcdefRun) -> String {
        run.stdout.split(separator: "\n").last.map(String.init) ?? ""
    }

    func testWriteThenCheckIsGreenAndSaysWhatItHid() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root).status, 1)
        let written = try check(root, ["--write-baseline"])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "wrote 2 known findings to .procdef-baseline.json\n")
        XCTAssertEqual(
            try read(".procdef-baseline.json", in: root),
            """
            {
              "version": 1,
              "about": "Known findings that procdef check neither reports nor fails on: written by `procdef check --write-baseline`, which also prunes the fixed ones. See docs/configuration.md.",
              "findings": [
                {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident", "activities": ["diagnose", "close"], "roles": ["resolver", "desk"], "count": 1},
                {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident", "activities": ["log", "diagnose"], "roles": ["desk", "resolver"], "count": 1}
              ]
            }

            """)
        let run = try check(root)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "no new problems in 2 files; 2 known findings hidden by .procdef-baseline.json\n")
        // The same findings write the same bytes.
        let before = try read(".procdef-baseline.json", in: root)
        XCTAssertEqual(
            try check(root, ["--write-baseline"]).stdout, "wrote 2 known findings to .procdef-baseline.json (0 fixed and pruned, 0 added)\n"
        )
        XCTAssertEqual(try read(".procdef-baseline.json", in: root), before)
        // --no-baseline shows everything again.
        XCTAssertEqual(lastLine(try check(root, ["--no-baseline"])), "2 errors in 2 files")
    }

    func testMovingReformattingAndAddingAStepElsewhereKeepTheBaselineValid() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        // Comments above, flow style, a new step that hands nothing over, and keys in another order.
        let edited = """
            # Incident management, owned by the service desk.
            # Reviewed every year.

            kind: process
            name: Incident
            id: incident
            owner: owner
            activities:
              - {id: log, name: Log, responsible: desk, accountable: owner, next: triage}
              - {id: triage, name: Triage, responsible: desk, accountable: owner, next: diagnose}
              - id: diagnose
                accountable: owner
                responsible: resolver
                name: Diagnose
                next: close
              - id: close
                name: Close
                responsible: desk
                accountable: owner
                end: true

            """
        try write(edited, "Processes/incident.yaml", in: root)
        let run = try check(root)
        // The gap now leaves `triage`, not `log`: a different defect, so it is new; the other one is still known.
        XCTAssertEqual(
            findings(run),
            [
                ".procdef-baseline.json:6:5: note: 1 baselined 'handoff/gap' finding in Processes/incident.yaml no longer occurs (process incident, activities log, diagnose; roles desk, resolver) [lint/stale-baseline]",
                "Processes/incident.yaml:10:77: error: responsibility passes from 'desk' (Desk) at 'triage' (Triage) to 'resolver' (Resolver) at 'diagnose' (Diagnose) with no handoff declared [handoff/gap]",
            ])
        XCTAssertEqual(lastLine(run), "1 new error, 1 new note in 2 files; 1 known finding hidden by .procdef-baseline.json")

        // Only moving and reformatting: still green.
        let moved = """
            # Moved down the file by a long comment.
            #
            #
            kind: process
            id: incident
            name: Incident
            owner: owner
            activities:
              - {id: log, name: Log, responsible: desk, accountable: owner, next: diagnose}
              - {id: diagnose, name: Diagnose, responsible: resolver, accountable: owner, next: close}
              - {id: close, name: Close, responsible: desk, accountable: owner, end: true}

            """
        try write(moved, "Processes/incident.yaml", in: root)
        let green = try check(root)
        XCTAssertEqual(green.status, 0, green.stdout)
        XCTAssertEqual(green.stdout, "no new problems in 2 files; 2 known findings hidden by .procdef-baseline.json\n")
    }

    func testAFixIsAStaleNoteAndWritingPrunesIt() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        let fixedOne = Self.incident.replacingOccurrences(
            of: "    next: close\n", with: "    next: close\n    handoff: {artifact: fix, expectation: Closes it within 1h.}\n")
        try write(fixedOne, "Processes/incident.yaml", in: root)
        let stale = try check(root)
        XCTAssertEqual(stale.status, 0)
        XCTAssertEqual(
            findings(stale),
            [
                ".procdef-baseline.json:5:5: note: 1 baselined 'handoff/gap' finding in Processes/incident.yaml no longer occurs (process incident, activities diagnose, close; roles resolver, desk) [lint/stale-baseline]"
            ])
        XCTAssertTrue(stale.stdout.contains("help: run `procdef check --write-baseline` to prune it from the baseline"), stale.stdout)

        let pruned = try check(root, ["--write-baseline"])
        XCTAssertEqual(pruned.stdout, "wrote 1 known finding to .procdef-baseline.json (1 fixed and pruned, 0 added)\n")
        XCTAssertEqual(try check(root).stdout, "no new problems in 2 files; 1 known finding hidden by .procdef-baseline.json\n")

    }

    func testASecondInstanceOfAKnownDefectIsNew() throws {
        // An unknown key is about its process: two in one process are two instances of one key.
        let once = Self.incident.replacingOccurrences(of: "    name: Log\n", with: "    name: Log\n    colour: red\n")
        let root = try Self.repository(self, incident: once)
        XCTAssertEqual(try check(root, ["--write-baseline"]).stdout, "wrote 3 known findings to .procdef-baseline.json\n")
        XCTAssertTrue(
            try read(".procdef-baseline.json", in: root).contains(
                "{\"rule\": \"schema/unknown-key\", \"file\": \"Processes/incident.yaml\", \"process\": \"incident\", \"count\": 1}"))
        let twice = once.replacingOccurrences(of: "    name: Close\n", with: "    name: Close\n    colour: blue\n")
        try write(twice, "Processes/incident.yaml", in: root)
        let run = try check(root)
        XCTAssertEqual(run.status, 1)
        // Which of the two is the new one cannot be told: both are shown, each with a note that says so.
        XCTAssertEqual(
            findings(run),
            [
                "Processes/incident.yaml:8:5: error: unknown key 'colour' in activity 'log' [schema/unknown-key]",
                "Processes/incident.yaml:19:5: error: unknown key 'colour' in activity 'close' [schema/unknown-key]",
            ])
        XCTAssertTrue(
            run.stdout.contains(
                "note: the baseline knows 1 finding of this rule about the same ids in this file, and 2 occur: each is shown, since the new one cannot be told from the known"
            ), run.stdout)
        XCTAssertEqual(lastLine(run), "2 new errors in 2 files; 2 known findings hidden by .procdef-baseline.json")
    }

    func testTheConfigSetsTheStaleNotesLevel() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        let fixedOne = Self.incident.replacingOccurrences(
            of: "    next: close\n", with: "    next: close\n    handoff: {artifact: fix, expectation: Closes it within 1h.}\n")
        try write(fixedOne, "Processes/incident.yaml", in: root)
        try write("kind: config\nrules:\n  lint/stale-baseline: error\n", ".procdef.yaml", in: root)
        let failing = try check(root)
        XCTAssertEqual(failing.status, 1, "a team that wants the baseline pruned in every pull request")
        XCTAssertTrue(findings(failing).first?.hasPrefix(".procdef-baseline.json:5:5: error: 1 baselined") == true, failing.stdout)
        try write("kind: config\nrules:\n  lint/*: off\n", ".procdef.yaml", in: root)
        XCTAssertEqual(try check(root).stdout, "no new problems in 3 files; 1 known finding hidden by .procdef-baseline.json\n")
        try FileManager.default.removeItem(at: root.appendingPathComponent(".procdef.yaml"))
        XCTAssertEqual(try check(root, ["--ignore", "lint/stale-baseline"]).status, 0)
        XCTAssertEqual(findings(try check(root, ["--ignore", "lint/stale-baseline"])), [])
    }

    func testASyntaxErrorDoesNotMakeTheFilesEntriesStale() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        try write(Self.incident + "  - [broken\n", "Processes/incident.yaml", in: root)
        let run = try check(root)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(findings(run).map { $0.split(separator: "[").last ?? "" }, ["yaml/syntax]"], run.stdout)
    }

    func testTheSameFileThroughALinkHasTheSameKeys() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        try write("kind: config\n", ".procdef.yaml", in: root)
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
        addTeardownBlock { try? FileManager.default.removeItem(at: link) }
        let run = try check(root, ["--config", link.appendingPathComponent(".procdef.yaml").path, "Processes"])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "no new problems in 3 files; 2 known findings hidden by \(link.path)/.procdef-baseline.json\n")
    }

    func testRewritingABrokenBaselineWarnsAndWrites() throws {
        let root = try Self.repository(self)
        try write("{bad", ".procdef-baseline.json", in: root)
        let run = try check(root, ["--write-baseline"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(
            run.stderr.hasPrefix(
                "procdef: warning: replacing .procdef-baseline.json, which is not a baseline: .procdef-baseline.json: not valid JSON"),
            run.stderr)
        XCTAssertFalse(run.stderr.contains("error:"), run.stderr)
        XCTAssertEqual(run.stdout, "wrote 2 known findings to .procdef-baseline.json\n")
    }

    func testOneCharacterNamesAreNames() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline=b"]).stdout.hasPrefix("wrote 2 known findings to b;"), true)
        XCTAssertEqual(try check(root, ["--baseline", "b"]).status, 0)
        let report = try check(root, ["--no-baseline", "-o", "x"])
        XCTAssertEqual(report.status, 1)
        XCTAssertEqual(report.stdout, "2 errors in 2 files (report written to x)\n")
        try write("kind: config\n", "c", in: root)
        XCTAssertEqual(try check(root, ["--config", "c", "--no-baseline"]).status, 1)
        // `--write-baseline=` with no file is the bare flag.
        XCTAssertEqual(try check(root, ["--write-baseline="]).stdout, "wrote 2 known findings to .procdef-baseline.json\n")
    }

    func testFlagsThatCannotGoTogetherAreRefused() throws {
        let root = try Self.repository(self)
        func refused(_ arguments: [String]) throws -> String {
            let run = try check(root, arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            return run.stderr.split(separator: "\n").first.map(String.init) ?? ""
        }
        XCTAssertEqual(
            try refused(["--quiet", "--format", "json"]),
            "procdef: error: --quiet is for text and github output; a json report keeps every finding and its summary (filter it with --select or --ignore)"
        )
        XCTAssertEqual(
            try refused(["--show-baselined"]),
            "procdef: error: --show-baselined lists known findings in json and sarif reports; add --format json or --format sarif")
        XCTAssertEqual(
            try refused(["--show-baselined", "--format", "json", "--no-baseline"]),
            "procdef: error: --show-baselined and --no-baseline cannot be used together")
        XCTAssertEqual(
            try refused(["--write-baseline", "--format", "sarif"]),
            "procdef: error: --write-baseline writes the baseline and exits 0; leave out --format, --strict, --max-warnings, --statistics, --quiet, --output and --show-baselined"
        )
        XCTAssertEqual(
            try refused(["--statistics", "--format", "sarif"]), "procdef: error: --statistics prints text; leave out --format sarif")
    }

    func testTheHintNamesTheBaselineAsTheConfigWouldWriteIt() throws {
        let root = try Self.repository(self)
        try write("kind: config\npaths: [Processes]\n", ".procdef.yaml", in: root)
        let run = try Procdef.run(["check", "--write-baseline", "other.json"] + Self.today, in: root.appendingPathComponent("Processes"))
        XCTAssertEqual(
            run.stdout,
            "wrote 2 known findings to other.json; check reads it with --baseline other.json, or `baseline: Processes/other.json` in \(root.path)/.procdef.yaml\n"
        )
    }

    func testWriteBaselineRefusesPartOfTheWorkspace() throws {
        let root = try Self.repository(self)
        let subset = try check(root, ["--write-baseline", "Processes/incident.yaml"])
        XCTAssertEqual(subset.status, 2)
        XCTAssertEqual(
            subset.stderr,
            """
            procdef: error: --write-baseline checks the whole workspace, and these paths are only part of it: it would prune the findings of the files it did not read
            help: run it without paths (the config's `paths`, else Processes and Policies: Processes)

            """)
        let selected = try check(root, ["--write-baseline", "--select", "handoff"])
        XCTAssertEqual(selected.status, 2)
        XCTAssertEqual(
            selected.stderr,
            """
            procdef: error: --write-baseline cannot be used with --select or --ignore: it would prune the findings of the rules it did not run
            help: write the baseline with every rule, then check with --select

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".procdef-baseline.json").path))
        // The whole workspace named on the command line is the whole workspace.
        XCTAssertEqual(try check(root, ["--write-baseline", "Processes"]).status, 0)
    }

    func testAPartialRunJudgesOnlyItsOwnEntries() throws {
        let root = try Self.repository(self)
        try write(Self.incident.replacingOccurrences(of: "id: incident", with: "id: change"), "Processes/change.yaml", in: root)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        try write(Self.roles, "Processes/change.yaml", in: root)  // every gap of `change` fixed, by removing it
        try FileManager.default.removeItem(at: root.appendingPathComponent("Processes/change.yaml"))
        // A pre-commit run names the files it checks (with the catalogue, so the roles resolve).
        let named = try check(root, ["Processes/incident.yaml", "Processes/roles.yaml"])
        XCTAssertEqual(named.stdout, "no new problems in 2 files; 2 known findings hidden by .procdef-baseline.json\n")
        XCTAssertEqual(try check(root, ["--select", "raci"]).stdout.contains("lint/stale-baseline"), false)
        let whole = try check(root)
        XCTAssertEqual(findings(whole).filter { $0.contains("[lint/stale-baseline]") }.count, 2, whole.stdout)
    }

    func testTheBaselineFileCanBeNamedAndMustThenExist() throws {
        let root = try Self.repository(self)
        let missing = try check(root, ["--baseline", "known.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(
            missing.stderr,
            """
            procdef: error: no such baseline file: known.json (named by --baseline)
            help: write it with `procdef check --write-baseline`, or use --no-baseline

            """)
        let written = try check(root, ["--write-baseline", "known.json"])
        XCTAssertEqual(
            written.stdout,
            "wrote 2 known findings to known.json; check reads it with --baseline known.json\n")
        XCTAssertEqual(try check(root, ["--baseline", "known.json"]).status, 0)
        try write("kind: config\nbaseline: known.json\n", ".procdef.yaml", in: root)
        XCTAssertEqual(try check(root).stdout, "no new problems in 3 files; 2 known findings hidden by known.json\n")
        try write("{\"version\": 1, \"findings\": [\n  {\"rule\": \"handoff/gap\"}\n]}\n", "known.json", in: root)
        let broken = try check(root)
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(
            broken.stderr,
            """
            procdef: error: known.json:2: finding 1: needs a "file"
            help: rewrite it with `procdef check --write-baseline`, or check without it: --no-baseline

            """)
    }

    func testJSONAndSARIFLeaveKnownFindingsOutUnlessAsked() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        func object(_ run: ProcdefRun) throws -> [String: Any] {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        }
        let json = try object(try check(root, ["--format", "json"]))
        XCTAssertEqual((json["diagnostics"] as? [Any])?.count, 0)
        XCTAssertEqual((json["summary"] as? [String: Any])?["baselined"] as? Int, 2)
        let shown = try object(try check(root, ["--format", "json", "--show-baselined"]))
        let diagnostics = try XCTUnwrap(shown["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["baselined"] as? Bool }, [true, true])
        XCTAssertEqual(
            diagnostics.map { $0["key"] as? String },
            [
                "handoff/gap|Processes/incident.yaml|process=incident;activities=log,diagnose;roles=desk,resolver",
                "handoff/gap|Processes/incident.yaml|process=incident;activities=diagnose,close;roles=resolver,desk",
            ])
        XCTAssertEqual(
            diagnostics.first?["url"] as? String, "https://github.com/procdef/procdef/blob/main/docs/rules.md#handoffgap")

        let sarif = try object(try check(root, ["--format", "sarif", "--show-baselined"]))
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["baselineState"] as? String }, ["unchanged", "unchanged"])
        let hidden = try object(try check(root, ["--format", "sarif"]))
        XCTAssertEqual(((hidden["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count, 0)
        // With no baseline, results carry no baselineState at all.
        let none = try object(try check(root, ["--format", "sarif", "--no-baseline"]))
        let plain = try XCTUnwrap(((none["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]))
        XCTAssertEqual(plain.compactMap { $0["baselineState"] }.count, 0)
    }

    func testSARIFFingerprintsSurviveALineMove() throws {
        let root = try Self.repository(self)
        func fingerprints() throws -> [String] {
            let run = try check(root, ["--format", "sarif"])
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let results = try XCTUnwrap(((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]))
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["procdef/v1"] }
        }
        let before = try fingerprints()
        XCTAssertEqual(before.count, 2)
        XCTAssertTrue(before.allSatisfy { $0.hasSuffix(":1") && $0.count == 18 }, "\(before)")
        try write("# moved\n# down\n\n" + Self.incident, "Processes/incident.yaml", in: root)
        XCTAssertEqual(try fingerprints(), before)
    }

    func testBuildHonoursTheBaselineAndListsKnownFindings() throws {
        let root = try Self.repository(self)
        XCTAssertEqual(try Procdef.run(["build"] + Self.today, in: root).status, 1)
        XCTAssertEqual(try check(root, ["--write-baseline"]).status, 0)
        let build = try Procdef.run(["build"] + Self.today, in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(
            build.stdout, "built 1 process into out (8 files); 2 known findings hidden by .procdef-baseline.json, listed in the runbooks\n")
        let runbook = try read("out/runbooks/incident.md", in: root)
        XCTAssertTrue(runbook.contains("The check found nothing new to report in this process."), runbook)
        XCTAssertTrue(
            runbook.contains(
                "Known findings, accepted in the baseline `.procdef-baseline.json` until they are fixed (2):"), runbook)
        XCTAssertTrue(
            runbook.contains(
                "| **error** | handoff/gap | Processes/incident.yaml:10:11 | responsibility passes from 'desk' (Desk) at 'log' (Log) to 'resolver' (Resolver) at 'diagnose' (Diagnose) with no handoff declared |"
            ), runbook)
    }
}
