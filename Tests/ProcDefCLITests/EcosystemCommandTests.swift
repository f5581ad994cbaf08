import Foundation
import ProcDefTestSupport
import XCTest

/// The commands that fit procdef into editors and repositories: `schema`, `init` and the shell completions.
final class EcosystemCommandTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    // MARK: schema

    /// The committed schema is what `procdef schema` prints, so the README's `$schema=` line points at the real one.
    /// `RECORD_GOLDEN=1` rewrites it.
    func testSchemaIsTheCommittedFile() throws {
        let run = try Procdef.run(["schema"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "")
        assertGolden(run.stdout, at: Self.repository.appendingPathComponent("schema/procdef.schema.json"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
    }

    // MARK: init

    /// The shipped policies' files.
    static func shippedPolicies() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("Policies").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Policies/\($0)" }
    }

    /// Copies the shipped catalogue and every shipped policy into a fresh folder: a repository as `procdef init`
    /// finds one.
    func repositoryWithShippedCatalogue() throws -> URL {
        let directory = try Procdef.temporaryDirectory(self)
        for path in ["Processes/roles.yaml"] + (try Self.shippedPolicies()) {
            let target = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(path), to: target)
        }
        return directory
    }

    func testInitWritesAProcessThatPassesStrictCheckAlone() throws {
        let directory = try Procdef.temporaryDirectory(self)
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(
            run.stdout,
            """
            created Processes/access-request.yaml
            next: edit it, then run procdef check --strict

            """)
        let written = try String(contentsOf: directory.appendingPathComponent("Processes/access-request.yaml"), encoding: .utf8)
        assertGolden(written, named: "init-access-request.yaml")

        let check = try Procdef.run(["check", "--strict", "Processes/access-request.yaml"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout, "no problems in 1 file\n")
    }

    func testInitUsesTheShippedCatalogueAndPassesWithItsPolicies() throws {
        let directory = try repositoryWithShippedCatalogue()
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(
            run.stdout,
            """
            created Processes/access-request.yaml
            roles from the catalogue: service-desk-lead, service-desk, application-support, end-user
            next: edit it, then run procdef check --strict

            """)
        let written = try String(contentsOf: directory.appendingPathComponent("Processes/access-request.yaml"), encoding: .utf8)
        assertGolden(written, named: "init-access-request-catalogue.yaml")

        // With every shipped policy: the catalogue, the policies and the new process. The catalogue is made for a
        // whole organisation and one process is written so far: each role it does not name yet is a note
        // (`raci/unused-catalogue-role`), which `--strict` does not fail on.
        let check = try Procdef.run(["check", "--strict"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let findings = check.stdout.split(separator: "\n").filter { $0.hasPrefix("Processes/") || $0.hasPrefix("Policies/") }
        XCTAssertFalse(findings.isEmpty, check.stdout)
        XCTAssertTrue(findings.allSatisfy { $0.contains(": note: ") && $0.hasSuffix("[raci/unused-catalogue-role]") }, check.stdout)
        XCTAssertTrue(check.stdout.hasSuffix(" notes in \(2 + (try Self.shippedPolicies()).count) files\n"), check.stdout)
    }

    /// Together with every shipped process as well, as in this repository.
    func testInitPassesWithEveryShippedDefinition() throws {
        let directory = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        // A fixed date: the examples' break-glass waiver expires, and this test is about init, not the calendar.
        let check = try Procdef.run(["check", "--strict", "--today", "2026-12-01"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(ShippedExamplesCommandTests.acceptedRiskOnly(check.stdout), check.stdout)
    }

    func testInitCreatesTheFolderAndFindsTheCatalogueInProcesses() throws {
        let directory = try repositoryWithShippedCatalogue()
        let run = try Procdef.run(["init", "onboarding", "--dir", "Processes/people/new"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("created Processes/people/new/onboarding.yaml\nroles from the catalogue: "), run.stdout)
        let check = try Procdef.run(["check", "--strict"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testInitNeverOverwrites() throws {
        let directory = try Procdef.temporaryDirectory(self)
        let first = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        let file = directory.appendingPathComponent("Processes/access-request.yaml")
        try Data("kind: process\n# mine\n".utf8).write(to: file)

        let second = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(second.status, 2)
        XCTAssertEqual(second.stdout, "")
        XCTAssertEqual(
            second.stderr,
            """
            procdef: error: Processes/access-request.yaml already exists
            help: procdef init never overwrites a file: choose another id, or remove the file first

            """)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "kind: process\n# mine\n")
    }

    func testInitRefusesAnIDTheRepositoryAlreadyUses() throws {
        let directory = try repositoryWithShippedCatalogue()
        let incident =
            "kind: process\nid: access-request\nname: Access\nowner: incident-process-owner\nactivities: [{id: a, name: A, responsible: service-desk, accountable: incident-manager}]\n"
        try Data(incident.utf8).write(to: directory.appendingPathComponent("Processes/access.yaml"))
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: a process 'access-request' already exists in Processes/access.yaml
            help: process ids are unique across the repository: choose another id

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Processes/access-request.yaml").path))
    }

    func testInitRefusesTheIDOfAProcessDefinedElsewhere() throws {
        let directory = try repositoryWithShippedCatalogue()
        let agency = "kind: external-process\nid: agency-incident-response\nname: Agency Incident Response\n"
        try Data(agency.utf8).write(to: directory.appendingPathComponent("Processes/agency.yaml"))
        let run = try Procdef.run(["init", "agency-incident-response"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: a process 'agency-incident-response' is already defined elsewhere in Processes/agency.yaml (kind: external-process)
            help: a process defined elsewhere shares the process ids: choose another id, or remove that document first

            """)
    }

    func testInitRejectsAnInvalidID() throws {
        let directory = try Procdef.temporaryDirectory(self)
        let run = try Procdef.run(["init", "Access_Request"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: invalid process id 'Access_Request'
            help: ids are kebab-case: lowercase letters and digits joined by single hyphens, like 'access-request'

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Processes").path))

        // A path is not an id: nothing is written outside the folder.
        let escape = try Procdef.run(["init", "../escape"], in: directory)
        XCTAssertEqual(escape.status, 2)
        XCTAssertTrue(escape.stderr.hasPrefix("procdef: error: invalid process id '../escape'\n"), escape.stderr)
    }

    func testInitReportsAFolderItCannotCreate() throws {
        let directory = try Procdef.temporaryDirectory(self)
        try Data("not a folder\n".utf8).write(to: directory.appendingPathComponent("Processes"))
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "procdef: error: Processes is not a folder\nhelp: name another folder with --dir\n")

        let below = try Procdef.run(["init", "access-request", "--dir", "Processes/new"], in: directory)
        XCTAssertEqual(below.status, 2)
        XCTAssertEqual(below.stderr, "procdef: error: Processes is not a folder\nhelp: name another folder with --dir\n")
    }

    func testInitNeedsAnID() throws {
        let run = try Procdef.run(["init"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("procdef: error: missing expected argument '<id>'\n"), run.stderr)
    }

    // MARK: init and the configuration

    /// A repository whose `.procdef.yaml` keeps the definitions under `defs/`: the role catalogue as a file first,
    /// then the folders, none of them `Processes`.
    func repositoryWithConfig() throws -> URL {
        let directory = try Procdef.temporaryDirectory(self)
        let defs = directory.appendingPathComponent("defs")
        try FileManager.default.createDirectory(at: defs.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Processes/roles.yaml"), to: defs.appendingPathComponent("roles.yaml"))
        try Data("kind: config\npaths: [defs/roles.yaml, defs/processes, defs/policies]\n".utf8).write(
            to: directory.appendingPathComponent(".procdef.yaml"))
        return directory
    }

    static let catalogueReport = """
        roles from the catalogue: service-desk-lead, service-desk, application-support, end-user
        next: edit it, then run procdef check --strict

        """

    /// The first of the config's paths that is a folder (created here), with the catalogue read from another of them.
    func testInitWritesIntoTheFirstFolderOfTheConfigsPaths() throws {
        let directory = try repositoryWithConfig()
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "created defs/processes/access-request.yaml\n" + Self.catalogueReport)
        let written = try String(contentsOf: directory.appendingPathComponent("defs/processes/access-request.yaml"), encoding: .utf8)
        assertGolden(written, named: "init-access-request-catalogue.yaml")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Processes").path))

        let check = try Procdef.run(["check", "--strict"], in: directory)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        // The catalogue, the new process and the config itself: the config's paths are the whole repository, so the
        // catalogue roles the one new process does not name are noted (notes do not fail `--strict`).
        let located = check.stdout.split(separator: "\n").filter { $0.hasPrefix("defs/") }
        XCTAssertFalse(located.isEmpty, check.stdout)
        XCTAssertTrue(located.allSatisfy { $0.hasSuffix("[raci/unused-catalogue-role]") }, check.stdout)
        XCTAssertTrue(check.stdout.hasSuffix(" notes in 3 files\n"), check.stdout)
    }

    /// As `check` finds it: the nearest `.procdef.yaml` up from the current folder, its paths relative to it.
    func testInitFindsTheConfigFromASubfolder() throws {
        let directory = try repositoryWithConfig()
        let run = try Procdef.run(["init", "onboarding"], in: directory.appendingPathComponent("defs/policies"))
        XCTAssertEqual(run.status, 0, run.stderr)
        let stdout = run.stdout.replacingOccurrences(of: directory.standardizedFileURL.path, with: "<repository>")
            .replacingOccurrences(of: directory.path, with: "<repository>")
        XCTAssertEqual(
            stdout,
            """
            created <repository>/defs/processes/onboarding.yaml
            roles from the catalogue: service-desk-lead, service-desk, application-support, end-user
            next: edit it, then run procdef check --strict

            """)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("defs/processes/onboarding.yaml").path))
    }

    func testInitReadsTheConfigThatConfigNames() throws {
        let directory = try repositoryWithConfig()
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".procdef.yaml"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("settings"), withIntermediateDirectories: true)
        try Data("kind: config\npaths: [../defs/roles.yaml, ../defs/drafts]\n".utf8).write(
            to: directory.appendingPathComponent("settings/procdef.yaml"))
        let run = try Procdef.run(["init", "access-request", "--config", "settings/procdef.yaml"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "created defs/drafts/access-request.yaml\n" + Self.catalogueReport)

        let missing = try Procdef.run(["init", "access-request", "--config", "settings/missing.yaml"], in: directory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "procdef: error: no such configuration file: settings/missing.yaml\n")
    }

    /// `--dir` says where to write; the repository is still read from the config's paths.
    func testDirBeatsTheConfigsPaths() throws {
        let directory = try repositoryWithConfig()
        let run = try Procdef.run(["init", "access-request", "--dir", "drafts"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "created drafts/access-request.yaml\n" + Self.catalogueReport)
    }

    func testAnIDTakenInAnyOfTheConfigsPathsIsRefused() throws {
        let directory = try repositoryWithConfig()
        let taken = "kind: process\nid: access-request\nname: Access\nactivities: []\n"
        try Data(taken.utf8).write(to: directory.appendingPathComponent("defs/policies/access.yaml"))
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: a process 'access-request' already exists in defs/policies/access.yaml
            help: process ids are unique across the repository: choose another id

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("defs/processes").path))
    }

    func testAConfigWithoutFoldersInItsPaths() throws {
        let directory = try repositoryWithConfig()
        try Data("kind: config\npaths: [defs/roles.yaml]\n".utf8).write(to: directory.appendingPathComponent(".procdef.yaml"))
        let run = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(
            run.stderr, "procdef: error: the configuration's paths name no folder to write the process into\nhelp: name one with --dir\n")

        // No `paths` at all: `Processes`, as without a config.
        try Data("kind: config\nout: site\n".utf8).write(to: directory.appendingPathComponent(".procdef.yaml"))
        let fallback = try Procdef.run(["init", "access-request"], in: directory)
        XCTAssertEqual(fallback.status, 0, fallback.stderr)
        XCTAssertEqual(fallback.stdout, "created Processes/access-request.yaml\nnext: edit it, then run procdef check --strict\n")
    }

    // MARK: completions

    func testCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try Procdef.run(["--generate-completion-script", shell])
            XCTAssertEqual(run.status, 0, shell + run.stderr)
            XCTAssertEqual(run.stderr, "", shell)
            for word in ["check", "rules", "explain", "schema", "init", "--strict"] {
                XCTAssertTrue(run.stdout.contains(word), "\(shell) completion has no '\(word)'")
            }
        }
    }
}
