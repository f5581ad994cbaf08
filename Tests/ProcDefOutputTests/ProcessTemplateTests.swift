import Foundation
import ProcDef
import ProcDefOutput
import XCTest

/// `procdef init`'s template: clean under every rule, alone or with the shipped catalogue and policies, whatever
/// roles the catalogue has. The exact files are golden-tested through the command (`EcosystemCommandTests`).
final class ProcessTemplateTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped catalogue's roles, read as `procdef init` reads them.
    static func shippedCatalogue() throws -> [String: RoleKind] {
        let workspace = try Workspace.load(paths: [repository.appendingPathComponent("Processes/roles.yaml").path])
        return workspace.catalogueRoles.mapValues(\.kind.value)
    }

    /// Every finding of a check over `files` (path, YAML text), as `rule: message` lines; but the notes about
    /// catalogue roles that no process names yet: a catalogue made for many processes, with one written so far, has them.
    func findings(_ files: [(String, String)]) -> [String] {
        let report = Checker.check(files: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
        return report.diagnostics.filter { $0.rule != "raci/unused-catalogue-role" }.map {
            "\($0.file):\($0.range.start.line): \($0.rule): \($0.message)"
        }
    }

    /// The shipped catalogue and every shipped policy.
    func shippedFiles() throws -> [(String, String)] {
        let policies = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Policies").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Policies/\($0)" }
        XCTAssertFalse(policies.isEmpty)
        return try (["Processes/roles.yaml"] + policies).map {
            ($0, try String(contentsOf: Self.repository.appendingPathComponent($0), encoding: .utf8))
        }
    }

    func testWithoutCatalogueEveryRoleIsLocal() {
        let template = ProcessTemplate(id: "access-request")
        XCTAssertEqual(template.catalogueRolesUsed, [])
        XCTAssertEqual(findings([("Processes/access-request.yaml", template.render())]), [])
    }

    func testWithTheShippedCatalogueItsRolesAreUsed() throws {
        let template = ProcessTemplate(id: "access-request", catalogue: try Self.shippedCatalogue())
        XCTAssertEqual(template.catalogueRolesUsed, ["service-desk-lead", "service-desk", "application-support", "end-user"])
        // With every shipped policy too: the template is customer-facing, and tells the customer at its end.
        XCTAssertEqual(findings(try shippedFiles() + [("Processes/access-request.yaml", template.render())]), [])
    }

    func testLocalRolesAvoidCatalogueIDsOfAnotherKind() {
        let catalogue: [String: RoleKind] = [
            "service-desk": .manager, "fulfilment-team": .stakeholder, "fulfilment-team-2": .owner, "access-request-owner": .stakeholder,
        ]
        let template = ProcessTemplate(id: "access-request", catalogue: catalogue)
        let text = template.render()
        XCTAssertTrue(text.contains("case-owner: service-desk-2\n"), text)
        XCTAssertTrue(text.contains("  fulfilment-team-3:\n"), text)
        XCTAssertTrue(text.contains("owner: access-request-owner-2\n"), text)
        XCTAssertEqual(template.catalogueRolesUsed, [])
        let roles =
            "kind: roles\nroles:\n"
            + catalogue.keys.sorted().map { "  \($0): {name: X, kind: \(catalogue[$0]?.rawValue ?? "")}\n" }.joined()
        // The catalogue's own roles are idle in this repository; the template's are not.
        XCTAssertEqual(findings([("Processes/roles.yaml", roles), ("Processes/access-request.yaml", text)]), [])
    }

    func testCatalogueRolesOfTheWrongKindAreNotUsed() {
        let template = ProcessTemplate(
            id: "onboarding", catalogue: ["service-desk-lead": .practitioner, "end-user": .stakeholder, "requester": .customer])
        let text = template.render()
        XCTAssertTrue(text.contains("manager: onboarding-manager\n"), text)
        XCTAssertTrue(text.contains("    informed: [requester]\n"), text)
        XCTAssertEqual(template.catalogueRolesUsed, ["requester"])
    }

    func testAnyCustomerRoleOfTheCatalogueIsTold() {
        let template = ProcessTemplate(id: "onboarding", catalogue: ["staff": .customer, "guest": .customer, "visitor": .stakeholder])
        XCTAssertTrue(template.render().contains("    informed: [guest]\n"))
        XCTAssertEqual(template.catalogueRolesUsed, ["guest"])
    }

    func testNamesThatYAMLWouldReadAsSomethingElseAreQuoted() {
        XCTAssertTrue(ProcessTemplate(id: "null").render().contains("\nname: \"Null\"\n"))
        XCTAssertTrue(ProcessTemplate(id: "404").render().contains("\nname: \"404\"\n"))
        XCTAssertTrue(ProcessTemplate(id: "true").render().contains("\nname: \"True\"\n"))
        XCTAssertTrue(ProcessTemplate(id: "2fa-reset").render().contains("\nname: 2fa Reset\n"))
        for id in ["null", "404", "true", "2fa-reset", "a"] {
            XCTAssertEqual(findings([("Processes/\(id).yaml", ProcessTemplate(id: id).render())]), [], id)
        }
    }
}
