import Foundation
import ProcDefTestSupport
import XCTest

/// `procdef init ID --from-csv FILE`: a process from a RACI matrix kept in a spreadsheet, and the checker's list of
/// what the spreadsheet leaves out. The reading itself, feature by feature, is tested in `RACISpreadsheetTests`.
final class InitFromSpreadsheetTests: XCTestCase {
    static let repository = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// A change process as a change manager keeps it: roles by their names (three in the shipped catalogue, one
    /// not), a cell with two letters, a name with a comma, and two A's on `Authorise`.
    static let sheet = """
        Activity,Service Desk Analyst,Change Manager,CAB Member,End User\r
        Raise the change,R,A,,I\r
        "Assess, and plan",C,A/R,C,\r
        Authorise,,A,A/R,\r
        Implement,R,,,\r
        Close,R,A,,I\r

        """

    /// A fresh folder with the shipped role catalogue in `Processes/` and `sheet` as `RACI.csv`.
    func repository(csv: [UInt8] = Array(sheet.utf8)) throws -> URL {
        let directory = try Procdef.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Processes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Processes/roles.yaml"), to: directory.appendingPathComponent("Processes/roles.yaml")
        )
        try Data(csv).write(to: directory.appendingPathComponent("RACI.csv"))
        return directory
    }

    func testTheProcessHoldsTheSheetsMatrixAndCheckListsWhatIsMissing() throws {
        let directory = try repository()
        let run = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(
            run.stdout,
            """
            created Processes/change-request.yaml from RACI.csv: 5 activities, 4 roles
            roles from the catalogue: service-desk, change-manager, end-user
            next: run procdef check to list what the spreadsheet does not say, and fill it in

            """)
        let written = try String(contentsOf: directory.appendingPathComponent("Processes/change-request.yaml"), encoding: .utf8)
        assertGolden(written, named: "init-from-csv-change-request.yaml")

        // The owner, the kind of the role the catalogue lacks, the handoffs, the missing A on `Implement`, and the
        // two A's on `Authorise`, which the file keeps as the sheet has them.
        let check = try Procdef.run(["check"], in: directory)
        XCTAssertEqual(check.status, 1)
        assertGolden(check.stdout, named: "init-from-csv-check.txt")
        XCTAssertTrue(
            check.stdout.contains(
                """
                Processes/change-request.yaml:36:35: error: activity 'authorise' (Authorise) has 2 accountable roles ('change-manager' (Change Manager) and 'cab-member' (CAB Member)); RACI allows exactly one [raci/single-accountable]
                """), check.stdout)
    }

    /// Excel saving "CSV UTF-8" in a locale with a decimal comma: a byte-order mark, semicolons, CRLF, and quotes
    /// only where a cell needs them. The process is the same, byte for byte.
    func testTheSameSheetWithAByteOrderMarkAndSemicolonsWritesTheSameFile() throws {
        let excel =
            "\u{FEFF}Activity;Service Desk Analyst;Change Manager;CAB Member;End User\r\n"
            + "Raise the change;R;A;;I\r\nAssess, and plan;c;\"A, R\";C;\r\nAuthorise;;a;\"R\r\nA\";\r\nImplement;R;;;\r\nClose;R;A;;I\r\n;;;;\r\n"
        let directory = try repository(csv: Array(excel.utf8))
        let run = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        let written = try String(contentsOf: directory.appendingPathComponent("Processes/change-request.yaml"), encoding: .utf8)
        assertGolden(written, named: "init-from-csv-change-request.yaml")
    }

    func testACellThatIsNotRACIIsRefusedWithItsRowAndColumn() throws {
        let rasci = Self.sheet.replacingOccurrences(of: "Authorise,,A,A/R,", with: "Authorise,,A,S,")
        let directory = try repository(csv: Array(rasci.utf8))
        let run = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: error: RACI.csv:4: column 4 ('CAB Member'): 'S' is not R, A, C or I
            help: RASCI's S (supports) has no letter in RACI: write R if the role does part of the work, C if it is consulted; a cell holds R, A, C or I, or several of them such as A/R; leave it empty when the role has no part

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Processes/change-request.yaml").path))
    }

    func testAFileThatIsNotASpreadsheetIsRefused() throws {
        let directory = try repository(csv: [0xFF, 0xFE, 0x41, 0x00])
        let utf16 = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(utf16.status, 2)
        XCTAssertEqual(
            utf16.stderr,
            """
            procdef: error: RACI.csv: the file is UTF-16 text; procdef reads CSV in UTF-8
            help: save the spreadsheet as "CSV UTF-8" (Excel) or as CSV with the UTF-8 character set (LibreOffice)

            """)

        let missing = try Procdef.run(["init", "change-request", "--from-csv", "sheets/missing.csv"], in: directory)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "procdef: error: cannot read sheets/missing.csv: no such file or directory\n")
        let folder = try Procdef.run(["init", "change-request", "--from-csv", "Processes"], in: directory)
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(
            folder.stderr, "procdef: error: cannot read Processes: it is a folder\nhelp: name the CSV file saved from the spreadsheet\n")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Processes").path), ["roles.yaml"])
    }

    /// The same rules as `init` without a spreadsheet: a valid id, a free id, and no file overwritten.
    func testTheIDAndTheFileAreCheckedAsInit() throws {
        let directory = try repository()
        let invalid = try Procdef.run(["init", "Change_Request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(invalid.status, 2)
        XCTAssertEqual(
            invalid.stderr,
            """
            procdef: error: invalid process id 'Change_Request'
            help: ids are kebab-case: lowercase letters and digits joined by single hyphens, like 'change-request'

            """)

        let file = directory.appendingPathComponent("Processes/change-request.yaml")
        try Data("# mine\n".utf8).write(to: file)
        let existing = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(existing.status, 2)
        XCTAssertEqual(
            existing.stderr,
            """
            procdef: error: Processes/change-request.yaml already exists
            help: procdef init never overwrites a file: choose another id, or remove the file first

            """)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "# mine\n")

        try FileManager.default.removeItem(at: file)
        try Data("kind: process\nid: change-request\nname: Mine\nactivities: []\n".utf8).write(
            to: directory.appendingPathComponent("Processes/mine.yaml"))
        let taken = try Procdef.run(["init", "change-request", "--from-csv", "RACI.csv"], in: directory)
        XCTAssertEqual(taken.status, 2)
        XCTAssertEqual(
            taken.stderr,
            """
            procdef: error: a process 'change-request' already exists in Processes/mine.yaml
            help: process ids are unique across the repository: choose another id

            """)
    }

    /// What `procdef build` writes to `raci/<id>.csv` reads back unchanged: the new process's matrix, as
    /// `procdef raci --csv` prints it, is the file it was made from.
    func testBuildsRACICSVReadsBackAsTheSameMatrix() throws {
        let directory = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
        }
        let build = try Procdef.run(["build", "--today", "2026-06-01"], in: directory)
        XCTAssertEqual(build.status, 0, build.stderr)
        let exported = try String(contentsOf: directory.appendingPathComponent("out/raci/incident-management.csv"), encoding: .utf8)

        let run = try Procdef.run(["init", "incident-draft", "--from-csv", "out/raci/incident-management.csv"], in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.hasPrefix("created Processes/incident-draft.yaml from out/raci/incident-management.csv: 8 activities, 7 roles\n"),
            run.stdout)
        let raci = try Procdef.run(["raci", "incident-draft", "--csv", "--allow-errors", "--today", "2026-06-01"], in: directory)
        XCTAssertEqual(raci.status, 0, raci.stderr)
        XCTAssertEqual(raci.stdout, exported)
    }
}
