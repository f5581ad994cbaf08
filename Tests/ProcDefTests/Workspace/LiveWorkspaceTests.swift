import Foundation
import XCTest

@testable import ProcDef

/// The language server's workspace checks again only what an edit can reach. Whatever it reuses, its findings after
/// each edit must be those of a full check of the same files: this drives it through a seeded series of edits of the
/// shipped examples (roles renamed in the catalogue, a triggered process's first step handed to someone else, typos
/// in references, a policy's requirement changed, files broken and restored, added and removed) and compares.
final class LiveWorkspaceTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-workspace-\(UUID().uuidString)")
        for name in ["Processes", "Policies"] {
            let source = ShippedExamplesTests.packageRoot.appendingPathComponent(name)
            try XCTSkipUnless(FileManager.default.fileExists(atPath: source.path), "the examples are not in this checkout")
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var options: CheckOptions { CheckOptions(today: ShippedExamplesTests.today) }
    private var paths: [String] { ["Processes", "Policies"].map { folder.appendingPathComponent($0).path } }

    private func display(_ relative: String) -> String {
        DisplayPath.make(folder.appendingPathComponent(relative).path, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    private func fullCheck() throws -> [String] {
        describe(Checker.check(try Workspace.load(paths: paths, options: options), config: nil, options: options).diagnostics)
    }

    private func describe(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): \($0.severity) [\($0.rule)] \($0.message)" }
    }

    /// Writes `text` to the file and tells the live workspace, as an editor's change would.
    private func write(_ relative: String, _ text: String, into live: inout LiveWorkspace) throws {
        try text.write(to: folder.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        live.update(display(relative), bytes: Array(text.utf8))
    }

    private func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    func testTheFirstCheckIsAFullCheck() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        XCTAssertEqual(describe(live.check().diagnostics), try fullCheck())
        XCTAssertEqual(live.processesChecked, 7)
    }

    func testAnEditToOneProcessChecksItAndTheProcessesThatTriggerIt() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        _ = live.check()
        // Supplier escalation is started by incident management's trigger: both are checked again, nothing else.
        let file = "Processes/supplier-escalation.yaml"
        try write(file, try text(file).replacingOccurrences(of: "name: ", with: "name: Renamed ", options: [], range: nil), into: &live)
        XCTAssertEqual(describe(live.check().diagnostics), try fullCheck())
        XCTAssertEqual(live.processesChecked, 2)
        // No change since: nothing is checked again.
        XCTAssertEqual(describe(live.check().diagnostics), try fullCheck())
        XCTAssertEqual(live.processesChecked, 0)
    }

    func testAnEditToTheCatalogueChecksEveryProcess() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        _ = live.check()
        let file = "Processes/roles.yaml"
        try write(file, try text(file).replacingOccurrences(of: "  service-desk:", with: "  service-desks:"), into: &live)
        let findings = describe(live.check().diagnostics)
        XCTAssertEqual(findings, try fullCheck())
        XCTAssertTrue(findings.contains { $0.contains("[ref/unknown-role] unknown role 'service-desk'") })
        XCTAssertEqual(live.processesChecked, 7)
    }

    /// The seeded walk: each step edits one file in a way that changes findings (or breaks the file), checks, and
    /// compares with a full check; some steps restore the file.
    func testSeededEditsGiveTheFindingsOfAFullCheck() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        _ = live.check()
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var originals: [String: String] = [:]
        for file in files { originals[file] = try text(file) }
        // Edits that reach across files: ids others refer to, roles a trigger's receiver has, a policy's rules.
        let replacements: [(String, String)] = [
            ("responsible: service-desk", "responsible: service-dsk"),
            ("responsible: ", "responsible: incident-manager # "),
            ("  service-desk:", "  service-desk-renamed:"),
            ("kind: process", "kind: proces"),
            ("id: major-incident-management", "id: major-incident"),
            ("- id: ", "- id: x-"),
            ("next: ", "next: nowhere # "),
            ("accountable: ", "accountable: [a, b] # "),
            (":", ": : ["),
            ("process: ", "process: change-enablement # "),
        ]
        var generator = SplitMix(seed: 7)
        var edits = 0
        var outcomes: Set<[String]> = []
        for step in 0..<150 {
            let file = files[Int(generator.next() % UInt64(files.count))]
            let current = try text(file)
            let edited: String
            if generator.next() % 4 == 0 {
                edited = originals[file] ?? current
            } else {
                let (old, new) = replacements[Int(generator.next() % UInt64(replacements.count))]
                let ranges = current.ranges(of: old)
                guard !ranges.isEmpty else { continue }
                let range = ranges[Int(generator.next() % UInt64(ranges.count))]
                edited = current.replacingCharacters(in: range, with: new)
            }
            try write(file, edited, into: &live)
            let findings = describe(live.check().diagnostics)
            XCTAssertEqual(findings, try fullCheck(), "step \(step): \(file)")
            edits += 1
            outcomes.insert(findings)
        }
        // The walk is worth something only if it edits often and the findings keep changing.
        XCTAssertGreaterThan(edits, 70)
        XCTAssertGreaterThan(outcomes.count, 30)
    }

    func testRenamingAProcessChangesTheDidYouMeanOfAnotherProcesssUnknownTrigger() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        let incident = "Processes/incident-management.yaml"
        try write(
            incident, try text(incident).replacingOccurrences(of: "process: problem-management", with: "process: problem-managment"),
            into: &live)
        XCTAssertTrue(describe(live.check().diagnostics).contains { $0.contains("unknown process 'problem-managment'") })
        // The trigger names no process any more, so nothing tracks problem-management for it: its id is still read.
        let problem = "Processes/problem-management.yaml"
        try write(
            problem, try text(problem).replacingOccurrences(of: "id: problem-management", with: "id: root-cause-analysis"), into: &live)
        let findings = live.check()
        XCTAssertEqual(describe(findings.diagnostics), try fullCheck())
        let unknown = try XCTUnwrap(findings.diagnostics.first { $0.message.contains("unknown process 'problem-managment'") })
        XCTAssertFalse(unknown.help?.contains("did you mean 'problem-management'") == true, unknown.help ?? "")
    }

    func testAHiddenFileIsNotPartOfTheWorkspace() throws {
        let live = try LiveWorkspace(paths: paths, options: options, config: nil)
        XCTAssertTrue(live.covers(display("Processes/new.yaml")))
        XCTAssertFalse(live.covers(display("Processes/.draft.yaml")))
        XCTAssertFalse(live.covers(display("Processes/.hidden/new.yaml")))
        XCTAssertFalse(live.covers(display("Processes/notes.txt")))
        XCTAssertFalse(live.covers(display("Elsewhere/new.yaml")))
    }

    func testFilesAddedAndRemovedOnDiskAreFoundAgain() throws {
        var live = try LiveWorkspace(paths: paths, options: options, config: nil)
        _ = live.check()
        let added = folder.appendingPathComponent("Processes/extra.yaml")
        try "kind: process\nid: extra\nname: Extra\nactivities:\n  - id: only\n    name: Only\n    responsible: nobody\n".write(
            to: added, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Processes/supplier-escalation.yaml"))
        try live.rediscover()
        let findings = describe(live.check().diagnostics)
        XCTAssertEqual(findings, try fullCheck())
        XCTAssertTrue(findings.contains { $0.contains("[ref/unknown-process] unknown process 'supplier-escalation'") })
        XCTAssertTrue(live.filePaths.contains(display("Processes/extra.yaml")))
    }
}

/// A small seeded generator (SplitMix64), so the walk is the same on every run.
private struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
