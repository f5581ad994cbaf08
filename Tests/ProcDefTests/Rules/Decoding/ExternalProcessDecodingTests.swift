import XCTest
import YAMLTree

@testable import ProcDef

/// `kind: external-process`: its keys, its references to roles, and its place in the process id space.
final class ExternalProcessDecodingTests: XCTestCase {
    private let incident = """
        kind: process
        id: incident
        name: Incident
        owner: process-owner
        activities:
          - id: notify
            name: Notify the agency
            responsible: service-desk
            triggers:
              - process: agency-incident-response
        """

    func testAWholeExternalProcessDecodes() throws {
        let workspace = Workspace.load(
            files: [
                SourceFile(
                    path: "agency.yaml",
                    bytes: Array(
                        """
                        kind: external-process
                        id: agency-incident-response
                        name: Agency Incident Response
                        link: https://example.org/agency-ir
                        owner: sponsor
                        receiver: carrier
                        """.utf8)),
                SourceFile(path: "roles.yaml", bytes: Array(standardCatalogue.utf8)),
            ])
        XCTAssertEqual(workspace.diagnostics.map(\.message), [])
        let external = try XCTUnwrap(workspace.externalProcess(id: "agency-incident-response"))
        XCTAssertEqual(external.name.value, "Agency Incident Response")
        XCTAssertEqual(external.link?.value, "https://example.org/agency-ir")
        XCTAssertEqual(external.owner?.value, "sponsor")
        XCTAssertEqual(external.receiver?.value, "carrier")
        XCTAssertNil(workspace.process(id: "agency-incident-response"))
    }

    func testOwnerAndReceiverAreCatalogueRoles() {
        XCTAssertDecoding(
            """
            kind: external-process
            id: agency-incident-response
            name: Agency Incident Response
            owner: 1️⃣agency-office
            receiver: 2️⃣carier
            """,
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'agency-office' in 'owner' of external process 'agency-incident-response'",
                    help: "define it in a role catalogue (kind: roles)"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-role", "unknown role 'carier' in 'receiver' of external process 'agency-incident-response'",
                    help: "did you mean 'carrier'?"),
            ])
    }

    func testItsIDIsSharedWithProcesses() {
        XCTAssertDecoding(
            [
                "a-incident.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                activities:
                  - {id: log, name: Log, responsible: service-desk}
                """,
                "b-external.yaml": """
                kind: external-process
                id: 1️⃣incident
                name: The agency's incident process
                """,
            ],
            [
                ExpectedFinding("1️⃣", "schema/duplicate-id", "process 'incident' is already defined at a-incident.yaml:2:5")
            ])
    }

    func testNameIsRequiredAndKeysAreChecked() {
        XCTAssertDecoding(
            """
            1️⃣kind: external-process
            id: agency-incident-response
            2️⃣activities: []
            """,
            [
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'activities' in external process 'agency-incident-response'",
                    help: "valid keys here: kind, id, name, link, owner, receiver"),
                ExpectedFinding("1️⃣", "schema/missing-field", "external process 'agency-incident-response' has no 'name'"),
            ])
    }

    func testALinkIsAWebAddress() {
        XCTAssertDecoding(
            """
            kind: external-process
            id: agency-incident-response
            name: Agency Incident Response
            link: 1️⃣agency intranet, page 4
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "'link' in external process 'agency-incident-response' must be an http or https address, found 'agency intranet, page 4'",
                    help: "write the full address, such as https://example.org/incident-response")
            ])
        for address in ["https://example.org", "HTTP://example.org/a(b)?c=d#e", "https://cert.example.org/report-an-incident"] {
            XCTAssertTrue(ModelDecoder.isWebAddress(address), address)
        }
        for address in ["example.org", "https://", "https:///path", "ftp://example.org", "https://example.org/a b", "mailto:x@example.org"]
        {
            XCTAssertFalse(ModelDecoder.isWebAddress(address), address)
        }
    }

    func testATriggerMayStartItButNotAtAnActivity() {
        XCTAssertDecoding(
            [
                "incident.yaml": """
                kind: process
                id: incident
                name: Incident
                owner: process-owner
                activities:
                  - id: notify
                    name: Notify the agency
                    responsible: service-desk
                    triggers:
                      - process: agency-incident-response
                      - process: agency-incident-response
                        activity: 1️⃣triage
                      - process: 2️⃣agency-incident-responce
                """,
                "agency.yaml": """
                kind: external-process
                id: agency-incident-response
                name: Agency Incident Response
                receiver: carrier
                """,
            ],
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-process",
                    "unknown activity 'triage' of process 'agency-incident-response' in the trigger of activity 'notify': the process is defined elsewhere and has no activities",
                    help:
                        "leave out 'activity': a trigger starts a process defined elsewhere as a whole, and its receiver takes the case in"),
                ExpectedFinding(
                    "2️⃣", "ref/unknown-process", "unknown process 'agency-incident-responce' in the trigger of activity 'notify'",
                    help: "did you mean 'agency-incident-response'?"),
            ])
    }

    func testATriggerIntoItResolves() {
        XCTAssertDecoding(
            [
                "incident.yaml": incident,
                "agency.yaml": """
                kind: external-process
                id: agency-incident-response
                name: Agency Incident Response
                """,
            ], [])
    }
}
