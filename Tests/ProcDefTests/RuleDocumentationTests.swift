import XCTest

@testable import ProcDef

/// `procdef explain` prints each rule's examples; this runs them, so the documentation cannot drift from the code.
final class RuleDocumentationTests: XCTestCase {
    /// Rules whose examples cannot be reproduced by one in-memory YAML file, each with its reason. Their examples
    /// describe the situation in comments; their behaviour is covered by their own tests.
    private let exempt: [String: String] = [
        "flow/analysis-limit": "needs a state limit below the default, which only .procdef.yaml or a flag sets (AnalysisLimitTests)",
        "io/unreadable": "needs a file system entry that cannot be read (WorkspaceLoadingTests)",
        "io/symlink-loop": "needs symbolic links on disk (WorkspaceLoadingTests)",
        "lint/stale-baseline": "needs a baseline file beside the definitions (BaselineTests)",
        "yaml/encoding": "needs bytes that are not UTF-8, which a Swift string cannot hold (InvalidEncodingTests)",
    ]

    /// Checks an example with its rule switched on, so rules that are off by default show their examples too.
    private func check(_ example: String, enabling rule: RuleDescriptor? = nil) -> CheckReport {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        if let rule, rule.defaultSeverity == nil {
            options.rules.levels[rule.id] = .some(.warning)
        }
        return Checker.check(files: [SourceFile(path: "example.yaml", bytes: Array(example.utf8))], options: options)
    }

    func testEveryRuleIsDocumented() {
        XCTAssertFalse(RuleRegistry.all.isEmpty)
        for rule in RuleRegistry.all {
            XCTAssertFalse(rule.summary.isEmpty, "\(rule.id) has no summary")
            XCTAssertFalse(rule.explanation.isEmpty, "\(rule.id) has no explanation")
            XCTAssertFalse(rule.failingExample.isEmpty, "\(rule.id) has no failing example")
            XCTAssertFalse(rule.fixedExample.isEmpty, "\(rule.id) has no fixed example")
        }
        XCTAssertEqual(RuleRegistry.all.map(\.id), RuleRegistry.all.map(\.id).sorted(), "the registry is in id order")
        XCTAssertEqual(Set(RuleRegistry.all.map(\.id)).count, RuleRegistry.all.count, "rule ids are unique")
    }

    func testFailingExamplesTriggerTheirRuleAndFixedExamplesDoNot() {
        for rule in RuleRegistry.all where exempt[rule.id] == nil {
            let failing = check(rule.failingExample, enabling: rule).diagnostics.filter { $0.rule == rule.id }
            XCTAssertFalse(failing.isEmpty, "the failing example of \(rule.id) does not trigger it")
            let fixed = check(rule.fixedExample, enabling: rule).diagnostics.filter { $0.rule == rule.id }
            XCTAssertEqual(fixed.map(\.message), [], "the fixed example of \(rule.id) still triggers it")
        }
    }

    /// A fixed example is what a reader copies: it must be clean under every rule, not only its own.
    func testFixedExamplesAreCleanUnderEveryRule() {
        for rule in RuleRegistry.all where exempt[rule.id] == nil {
            let findings = check(rule.fixedExample).diagnostics
            XCTAssertEqual(
                findings.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" }, [],
                "the fixed example of \(rule.id)")
        }
    }

    /// Findings that a failing example cannot avoid besides its own, each with the reason.
    private let companions: [String: (rule: String, reason: String)] = [
        "waiver/expired": ("policy/case-owner-named", "a lapsed waiver no longer covers its policy, which fails again"),
        "schema/invalid-date": ("policy/requests-are-recorded", "a waiver without a valid date covers nothing"),
        "schema/unknown-key": ("raci/responsible-required", "the misspelt `responsible` leaves the activity without one"),
    ]

    /// A failing example shows one problem: only its own rule reports at error or warning level.
    func testFailingExamplesShowOnlyTheirOwnProblem() {
        for rule in RuleRegistry.all where exempt[rule.id] == nil {
            let others = check(rule.failingExample, enabling: rule).diagnostics.filter {
                $0.rule != rule.id && $0.severity != .note && $0.rule != companions[rule.id]?.rule
            }
            XCTAssertEqual(
                others.map { "\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" }, [],
                "the failing example of \(rule.id)")
        }
    }

    func testDecodingRulesFixedExamplesAreFreeOfEveryDecodingFinding() {
        for rule in RuleRegistry.decodingRules {
            let findings = check(rule.fixedExample).diagnostics.filter { decodingRuleIDs.contains($0.rule) }
            XCTAssertEqual(findings.map { "[\($0.rule)] \($0.message)" }, [], "the fixed example of \(rule.id)")
        }
    }

    func testEveryDecodingRuleIsRegisteredAndErrorsByDefault() {
        // A text cut by a comment still decodes: a warning, which a line can suppress when the `#` is meant.
        let warnings: Set<String> = ["yaml/comment-in-text"]
        let ids = [
            "io/symlink-loop", "io/unreadable",
            "ref/unknown-activity", "ref/unknown-policy", "ref/unknown-priority", "ref/unknown-process", "ref/unknown-role",
            "schema/duplicate-id", "schema/empty", "schema/invalid-date", "schema/invalid-duration", "schema/invalid-id",
            "schema/missing-field", "schema/type", "schema/unknown-key", "schema/unknown-kind",
            "yaml/comment-in-text", "yaml/duplicate-key", "yaml/encoding", "yaml/limits", "yaml/syntax",
        ]
        XCTAssertEqual(RuleRegistry.decodingRules.map(\.id).sorted(), ids)
        for id in ids {
            XCTAssertEqual(RuleRegistry.descriptor(for: id)?.defaultSeverity, warnings.contains(id) ? .warning : .error, id)
        }
    }
}
