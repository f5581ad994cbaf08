import XCTest
@testable import ProcDef

/// `procdef explain` prints each rule's examples; this runs them, so the documentation cannot drift from the code.
final class RuleDocumentationTests: XCTestCase {
    /// Rules whose examples cannot be reproduced by one in-memory YAML file, each with its reason. Their examples
    /// describe the situation in comments; their behaviour is covered by their own tests.
    private let exempt: [String: String] = [
        "io/unreadable": "needs a file system entry that cannot be read (WorkspaceLoadingTests)",
        "io/symlink-loop": "needs symbolic links on disk (WorkspaceLoadingTests)",
        "yaml/encoding": "needs bytes that are not UTF-8, which a Swift string cannot hold (InvalidEncodingTests)",
    ]

    /// Rules registered on main whose check is not yet called by `Checker.check` (the suppression pass is not wired in
    /// when this was written). Remove an entry as soon as its rule runs: the test then covers it like any other.
    private let notYetRunByTheChecker: Set<String> = ["lint/suppression-without-reason", "lint/unused-suppression"]

    private func check(_ example: String) -> CheckReport {
        Checker.check(files: [SourceFile(path: "example.yaml", bytes: Array(example.utf8))], options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
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
            let failing = check(rule.failingExample).diagnostics.filter { $0.rule == rule.id }
            if notYetRunByTheChecker.contains(rule.id) {
                XCTAssertTrue(failing.isEmpty, "\(rule.id) runs now: remove it from notYetRunByTheChecker")
                continue
            }
            XCTAssertFalse(failing.isEmpty, "the failing example of \(rule.id) does not trigger it")
            let fixed = check(rule.fixedExample).diagnostics.filter { $0.rule == rule.id }
            XCTAssertEqual(fixed.map(\.message), [], "the fixed example of \(rule.id) still triggers it")
        }
    }

    func testDecodingRulesFixedExamplesAreFreeOfEveryDecodingFinding() {
        for rule in RuleRegistry.decodingRules {
            let findings = check(rule.fixedExample).diagnostics.filter { decodingRuleIDs.contains($0.rule) }
            XCTAssertEqual(findings.map { "[\($0.rule)] \($0.message)" }, [], "the fixed example of \(rule.id)")
        }
    }

    func testEveryDecodingRuleIsRegisteredAndErrorsByDefault() {
        let ids = [
            "io/symlink-loop", "io/unreadable",
            "ref/unknown-activity", "ref/unknown-policy", "ref/unknown-process", "ref/unknown-role",
            "schema/duplicate-id", "schema/empty", "schema/invalid-date", "schema/invalid-duration", "schema/invalid-id",
            "schema/missing-field", "schema/type", "schema/unknown-key", "schema/unknown-kind",
            "yaml/duplicate-key", "yaml/encoding", "yaml/limits", "yaml/syntax",
        ]
        XCTAssertEqual(RuleRegistry.decodingRules.map(\.id).sorted(), ids)
        for id in ids {
            XCTAssertEqual(RuleRegistry.descriptor(for: id)?.defaultSeverity, .error, id)
        }
    }
}
