import Foundation
import ProcDefTestSupport
import XCTest

/// Hostile strings (quotes, backslashes, `|`, `<script>`, newlines, braces, a trailing backslash, ANSI escapes,
/// a right-to-left override) through every output format of the real binary: each output stays well-formed, and
/// none lets a control character or raw HTML through.
///
/// The exact outputs are golden files under `Golden/hostile/` (re-record with `RECORD_GOLDEN=1`).
final class HostileNamesTests: XCTestCase {
    static let names = HostileInputTests.fixtures.appendingPathComponent("names")

    /// A key made of every hostile string: `schema/unknown-key` echoes it into every diagnostic format.
    /// Messages quote at most 60 characters, so the control characters come first.
    static let hostileKey = "\u{1B}[31mred \u{202E}rev\nline q\"uote back\\ |pipe <script>{brace}\\"
    /// How messages quote it: control and bidi characters as `?`, a newline as `\n`, cut after 60 characters.
    static let quotedKey = "'?[31mred ?rev\\nline q\"uote back\\ |pipe <script>{brace}\\'"

    static let keyFile = """
        kind: process
        id: hostile-key
        name: Hostile key
        owner: incident-process-owner
        defaults: {accountable: incident-manager}
        "\\e[31mred \\u202Erev\\nline q\\"uote back\\\\ |pipe <script>{brace}\\\\": 1
        activities:
          - {id: log, name: Log, responsible: service-desk, informed: [user]}

        """

    /// Characters that must never reach a reader as they are: ESC, CR, the bidi override.
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\u{0D}", "\u{202E}", "\u{07}"]

    func check(_ format: String) throws -> String {
        let root = try Procdef.temporaryDirectory(self)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: HostileInputTests.fixtures.appendingPathComponent("good/roles.yaml"), to: processes.appendingPathComponent("roles.yaml"))
        try Data(Self.keyFile.utf8).write(to: processes.appendingPathComponent("hostile-key.yaml"))
        let run = try Procdef.run(["check", "--format", format, "--today", "2026-01-15", "Processes"], in: root)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "")
        assertNoForbiddenCharacters(run.stdout, format)
        return run.stdout
    }

    func testText() throws {
        let output = try check("text")
        XCTAssertTrue(output.contains(#"   6 | "\e[31mred \u202Erev\nline"#), output)
        assertGolden(output, named: "hostile/key.txt")
    }

    func testJSONKeepsTheKeyExactly() throws {
        let output = try check("json")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        XCTAssertEqual(diagnostics?.first?["message"] as? String, "unknown key \(Self.quotedKey) in process 'hostile-key'")
        assertGolden(output, named: "hostile/key.json")
    }

    func testSARIFKeepsTheKeyExactly() throws {
        let output = try check("sarif")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let message = (results.first?["message"] as? [String: Any])?["text"] as? String
        XCTAssertTrue(
            message?.hasPrefix("unknown key \(Self.quotedKey) in process 'hostile-key'\nhelp: valid keys here: ") ?? false,
            message ?? output)
    }

    func testGitLabKeepsTheKeyExactly() throws {
        let output = try check("gitlab")
        let issues = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        XCTAssertEqual(issues?.count, 1)
        XCTAssertTrue((issues?.first?["description"] as? String)?.contains(Self.quotedKey) ?? false, output)
    }

    /// A workflow command is one line: a newline in the message would end it and start another command.
    func testGitHubAnnotationStaysOneLine() throws {
        let output = try check("github")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, output)
        XCTAssertEqual(lines.last, "")
        XCTAssertTrue(lines[0].hasPrefix("::error file=Processes/hostile-key.yaml,line=6,col=1,"), output)
        assertGolden(output, named: "hostile/key.github")
    }

    /// The check is clean, so the names reach every built file: Markdown, DOT, CSV and the index.
    func testBuildEscapesEveryName() throws {
        let root = try Procdef.temporaryDirectory(self)
        // A copy beside the output, named relatively, so the runbooks' "generated from" line is the same on every machine.
        try FileManager.default.copyItem(at: Self.names, to: root.appendingPathComponent("names"))
        let run = try Procdef.run(["build", "--today", "2026-01-15", "--out", "out", "names"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let out = root.appendingPathComponent("out")
        for path in [
            "index.md", "handoffs.md", "runbooks/hostile-names.md", "diagrams/hostile-names.dot", "diagrams/landscape.dot",
            "raci/hostile-names.csv",
        ] {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(path)), as: UTF8.self)
            if !path.hasSuffix(".csv") {
                // CSV keeps the CRLF that ends each record (RFC 4180); no name brings one of its own.
                assertNoForbiddenCharacters(text, path)
            }
            if path.hasSuffix(".md") {
                for tag in ["<script", "<img", "<b>", "<em>", "<!--"] {
                    XCTAssertFalse(text.contains(tag), "\(path) lets raw HTML \(tag) through")
                }
            }
            assertGolden(text, named: "hostile/build/" + path.replacingOccurrences(of: "/", with: "-"))
        }
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("raci/hostile-names.csv")), as: UTF8.self)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 5, csv)
        try assertDotAccepts(out.appendingPathComponent("diagrams"))
    }

    func assertNoForbiddenCharacters(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in Self.forbidden where text.unicodeScalars.contains(scalar) {
            XCTFail("\(what) contains U+\(String(scalar.value, radix: 16, uppercase: true)) as it is", file: file, line: line)
        }
    }

    /// Graphviz must accept every diagram; skipped where it is missing or hidden (CI installs it).
    func assertDotAccepts(_ folder: URL) throws {
        let dot = try OptionalTool.dot.require()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".dot") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: dot)
            process.arguments = ["-Tsvg", "-o", "/dev/null", folder.appendingPathComponent(name).path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "dot rejected \(name)")
        }
    }
}
