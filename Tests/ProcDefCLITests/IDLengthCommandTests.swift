import Foundation
import XCTest

/// Ids are at most 64 characters: `check` refuses a longer one, so `build` never has to leave a process out for its
/// id, and `init` writes only ids that fit.
final class IDLengthCommandTests: XCTestCase {
    static let today = ["--today", "2026-01-15"]

    /// A valid id of exactly `length` characters.
    static func id(_ length: Int) -> String {
        "long-" + String(repeating: "x", count: length - 5)
    }

    /// A repository with the good role catalogue and one clean process whose id is `id`.
    func repository(processID id: String) throws -> URL {
        let root = try HostileInputTests.repository(with: [:], for: self)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.removeItem(at: processes.appendingPathComponent("witness.yaml"))
        try Data(
            """
            kind: process
            id: \(id)
            name: Long
            owner: incident-process-owner
            defaults: {accountable: incident-manager}
            activities:
              - {id: a, name: A, responsible: service-desk, informed: [user]}

            """.utf8
        ).write(to: processes.appendingPathComponent("long.yaml"))
        return root
    }

    func testCheckAndBuildRefuseAnIdOf300Characters() throws {
        let id = Self.id(300)
        let root = try repository(processID: id)
        let message = "invalid process id '\(id.prefix(60))…': 300 characters, more than the limit of 64"

        let check = try Procdef.run(["check", "--format", "json"] + Self.today + ["Processes"], in: root)
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertEqual(
            try HostileInputTests.findings(check.stdout),
            [HostileInputTests.Finding("Processes/long.yaml", 2, 5, "schema/invalid-id", message)])

        let build = try Procdef.run(["build"] + Self.today + ["Processes"], in: root)
        XCTAssertEqual(build.status, 1, build.stdout + build.stderr)
        XCTAssertTrue(build.stderr.hasPrefix("Processes/long.yaml:2:5: error: \(message) [schema/invalid-id]\n"), build.stderr)
        XCTAssertTrue(
            build.stderr.contains(
                "help: ids are at most 64 characters, since they become file names (`runbooks/<id>.md`): shorten the id and every reference to it\n"
            ), build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    func testAnIdOf64CharactersChecksAndBuilds() throws {
        let id = Self.id(64)
        let root = try repository(processID: id)
        let check = try Procdef.run(["check", "--strict"] + Self.today + ["Processes"], in: root)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout, "no problems in 2 files\n")

        let build = try Procdef.run(["build"] + Self.today + ["Processes"], in: root)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        XCTAssertEqual(build.stderr, "")
        for path in ["runbooks/\(id).md", "diagrams/\(id).dot", "raci/\(id).csv"] {
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: root.appendingPathComponent("out").appendingPathComponent(path).path), path)
        }
    }

    /// `--allow-errors` builds despite the finding; the build's own guard, at the same 64 characters, still keeps
    /// the id out of every file name.
    func testBuildsOwnGuardAgreesWithTheCheck() throws {
        let id = Self.id(65)
        let root = try repository(processID: id)
        let build = try Procdef.run(["build", "--allow-errors"] + Self.today + ["Processes"], in: root)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        XCTAssertTrue(build.stderr.hasSuffix("warning: process '\(id)' is left out: its id cannot be a file name\n"), build.stderr)
        let written = FileManager.default.subpaths(atPath: root.appendingPathComponent("out").path)?.sorted()
        XCTAssertEqual(
            written, [".procdef-build", "diagrams", "diagrams/landscape.dot", "handoffs.md", "index.md", "raci", "raci/roles.csv"])
    }

    func testInitRefusesAnIdOf65Characters() throws {
        let directory = try Procdef.temporaryDirectory(self)
        let id = Self.id(65)
        let run = try Procdef.run(["init", id], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: invalid process id '\(id)': 65 characters, more than the limit of 64
            help: ids are at most 64 characters, since they become file names (`runbooks/<id>.md`): shorten the id and every reference to it

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Processes").path))
    }

    /// The local roles `init` derives from the process id (`<id>-owner`, `<id>-manager`) are cut to fit too.
    func testInitWithAnIdOf64CharactersWritesAProcessThatPassesStrictCheck() throws {
        let directory = try Procdef.temporaryDirectory(self)
        let id = Self.id(64)
        let run = try Procdef.run(["init", id], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        let written = try String(contentsOf: directory.appendingPathComponent("Processes/\(id).yaml"), encoding: .utf8)
        XCTAssertTrue(written.contains("\nowner: \(id.prefix(58))-owner\n"), written)
        XCTAssertTrue(written.contains("\nmanager: \(id.prefix(56))-manager\n"), written)
        let check = try Procdef.run(["check", "--strict", "Processes/\(id).yaml"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout, "no problems in 1 file\n")
    }
}
