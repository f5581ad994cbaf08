import XCTest

@testable import ProcDefLanguageServer

/// Completion's reading of the JSON Schema: the keys at a place, the values an enumeration allows, and which keys
/// take ids of roles, activities, processes or policies.
final class FormatSchemaTests: XCTestCase {
    private let schema = FormatSchema.shared

    func testTheKeysOfAnActivity() {
        let names = schema.keys(of: schema.nodes(at: [.key("activities"), .item], kind: "process")).map(\.name)
        XCTAssertEqual(Array(names.prefix(4)), ["id", "name", "responsible", "accountable"])
        XCTAssertTrue(names.contains("next"))
        XCTAssertFalse(names.contains("owner"))
    }

    func testTheKeysOfAHandoffOnABranch() {
        let nodes = schema.nodes(at: [.key("activities"), .item, .key("next"), .item, .key("handoff")], kind: "process")
        XCTAssertEqual(Array(schema.keys(of: nodes).map(\.name).prefix(2)), ["artifact", "expectation"])
    }

    func testEnumerations() {
        let activity = schema.nodes(at: [.key("activities"), .item], kind: "process")
        XCTAssertTrue(schema.enumeration(of: "type", in: activity).contains("approval"))
        // A catalogue's roles are under their ids: any key of `roles` is a role.
        let role = schema.nodes(at: [.key("roles"), .key("service-desk")], kind: "roles")
        XCTAssertTrue(schema.enumeration(of: "kind", in: role).contains("practitioner"))
    }

    func testReferences() {
        let process = schema.nodes(at: [], kind: "process")
        let activity = schema.nodes(at: [.key("activities"), .item], kind: "process")
        XCTAssertEqual(schema.reference(of: "owner", in: process), .role)
        XCTAssertEqual(schema.reference(of: "responsible", in: activity), .role)
        XCTAssertEqual(schema.reference(of: "next", in: activity), .activity)
        XCTAssertEqual(schema.reference(of: "policies", in: process), .policy)
        XCTAssertEqual(schema.reference(of: "process", in: schema.items(of: "triggers", in: activity)), .process)
        XCTAssertNil(schema.reference(of: "name", in: activity))
    }

    func testAnUnknownKindOffersOnlyKind() {
        XCTAssertEqual(schema.keys(of: schema.nodes(at: [], kind: nil)).map(\.name), ["kind"])
    }
}
