import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest
import YAMLTree

@testable import ProcDefOutput

/// A range on the given lines and columns (offsets do not matter to the renderers).
func span(_ line: Int, _ column: Int, to endLine: Int? = nil, _ endColumn: Int? = nil) -> SourceRange {
    SourceRange(
        start: SourcePosition(line: line, column: column, offset: 0),
        end: SourcePosition(line: endLine ?? line, column: endColumn ?? column, offset: 0)
    )
}

func source(_ path: String, _ text: String) -> SourceFile {
    SourceFile(path: path, bytes: Array(text.utf8))
}

func summary(files: Int = 1, processes: Int = 0, policies: Int = 0, errors: Int = 0, warnings: Int = 0, notes: Int = 0) -> CheckSummary {
    CheckSummary(files: files, processes: processes, policies: policies, errors: errors, warnings: warnings, notes: notes)
}

final class TextDiagnosticRendererTests: XCTestCase {
    let renderer = TextDiagnosticRenderer()

    /// The example of the design document, to the byte.
    func testCompilerStyleDiagnostic() {
        let lines = (1...40).map { "# line \($0)" } + ["      - to: diagnose", "        when: No workaround is known."]
        let file = source("Processes/incident-management.yaml", lines.joined(separator: "\n") + "\n")
        let gap = Diagnostic(
            file: file.path, range: span(41, 9), severity: .error, rule: "handoff/gap",
            message: "responsibility passes from service-desk to resolver-group with no handoff declared",
            help: "add a `handoff:` with the artifact handed over and the receiver's expectation"
        )
        XCTAssertEqual(
            renderer.render(gap, source: file),
            """
            Processes/incident-management.yaml:41:9: error: responsibility passes from service-desk to resolver-group with no handoff declared [handoff/gap]
               41 |       - to: diagnose
                  |         ^
            help: add a `handoff:` with the artifact handed over and the receiver's expectation

            """)
    }

    func testReportWithSeveralFilesAndSeverities() {
        let roles = source(
            "Processes/roles.yaml",
            """
            kind: roles
            roles:
              service-desk: {name: Service Desk, kind: practitioner}
              service-desk: {name: Duplicate, kind: practitioner}

            """)
        let process = source(
            "Processes/incident.yaml",
            """
            kind: process
            id: incident
            name: Incident
            owner: incident-owner
            activities:
              - id: log
                name: Log the incident
                resposible: service-desk
                consulted: [a, b, c, d, e]
              - id: close
                responsible: service-dsk

            """)
        let diagnostics = [
            Diagnostic(
                file: process.path, range: span(4, 8, to: 4, 22), severity: .error, rule: "ref/unknown-role",
                message: "unknown role 'incident-owner'", help: nil),
            Diagnostic(
                file: process.path, range: span(8, 5, to: 8, 15), severity: .error, rule: "schema/unknown-key",
                message: "unknown key 'resposible' in an activity", help: "did you mean 'responsible'?"),
            Diagnostic(
                file: process.path, range: span(9, 16, to: 9, 31), severity: .warning, rule: "raci/too-many-consulted",
                message: "activity 'log' consults 5 roles; the limit is 4"),
            Diagnostic(
                file: process.path, range: span(11, 18, to: 11, 30), severity: .error, rule: "ref/unknown-role",
                message: "unknown role 'service-dsk'", help: "did you mean 'service-desk'?"),
            Diagnostic(
                file: roles.path, range: span(4, 3, to: 4, 15), severity: .error, rule: "yaml/duplicate-key",
                message: "duplicate key 'service-desk'",
                notes: [Diagnostic.Note(message: "first defined here", range: span(3, 3, to: 3, 15))]),
            Diagnostic(
                file: roles.path, range: span(1, 1), severity: .note, rule: "raci/idle-role",
                message: "role 'service-desk' is defined but nobody uses it",
                notes: [
                    Diagnostic.Note(message: "roles are shared by every process", file: "Policies/README.yaml"),
                    Diagnostic.Note(message: "the run goes on with the other files"),
                ]),
        ].sorted(by: Diagnostic.precedes)
        let text = renderer.render(
            diagnostics, sources: [roles, process],
            summary: summary(files: 2, processes: 1, errors: 4, warnings: 1, notes: 1))
        assertGolden(text, named: "report.txt")
    }

    func testCleanRunIsOneLine() {
        XCTAssertEqual(renderer.render([], sources: [], summary: summary(files: 3)), "no problems in 3 files\n")
    }

    func testSummaryLineCountsWhatOccurred() {
        let cases: [(CheckSummary, String)] = [
            (summary(files: 14, errors: 2, warnings: 1), "2 errors, 1 warning in 14 files"),
            (summary(files: 1, errors: 1), "1 error in 1 file"),
            (summary(files: 5, errors: 1, notes: 2), "1 error, 2 notes in 5 files"),
            (summary(files: 2, notes: 1), "1 note in 2 files"),
            (summary(files: 1, warnings: 3), "3 warnings in 1 file"),
            (summary(files: 3, errors: 10, warnings: 20, notes: 1), "10 errors, 20 warnings, 1 note in 3 files"),
            (summary(files: 3), "no problems in 3 files"),
            (summary(files: 0), "no problems in 0 files"),
        ]
        for (counts, line) in cases {
            XCTAssertEqual(TextDiagnosticRenderer.summaryLine(for: counts), line)
        }
    }

    func testRangeOnOneLineIsUnderlined() {
        let file = source("a.yaml", "owner: incident-owner\n")
        let d = Diagnostic(file: "a.yaml", range: span(1, 8, to: 1, 22), severity: .warning, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            """
            a.yaml:1:8: warning: m [r/x]
               1 | owner: incident-owner
                 |        ^~~~~~~~~~~~~~

            """)
    }

    func testRangeOverSeveralLinesIsUnderlinedToTheLineEnd() {
        let file = source("a.yaml", "roles:\n  a: b\n")
        let d = Diagnostic(file: "a.yaml", range: span(1, 1, to: 3, 1), severity: .note, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            """
            a.yaml:1:1: note: m [r/x]
               1 | roles:
                 | ^~~~~~

            """)
    }

    func testRangePastTheLineEndIsClampedToIt() {
        let file = source("a.yaml", "id: ab\n")
        let d = Diagnostic(file: "a.yaml", range: span(1, 5, to: 1, 40), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            """
            a.yaml:1:5: error: m [r/x]
               1 | id: ab
                 |     ^~

            """)
    }

    func testCaretJustAfterTheLineEnd() {
        let file = source("a.yaml", "owner:\n")
        let d = Diagnostic(file: "a.yaml", range: span(1, 7), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            """
            a.yaml:1:7: error: m [r/x]
               1 | owner:
                 |       ^

            """)
    }

    func testCaretOnAnEmptyLineLeavesNoTrailingSpace() {
        let file = source("a.yaml", "a: 1\n\n")
        let d = Diagnostic(file: "a.yaml", range: span(2, 1), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(renderer.render(d, source: file), "a.yaml:2:1: error: m [r/x]\n   2 |\n     | ^\n")
    }

    func testGutterGrowsWithTheLineNumber() {
        let text = String(repeating: "x: 1\n", count: 12344) + "key: value\n"
        let d = Diagnostic(file: "big.yaml", range: span(12345, 6), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: source("big.yaml", text)),
            """
            big.yaml:12345:6: error: m [r/x]
               12345 | key: value
                     |      ^

            """)
    }

    /// Tabs stay tabs in both lines, so the terminal expands them alike and the caret lands under its character.
    func testTabsAreRepeatedInTheCaretLine() {
        let file = source("t.yaml", "a:\n\tkey:\tvalue\n")
        let d = Diagnostic(file: "t.yaml", range: span(2, 7, to: 2, 12), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(renderer.render(d, source: file), "t.yaml:2:7: error: m [r/x]\n   2 | \tkey:\tvalue\n     | \t    \t^~~~~\n")
    }

    /// Columns count Unicode scalars, as libyaml's marks do.
    func testColumnsCountUnicodeScalars() {
        let file = source("u.yaml", "name: Café ☕ x: y\n")
        let d = Diagnostic(file: "u.yaml", range: span(1, 14), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            """
            u.yaml:1:14: error: m [r/x]
               1 | name: Café ☕ x: y
                 |              ^

            """)
    }

    /// A hostile file cannot reach the terminal with escape sequences, carriage returns or bidi overrides; the
    /// caret still lines up under the escaped text.
    func testControlCharactersInTheSourceLineAreEscaped() {
        let file = source("h.yaml", "a: \u{1B}[2J\u{1B}]0;pwned\u{07}\r b: \u{202E}x\n")
        let d = Diagnostic(file: "h.yaml", range: span(1, 18, to: 1, 20), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(
            renderer.render(d, source: file),
            #"""
            h.yaml:1:18: error: m [r/x]
               1 | a: \u{1B}[2J\u{1B}]0;pwned\u{7}\u{D} b: \u{202E}x
                 |                                ^~~~~~

            """#)
    }

    func testControlCharactersInMessagesAndPathsAreEscaped() {
        let d = Diagnostic(
            file: "evil\u{1B}[31m.yaml", range: span(0, 0), severity: .error, rule: "schema/unknown-key",
            message: "unknown key 'x\u{1B}]2;title\u{07}'\nsecond line", help: "did you mean '\u{9B}31m'?",
            notes: [Diagnostic.Note(message: "\u{08}\u{08}\u{08}hidden")]
        )
        XCTAssertEqual(
            renderer.render(d, source: nil),
            #"""
            evil\u{1B}[31m.yaml: error: unknown key 'x\u{1B}]2;title\u{7}'\u{A}second line [schema/unknown-key]
            help: did you mean '\u{9B}31m'?
            note: \u{8}\u{8}\u{8}hidden

            """#)
    }

    /// A help of several lines (the YAML to paste for a handoff gap) continues under its first line, each line
    /// escaped on its own.
    func testHelpOfSeveralLinesContinuesIndented() {
        let d = Diagnostic(
            file: "a.yaml", range: span(0, 0), severity: .error, rule: "handoff/gap", message: "m",
            help: "add a `handoff:`:\n  handoff:\n    artifact: x\u{1B}[2J\n\nlast"
        )
        // A blank line would end the diagnostic for the eye, so it keeps the margin.
        XCTAssertEqual(
            renderer.render(d, source: nil),
            [
                "a.yaml: error: m [handoff/gap]",
                "help: add a `handoff:`:",
                "        handoff:",
                #"          artifact: x\u{1B}[2J"#,
                "      ",
                "      last",
            ].joined(separator: "\n") + "\n")
    }

    /// A line of minified YAML or a base64 blob is cut around the caret.
    func testVeryLongLinesAreCutAroundTheCaret() {
        let line = String(repeating: "a", count: 300) + "BAD" + String(repeating: "b", count: 300)
        let d = Diagnostic(file: "l.yaml", range: span(1, 301, to: 1, 304), severity: .error, rule: "r/x", message: "m")
        let lines = renderer.render(d, source: source("l.yaml", line)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1], "   1 | …" + String(repeating: "a", count: 40) + "BAD" + String(repeating: "b", count: 157) + "…")
        XCTAssertEqual(lines[2], "     |  " + String(repeating: " ", count: 40) + "^~~")
    }

    func testNoSnippetWithoutALineToShow() {
        let file = source("f.yaml", "kind: process\n")
        let binary = SourceFile(path: "b.yaml", bytes: [0x6B, 0x00, 0x01, 0x0A, 0x41])
        let cases: [(Diagnostic, SourceFile?)] = [
            (Diagnostic(file: "f.yaml", range: span(0, 0), severity: .error, rule: "r/x", message: "whole file"), file),
            (Diagnostic(file: "f.yaml", range: span(9, 1), severity: .error, rule: "r/x", message: "past the end"), file),
            (Diagnostic(file: "f.yaml", range: span(1, 1), severity: .error, rule: "r/x", message: "source unknown"), nil),
            (Diagnostic(file: "b.yaml", range: span(1, 2), severity: .error, rule: "r/x", message: "binary"), binary),
            (Diagnostic(file: "", range: span(1, 1), severity: .warning, rule: "r/x", message: "no file"), nil),
        ]
        XCTAssertEqual(
            cases.map { renderer.render($0.0, source: $0.1) },
            [
                "f.yaml: error: whole file [r/x]\n",
                "f.yaml:9:1: error: past the end [r/x]\n",
                "f.yaml:1:1: error: source unknown [r/x]\n",
                "b.yaml:1:2: error: binary [r/x]\n",
                "warning: no file [r/x]\n",
            ])
    }

    func testNotesWithAndWithoutPlaces() {
        let d = Diagnostic(
            file: "a.yaml", range: span(0, 0), severity: .error, rule: "schema/duplicate-id", message: "duplicate id 'x'",
            notes: [
                Diagnostic.Note(message: "first defined here", file: "b.yaml", range: span(3, 5)),
                Diagnostic.Note(message: "in this file", range: span(2, 1)),
                Diagnostic.Note(message: "the whole file", file: "c.yaml"),
                Diagnostic.Note(message: "no place"),
            ]
        )
        XCTAssertEqual(
            renderer.render(d, source: nil),
            """
            a.yaml: error: duplicate id 'x' [schema/duplicate-id]
            b.yaml:3:5: note: first defined here
            a.yaml:2:1: note: in this file
            c.yaml: note: the whole file
            note: no place

            """)
    }

    /// Colours are ANSI SGR codes; the golden shows ESC as ␛ so it can be read.
    func testColours() {
        let file = source("c.yaml", "owner: x\nmanager: y\n")
        let diagnostics = [
            Diagnostic(
                file: "c.yaml", range: span(1, 8, to: 1, 9), severity: .error, rule: "ref/unknown-role", message: "unknown role 'x'",
                help: "did you mean 'y'?"),
            Diagnostic(
                file: "c.yaml", range: span(2, 1, to: 2, 8), severity: .warning, rule: "ownership/manager-kind", message: "w",
                notes: [Diagnostic.Note(message: "defined here", range: span(1, 1))]),
            Diagnostic(file: "c.yaml", range: span(2, 10), severity: .note, rule: "raci/overloaded-role", message: "n"),
        ]
        let text = TextDiagnosticRenderer(colors: true).render(
            diagnostics, sources: [file], summary: summary(errors: 1, warnings: 1, notes: 1))
        assertGolden(text.replacingOccurrences(of: "\u{1B}", with: "␛"), named: "colours.txt")
    }

    /// Several findings on one line, in any order, each show that line.
    func testSeveralDiagnosticsOnOneLine() {
        let file = source("m.yaml", "a: [x, y]\nb: z\n")
        let diagnostics = [(2, 4), (1, 5), (1, 8), (2, 1)].map { line, column in
            Diagnostic(file: "m.yaml", range: span(line, column), severity: .error, rule: "r/x", message: "\(line):\(column)")
        }
        XCTAssertEqual(
            renderer.render(diagnostics, sources: [file], summary: summary(errors: 4)),
            """
            m.yaml:2:4: error: 2:4 [r/x]
               2 | b: z
                 |    ^

            m.yaml:1:5: error: 1:5 [r/x]
               1 | a: [x, y]
                 |     ^

            m.yaml:1:8: error: 1:8 [r/x]
               1 | a: [x, y]
                 |        ^

            m.yaml:2:1: error: 2:1 [r/x]
               2 | b: z
                 | ^

            4 errors in 1 file

            """)
    }

    /// Windows line endings: the `\r` is not part of the line.
    func testCarriageReturnLineEndingsAreDropped() {
        let file = source("w.yaml", "a: 1\r\nb: 2\r\n")
        let d = Diagnostic(file: "w.yaml", range: span(2, 4), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(renderer.render(d, source: file), "w.yaml:2:4: error: m [r/x]\n   2 | b: 2\n     |    ^\n")
    }

    func testReportFromACheckReport() {
        let file = source("Processes/p.yaml", "kind: process\n")
        let d = Diagnostic(file: file.path, range: span(1, 1, to: 1, 5), severity: .warning, rule: "r/x", message: "m")
        let report = CheckReport(workspace: Workspace(sources: [file]), diagnostics: [d])
        XCTAssertEqual(
            renderer.render(report),
            """
            Processes/p.yaml:1:1: warning: m [r/x]
               1 | kind: process
                 | ^~~~

            1 warning in 1 file

            """)
    }

    /// A checked file is read again for its snippets; one edited since shows its findings without them, never a caret
    /// under other text.
    func testFileChangedSinceTheCheckShowsNoSnippet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-snippet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roles.yaml")
        try Data("kind: roles\nroles:\n  Bad_Id: {name: B, kind: practitioner}\n".utf8).write(to: file)
        let report = try Checker.check(paths: [file.path])
        XCTAssertEqual(report.diagnostics.map(\.rule), ["schema/invalid-id"])
        let header = "\(report.diagnostics[0].file):3:3: error: \(report.diagnostics[0].message) [schema/invalid-id]\n"
        let shown = renderer.render(report)
        XCTAssertTrue(shown.hasPrefix(header + "   3 |   Bad_Id: {name: B, kind: practitioner}\n     |   ^~~~~~\n"), shown)

        try Data("kind: roles\nroles:\n  Bad-Id: {name: B, kind: practitioner}\n".utf8).write(to: file)
        let changed = renderer.render(report)
        XCTAssertTrue(changed.hasPrefix(header + "help: "), changed)
        XCTAssertEqual(changed.components(separatedBy: "\n").count, shown.components(separatedBy: "\n").count - 2)
    }

    /// A report reads each file its diagnostics point into once, however many there are, and no other file; the lines
    /// shown are the file's own, byte for byte. The next report reads again, so an edit in between is seen.
    func testAReportReadsEachFileOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = ["kind: roles", "roles:", "  a: {name: A, kind: practitioner}", "\tb: {name: \"Bé\", kind: customer}", "# end"]
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data("kind: roles\nroles: {}\n".utf8).write(to: folder.appendingPathComponent("b.yaml"))
        try Data("kind: roles\nroles: {}\n".utf8).write(to: folder.appendingPathComponent("c.yaml"))
        let workspace = try Workspace.load(paths: [folder.path])
        XCTAssertEqual(workspace.sources.map(\.bytes), [[], [], []], "the workspace keeps no file bytes")
        let a = try XCTUnwrap(workspace.sources.first { $0.path.hasSuffix("/a.yaml") }).path
        let b = try XCTUnwrap(workspace.sources.first { $0.path.hasSuffix("/b.yaml") }).path

        // Two findings on every line of a.yaml, one at its first column and one at its third; one on b.yaml.
        var diagnostics: [Diagnostic] = []
        for line in 1...lines.count {
            for column in [1, 3] {
                diagnostics.append(
                    Diagnostic(file: a, range: span(line, column), severity: .error, rule: "r/x", message: "\(line):\(column)"))
            }
        }
        diagnostics.append(Diagnostic(file: b, range: span(2, 1), severity: .warning, rule: "r/y", message: "b"))

        let reads = ReadCounter()
        let counted = TextDiagnosticRenderer(colors: false) { source in
            reads.count(source.path)
            return source.currentBytes()
        }
        let text = counted.render(diagnostics, sources: workspace.sources, summary: summary(files: 3, errors: 10, warnings: 1))
        XCTAssertEqual(reads.counts, [a: 1, b: 1])

        var expected = ""
        for (index, line) in lines.enumerated() {
            let number = index + 1
            expected += "\(a):\(number):1: error: \(number):1 [r/x]\n   \(number) | \(line)\n     | ^\n\n"
            let indent = line.hasPrefix("\t") ? "\t " : "  "
            expected += "\(a):\(number):3: error: \(number):3 [r/x]\n   \(number) | \(line)\n     | \(indent)^\n\n"
        }
        expected += "\(b):2:1: warning: b [r/y]\n   2 | roles: {}\n     | ^\n\n10 errors, 1 warning in 3 files\n"
        XCTAssertEqual(text, expected)
        XCTAssertEqual(
            text,
            TextDiagnosticRenderer().render(diagnostics, sources: workspace.sources, summary: summary(files: 3, errors: 10, warnings: 1)))

        _ = counted.render(diagnostics, sources: workspace.sources, summary: summary(files: 3, errors: 10, warnings: 1))
        XCTAssertEqual(reads.counts, [a: 2, b: 2])
    }

}

/// How often each file was read, from whichever thread reads.
private final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var reads: [String: Int] = [:]

    func count(_ path: String) { lock.withLock { reads[path, default: 0] += 1 } }
    var counts: [String: Int] { lock.withLock { reads } }
}
