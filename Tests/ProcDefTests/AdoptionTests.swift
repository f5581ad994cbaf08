import Foundation
import XCTest
import YAMLTree

@testable import ProcDef

/// Globs, finding keys, the baseline file and its matching, per-folder overrides and `--select`: what a repository
/// with findings already in it needs to adopt procdef.
final class PathGlobTests: XCTestCase {
    private func matches(_ glob: String, _ path: String) -> Bool {
        guard let compiled = PathGlob(glob, base: "/repo") else {
            XCTFail("'\(glob)' does not read as a glob")
            return false
        }
        return compiled.matches(absolute: "/repo/" + path)
    }

    func testTheWholePathMatches() {
        XCTAssertTrue(matches("Processes/archive/**", "Processes/archive/old.yaml"))
        XCTAssertTrue(matches("Processes/archive/**", "Processes/archive/2019/q1/old.yaml"))
        XCTAssertFalse(matches("Processes/archive/**", "Processes/archived.yaml"))
        XCTAssertTrue(matches("**/*.draft.yaml", "x.draft.yaml"))
        XCTAssertTrue(matches("**/*.draft.yaml", "Processes/a/b/x.draft.yaml"))
        XCTAssertFalse(matches("**/*.draft.yaml", "Processes/x.yaml"))
        // `*` stays inside a folder name: it does not match the folders below.
        XCTAssertTrue(matches("*.yaml", "roles.yaml"))
        XCTAssertFalse(matches("*.yaml", "Processes/roles.yaml"))
        XCTAssertTrue(matches("Processes/*/x.yaml", "Processes/a/x.yaml"))
        XCTAssertFalse(matches("Processes/*/x.yaml", "Processes/a/b/x.yaml"))
    }

    func testAFolderMatchesEverythingInIt() {
        XCTAssertTrue(matches("Processes/archive", "Processes/archive/old.yaml"))
        XCTAssertTrue(matches("./Processes/archive/", "Processes/archive/x/old.yaml"))
        XCTAssertTrue(matches("/Processes/archive", "Processes/archive/old.yaml"))
    }

    func testOneCharacterAndSets() {
        XCTAssertTrue(matches("Processes/v?.yaml", "Processes/v1.yaml"))
        XCTAssertFalse(matches("Processes/v?.yaml", "Processes/v10.yaml"))
        XCTAssertTrue(matches("Processes/[a-c]*.yaml", "Processes/change.yaml"))
        XCTAssertFalse(matches("Processes/[a-c]*.yaml", "Processes/incident.yaml"))
        XCTAssertTrue(matches("Processes/[!a-c]*.yaml", "Processes/incident.yaml"))
    }

    func testAGlobIsRelativeToItsBase() {
        let glob = PathGlob("archive/**", base: "/org")
        XCTAssertEqual(glob?.matches(absolute: "/org/archive/a.yaml"), true)
        XCTAssertEqual(glob?.matches(absolute: "/repo/archive/a.yaml"), false)
        XCTAssertEqual(PathGlob("../shared/**", base: "/repo/sub")?.matches(absolute: "/repo/shared/a.yaml"), true)
    }

    func testWildcardsNeverClimbOutOfTheBase() {
        // A shared config's globs stay in the shared config's folder, however wide they are.
        XCTAssertEqual(PathGlob("*", base: "/org")?.matches(absolute: "/repo/Processes/a.yaml"), false)
        XCTAssertEqual(PathGlob("**/*.yaml", base: "/org")?.matches(absolute: "/repo/Processes/a.yaml"), false)
        XCTAssertEqual(PathGlob("**", base: "/org")?.matches(absolute: "/repo/a.yaml"), false)
        XCTAssertEqual(PathGlob("?*/**", base: "/org/sub")?.matches(absolute: "/org/a.yaml"), false)
        // Written out, `..` is followed.
        XCTAssertEqual(PathGlob("../repo/**", base: "/org")?.matches(absolute: "/repo/Processes/a.yaml"), true)
    }

    func testUnreadableGlobsSayWhy() {
        XCTAssertEqual(PathGlob.problem(in: ""), "an empty glob matches nothing")
        XCTAssertEqual(PathGlob.problem(in: "Processes/[abc"), "'[' opens a set of characters that no ']' closes, in 'Processes/[abc'")
        XCTAssertEqual(
            PathGlob.problem(in: "Processes/a**"), "'**' must be a whole folder name, as in 'Processes/**/*.yaml', found 'a**'")
        XCTAssertEqual(PathGlob.problem(in: "[z-a]"), "the range 'z-a' in '[z-a]' runs backwards")
        XCTAssertNil(PathGlob.problem(in: "Processes/**/*.yaml"))
    }
}

final class FindingKeyTests: XCTestCase {
    private func finding(line: Int, rule: String = "handoff/gap", message: String = "m", subjects: FindingSubjects) -> Diagnostic {
        Diagnostic(
            file: "Processes/incident.yaml", range: SourceRange(at: SourcePosition(line: line, column: 3, offset: 0)), severity: .error,
            rule: rule, message: message, subjects: subjects)
    }

    func testTheKeyIsRuleFileAndSubjectsNeverPlaceOrWording() {
        let subjects = FindingSubjects(process: "incident", activities: ["log", "diagnose"], roles: ["desk", "resolver"])
        let a = FindingKey(finding(line: 10, subjects: subjects), root: "/repo", currentDirectory: "/repo")
        let b = FindingKey(finding(line: 99, message: "other wording", subjects: subjects), root: "/repo", currentDirectory: "/repo")
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hash, b.hash)
        XCTAssertEqual(a.text, "handoff/gap|Processes/incident.yaml|process=incident;activities=log,diagnose;roles=desk,resolver")
        let policy = FindingSubjects(process: "p", policy: "q", waiver: WaiverSubject(process: "p", policy: "q"))
        XCTAssertEqual(
            FindingKey(finding(line: 1, rule: "waiver/expired", subjects: policy), root: "/repo", currentDirectory: "/repo").text,
            "waiver/expired|Processes/incident.yaml|process=p;policy=q;waiver=p/q")
    }

    func testPathsAreRelativeToTheRootWhereverTheRunStarts() {
        let subjects = FindingSubjects(process: "incident")
        let fromRoot = FindingKey(finding(line: 1, subjects: subjects), root: "/repo", currentDirectory: "/repo")
        var inside = finding(line: 1, subjects: subjects)
        inside.file = "incident.yaml"
        let fromFolder = FindingKey(inside, root: "/repo", currentDirectory: "/repo/Processes")
        XCTAssertEqual(fromRoot, fromFolder)
        XCTAssertEqual(fromFolder.file, "Processes/incident.yaml")
    }

    func testTheHashIsStableAcrossRuns() {
        // FNV-1a 64 of the text, in hex: a value fixed by the text alone, not by the process's random seed.
        let key = FindingKey(rule: "handoff/gap", file: "a.yaml", subjects: FindingSubjects(process: "p"))
        XCTAssertEqual(key.text, "handoff/gap|a.yaml|process=p")
        XCTAssertEqual(key.hash, "35f77916961024e6")
    }
}

final class BaselineTests: XCTestCase {
    private let subjectsA = FindingSubjects(process: "incident", activities: ["log", "diagnose"], roles: ["desk", "resolver"])
    private let subjectsB = FindingSubjects(process: "incident", activities: ["diagnose", "close"], roles: ["resolver", "desk"])

    private func gap(_ line: Int, _ subjects: FindingSubjects, file: String = "Processes/incident.yaml") -> Diagnostic {
        Diagnostic(
            file: file, range: SourceRange(at: SourcePosition(line: line, column: 11, offset: 0)), severity: .error, rule: "handoff/gap",
            message: "gap at \(line)", subjects: subjects)
    }

    private func report(_ diagnostics: [Diagnostic]) -> CheckReport {
        CheckReport(workspace: Workspace(sources: [SourceFile(path: "Processes/incident.yaml", bytes: [])]), diagnostics: diagnostics)
    }

    /// The baseline of `diagnostics`, its entries where the file writes them (from line 5, one a line, at column 5:
    /// `BaselineFileRendererTests` checks that layout).
    private func baseline(_ diagnostics: [Diagnostic]) throws -> (Baseline, SourceFile) {
        var baseline = Baseline(findings: diagnostics, root: "/repo", currentDirectory: "/repo")
        for index in baseline.entries.indices {
            let start = SourcePosition(line: 5 + index, column: 5, offset: 0)
            baseline.entries[index].range = SourceRange(start: start, end: start)
        }
        return (baseline, SourceFile(path: ".procdef-baseline.json", bytes: []))
    }

    private func apply(_ baseline: (Baseline, SourceFile), to report: CheckReport, scope: BaselineScope = BaselineScope()) -> CheckReport {
        report.applying(
            baseline.0, source: baseline.1, root: "/repo", currentDirectory: "/repo", scope: scope, configuration: RuleConfiguration())
    }

    func testKnownFindingsAreHiddenWhereverTheyMove() throws {
        let known = try baseline([gap(10, subjectsA), gap(15, subjectsB)])
        // The process moved down the file: new lines, new wording, same subjects.
        let moved = apply(known, to: report([gap(31, subjectsA), gap(36, subjectsB)]))
        XCTAssertEqual(moved.diagnostics, [])
        XCTAssertEqual(moved.baselined.map(\.range.start.line), [31, 36])
        XCTAssertEqual(moved.summary.errors, 0)
        XCTAssertEqual(moved.summary.baselined, 2)
        XCTAssertEqual(moved.summary.baselineFile, ".procdef-baseline.json")
        XCTAssertEqual(moved.baseline, BaselineUse(file: ".procdef-baseline.json", hidden: 2, fixed: 0))
    }

    func testASecondInstanceOfTheSameDefectIsNewAndShowsItsTwin() throws {
        let known = try baseline([gap(10, subjectsA), gap(15, subjectsB)])
        let twice = apply(known, to: report([gap(5, subjectsA), gap(10, subjectsA), gap(15, subjectsB)]))
        // Which of the two is new cannot be known: both are shown, each saying so; the other key stays known.
        XCTAssertEqual(twice.diagnostics.map(\.range.start.line), [5, 10])
        XCTAssertEqual(
            twice.diagnostics.map { $0.notes.map(\.message) },
            Array(
                repeating: [
                    "the baseline knows 1 finding of this rule about the same ids in this file, and 2 occur: each is shown, since the new one cannot be told from the known"
                ], count: 2))
        XCTAssertEqual(twice.baselined.map(\.range.start.line), [15])
        XCTAssertEqual(twice.summary.errors, 2)
        XCTAssertEqual(twice.baseline?.fixed, 0)
    }

    func testAFixedFindingIsAStaleNoteOnItsLine() throws {
        let known = try baseline([gap(10, subjectsA), gap(15, subjectsB), gap(20, subjectsB)])
        let fixed = apply(known, to: report([gap(10, subjectsA)]))
        XCTAssertEqual(fixed.diagnostics.count, 1)
        let note = try XCTUnwrap(fixed.diagnostics.first)
        XCTAssertEqual(note.rule, "lint/stale-baseline")
        XCTAssertEqual(note.severity, .note)
        XCTAssertEqual(note.file, ".procdef-baseline.json")
        XCTAssertEqual(note.range.start.line, 5)
        XCTAssertEqual(note.range.start.column, 5)
        XCTAssertEqual(
            note.message,
            "2 baselined 'handoff/gap' findings in Processes/incident.yaml no longer occur (process incident, activities diagnose, close; roles resolver, desk)"
        )
        XCTAssertEqual(note.help, "run `procdef check --write-baseline` to prune them from the baseline")
        XCTAssertEqual(note.subjects, subjectsB)
        XCTAssertEqual(fixed.baseline?.fixed, 2)
        XCTAssertTrue(fixed.workspace.sources.contains { $0.path == ".procdef-baseline.json" }, "kept for the note's snippet")
        XCTAssertEqual(fixed.summary.files, 1, "the baseline is not counted among the files checked")
    }

    func testStalenessIsJudgedOnlyWithinTheRunsScope() throws {
        let known = try baseline([gap(10, subjectsA), gap(3, FindingSubjects(process: "change"), file: "Processes/change.yaml")])
        // A run of one file says nothing about the other's entries.
        let onePath = apply(known, to: report([gap(10, subjectsA)]), scope: BaselineScope(paths: ["/repo/Processes/incident.yaml"]))
        XCTAssertEqual(onePath.diagnostics, [])
        let folder = apply(known, to: report([gap(10, subjectsA)]), scope: BaselineScope(paths: ["/repo/Processes"]))
        XCTAssertEqual(folder.diagnostics.map(\.rule), ["lint/stale-baseline"])
        // A run of some rules says nothing about the others.
        let selected = apply(
            known, to: report([]), scope: BaselineScope(selection: RuleSelection(selected: ["raci"])))
        XCTAssertEqual(selected.diagnostics, [])
        let unjudged = apply(known, to: report([]), scope: BaselineScope(unjudgedRules: ["handoff/gap"]))
        XCTAssertEqual(unjudged.diagnostics, [])
    }

    func testAFileThatCouldNotBeReadOrResolvedIsNotJudged() throws {
        let known = try baseline([gap(10, subjectsA)])
        let syntax = Diagnostic(
            file: "Processes/incident.yaml", range: .fileStart, severity: .error, rule: "yaml/syntax", message: "m")
        XCTAssertEqual(apply(known, to: report([syntax])).diagnostics.map(\.rule), ["yaml/syntax"])
        let unresolved = Diagnostic(
            file: "Processes/incident.yaml", range: .fileStart, severity: .error, rule: "ref/unknown-role", message: "m",
            subjects: FindingSubjects(process: "incident", roles: ["desk"]))
        XCTAssertEqual(apply(known, to: report([unresolved])).diagnostics.map(\.rule), ["ref/unknown-role"])
        // Another file's trouble says nothing about this one.
        var elsewhere = syntax
        elsewhere.file = "Processes/other.yaml"
        XCTAssertEqual(apply(known, to: report([elsewhere])).diagnostics.map(\.rule), ["lint/stale-baseline", "yaml/syntax"])
    }

    func testTheStaleNoteFollowsTheConfiguredLevelButNotTheSelection() throws {
        let known = try baseline([gap(10, subjectsA)])
        var configuration = RuleConfiguration(levels: ["lint/stale-baseline": .some(.warning)])
        configuration.selection = RuleSelection(selected: ["handoff"])
        let warned = report([]).applying(
            known.0, source: known.1, root: "/repo", currentDirectory: "/repo", scope: BaselineScope(), configuration: configuration)
        XCTAssertEqual(warned.diagnostics.map(\.severity), [.warning])
        let offLevels: [String: Severity?] = ["lint/stale-baseline": nil as Severity?]
        let off = report([]).applying(
            known.0, source: known.1, root: "/repo", currentDirectory: "/repo", scope: BaselineScope(),
            configuration: RuleConfiguration(levels: offLevels))
        XCTAssertEqual(off.diagnostics, [])
        XCTAssertEqual(off.baseline?.fixed, 1, "counted even when the note is off")
        var ignoring = RuleConfiguration()
        ignoring.selection = RuleSelection(ignored: ["lint/stale-baseline"])
        let ignored = report([]).applying(
            known.0, source: known.1, root: "/repo", currentDirectory: "/repo", scope: BaselineScope(), configuration: ignoring)
        XCTAssertEqual(ignored.diagnostics, [], "--ignore names it")
    }

    func testAFileThatIsNotABaselineSaysWhereAndWhy() {
        func error(_ text: String) -> String? {
            do {
                _ = try Baseline(parsing: Array(text.utf8), file: "b.json")
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(error("[]"), "b.json:1: a baseline is a JSON object with \"version\" and \"findings\"")
        XCTAssertEqual(error("{\"version\": 2, \"findings\": []}"), "b.json:1: unknown baseline version 2: this procdef reads version 1")
        XCTAssertEqual(error("{\"version\": 1}"), "b.json:1: \"findings\" must be a list")
        XCTAssertEqual(
            error("{\"version\": 1, \"findings\": [\n  {\"rule\": \"handoff/gap\", \"file\": \"a.yaml\", \"count\": 0}\n]}"),
            "b.json:2: finding 1: needs a \"count\" from 1 to 1000000000")
        XCTAssertEqual(
            error("{\"version\": 1, \"findings\": [\n  {\"rule\": \"r/x\", \"file\": \"a.yaml\", \"count\": 9223372036854775807}\n]}"),
            "b.json:2: finding 1: needs a \"count\" from 1 to 1000000000")
        XCTAssertEqual(
            error(
                "{\"version\": 1, \"findings\": [\n  {\"rule\": \"handoff/gap\", \"file\": \"a.yaml\", \"count\": 1, \"roles\": \"x\"}\n]}"),
            "b.json:2: finding 1: \"roles\" must be a list of strings")
        XCTAssertTrue(error("{\"version\": 1,")?.hasPrefix("b.json: not valid JSON") == true)
    }
}

final class RuleScopeTests: XCTestCase {
    private func configuration(_ yaml: String) -> (RuleScopes, [Diagnostic]) {
        let workspace = Workspace.load(files: [SourceFile(path: "/repo/.procdef.yaml", bytes: Array(yaml.utf8))])
        guard let config = workspace.configs.first else {
            XCTFail("no config in \(yaml)")
            return (RuleScopes(), [])
        }
        let findings = ConfigResolver.resolve(config, rules: RuleRegistry.all, policyIDs: []).1
        let active = ActiveConfig(config: config, source: nil, diagnostics: [])
        return (active.ruleScopes(policyIDs: [], currentDirectory: "/repo"), workspace.diagnostics + findings)
    }

    private func severity(_ rule: String, in file: String, _ scopes: RuleScopes) -> String {
        guard let descriptor = RuleRegistry.descriptor(for: rule) else { return "unknown" }
        return scopes.configuration(for: file).severity(of: descriptor)?.rawValue ?? "off"
    }

    func testLaterOverridesWinOverEarlierOnesAndOverTheTopLevel() {
        let (scopes, findings) = configuration(
            """
            kind: config
            rules:
              handoff/gap: warning
              raci/too-many-consulted: {severity: error, max: 3}
            overrides:
              - paths: [Processes/suppliers/**]
                rules:
                  handoff/gap: error
              - paths: [Processes/suppliers/legacy/**, Processes/sandbox/**]
                rules: {handoff/gap: note, raci/*: warning}
            """)
        XCTAssertEqual(findings.map(\.message), [])
        XCTAssertEqual(severity("handoff/gap", in: "/repo/Processes/incident.yaml", scopes), "warning")
        XCTAssertEqual(severity("handoff/gap", in: "/repo/Processes/suppliers/a.yaml", scopes), "error")
        XCTAssertEqual(severity("handoff/gap", in: "/repo/Processes/suppliers/legacy/a.yaml", scopes), "note")
        // A family in an override wins over the top level's entry for a rule of that family; options stay.
        XCTAssertEqual(severity("raci/too-many-consulted", in: "/repo/Processes/incident.yaml", scopes), "error")
        XCTAssertEqual(severity("raci/too-many-consulted", in: "/repo/Processes/sandbox/a.yaml", scopes), "warning")
        XCTAssertEqual(scopes.configuration(for: "/repo/Processes/sandbox/a.yaml").options["raci/too-many-consulted"]?["max"], 3)
        XCTAssertEqual(severity("flow/deadlock", in: "/repo/Processes/sandbox/a.yaml", scopes), "error")
    }

    func testFindingsAreRelevelledByTheirOwnFile() {
        let (scopes, _) = configuration(
            """
            kind: config
            overrides:
              - paths: [Processes/sandbox/**]
                rules: {schema/unknown-key: off}
            """)
        func unknownKey(_ file: String) -> Diagnostic {
            Diagnostic(file: file, range: .fileStart, severity: .error, rule: "schema/unknown-key", message: "m")
        }
        let kept = scopes.relevel([unknownKey("/repo/Processes/a.yaml"), unknownKey("/repo/Processes/sandbox/b.yaml")])
        XCTAssertEqual(kept.map(\.file), ["/repo/Processes/a.yaml"])
    }

    func testOverridesAreCheckedAsTheTopLevelIs() {
        let (_, findings) = configuration(
            """
            kind: config
            overrides:
              - paths: ["Processes/[abc"]
                rules: {handof/gap: error}
              - rules: {handoff/gap: error}
              - paths: [Processes/**]
                rule: {handoff/gap: error}
            """)
        XCTAssertEqual(
            findings.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" },
            [
                "3:13 [schema/type] 'paths' in override 1 of the config: '[' opens a set of characters that no ']' closes, in 'Processes/[abc'",
                "5:5 [schema/missing-field] override 2 of the config has no 'paths'",
                "6:5 [schema/missing-field] override 3 of the config has no 'rules'",
                "7:5 [schema/unknown-key] unknown key 'rule' in override 3 of the config",
                "4:13 [config/unknown-rule] no rule 'handof/gap'",
            ])
    }
}

final class RuleSelectionTests: XCTestCase {
    func testSelectAndIgnoreTakeIdsAndFamilies() {
        let selection = RuleSelection(selected: ["handoff", "raci/no-accountable", "flow/*"], ignored: ["handoff/missing-artifact"])
        XCTAssertTrue(selection.includes("handoff/gap"))
        XCTAssertFalse(selection.includes("handoff/missing-artifact"))
        XCTAssertTrue(selection.includes("raci/no-accountable"))
        XCTAssertFalse(selection.includes("raci/too-many-consulted"))
        XCTAssertTrue(selection.includes("flow/deadlock"))
        XCTAssertFalse(selection.includes("handoffx/gap"), "a family is a whole word")
        XCTAssertFalse(RuleSelection(ignored: ["policy/*"]).includes("policy/logged"))
    }

    func testAFileThatCannotBeReadIsReportedWhateverTheSelection() {
        let selection = RuleSelection(selected: ["handoff/gap"], ignored: ["yaml"])
        for rule in ["yaml/syntax", "yaml/encoding", "yaml/limits", "io/unreadable", "io/symlink-loop"] {
            XCTAssertTrue(selection.includes(rule), rule)
            XCTAssertNotNil(RuleRegistry.descriptor(for: rule), "\(rule) is a rule")
        }
    }

    func testUnselectedRulesAreOffAndTheirSuppressionsAreNotJudged() {
        let yaml = """
            kind: roles
            roles:
              owner: {name: Owner, kind: owner}
              desk: {name: Desk, kind: practitioner}
            ---
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              # procdef: ignore raci/too-many-consulted -- fine
              - id: a
                name: A
                responsible: desk
                accountable: owner
                end: true
            """
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        let all = Checker.check(files: [SourceFile(path: "p.yaml", bytes: Array(yaml.utf8))], options: options)
        XCTAssertEqual(all.diagnostics.map(\.rule), ["lint/unused-suppression"])
        options.rules.selection = RuleSelection(selected: ["handoff", "lint"])
        let selected = Checker.check(files: [SourceFile(path: "p.yaml", bytes: Array(yaml.utf8))], options: options)
        XCTAssertEqual(selected.diagnostics.map(\.rule), [], "raci/too-many-consulted did not run, so its suppression is not judged")
    }
}
