import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownRoleTests: XCTestCase {
    func testEveryRoleReferenceIsResolved() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: 1️⃣proces-owner
            manager: 2️⃣nobody
            case-owner: 3️⃣servce-desk
            defaults: {accountable: 4️⃣incident-manger}
            roles:
              helper: {name: Helper, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: [service-desk, 5️⃣helpr]
                accountable: 6️⃣incident-mgr
                consulted: [7️⃣netwrk]
                informed: [8️⃣usr]
                handoff: {artifact: record, informed: [9️⃣comm]}
              - id: close
                name: Close
                responsible: helper
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'proces-owner' in 'owner' of process 'incident'",
                    help: "did you mean 'process-owner'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-role", "unknown role 'nobody' in 'manager' of process 'incident'",
                    help: "define it in a role catalogue (kind: roles) or under 'roles:' of process 'incident'"),
                ExpectedFinding(
                    "3️⃣", "ref/unknown-role", "unknown role 'servce-desk' in 'case-owner' of process 'incident'",
                    help: "did you mean 'service-desk'?"),
                ExpectedFinding(
                    "4️⃣", "ref/unknown-role", "unknown role 'incident-manger' in 'accountable' of the defaults of process 'incident'",
                    help: "did you mean 'incident-manager'?"),
                ExpectedFinding(
                    "5️⃣", "ref/unknown-role", "unknown role 'helpr' in 'responsible' of activity 'log'", help: "did you mean 'helper'?"),
                ExpectedFinding(
                    "6️⃣", "ref/unknown-role", "unknown role 'incident-mgr' in 'accountable' of activity 'log'",
                    help: "did you mean 'incident-manager'?"),
                ExpectedFinding(
                    "7️⃣", "ref/unknown-role", "unknown role 'netwrk' in 'consulted' of activity 'log'", help: "did you mean 'network'?"),
                ExpectedFinding(
                    "8️⃣", "ref/unknown-role", "unknown role 'usr' in 'informed' of activity 'log'", help: "did you mean 'user'?"),
                ExpectedFinding(
                    "9️⃣", "ref/unknown-role", "unknown role 'comm' in 'informed' of the handoff of activity 'log'",
                    help: "did you mean 'comms'?"),
            ])
    }

    func testHandoffsOnBranchesAndTriggers() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log the incident
                next:
                  - to: close
                    handoff: {artifact: record, informed: [1️⃣usr]}
                triggers:
                  - process: incident
                    handoff: {artifact: record, informed: [2️⃣sponsr]}
              - id: close
                name: Close
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'usr' in 'informed' of the handoff to 'close' of activity 'log'",
                    help: "did you mean 'user'?"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-role", "unknown role 'sponsr' in 'informed' of the handoff to process 'incident' of activity 'log'",
                    help: "did you mean 'sponsor'?"),
            ])
    }

    func testCatalogueAndLocalRolesResolve() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            roles:
              helper: {name: Helper, kind: practitioner}
            activities:
              - {id: log, name: Log, responsible: [service-desk, helper], informed: user}
            """
        XCTAssertDecoding(fixture, [])
        let workspace = Workspace.load(files: [
            SourceFile(path: "fixture.yaml", bytes: Array(fixture.utf8)),
            SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
        ])
        let process = try XCTUnwrap(workspace.process(id: "incident"))
        XCTAssertEqual(workspace.role("helper", in: process)?.scope, .local(processID: "incident"))
        XCTAssertEqual(workspace.role("user", in: process)?.kind.value, .customer)
        XCTAssertEqual(workspace.catalogueRoles["service-desk"]?.file, "roles.yaml")
        XCTAssertNil(
            workspace.role(
                "helper",
                in: ProcessDefinition(
                    id: Located("other", at: .fileStart), name: Located("Other", at: .fileStart), file: "x.yaml", range: .fileStart,
                    headerRange: .fileStart)))
        XCTAssertEqual(workspace.roleIDs(visibleIn: process).first, "carrier")
    }
}
