import XCTest

@testable import ProcDef

/// Each handoff rule's documented examples: the failing one triggers the rule and no other handoff rule nor any error
/// of another rule; the fixed one triggers nothing at warning level or above.
final class HandoffExamplesTests: XCTestCase {
    /// The handoff/* rules, in registration order.
    private let handoffRules = RuleRegistry.processRules.filter { $0.descriptor.family == "handoff" }

    func testFailingExamplesTriggerTheirRuleOnly() throws {
        for rule in handoffRules {
            let descriptor = rule.descriptor
            let report = try RuleFixtureRunner.run(["example.yaml": descriptor.failingExample])
            let own = report.diagnostics.filter { $0.rule == descriptor.id }
            XCTAssertEqual(own.count, 1, "\(descriptor.id): \(report.diagnostics)")
            let others = report.diagnostics.filter { $0.rule != descriptor.id && ($0.severity == .error || $0.rule.hasPrefix("handoff/")) }
            XCTAssertEqual(others.map(\.rule), [], "\(descriptor.id): \(others)")
        }
    }

    func testFixedExamplesAreClean() throws {
        for rule in handoffRules {
            let descriptor = rule.descriptor
            let report = try RuleFixtureRunner.run(["example.yaml": descriptor.fixedExample])
            let findings = report.diagnostics.filter { $0.severity != .note || $0.rule.hasPrefix("handoff/") }
            XCTAssertEqual(findings.map { "\($0.rule): \($0.message)" }, [], descriptor.id)
        }
    }

    func testHandoffRulesAreRegisteredInIdOrder() {
        let ids = handoffRules.map { $0.descriptor.id }
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids), HandoffFixtures.allRules)
    }
}
