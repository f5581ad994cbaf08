import Foundation
import ProcDefTestSupport
import XCTest

/// `procdef build`, `raci` and `graph` as a user runs them, on a copy of the shipped examples in a temporary folder.
final class BuildCommandTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let today = ["--today", "2026-06-01"]

    /// A temporary repository holding copies of the shipped `Processes/` and `Policies/`.
    private func exampleRepository() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    private var processIDs: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Processes").path)
                .filter { $0.hasSuffix(".yaml") && isProcess($0) }
                .map { String($0.dropLast(5)) }
                .sorted()
        }
    }

    /// Whether the shipped file holds a `kind: process` (not the role catalogue, not a process defined elsewhere).
    private func isProcess(_ name: String) -> Bool {
        let url = Self.repository.appendingPathComponent("Processes").appendingPathComponent(name)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").contains("kind: process")
    }

    /// Every file under `root` (hidden ones too) with its bytes, by relative path.
    private func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    /// Every entry directly in `root`, hidden ones too.
    private func entries(_ root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    }

    private func build(_ arguments: [String] = [], in root: URL) throws -> ProcdefRun {
        try Procdef.run(["build"] + Self.today + arguments, in: root)
    }

    // MARK: build

    func testSuccessfulBuildWritesEveryOutputAndNothingElse() throws {
        let root = try exampleRepository()
        let before = try snapshot(root)
        let run = try build(in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let ids = try processIDs
        XCTAssertEqual(run.stdout, "built \(ids.count) processes into out (\(ids.count * 4 + 4) files)\n")

        let after = try snapshot(root)
        // Only `out/` is new; the inputs are untouched, and no temporary folder is left beside `out`.
        XCTAssertEqual(after.filter { !$0.key.hasPrefix("out/") }, before)
        XCTAssertEqual(try entries(root), ["Policies", "Processes", "out"])

        var expected: Set<String> = [
            "out/.procdef-build", "out/index.md", "out/handoffs.md", "out/diagrams/landscape.dot", "out/raci/roles.csv",
        ]
        for id in ids {
            expected.formUnion([
                "out/runbooks/\(id).md", "out/diagrams/\(id).dot", "out/diagrams/\(id).blueprint.dot", "out/raci/\(id).csv",
            ])
        }
        XCTAssertEqual(Set(after.keys.filter { $0.hasPrefix("out/") }), expected)

        let index = String(decoding: after["out/index.md"] ?? Data(), as: UTF8.self)
        for id in ids {
            XCTAssertTrue(index.contains("(runbooks/\(id).md)"), index)
            XCTAssertTrue(index.contains("(diagrams/\(id).dot)"), index)
            XCTAssertTrue(index.contains("(diagrams/\(id).blueprint.dot)"), index)
            XCTAssertTrue(index.contains("(raci/\(id).csv)"), index)
        }
        XCTAssertTrue(index.contains("(diagrams/landscape.dot)"), index)
        XCTAssertTrue(index.contains("[The handoff map](handoffs.md)"), index)
        for id in ids {
            let runbook = String(decoding: after["out/runbooks/\(id).md"] ?? Data(), as: UTF8.self)
            XCTAssertTrue(runbook.contains("[the handoff map](../handoffs.md)"), runbook)
        }
    }

    func testBuildIsByteIdenticalAcrossRuns() throws {
        let root = try exampleRepository()
        XCTAssertEqual(try build(["--out", "first"], in: root).status, 0)
        XCTAssertEqual(try build(["--out", "second"], in: root).status, 0)
        let first = try snapshot(root.appendingPathComponent("first"))
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(try snapshot(root.appendingPathComponent("second")), first)
    }

    func testFailingBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let root = try exampleRepository()
        XCTAssertEqual(try build(in: root).status, 0)
        let previous = try snapshot(root.appendingPathComponent("out"))

        // Break one process: an activity's responsible role that no catalogue defines.
        let file = root.appendingPathComponent("Processes/incident-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "responsible: incident-manager", with: "responsible: incident-mgr")
        XCTAssertNotEqual(broken, text, "the fixture edit must change the file")
        try Data(broken.utf8).write(to: file)

        let run = try build(in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("Processes/incident-management.yaml:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error:"), run.stderr)
        XCTAssertTrue(
            run.stderr.hasSuffix(
                "procdef: error: build stopped by the findings above; nothing was written to 'out' (--allow-errors builds anyway, with the errors marked in the output)\n"
            ), run.stderr)
        XCTAssertEqual(try snapshot(root.appendingPathComponent("out")), previous)
        XCTAssertEqual(try entries(root), ["Policies", "Processes", "out"])
    }

    func testFailingFirstBuildCreatesNothing() throws {
        let root = try exampleRepository()
        let file = root.appendingPathComponent("Processes/problem-management.yaml")
        try Data(
            try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
                of: "owner: problem-process-owner", with: "owner: problem-procss-owner"
            ).utf8
        ).write(to: file)
        let run = try build(in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(try entries(root), ["Policies", "Processes"])
    }

    func testAllowErrorsBuildsAndDrawsTheGapInRed() throws {
        let root = try exampleRepository()
        // Remove the handoff from `resolve` to `confirm`: responsibility still changes, so it becomes a gap.
        let file = root.appendingPathComponent("Processes/incident-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let handoff = text.range(of: "\n    handoff:\n      artifact: resolution-notes\n"),
            let confirm = text.range(of: "\n\n  - id: confirm\n", range: handoff.upperBound..<text.endIndex)
        else {
            return XCTFail("the shipped incident process no longer hands resolution notes from resolve to confirm")
        }
        try Data(String(text[..<handoff.lowerBound] + text[confirm.lowerBound...]).utf8).write(to: file)
        let strict = try build(["--strict", "--allow-errors"], in: root)
        XCTAssertEqual(strict.status, 2, strict.stderr)

        let plain = try build(in: root)
        XCTAssertEqual(plain.status, 1, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("[handoff/gap]"), plain.stderr)
        let allowed = try build(["--allow-errors"], in: root)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("[handoff/gap]"), allowed.stderr)
        let dot = try String(contentsOf: root.appendingPathComponent("out/diagrams/incident-management.dot"), encoding: .utf8)
        // The gap is a red dashed edge through a red "handoff gap" label, with the roles in its tooltip.
        let gap = try XCTUnwrap(dot.firstMatch(of: /"(l_[0-9]+)" \[label="handoff gap", shape=plaintext/), dot)
        let label = String(gap.output.1)
        XCTAssertTrue(dot.contains("\"a_resolve\" -> \"\(label)\" [arrowhead=none, style=dashed, color=red, penwidth=2];"), dot)
        XCTAssertTrue(
            dot.contains(
                "\"\(label)\" -> \"a_confirm\" [style=dashed, color=red, penwidth=2, tooltip=\"handoff gap: the work passes from Application Support Engineer, Infrastructure Operations Engineer to Service Desk Analyst with nothing declared to hand on\"];"
            ), dot)
        XCTAssertTrue(dot.contains("┅ handoff gap (red, dashed)"), dot)
        let runbook = try String(contentsOf: root.appendingPathComponent("out/runbooks/incident-management.md"), encoding: .utf8)
        XCTAssertTrue(runbook.contains("**Handoff gap:**"), runbook)
        // A draft, from its first line, with the error for its reviewers.
        XCTAssertTrue(
            runbook.hasPrefix(
                "> **Draft: do not follow this runbook as written.** It was built from a definition with 1 error, listed under [For reviewers](#for-reviewers).\n\n# Incident Management\n"
            ), runbook)
        XCTAssertTrue(runbook.contains("| Status | **draft**: built from a definition with errors |\n"), runbook)
        XCTAssertTrue(
            runbook.contains("| **error** | handoff/gap | Processes/incident-management.yaml:259:9 | responsibility passes from"), runbook)
        // A runbook of a process without errors is no draft.
        let clean = try String(contentsOf: root.appendingPathComponent("out/runbooks/problem-management.md"), encoding: .utf8)
        XCTAssertTrue(clean.hasPrefix("# Problem Management\n"), clean)
    }

    /// `--history`: each runbook lists the commits that touched its definition, newest first, from one git log.
    func testHistoryListsTheCommitsOfEachDefinition() throws {
        let root = try exampleRepository()
        // Outside a repository, the flag cannot be honoured: exit 2, nothing written.
        // (Git looks no higher than the folder's parent, wherever the temporary folder is.)
        let outside = try Procdef.run(
            ["build", "--history"] + Self.today, in: root,
            environment: ["GIT_CEILING_DIRECTORIES": root.deletingLastPathComponent().path])
        XCTAssertEqual(outside.status, 2, outside.stderr)
        XCTAssertTrue(
            outside.stderr.contains(
                "procdef: error: --history could not read the change history: git rev-parse failed: fatal: not a git repository"),
            outside.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))

        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Ana Owner", "-c", "user.email=ana@example.com"] + arguments
            process.currentDirectoryURL = root
            process.environment = [
                "GIT_AUTHOR_DATE": "2026-11-02T10:00:00Z", "GIT_COMMITTER_DATE": "2026-11-02T10:00:00Z", "PATH": "/usr/bin:/bin",
            ]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "))
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "First version of the library"])
        let incident = root.appendingPathComponent("Processes/incident-management.yaml")
        try Data((try String(contentsOf: incident, encoding: .utf8) + "# reviewed\n").utf8).write(to: incident)
        try git(["commit", "-q", "-am", "Incident: a note after the review | with a pipe"])

        let run = try build(["--history"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let runbook = try String(contentsOf: root.appendingPathComponent("out/runbooks/incident-management.md"), encoding: .utf8)
        let rows = runbook.split(separator: "\n").filter { $0.hasPrefix("| 2026-11-02 |") }
        XCTAssertEqual(rows.count, 2, runbook)
        XCTAssertTrue(
            rows[0].hasPrefix("| 2026-11-02 | Incident: a note after the review \\| with a pipe | Ana Owner | `"), String(rows[0]))
        XCTAssertTrue(rows[1].hasPrefix("| 2026-11-02 | First version of the library | Ana Owner | `"), String(rows[1]))
        let problem = try String(contentsOf: root.appendingPathComponent("out/runbooks/problem-management.md"), encoding: .utf8)
        XCTAssertEqual(problem.split(separator: "\n").filter { $0.hasPrefix("| 2026-11-02 |") }.count, 1, problem)
        // From a folder below, the definitions named `../Processes`: the same history.
        let below = root.appendingPathComponent("below")
        try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
        let fromBelow = try Procdef.run(["build", "--history", "../Processes", "../Policies"] + Self.today, in: below)
        XCTAssertEqual(fromBelow.status, 0, fromBelow.stderr)
        let belowRunbook = try String(contentsOf: below.appendingPathComponent("out/runbooks/incident-management.md"), encoding: .utf8)
        XCTAssertEqual(belowRunbook.split(separator: "\n").filter { $0.hasPrefix("| 2026-11-02 |") }.count, 2, belowRunbook)
        // A folder whose name is not ASCII: git would quote it unless told not to.
        try git(["mv", "Processes", "Prozeß"])
        try git(["commit", "-q", "-m", "Prozesse umbenannt"])
        let renamed = try Procdef.run(["build", "--history", "--out", "out2", "Prozeß", "Policies"] + Self.today, in: root)
        XCTAssertEqual(renamed.status, 0, renamed.stderr)
        let renamedRunbook = try String(contentsOf: root.appendingPathComponent("out2/runbooks/incident-management.md"), encoding: .utf8)
        XCTAssertTrue(renamedRunbook.contains("| 2026-11-02 | Prozesse umbenannt | Ana Owner | `"), renamedRunbook)
        try git(["mv", "Prozeß", "Processes"])
        try git(["commit", "-q", "-m", "Back"])
        // Without the flag, no history: the same sources give the same bytes on any clone.
        XCTAssertEqual(try build(in: root).status, 0)
        let plain = try String(contentsOf: root.appendingPathComponent("out/runbooks/incident-management.md"), encoding: .utf8)
        XCTAssertFalse(plain.contains("Change history"), plain)
    }

    func testRenderSVGWritesAndEmbedsImages() throws {
        try OptionalTool.dot.require()
        let root = try exampleRepository()
        let run = try build(["--render", "svg", "--out", "site"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let files = try snapshot(root.appendingPathComponent("site"))
        for name in try processIDs.flatMap({ [$0, "\($0).blueprint"] }) + ["landscape"] {
            let svg = String(decoding: files["diagrams/\(name).svg"] ?? Data(), as: UTF8.self)
            XCTAssertTrue(svg.contains("<svg"), "diagrams/\(name).svg")
        }
        for id in try processIDs {
            let runbook = String(decoding: files["runbooks/\(id).md"] ?? Data(), as: UTF8.self)
            XCTAssertTrue(runbook.contains("](../diagrams/\(id).svg)"), runbook)
        }
        // The blueprint, under what the customer sees, for a process the customer sees.
        let incident = String(decoding: files["runbooks/incident-management.md"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(
            incident.contains("![Service blueprint of Incident Management](../diagrams/incident-management.blueprint.svg)"), incident)
        let index = String(decoding: files["index.md"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(index.contains("![Process landscape](diagrams/landscape.svg)"), index)
    }

    func testRenderWithoutGraphvizExitsTwoAndWritesNothing() throws {
        let root = try exampleRepository()
        let emptyPath = try Procdef.temporaryDirectory(self)
        let run = try Procdef.run(["build", "--render", "png"] + Self.today, in: root, environment: ["PATH": emptyPath.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--render png needs Graphviz, and no 'dot' was found on PATH"), run.stderr)
        XCTAssertTrue(run.stderr.contains("help: install Graphviz"), run.stderr)
        XCTAssertEqual(try entries(root), ["Policies", "Processes"])
    }

    func testRefusesToReplaceAFolderItDidNotWrite() throws {
        let root = try exampleRepository()
        let before = try snapshot(root)
        for out in ["Processes", ".", ".."] {
            let run = try build(["--out", out], in: root)
            XCTAssertEqual(run.status, 2, "\(out): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("refusing to replace"), run.stderr)
        }
        XCTAssertEqual(try snapshot(root), before)
        XCTAssertEqual(try entries(root), ["Policies", "Processes"])
    }

    func testReplacesAnEarlierBuildAndANewEmptyFolder() throws {
        let root = try exampleRepository()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/site"), withIntermediateDirectories: true)
        XCTAssertEqual(try build(["--out", "docs/site"], in: root).status, 0)
        // A stray file from an earlier build disappears: the folder is replaced as a whole.
        try Data("old".utf8).write(to: root.appendingPathComponent("docs/site/runbooks/retired-process.md"))
        XCTAssertEqual(try build(["--out", "docs/site"], in: root).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/site/runbooks/retired-process.md").path))
        XCTAssertEqual(try entries(root.appendingPathComponent("docs")), ["site"])
    }

    // MARK: graph and raci

    func testGraphPrintsTheDiagram() throws {
        let root = try exampleRepository()
        let run = try Procdef.run(["graph", "incident-management"] + Self.today, in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("digraph \"incident-management\" {\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("subgraph \"cluster_service-desk\""), run.stdout)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(try entries(root), ["Policies", "Processes"])

        XCTAssertEqual(try build(in: root).status, 0)
        XCTAssertEqual(
            run.stdout, try String(contentsOf: root.appendingPathComponent("out/diagrams/incident-management.dot"), encoding: .utf8))
    }

    func testUnknownProcessSuggestsTheClosest() throws {
        let root = try exampleRepository()
        for command in ["graph", "raci"] {
            let run = try Procdef.run([command, "incident-managment"] + Self.today, in: root)
            XCTAssertEqual(run.status, 2)
            XCTAssertEqual(run.stdout, "")
            XCTAssertEqual(
                run.stderr, "procdef: error: no process with id 'incident-managment'\nhelp: did you mean 'incident-management'?\n")
        }
    }

    /// What the user asked for comes first: with errors in the process, `raci` and `graph` still print it on standard
    /// output, count the errors in one line on standard error, and exit 1 (0 with `--allow-errors`).
    func testRaciAndGraphPrintDespiteErrorsAndCountThem() throws {
        let root = try exampleRepository()
        let process = root.appendingPathComponent("Processes/problem-management.yaml")
        let text = try String(contentsOf: process, encoding: .utf8)
        // Two errors in the process (an unknown responsible, twice), one in another file (an unknown policy owner).
        let broken = text.replacingOccurrences(of: "responsible: problem-manager", with: "responsible: problem-managr")
        XCTAssertEqual(broken.components(separatedBy: "problem-managr").count - 1, 2, "the fixture edit must plant two unknown roles")
        try Data(broken.utf8).write(to: process)
        let policy = root.appendingPathComponent("Policies/incidents-are-logged.yaml")
        let policyText = try String(contentsOf: policy, encoding: .utf8)
        XCTAssertTrue(policyText.contains("kind: policy\n"), policyText)
        try Data(policyText.replacingOccurrences(of: "kind: policy\n", with: "kind: policy\nfrobnicate: true\n").utf8).write(to: policy)

        let summary = "procdef: 2 errors in this process, 1 in other definitions; run `procdef check` for them\n"
        for arguments in [["raci", "problem-management"], ["raci", "problem-management", "--csv"], ["graph", "problem-management"]] {
            let run = try Procdef.run(arguments + Self.today, in: root)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr, summary, "\(arguments)")
            XCTAssertTrue(run.stdout.contains("problem-managr"), "\(arguments): \(run.stdout)")
            let allowed = try Procdef.run(arguments + Self.today + ["--allow-errors"], in: root)
            XCTAssertEqual(allowed.status, 0, "\(arguments): \(allowed.stderr)")
            XCTAssertEqual(allowed.stderr, summary, "\(arguments)")
            XCTAssertEqual(allowed.stdout, run.stdout, "\(arguments)")
        }

        // Errors only elsewhere: the process is fine, so the exit code is 0, and the count still says so.
        let other = try Procdef.run(["raci", "incident-management"] + Self.today, in: root)
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertEqual(other.stderr, "procdef: 3 errors in other definitions, none in this process; run `procdef check` for them\n")
    }

    /// A process whose file cannot be read has no matrix: the error names the file, and that no flag helps.
    func testAnUnreadableProcessIsNamedWithItsFile() throws {
        let root = try exampleRepository()
        try Data("kind: process\nid: broken\n  name: [\n".utf8).write(to: root.appendingPathComponent("Processes/broken.yaml"))
        for command in ["raci", "graph"] {
            let run = try Procdef.run([command, "broken", "--allow-errors"] + Self.today, in: root)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertEqual(run.stdout, "")
            XCTAssertEqual(
                run.stderr,
                """
                procdef: error: no process with id 'broken'
                help: known processes: access-management, change-enablement, incident-management, major-incident-management, problem-management, service-request-fulfilment, supplier-escalation
                help: errors keep Processes/broken.yaml from being read, even with --allow-errors; run `procdef check` for them

                """)
        }
    }

    func testRaciPrintsAnAlignedTable() throws {
        let root = try exampleRepository()
        let run = try Procdef.run(["raci", "problem-management"] + Self.today, in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "Problem Management (problem-management): RACI matrix")
        guard let header = lines.first(where: { $0.hasPrefix("#  activity") }) else { return XCTFail(run.stdout) }
        XCTAssertTrue(header.contains("problem-coordinator"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n1  Log the problem"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  problem-coordinator: Problem Coordinator (Problem Management)\n"), run.stdout)
        // Every row of the table lines its columns up under the header's.
        let start = header.range(of: "problem-coordinator").map { header.distance(from: header.startIndex, to: $0.lowerBound) } ?? 0
        for row in lines.drop(while: { $0 != header }).dropFirst().prefix(while: { !$0.isEmpty }) {
            XCTAssertGreaterThanOrEqual(row.count, start, String(row))
            XCTAssertEqual(
                row[row.index(row.startIndex, offsetBy: start - 2)..<row.index(row.startIndex, offsetBy: start)], "  ", String(row))
        }
    }

    func testRaciCSVMatchesTheBuiltFile() throws {
        let root = try exampleRepository()
        let run = try Procdef.run(["raci", "incident-management", "--csv"] + Self.today, in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        // The columns in the catalogue's order of roles, as every runbook and diagram of the library has them.
        XCTAssertTrue(
            run.stdout.hasPrefix(
                "activity,name,incident-manager,service-desk-lead,service-desk,application-support,infrastructure-ops,end-user,business-stakeholder\r\n"
            ), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("\r\n"))
        XCTAssertEqual(try build(in: root).status, 0)
        XCTAssertEqual(run.stdout, try String(contentsOf: root.appendingPathComponent("out/raci/incident-management.csv"), encoding: .utf8))
    }
}
