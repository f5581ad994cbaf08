import Foundation
import ProcDef
import XCTest

@testable import ProcDefOutput

/// Every rule is registered once, in `RuleRegistry.ruleTypes`, and owns its findings: a process rule's check is in
/// its own file, and a rule whose findings come up while loading names, in its doc comment, each file that raises
/// it. Every rule is then listed by `procdef rules`, explained by `procdef explain` and documented in docs/rules.md.
final class RuleRegistrationTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let library = repository.appendingPathComponent("Sources/ProcDef")

    /// A rule type declared in Sources: its name, whether it is a process rule, and its file's text.
    private struct DeclaredRule {
        var name: String
        var isProcessRule: Bool
        var path: String
        var text: String
    }

    private func swiftFiles(under folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { paths.append(path) }
        }
        return paths.sorted()
    }

    private func declaredRules() throws -> [DeclaredRule] {
        let declaration = try NSRegularExpression(
            pattern: "^(?:(?:public|package) )?(?:enum|struct) (\\w+): (Process)?Rule\\b", options: .anchorsMatchLines)
        var rules: [DeclaredRule] = []
        for path in try swiftFiles(under: Self.library) {
            let text = try String(contentsOf: Self.library.appendingPathComponent(path), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text).map({ String(text[$0]) }) else { continue }
                rules.append(DeclaredRule(name: name, isProcessRule: match.range(at: 2).location != NSNotFound, path: path, text: text))
            }
        }
        return rules
    }

    func testEveryRuleTypeInSourcesIsRegisteredOnce() throws {
        let declared = try declaredRules().map(\.name).sorted()
        let registered = RuleRegistry.ruleTypes.map { String(describing: $0) }
        XCTAssertEqual(registered.sorted(), declared, "RuleRegistry.ruleTypes and the rule types declared in Sources/ProcDef differ")
        XCTAssertEqual(Set(registered).count, registered.count, "a rule is registered twice")
        XCTAssertEqual(Set(RuleRegistry.all.map(\.id)).count, RuleRegistry.all.count, "two rules share an id")
        XCTAssertEqual(declared.count, 80)
    }

    /// A process rule listed with the other rules would be registered but never run.
    func testEveryProcessRuleIsListedAsOne() throws {
        let declared = try declaredRules()
        let processRules = RuleRegistry.processRules.map { String(describing: $0) }
        XCTAssertEqual(processRules.sorted(), declared.filter(\.isProcessRule).map(\.name).sorted())
        let misplaced = RuleRegistry.otherRules.filter { $0 is any ProcessRule.Type }.map { String(describing: $0) }
        XCTAssertEqual(misplaced, [String](), "process rules listed in RuleRegistry.otherRules never run")
        XCTAssertEqual(processRules.first, "WaiverPermanent")
        XCTAssertEqual(processRules.count, 51)
    }

    /// Every rule id written as a string literal anywhere in Sources (outside the descriptors) is a registered rule.
    func testEveryRuleIDInSourcesIsRegistered() throws {
        let families = Set(RuleRegistry.all.map(\.family))
        let literal = try NSRegularExpression(pattern: "\"([a-z]+/[a-z*-]+)\"")
        let known = Set(RuleRegistry.all.map(\.id))
        let sources = Self.repository.appendingPathComponent("Sources")
        var seen = 0
        for path in try swiftFiles(under: sources) {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let id = Range(match.range(at: 1), in: text).map({ String(text[$0]) }),
                    let family = id.split(separator: "/").first.map(String.init), families.contains(family), !id.hasSuffix("/*")
                else { continue }
                seen += 1
                XCTAssertTrue(known.contains(id), "\(path) names the rule \(id), which is not registered")
            }
        }
        XCTAssertGreaterThanOrEqual(seen, 51, "the descriptors' own ids are literals too, so at least every rule is seen")
    }

    /// A process rule's check is in its own file; any other rule names each file of Sources/ProcDef that raises it,
    /// and no other, in a `/// Raised in` line of its doc comment.
    func testEveryRuleOwnsItsFindings() throws {
        let files = try swiftFiles(under: Self.library)
        var texts: [String: String] = [:]
        for path in files { texts[path] = try String(contentsOf: Self.library.appendingPathComponent(path), encoding: .utf8) }
        for rule in try declaredRules() {
            let raisers = files.filter { path in
                // The registry lists rules and the format's key descriptions name the rule of each key: neither raises one.
                guard path != rule.path, !path.hasSuffix("RuleRegistry.swift"), !path.hasPrefix("Format/"), let text = texts[path] else {
                    return false
                }
                return ["self", "descriptor", "diagnostic"].contains { text.contains("\(rule.name).\($0)") }
            }
            if rule.isProcessRule {
                XCTAssertTrue(rule.text.contains("static func check("), "\(rule.name): a process rule checks in its own file")
                XCTAssertEqual(raisers, [], "\(rule.name) is raised outside its file; name those places in its doc comment")
                continue
            }
            let line = rule.text.split(separator: "\n").first { $0.hasPrefix("/// Raised in ") }
            let named = line.map { String($0).components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element) } ?? []
            XCTAssertEqual(
                named, raisers, "\(rule.name) (\(rule.path)): its `/// Raised in` line must name exactly the files that raise it")
        }
    }

    func testEveryRuleIsListedExplainedAndInTheReference() throws {
        let table = RuleCatalogueRenderer().renderTable(RuleRegistry.all)
        let reference = try String(contentsOf: Self.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for rule in RuleRegistry.all {
            XCTAssertTrue(table.split(separator: "\n").contains { $0.hasPrefix(rule.id + " ") }, "procdef rules does not list \(rule.id)")
            let explanation = RuleCatalogueRenderer().renderExplanation(of: rule)
            XCTAssertTrue(explanation.contains(rule.id) && explanation.contains(rule.explanation.prefix(40)), "procdef explain \(rule.id)")
            XCTAssertTrue(reference.contains("`\(rule.id)`"), "docs/rules.md does not document \(rule.id)")
        }
    }
}
