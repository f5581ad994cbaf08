import XCTest
import YAMLTree

@testable import ProcDef

/// Who the silence analysis watches over: each role involved once, in the order the process first names it, whether
/// the process names a few roles or many.
final class SilenceAudiencesTests: XCTestCase {
    private func customers(informed count: Int, repeating: Bool) throws -> [String] {
        let ids = (1...count).map { "customer-\($0)" }
        let catalogue =
            "kind: roles\nroles:\n  owner: {name: Owner, kind: owner}\n  desk: {name: Desk, kind: practitioner}\n"
            + ids.map { "  \($0): {name: \($0), kind: customer}\n" }.joined()
        let informed = (repeating ? ids + ids.reversed() : ids).joined(separator: ", ")
        let process = """
            kind: process
            id: many-customers
            name: Many customers
            owner: owner
            defaults:
              accountable: owner
            activities:
              - id: log
                name: Log the request
                responsible: desk
                informed: [\(informed)]
              - id: close
                name: Close the request
                responsible: desk
                informed: [\(ids.reversed().joined(separator: ", "))]
            """
        let workspace = Workspace.load(files: [
            SourceFile(path: "roles.yaml", bytes: Array(catalogue.utf8)), SourceFile(path: "process.yaml", bytes: Array(process.utf8)),
        ])
        let definition = try XCTUnwrap(workspace.processes.first)
        let context = ProcessContext(
            process: definition, graph: FlowGraph(process: definition), workspace: workspace, configuration: RuleConfiguration())
        return try XCTUnwrap(context.silenceAnalyses().first).audience.roles
    }

    func testAFewRolesOnceEachInTheOrderFirstNamed() throws {
        XCTAssertEqual(try customers(informed: 3, repeating: true), ["customer-1", "customer-2", "customer-3"])
    }

    /// Past the short list's limit (16) the roles go into a set: the answer is the same.
    func testManyRolesOnceEachInTheOrderFirstNamed() throws {
        XCTAssertEqual(try customers(informed: 40, repeating: true), (1...40).map { "customer-\($0)" })
    }
}
