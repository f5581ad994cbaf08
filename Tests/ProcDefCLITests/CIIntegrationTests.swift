import Foundation
import ProcDefTestSupport
import XCTest

/// The formats CI systems read, the configuration file and the exit controls, through the real binary.
final class CIIntegrationTests: XCTestCase {
    private func fixture(_ name: String) -> URL {
        Procdef.testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    // MARK: formats

    func testSARIFOutput() throws {
        let run = try Procdef.run(["check", "--format", "sarif"], in: fixture("errors"))
        XCTAssertEqual(run.status, 1)
        assertGolden(run.stdout, named: "errors.sarif")
        // Every result points at the catalogue entry of its own rule.
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(json["runs"] as? [[String: Any]])
        let driver = try XCTUnwrap((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(runs.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 4)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
        XCTAssertTrue(rules.contains { $0["id"] as? String == "handoff/gap" }, "the whole catalogue is listed")
    }

    func testGitHubOutput() throws {
        let run = try Procdef.run(["check", "--format", "github"], in: fixture("errors"))
        XCTAssertEqual(run.status, 1)
        assertGolden(run.stdout, named: "errors.github.txt")
    }

    func testGitLabOutput() throws {
        let run = try Procdef.run(["check", "--format", "gitlab"], in: fixture("errors"))
        XCTAssertEqual(run.status, 1)
        assertGolden(run.stdout, named: "errors.gitlab.json")
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let fingerprints = report.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(Set(fingerprints).count, 4, "one distinct fingerprint per finding")
    }

    func testGitLabFingerprintsSurviveAnEditAboveTheFinding() throws {
        let folder = try Procdef.temporaryDirectory(self)
        let source = fixture("errors")
        try FileManager.default.copyItem(at: source.appendingPathComponent("Processes"), to: folder.appendingPathComponent("Processes"))
        let first = try Procdef.run(["check", "--format", "gitlab"], in: folder)
        let file = folder.appendingPathComponent("Processes/incident-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(("# A comment that moves every finding down a line.\n" + text).utf8).write(to: file)
        let second = try Procdef.run(["check", "--format", "gitlab"], in: folder)
        func fingerprints(_ run: ProcdefRun) throws -> [String] {
            let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            return report.compactMap { $0["fingerprint"] as? String }
        }
        XCTAssertEqual(try fingerprints(first), try fingerprints(second))
        XCTAssertNotEqual(first.stdout, second.stdout, "the lines did move")
    }

    // MARK: exit controls

    func testStrictAndMaxWarnings() throws {
        let warnings = fixture("warnings")
        XCTAssertEqual(try Procdef.run(["check"], in: warnings).status, 0)
        XCTAssertEqual(try Procdef.run(["check", "--strict"], in: warnings).status, 1)
        // Four warnings (and a note, which no count includes).
        XCTAssertEqual(try Procdef.run(["check", "--max-warnings", "4"], in: warnings).status, 0)
        XCTAssertEqual(try Procdef.run(["check", "--max-warnings", "3"], in: warnings).status, 1)
        XCTAssertEqual(try Procdef.run(["check", "--max-warnings", "0"], in: fixture("clean")).status, 0)
        let negative = try Procdef.run(["check", "--max-warnings=-1"], in: warnings)
        XCTAssertEqual(negative.status, 2)
        XCTAssertTrue(negative.stderr.contains("--max-warnings takes a count of 0 or more"), negative.stderr)
    }

    // MARK: configuration and suppressions

    /// A repository whose config silences one finding and whose file silences another inline.
    private func configuredRepository() throws -> URL {
        let folder = try Procdef.temporaryDirectory(self)
        try FileManager.default.copyItem(
            at: fixture("warnings").appendingPathComponent("Processes"), to: folder.appendingPathComponent("Processes"))
        let file = folder.appendingPathComponent("Processes/password-reset.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  team-lead: {name: Team Lead, kind: stakeholder}",
            with:
                "  team-lead: {name: Team Lead, kind: stakeholder}  # procdef: ignore raci/idle-role -- the lead signs off the monthly review"
        )
        try Data(text.utf8).write(to: file)
        try Data("kind: config\nrules:\n  raci/too-many-consulted: off\n".utf8).write(to: folder.appendingPathComponent(".procdef.yaml"))
        return folder
    }

    func testConfigAndInlineSuppressionSilenceTheirFindingsAndNothingElse() throws {
        let run = try Procdef.run(["check", "--format", "json"], in: try configuredRepository())
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(
            diagnostics.map { "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "")" },
            [
                "14:47 raci/conflicting-assignment",
                "15:16 raci/redundant-informed",
                "18:3 raci/idle-role",
            ])
        XCTAssertEqual(run.status, 0)
    }

    func testConfigIsFoundFromASubdirectoryAndItsPathsAreUsed() throws {
        let repository = try configuredRepository()
        try Data("kind: config\npaths: [Processes]\nrules:\n  raci/*: error\n".utf8).write(
            to: repository.appendingPathComponent(".procdef.yaml"))
        let sub = repository.appendingPathComponent("docs/deep")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let run = try Procdef.run(["check"], in: sub)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        // The config's paths are relative to the config file; findings above the current directory show full paths.
        XCTAssertTrue(
            run.stdout.contains(
                repository.standardizedFileURL.path
                    + "/Processes/password-reset.yaml:14:76: error: activity 'reset' (Reset the password) consults 5 roles"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("4 errors in 3 files\n"), run.stdout)
    }

    func testExplicitConfigAndItsErrors() throws {
        let repository = try configuredRepository()
        let other = repository.appendingPathComponent("strict.yaml")
        try Data("kind: config\nrules:\n  raci/too-many-consultd: off\n".utf8).write(to: other)
        let run = try Procdef.run(["check", "--config", "strict.yaml"], in: repository)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("strict.yaml:3:3: error: no rule 'raci/too-many-consultd' [config/unknown-rule]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("help: did you mean 'raci/too-many-consulted'?"), run.stdout)
        let missing = try Procdef.run(["check", "--config", "nowhere.yaml"], in: repository)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "procdef: error: no such configuration file: nowhere.yaml\n")
    }
}
