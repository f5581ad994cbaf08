import XCTest
import YAMLTree

@testable import ProcDef

/// The ids of the rules reported while reading, decoding and linking.
let decodingRuleIDs = Set(RuleRegistry.decodingRules.map(\.id))

extension XCTestCase {
    /// Loads marked files from memory (the standard catalogue is added as `roles.yaml` unless a file defines roles) and
    /// asserts that the workspace's findings are exactly `expected`: file, line and column of each marker, rule id,
    /// severity (error unless given), message, and help (none unless given). Markers are unique across the files.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // Named like XCTest\'s own assertions, which it is one of.
    func XCTAssertDecoding(
        _ files: [String: String],
        options: CheckOptions = CheckOptions(),
        _ expected: [ExpectedFinding],
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        var sources: [SourceFile] = []
        var markers: [String: (file: String, line: Int, column: Int)] = [:]
        for (path, marked) in files {
            let fixture = MarkedFixture(marked)
            sources.append(SourceFile(path: path, bytes: Array(fixture.text.utf8)))
            for (marker, position) in fixture.positions { markers[marker] = (path, position.line, position.column) }
        }
        if !files.values.contains(where: { $0.contains("kind: roles") }) {
            sources.append(SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)))
        }
        let workspace = Workspace.load(files: sources, options: options)

        func render(file: String, line: Int, column: Int, rule: String, severity: Severity, message: String, help: String?) -> String {
            "\(file):\(line):\(column) [\(rule)] \(severity.rawValue): \(message)" + (help.map { "\n    help: \($0)" } ?? "")
        }
        let actual = workspace.diagnostics.map {
            render(
                file: $0.file, line: $0.range.start.line, column: $0.range.start.column, rule: $0.rule, severity: $0.severity,
                message: $0.message, help: $0.help)
        }
        var wanted: [String] = []
        for finding in expected {
            guard let place = markers[finding.marker] else {
                XCTFail("marker \(finding.marker) is not in the fixture", file: file, line: line)
                continue
            }
            wanted.append(
                render(
                    file: place.file, line: place.line, column: place.column, rule: finding.rule, severity: finding.severity ?? .error,
                    message: finding.message, help: finding.help))
        }
        XCTAssertEqual(actual.sorted().joined(separator: "\n"), wanted.sorted().joined(separator: "\n"), file: file, line: line)
    }

    /// The same for one file, `fixture.yaml`.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // Named like XCTest\'s own assertions, which it is one of.
    func XCTAssertDecoding(
        _ marked: String, options: CheckOptions = CheckOptions(), _ expected: [ExpectedFinding], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertDecoding(["fixture.yaml": marked], options: options, expected, file: file, line: line)
    }
}
