import Foundation
import XCTest
import YAMLTree

@testable import ProcDef

/// A YAML fixture with markers (1️⃣ … 9️⃣) at the spots findings point to, in the style of swift-format's rule tests:
/// the fixture shows where each finding goes, and nobody counts lines by hand.
struct MarkedFixture {
    static let markerSymbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The fixture without its markers.
    let text: String
    /// Each marker's 1-based line and column (columns count Unicode scalars, as libyaml does).
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var clean = ""
        var positions: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for symbol in Self.markerSymbols where rest.hasPrefix(symbol) {
                positions[symbol] = (line, column)
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            clean.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = clean
        self.positions = positions
    }
}

/// A finding a test expects at a marker.
struct ExpectedFinding: CustomStringConvertible {
    var marker: String
    var rule: String
    var severity: Severity?
    var message: String
    var help: String?

    init(_ marker: String, _ rule: String, _ message: String, severity: Severity? = nil, help: String? = nil) {
        self.marker = marker
        self.rule = rule
        self.message = message
        self.severity = severity
        self.help = help
    }

    var description: String { "\(marker) [\(rule)] \(message)" + (help.map { " help: \($0)" } ?? "") }
}

/// The role catalogue most rule fixtures run against, so each fixture shows only the process under test.
let standardCatalogue = """
    kind: roles
    roles:
      process-owner: {name: Incident Process Owner, kind: owner, team: ITSM Office}
      incident-manager: {name: Incident Manager, kind: manager, team: Service Desk}
      service-desk: {name: Service Desk Analyst, kind: practitioner, team: Service Desk}
      resolver: {name: Resolver Group, kind: practitioner, team: Application Support}
      network: {name: Network Engineer, kind: practitioner, team: Infrastructure}
      comms: {name: Communications Lead, kind: practitioner, team: Communications}
      user: {name: Affected User, kind: customer}
      carrier: {name: Network Carrier, kind: supplier, team: Carrier NOC}
      sponsor: {name: Business Sponsor, kind: stakeholder}

    """

enum RuleFixtureRunner {
    /// Writes the fixture (and, unless it defines its own, the standard catalogue) into a fresh folder and runs the
    /// whole check on it, exactly as `procdef check` would.
    static func run(_ files: [String: String], options: CheckOptions = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
        throws -> CheckReport
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = files
        let addsStandardCatalogue = !files.values.contains(where: { $0.contains("kind: roles") })
        if addsStandardCatalogue {
            files["roles.yaml"] = standardCatalogue
        }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var workspace = try Workspace.load(paths: [folder.path], options: options)
        // The standard catalogue (alone or extended) serves every fixture: most of its roles are for other fixtures, so the rules about
        // the catalogue's use (`raci/unused-catalogue-role`, `raci/idle-role` for catalogue roles) do not judge it.
        if addsStandardCatalogue || files.values.contains(where: { $0.hasPrefix(standardCatalogue) }) { workspace.isPartial = true }
        return Checker.check(workspace, options: options)
    }
}

extension XCTestCase {
    /// An XCTest assertion (named like XCTest's own, since it fails the calling test through `XCTAssertEqual`).
    /// Checks `marked` (as `fixture.yaml`) and asserts that the findings of the given rules (all rules when nil) are
    /// exactly `expected`: rule id, line and column of each marker, message and help (when given), severity (when given).
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // Named like XCTest\'s own assertions, which it is one of.
    func XCTAssertFindings(
        _ marked: String,
        rules: Set<String>? = nil,
        extraFiles: [String: String] = [:],
        options: CheckOptions = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)),
        _ expected: [ExpectedFinding],
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let fixture = MarkedFixture(marked)
        var files = extraFiles
        files["fixture.yaml"] = fixture.text
        let report: CheckReport
        do {
            report = try RuleFixtureRunner.run(files, options: options)
        } catch {
            return XCTFail("the fixture did not load: \(error)", file: file, line: line)
        }
        let actual = report.diagnostics.filter { diagnostic in
            guard diagnostic.file.hasSuffix("fixture.yaml") else { return rules == nil || rules?.contains(diagnostic.rule) == true }
            return rules?.contains(diagnostic.rule) ?? true
        }
        func render(_ d: Diagnostic) -> String {
            "\(d.range.start.line):\(d.range.start.column) [\(d.rule)] \(d.severity.rawValue): \(d.message)"
                + (d.help.map { " help: \($0)" } ?? "")
        }
        var expectedLines: [String] = []
        for finding in expected {
            guard let position = fixture.positions[finding.marker] else {
                XCTFail("marker \(finding.marker) is not in the fixture", file: file, line: line)
                continue
            }
            let match = actual.first {
                $0.rule == finding.rule && $0.message == finding.message && $0.range.start.line == position.line
                    && $0.range.start.column == position.column
            }
            let severity = finding.severity?.rawValue ?? match?.severity.rawValue ?? "?"
            let help = finding.help ?? match?.help
            expectedLines.append(
                "\(position.line):\(position.column) [\(finding.rule)] \(severity): \(finding.message)"
                    + (help.map { " help: \($0)" } ?? ""))
        }
        XCTAssertEqual(actual.map(render).sorted(), expectedLines.sorted(), file: file, line: line)
    }
}
