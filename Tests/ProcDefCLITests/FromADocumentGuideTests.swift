import Foundation
import XCTest

/// `docs/from-a-document.md` works through an example whose files are in `docs/examples/from-a-document/`. This test
/// holds the guide to those files and to the binary, so the guide cannot go stale:
/// - ```` ```LANG excerpt=PATH ````: the file at PATH in the example folder (or written there by a command shown
///   before) contains the block; a file the guide shows whole must be one of its blocks from first line to last;
/// - ```` ```console ````: each `$ ` line runs with `sh` in a copy of the example folder, the built `procdef` first on
///   `PATH`, and prints exactly the lines under it (standard output and error together, as a terminal shows them).
/// Other blocks (```` ```sh ````, ```` ```yaml ```` without `excerpt=`) are for the reader only. The fences are read
/// by `TutorialBlock`, as for the tutorial.
final class FromADocumentGuideTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let guide = repository.appendingPathComponent("docs/from-a-document.md")
    static let example = repository.appendingPathComponent("docs/examples/from-a-document")

    /// The files the guide shows from the first line to the last, not an excerpt.
    static let shownWhole: Set<String> = ["lost-or-stolen-laptop.md", "roles.yaml", "1-roles.yaml", "2-activities.yaml", "raci.csv"]

    func testEveryCommandOfTheGuideGivesTheOutputItShows() throws {
        let blocks = TutorialBlock.parse(try String(contentsOf: Self.guide, encoding: .utf8))
        // A copy, so that what the commands write (a draft build) never lands in the repository.
        let root = try Procdef.temporaryDirectory(self).appendingPathComponent("from-a-document")
        try FileManager.default.copyItem(at: Self.example, to: root)
        var counts: [String: Int] = [:]
        var whole: Set<String> = []

        for block in blocks {
            switch block.kind {
            case .file(let path):
                XCTFail("line \(block.line): the guide shows the example's files, it does not write \(path)")
            case .console:
                for step in TutorialBlock.commands(in: block.body) {
                    XCTAssertTrue(step.command.hasPrefix("procdef "), "line \(block.line): only procdef commands are run: \(step.command)")
                    let actual = try TutorialTests.shell(step.command, in: root)
                        .replacingOccurrences(of: root.standardizedFileURL.path, with: ".")
                        .replacingOccurrences(of: root.path, with: ".")
                    XCTAssertEqual(actual, step.expectedOutput, "line \(block.line): $ \(step.command)")
                    counts["command", default: 0] += 1
                }
            case .excerpt(let path):
                let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
                XCTAssertTrue(
                    text.contains(block.body),
                    "line \(block.line): \(path) does not contain the excerpt:\n\(block.body)\n--- \(path):\n\(text)")
                if block.body == text { whole.insert(path) }
                counts["excerpt", default: 0] += 1
            case .other:
                break
            }
        }
        // A change to the fences that the parser no longer sees must not pass as a guide with nothing to check.
        XCTAssertEqual(counts, ["command": 8, "excerpt": 14])
        XCTAssertEqual(whole, Self.shownWhole, "the files the guide shows from the first line to the last")
    }

    /// The guide says that the finished transcription fails the check (exit code 1): it keeps a gap on purpose.
    func testTheFinishedTranscriptionFailsTheCheck() throws {
        let run = try Procdef.run(
            ["check", "roles.yaml", "policies.yaml", "5-open-questions.yaml", "--today", "2026-12-04"], in: Self.example)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
    }

    /// The example folder holds exactly the files the guide shows, and the guide checks each step of the
    /// transcription: a step renamed on one side only, or left behind, fails.
    func testTheGuideAndTheExampleFolderNameTheSameFiles() throws {
        let markdown = try String(contentsOf: Self.guide, encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.example.path).sorted()
        XCTAssertEqual(
            files,
            [
                "1-roles.yaml", "2-activities.yaml", "3-flow.yaml", "4-handoffs.yaml", "5-open-questions.yaml",
                "lost-or-stolen-laptop.md", "policies.yaml", "raci.csv", "roles.yaml",
            ])
        for file in files {
            XCTAssertTrue(markdown.contains("excerpt=\(file)\n"), "the guide does not show \(file)")
        }
        // Each step of the transcription is checked, with the catalogue and the policy beside it.
        for step in files where step.first?.isNumber == true {
            XCTAssertTrue(markdown.contains("\n$ procdef check roles.yaml policies.yaml \(step)"), "the guide does not check \(step)")
        }
        for shown in Self.shownWhole {
            XCTAssertTrue(files.contains(shown), "the guide shows \(shown) whole, and the example has no such file")
        }
    }

    /// The example's process has findings on purpose. The shipped examples' checks read `Processes/` and `Policies/`
    /// only (there is no `.procdef.yaml` that adds `docs/`), so the guide's files never reach them.
    func testTheDefaultInputsLeaveTheExampleOut() throws {
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(".procdef.yaml").path))
        var shipped = 0
        for folder in ["Processes", "Policies"] {
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: Self.repository.appendingPathComponent(folder).path))
            for case let path as String in enumerator where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                shipped += 1
            }
        }
        // The shipped access process carries a waiver until 2027-06-30; a fixed date keeps this test to its point.
        let run = try Procdef.run(["check", "--today", "2026-12-04"], in: Self.repository)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(ShippedExamplesCommandTests.acceptedRiskOnly(run.stdout, files: shipped), run.stdout)
    }
}
