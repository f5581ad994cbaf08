import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// Mermaid itself, in a real browser, reads every flowchart procdef writes: Tests/mermaid/check-mermaid.py loads
/// Mermaid 11.6.0 (`mermaid.min.js` of the PyPI package diagram-renderer, pinned in .ci/run) in headless Chromium,
/// and parses and renders each block. Skipped, saying so, where Chromium, Python or diagram-renderer is missing;
/// .ci/run installs them, so CI never skips.
final class MermaidBrowserTests: XCTestCase {
    static let script = ShippedExamplesBuildTests.repository.appendingPathComponent("Tests/mermaid/check-mermaid.py")
    static let fixtures = ShippedExamplesBuildTests.repository.appendingPathComponent("Tests/mermaid/fixtures")

    /// Names Mermaid's parser or its HTML could read as syntax: quotes and brackets of every kind, `end` and the
    /// other keywords as ids and names, `#` and `;` (Mermaid's entity and statement marks), `|` (a link label's
    /// end), a backtick (a Markdown string), HTML, non-ASCII text and a very long name.
    static let escaping = """
        kind: roles
        roles:
          end: {name: end, kind: owner}
          subgraph: {name: "subgraph \\"quoted\\" [lane] {x} (y)", kind: practitioner}
          graph: {name: "graph; style #fff; click x", kind: practitioner}
          class: {name: "Équipe 日本 — «desk» 🚀", kind: practitioner}
          click: {name: "  1. Desk with a leading space", kind: practitioner}
        ---
        kind: process
        id: escaping
        name: "end; subgraph #1 \\"all\\" [of] {them}"
        owner: end
        defaults: {accountable: end}
        activities:
          - id: end-step
            name: end
            responsible: subgraph
            next:
              - to: style
                when: "a | b -> c; #x; `code`; <b>bold</b> & \\"quotes\\""
                handoff: {artifact: "x]y", expectation: Done within 1 hour.}
              - to: click
                when: "(round) [square] {curly} ((double)) >>"
              - to: mail
                when: "See https://status.example.com or www.example.com, mail ops@example.com, <http://e.com>"
          - id: style
            name: "style \\"A\\" -->|label| B; classDef red fill:#f00"
            responsible: graph
            next: click
            handoff: {artifact: notes, expectation: Done within 1 hour.}
          - id: mail
            name: "- a list? + no # heading"
            responsible: click
            next: click
            handoff: {artifact: mail, expectation: Done within 1 hour.}
          - id: click
            name: \(String(repeating: "Averyveryverylongwordwithoutanyspaces", count: 3)) and then \(String(repeating: "many words ", count: 30))
            responsible: class
            end: true
        """

    func testEveryFlowchartRendersInMermaid() throws {
        let files = try Self.writeFlowcharts()
        let run = try Self.check(files)
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        let lines = run.output.split(separator: "\n")
        XCTAssertEqual(lines.count, files.count, run.output)
        for line in lines {
            XCTAssertNotNil(line.firstMatch(of: /:[0-9]+ ok [1-9][0-9]* nodes$/), String(line))
        }
    }

    /// The check is shown to fail: a block with an unclosed label is an error, so is a label Mermaid reads as
    /// Markdown (`"1. Log"`, a list, which procdef writes `1\\. Log`; `*star*`, emphasis), and the run exits 1.
    func testABrokenBlockFailsTheCheck() throws {
        let good = Self.fixtures.appendingPathComponent("good.mmd")
        let broken = Self.fixtures.appendingPathComponent("broken.mmd")
        let markdown = Self.fixtures.appendingPathComponent("markdown-label.mmd")
        let emphasis = Self.fixtures.appendingPathComponent("markdown-emphasis.mmd")
        let run = try Self.check([good, broken, markdown, emphasis])
        XCTAssertEqual(run.status, 1, run.output + run.errors)
        XCTAssertTrue(run.output.contains("good.mmd:1 ok 5 nodes\n"), run.output)
        XCTAssertTrue(run.output.contains("broken.mmd:1 error Parse error on line 4:"), run.output)
        XCTAssertTrue(
            run.output.contains("markdown-label.mmd:1 error a label was read as Markdown: Unsupported markdown: list\n"), run.output)
        XCTAssertTrue(run.output.contains("markdown-emphasis.mmd:1 error a label was read as Markdown: <em>\n"), run.output)
    }

    func testTheEscapingFixtureIsItsGolden() throws {
        let process = try DiagramViewsTests.checked(Self.escaping, id: "escaping")
        assertGolden(MermaidRenderer().render(process), named: "views/escaping.mmd")
    }

    // MARK: Helpers

    /// The Mermaid of every example runbook, of the every-shape fixture's runbook and of the escaping fixture, as
    /// files the script reads.
    static func writeFlowcharts() throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-mermaid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [URL] = []
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(ShippedExamplesBuildTests.repository.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let today = try XCTUnwrap(CalendarDate(parsing: "2026-06-01"))
        let plan = try BuildPlan(report: try Checker.check(paths: ["Processes", "Policies"], options: CheckOptions(today: today)))
        for path in plan.tree.paths where path.hasPrefix("runbooks/") {
            let file = folder.appendingPathComponent(String(path.dropFirst("runbooks/".count)))
            try Data(try XCTUnwrap(plan.tree.text(at: path)).utf8).write(to: file)
            files.append(file)
        }
        let shapes = folder.appendingPathComponent("shapes.md")
        try Data(RunbookRenderer().render(try DiagramViewsTests.checked()).utf8).write(to: shapes)
        let escaping = folder.appendingPathComponent("escaping.mmd")
        try Data(MermaidRenderer().render(try DiagramViewsTests.checked(Self.escaping, id: "escaping")).utf8).write(to: escaping)
        return files + [shapes, escaping]
    }

    /// Runs the script on `files`; skips, naming what is missing, without Chromium, Python or diagram-renderer.
    static func check(_ files: [URL]) throws -> (status: Int32, output: String, errors: String) {
        try OptionalTool.chromium.require()
        let python = try OptionalTool.python3.require()
        let probe = try run(python, ["-c", "import diagram_renderer"])
        if probe.status != 0 { throw XCTSkip("diagram-renderer is not installed") }
        return try run(python, [script.path] + files.map(\.path))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorReader = errors.fileHandleForReading
        let errorData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(errorReader.readDataToEndOfFile()) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errorData.get(), as: UTF8.self))
    }

    private final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.withLock { data = value } }
        func get() -> Data { lock.withLock { data } }
    }
}
