import Foundation
import ProcDef
import ProcDefOutput
import ProcDefTestSupport
import XCTest

final class JSONDiagnosticRendererTests: XCTestCase {
    let renderer = JSONDiagnosticRenderer()

    func testReport() throws {
        let diagnostics = [
            Diagnostic(
                file: "Processes/incident.yaml", range: span(8, 5, to: 8, 15), severity: .error, rule: "schema/unknown-key",
                message: "unknown key 'resposible' in an activity", help: "did you mean 'responsible'?"),
            Diagnostic(
                file: "Processes/incident.yaml", range: span(9, 16, to: 9, 31), severity: .warning, rule: "raci/too-many-consulted",
                message: "activity 'log' consults 5 roles; the limit is 4",
                notes: [Diagnostic.Note(message: "notes are not part of version 1")],
                subjects: FindingSubjects(process: "incident", activities: ["log"], roles: ["a", "b\"c"])),
            Diagnostic(
                file: "Policies/\"odd\" name.yaml", range: span(0, 0), severity: .note, rule: "policy/incidents-are-logged",
                message: "path: log -> \"close\"\n\tand a tab", help: "a\\b",
                subjects: FindingSubjects(
                    process: "incident", activities: ["close"], policy: "incidents-are-logged",
                    waiver: WaiverSubject(process: "incident", policy: "incidents-are-logged")),
                path: [
                    WitnessStep(file: "Processes/incident.yaml", range: span(3, 9, to: 3, 12), message: "the case starts at 'log'"),
                    WitnessStep(file: "Processes/\"odd\".yaml", range: span(7, 9, to: 7, 14), message: "'close'\n is reached"),
                ]),
        ]
        let json = renderer.render(diagnostics, summary: summary(files: 14, processes: 3, policies: 2, errors: 1, warnings: 1, notes: 1))
        assertGolden(json, named: "report.json")
        try assertValidJSON(json)
    }

    func testEmptyReport() throws {
        let json = renderer.render([], summary: summary(files: 3, processes: 2, policies: 1))
        XCTAssertEqual(
            json,
            """
            {
              "version": 1,
              "diagnostics": [],
              "summary": {
                "files": 3,
                "processes": 2,
                "policies": 1,
                "errors": 0,
                "warnings": 0,
                "notes": 0,
                "baselined": 0
              }
            }

            """)
        try assertValidJSON(json)
    }

    /// Key order is part of the format: scripts written against the design document's example must keep working.
    func testKeysAreInTheDocumentedOrder() {
        let d = Diagnostic(file: "f", range: span(1, 2, to: 3, 4), severity: .error, rule: "r/x", message: "m")
        let json = renderer.render([d], summary: summary())
        let keys = json.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.first == "\"", let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        XCTAssertEqual(
            keys,
            [
                "version", "diagnostics", "file", "line", "column", "endLine", "endColumn", "severity", "rule",
                "message", "help", "subjects", "path", "fixes", "url", "key", "baselined", "summary", "files", "processes", "policies",
                "errors",
                "warnings", "notes", "baselined",
            ])
    }

    /// Subjects list only the keys that apply, always in this order; path steps use a diagnostic's position keys.
    func testSubjectAndPathKeysAreInTheDocumentedOrder() throws {
        let d = Diagnostic(
            file: "f", range: span(1, 2), severity: .error, rule: "r/x", message: "m",
            subjects: FindingSubjects(
                process: "p", activities: ["a"], roles: ["r"], policy: "q", waiver: WaiverSubject(process: "p", policy: "q")),
            path: [WitnessStep(file: "f", range: span(1, 2, to: 1, 5), message: "s")]
        )
        let json = renderer.render([d], summary: summary())
        let keys = json.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.first == "\"", let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        XCTAssertEqual(
            Array(keys.drop { $0 != "subjects" }.prefix(17)),
            [
                "subjects", "process", "activities", "roles", "policy", "waiver",
                "path", "file", "line", "column", "endLine", "endColumn", "message", "fixes", "url", "key", "baselined",
            ])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostic = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        let subjects = try XCTUnwrap(diagnostic["subjects"] as? [String: Any])
        XCTAssertEqual(subjects["waiver"] as? [String: String], ["process": "p", "policy": "q"])
        XCTAssertEqual(subjects["roles"] as? [String], ["r"])
        let path = try XCTUnwrap(diagnostic["path"] as? [[String: Any]])
        XCTAssertEqual(path.first?["endColumn"] as? Int, 5)
    }

    func testSameInputSameBytes() {
        let d = Diagnostic(file: "f", range: span(1, 2), severity: .error, rule: "r/x", message: "m")
        XCTAssertEqual(renderer.render([d, d], summary: summary()), renderer.render([d, d], summary: summary()))
    }

    private func assertValidJSON(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        XCTAssertTrue(object is [String: Any], file: file, line: line)
    }
}

final class JSONEscapingTests: XCTestCase {
    func testPlainText() {
        XCTAssertEqual(JSONEscaping.quoted(""), #""""#)
        XCTAssertEqual(JSONEscaping.quoted("handoff/gap"), #""handoff/gap""#)
        XCTAssertEqual(JSONEscaping.quoted("Café ☕ 𝄞 /"), "\"Café ☕ 𝄞 /\"")
    }

    func testHostileStrings() {
        XCTAssertEqual(JSONEscaping.quoted(#"say "hi""#), #""say \"hi\"""#)
        XCTAssertEqual(JSONEscaping.quoted(#"C:\path\"#), #""C:\\path\\""#)
        XCTAssertEqual(JSONEscaping.quoted("a\nb\rc\td"), #""a\nb\rc\td""#)
        XCTAssertEqual(JSONEscaping.quoted("\u{0}\u{1}\u{8}\u{C}\u{1B}[31m\u{1F}"), #""\u0000\u0001\u0008\u000c\u001b[31m\u001f""#)
        XCTAssertEqual(
            JSONEscaping.quoted("del\u{7F} c1\u{80}\u{9B}\u{9F} nbsp\u{A0}"), "\"del\\u007f c1\\u0080\\u009b\\u009f nbsp\u{A0}\"")
        XCTAssertEqual(JSONEscaping.quoted("line\u{2028}para\u{2029}ok\u{2027}\u{202A}"), "\"line\\u2028para\\u2029ok\u{2027}\u{202A}\"")
        XCTAssertEqual(JSONEscaping.quoted("</script><script>alert(1)</script>"), #""</script><script>alert(1)</script>""#)
        XCTAssertEqual(JSONEscaping.quoted(#"{"injected": true}"#), #""{\"injected\": true}""#)
        XCTAssertEqual(JSONEscaping.quoted("\\\"\\\""), #""\\\"\\\"""#)
    }

    /// Whatever goes in comes back out of a JSON parser unchanged. (No string starts with U+FEFF here: Foundation's
    /// parser on Linux drops a BOM at the start of a string value, which is its quirk, not an escaping problem.)
    func testRoundTripThroughAParser() throws {
        let hostile = [
            "", "\"", "\\", "\\\"", "\u{0}", "\n\r\t", "\u{1B}]0;title\u{7}", "\u{7F}\u{85}\u{9F}", "\u{2028}\u{2029}",
            "é\u{301}", "👩‍👩‍👧", "x\u{FEFF}bom", "| `x` <b>", "\u{C2}", "end\\",
            String((0..<0x2100).compactMap { Unicode.Scalar($0).map(Character.init) }),
        ]
        for text in hostile {
            var json = "["
            JSONEscaping.appendQuoted(text, to: &json)
            json += "]"
            let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
            XCTAssertEqual(decoded, [text], "round trip of \(String(reflecting: text))")
            XCTAssertFalse(
                json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
            )
        }
    }

    func testAppendsToExistingOutput() {
        var output = "{\"k\":"
        JSONEscaping.appendQuoted("v\"", to: &output)
        XCTAssertEqual(output, #"{"k":"v\"""#)
    }
}

final class TerminalEscapingTests: XCTestCase {
    func testSafeTextIsUnchanged() {
        XCTAssertEqual(TerminalEscaping.sanitized("plain\ttext é ☕ 👩‍👩‍👧"), "plain\ttext é ☕ 👩‍👩‍👧")
    }

    func testUnsafeCharactersBecomeVisibleEscapes() {
        XCTAssertEqual(
            TerminalEscaping.sanitized("\u{1B}[2J\r\n\u{0}\u{7F}\u{9B}\u{202E}\u{2066}\u{2028}"),
            #"\u{1B}[2J\u{D}\u{A}\u{0}\u{7F}\u{9B}\u{202E}\u{2066}\u{2028}"#)
        XCTAssertEqual(TerminalEscaping.sanitized("a\tb", keepingTabs: false), #"a\u{9}b"#)
    }
}
