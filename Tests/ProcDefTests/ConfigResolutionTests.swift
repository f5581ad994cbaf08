import XCTest

@testable import ProcDef

/// `.procdef.yaml`: severities (by rule and by family), options, and the errors of a config that names nothing.
final class ConfigResolutionTests: XCTestCase {
    private let process = """
        kind: process
        id: change
        name: Change
        owner: process-owner
        defaults: {accountable: incident-manager}
        activities:
          - id: assess
            name: Assess the change
            responsible: service-desk
            consulted: [resolver, network, comms, sponsor]
        """

    /// Checks `process` (and the standard catalogue) with `config` as the active configuration.
    private func check(config: String) -> (CheckReport, MarkedFixture) {
        let marked = MarkedFixture(config)
        let configFile = SourceFile(path: ".procdef.yaml", bytes: Array(marked.text.utf8))
        let loadedConfig = Workspace.load(files: [configFile])
        let active = ActiveConfig(config: loadedConfig.configs.first, source: configFile, diagnostics: loadedConfig.diagnostics)
        var workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            SourceFile(path: "change.yaml", bytes: Array(process.utf8)),
        ])
        // The standard catalogue holds roles for other fixtures: its use is not this one process's to judge.
        workspace.isPartial = true
        return (Checker.check(workspace, config: active, options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))), marked)
    }

    private func lines(_ report: CheckReport) -> [String] {
        report.diagnostics.map {
            "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.severity.rawValue) [\($0.rule)] \($0.message)"
                + ($0.help.map { " help: \($0)" } ?? "")
        }
    }

    func testWithoutConfigTheDefaultLimitHolds() {
        let (report, _) = check(config: "kind: config\n")
        XCTAssertEqual(lines(report), [])
    }

    func testAnOptionTightensTheRule() {
        let (report, _) = check(config: "kind: config\nrules:\n  raci/too-many-consulted: {severity: error, max: 3}\n")
        XCTAssertEqual(
            lines(report),
            [
                "change.yaml:10:43 error [raci/too-many-consulted] activity 'assess' (Assess the change) consults 4 roles, over the limit of 3: every consultation is a wait before the decision help: keep in `consulted` only the roles whose input can change the outcome (at most 3) and move the others to `informed`, or split the activity"
            ])
    }

    func testARuleEntryBeatsItsFamilyWhateverTheOrder() {
        let (report, _) = check(config: "kind: config\nrules:\n  raci/too-many-consulted: {max: 3}\n  raci/*: off\n")
        XCTAssertEqual(lines(report), [])
        let (second, _) = check(config: "kind: config\nrules:\n  raci/too-many-consulted: {severity: note, max: 3}\n  raci/*: off\n")
        XCTAssertEqual(second.diagnostics.map(\.severity), [.note])
        let (third, _) = check(config: "kind: config\nrules:\n  raci/*: error\n  raci/too-many-consulted: {max: 3}\n")
        XCTAssertEqual(third.diagnostics.map { "\($0.rule) \($0.severity)" }, ["raci/too-many-consulted error"])
    }

    func testUnknownRuleAndFamilyHaveDidYouMean() {
        let (report, marked) = check(config: "kind: config\nrules:\n  1️⃣raci/too-many-consultd: {max: 3}\n  2️⃣hanoff/*: error\n")
        let one = marked.positions["1️⃣"].map { "\($0.line):\($0.column)" } ?? "?"
        let two = marked.positions["2️⃣"].map { "\($0.line):\($0.column)" } ?? "?"
        XCTAssertEqual(
            lines(report),
            [
                ".procdef.yaml:\(one) error [config/unknown-rule] no rule 'raci/too-many-consultd' help: did you mean 'raci/too-many-consulted'?",
                ".procdef.yaml:\(two) error [config/unknown-rule] no rule family 'hanoff' help: did you mean 'handoff/*'?",
            ])
    }

    func testUnknownOptionAndBadValue() {
        let (report, marked) = check(
            config: "kind: config\nrules:\n  raci/too-many-consulted: {1️⃣maxx: 3}\n  raci/overloaded-role: {accountable-share: 2️⃣1.5}\n")
        let one = marked.positions["1️⃣"].map { "\($0.line):\($0.column)" } ?? "?"
        let two = marked.positions["2️⃣"].map { "\($0.line):\($0.column)" } ?? "?"
        XCTAssertEqual(
            report.diagnostics.filter { $0.file == ".procdef.yaml" }.map {
                "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" + ($0.help.map { " help: \($0)" } ?? "")
            },
            [
                "\(one) [schema/unknown-key] unknown option 'maxx' for rule 'raci/too-many-consulted' help: did you mean 'max'?",
                "\(two) [schema/type] option 'accountable-share' of rule 'raci/overloaded-role' must be a number from 0 to 1"
                    + (RuleRegistry.descriptor(for: "raci/overloaded-role")?.options.first { $0.name == "accountable-share" }.map {
                        " help: \($0.summary)"
                    } ?? ""),
            ])
    }

    func testPolicyRulesCanBeConfigured() {
        let (report, marked) = check(config: "kind: config\nrules:\n  1️⃣policy/nowhere: off\n")
        let one = marked.positions["1️⃣"].map { "\($0.line):\($0.column)" } ?? "?"
        XCTAssertEqual(
            lines(report),
            [".procdef.yaml:\(one) error [config/unknown-rule] no rule 'policy/nowhere' help: `procdef rules` lists every rule"])
    }

    func testAConfigFileMustHoldOneConfigDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".procdef.yaml").path
        try Data(standardCatalogue.utf8).write(to: URL(fileURLWithPath: path))
        let active = try ConfigResolver.load(path)
        XCTAssertNil(active.config)
        XCTAssertEqual(
            active.diagnostics.map { "\($0.rule) \($0.message)" },
            ["schema/unknown-kind the configuration file holds other documents than `kind: config`"])
    }

    func testLocateWalksUp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-locate-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertNil(ConfigResolver.locate(from: deep.path).flatMap { $0.hasPrefix(root.path) ? $0 : nil })
        try Data("kind: config\n".utf8).write(to: root.appendingPathComponent("a/.procdef.yaml"))
        XCTAssertEqual(ConfigResolver.locate(from: deep.path), root.appendingPathComponent("a/.procdef.yaml").standardizedFileURL.path)
    }
}
