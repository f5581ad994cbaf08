import XCTest

@testable import ProcDef

/// Inline suppressions through the whole check: what they silence, and what they report about themselves.
final class SuppressionFilterTests: XCTestCase {
    private func process(_ consultedLine: String) -> String {
        """
        kind: process
        id: change
        name: Change
        owner: process-owner
        defaults: {accountable: incident-manager}
        activities:
          - id: assess
            name: Assess the change
            responsible: service-desk
        \(consultedLine)
        """
    }

    private let tooMany = "consulted: [resolver, network, comms, sponsor, carrier]"
    /// The finding points at the first consulted role over the limit.
    private let tooManyMarked = "consulted: [resolver, network, comms, sponsor, 1️⃣carrier]"

    func testTheFindingWithoutSuppression() {
        XCTAssertFindings(
            process("    " + tooManyMarked), rules: ["raci/too-many-consulted"],
            [
                ExpectedFinding(
                    "1️⃣", "raci/too-many-consulted",
                    "activity 'assess' (Assess the change) consults 5 roles, over the limit of 4: every consultation is a wait before the decision"
                )
            ])
    }

    func testSameLineSuppressionSilencesIt() {
        XCTAssertFindings(process("    \(tooMany)  # procdef: ignore raci/too-many-consulted -- the CAB sits as one body"), rules: nil, [])
    }

    func testLineAboveSuppressionSilencesIt() {
        XCTAssertFindings(
            process("    # procdef: ignore raci/too-many-consulted -- the CAB sits as one body\n    \(tooMany)"), rules: nil, [])
    }

    func testFamilyPatternSilencesIt() {
        XCTAssertFindings(process("    \(tooMany)  # procdef: ignore raci/* -- the CAB sits as one body"), rules: nil, [])
    }

    func testSuppressionInsideAQuotedStringDoesNotCount() {
        let text = process("    " + tooManyMarked).replacingOccurrences(
            of: "name: Assess the change", with: "name: \"Assess # procdef: ignore raci/too-many-consulted -- no\"")
        XCTAssertFindings(
            text, rules: ["raci/too-many-consulted", "lint/unused-suppression"],
            [
                ExpectedFinding(
                    "1️⃣", "raci/too-many-consulted",
                    "activity 'assess' (Assess # procdef: ignore raci/too-many-consulted -- no) consults 5 roles, over the limit of 4: every consultation is a wait before the decision"
                )
            ])
    }

    func testUnusedSuppressionIsReported() {
        XCTAssertFindings(
            process("    consulted: [resolver]  # procdef: ignore 1️⃣raci/too-many-consulted -- the CAB sits as one body"), rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", "lint/unused-suppression",
                    "suppression of 'raci/too-many-consulted' silenced nothing: there is no such finding on this line", severity: .warning,
                    help: "remove the suppression, or move it onto the finding's line or the line above it")
            ])
    }

    func testSuppressionOfAnUnknownRule() {
        XCTAssertFindings(
            process("    \(tooMany)  # procdef: ignore raci/too-many-consulted, 1️⃣raci/too-many-consultd -- the CAB"), rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", "lint/unused-suppression", "suppression names 'raci/too-many-consultd', which is not a rule", severity: .warning,
                    help: "did you mean 'raci/too-many-consulted'?")
            ])
    }

    func testSuppressionWithoutAReasonStillSilencesButWarns() {
        XCTAssertFindings(
            process("    \(tooMany)  1️⃣# procdef: ignore raci/too-many-consulted"), rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", "lint/suppression-without-reason", "this suppression gives no reason", severity: .warning,
                    help: "say why the finding is acceptable: `# procdef: ignore raci/too-many-consulted -- reason`")
            ])
    }

    func testSuppressingARuleThatIsOffReportsItUnused() {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.rules.levels["raci/too-many-consulted"] = .some(nil)
        XCTAssertFindings(
            process("    \(tooMany)  # procdef: ignore 1️⃣raci/too-many-consulted -- the CAB"), rules: nil, options: options,
            [
                ExpectedFinding(
                    "1️⃣", "lint/unused-suppression",
                    "suppression of 'raci/too-many-consulted' silenced nothing: there is no such finding on this line", severity: .warning,
                    help: "remove the suppression, or move it onto the finding's line or the line above it")
            ])
    }

    func testConfiguredLevelsApplyToEveryFinding() {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        options.rules.familyLevels["raci"] = .some(.error)
        XCTAssertFindings(
            process("    " + tooManyMarked), rules: ["raci/too-many-consulted"], options: options,
            [
                ExpectedFinding(
                    "1️⃣", "raci/too-many-consulted",
                    "activity 'assess' (Assess the change) consults 5 roles, over the limit of 4: every consultation is a wait before the decision",
                    severity: .error)
            ])
        options.rules.levels["raci/too-many-consulted"] = .some(.note)
        XCTAssertFindings(
            process("    " + tooManyMarked), rules: ["raci/too-many-consulted"], options: options,
            [
                ExpectedFinding(
                    "1️⃣", "raci/too-many-consulted",
                    "activity 'assess' (Assess the change) consults 5 roles, over the limit of 4: every consultation is a wait before the decision",
                    severity: .note)
            ])
    }
}
