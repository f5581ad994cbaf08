import Foundation
import XCTest

/// Which checks see the whole repository, so that the catalogue's use can be judged: the config's `paths` (even when
/// they name a file) and the default folders do; files named on the command line do not.
final class CatalogueJudgementCommandTests: XCTestCase {
    private func repository() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Processes"), withIntermediateDirectories: true)
        try Data(
            """
            kind: roles
            roles:
              owner: {name: Process Owner, kind: owner}
              desk: {name: Service Desk, kind: practitioner}
              fixers: {name: Fixers, kind: practitioner}

            """.utf8
        ).write(to: root.appendingPathComponent("roles.yaml"))
        try Data(
            """
            kind: process
            id: request
            name: Request
            owner: owner
            defaults:
              accountable: owner
            activities:
              - {id: log, name: Log the request, responsible: desk, end: true}

            """.utf8
        ).write(to: root.appendingPathComponent("Processes/request.yaml"))
        return root
    }

    func testTheConfigsPathsAreTheWholeRepositoryEvenWhenTheyNameAFile() throws {
        let root = try repository()
        try Data("kind: config\npaths: [Processes, roles.yaml]\n".utf8).write(to: root.appendingPathComponent(".procdef.yaml"))
        let configured = try Procdef.run(["check", "--today", "2026-12-04"], in: root)
        XCTAssertEqual(configured.status, 0, configured.stderr)
        XCTAssertTrue(
            configured.stdout.hasPrefix(
                "roles.yaml:5:3: note: catalogue role 'fixers' (Fixers) is named by no process, policy or waiver [raci/unused-catalogue-role]\n"
            ), configured.stdout)
        let named = try Procdef.run(["check", "--today", "2026-12-04", "Processes/request.yaml", "roles.yaml"], in: root)
        XCTAssertEqual(named.stdout, "no problems in 3 files\n")
    }
}
