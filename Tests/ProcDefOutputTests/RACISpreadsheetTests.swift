import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// Reading a RACI matrix exported from a spreadsheet: the layout, each CSV feature spreadsheets write, and every
/// problem reported with its line, column and header. `procdef init --from-csv` is tested end to end in
/// `ProcDefCLITests` (`InitFromSpreadsheetTests`).
final class RACISpreadsheetTests: XCTestCase {
    func sheet(_ text: String) throws -> RACISpreadsheet {
        try RACISpreadsheet(csv: Array(text.utf8))
    }

    /// The problem reading `bytes` reports, as `procdef init` prints it for a file named RACI.csv, with its help.
    func problem(_ bytes: [UInt8]) -> (String, String?) {
        do {
            _ = try RACISpreadsheet(csv: bytes)
            XCTFail("read without a problem")
            return ("", nil)
        } catch {
            return (error.located(in: "RACI.csv"), error.help)
        }
    }

    func problem(_ text: String) -> (String, String?) { problem(Array(text.utf8)) }

    /// The rows as `name: cells`, cells as `procdef build` writes them (`-` for an empty one).
    func rows(_ sheet: RACISpreadsheet) -> [String] {
        sheet.rows.map { row in
            "\(row.id.map { "[\($0)] " } ?? "")\(row.name): " + row.cells.map { $0.text.isEmpty ? "-" : $0.text }.joined(separator: " ")
        }
    }

    // MARK: layout

    func testTheHeaderNamesTheRolesAndEachRowIsAnActivity() throws {
        let sheet = try sheet("Activity,Change Manager,Service Desk\nLog the change,R,A\nClose,,I\n")
        XCTAssertEqual(sheet.roles, [.init(header: "Change Manager", column: 2), .init(header: "Service Desk", column: 3)])
        XCTAssertEqual(rows(sheet), ["Log the change: R A", "Close: - I"])
        XCTAssertEqual(sheet.rows.map(\.line), [2, 3])
        XCTAssertEqual(sheet.headerLine, 1)
    }

    func testAnIDColumnFirstOrSecond() throws {
        XCTAssertEqual(rows(try sheet("ID,Activity,Desk\nlog,Log it,R\n,Close,I\n")), ["[log] Log it: R", "Close: I"])
        XCTAssertEqual(rows(try sheet("Activity,Activity ID,Desk\nLog it,log,R\n")), ["[log] Log it: R"])
    }

    /// `procdef build`'s `raci/<id>.csv` starts `activity,name`: ids, then names.
    func testBuildsOwnHeaderIsIDsThenNames() throws {
        let sheet = try sheet("activity,name,service-desk,incident-manager\r\nlog,Log the incident,R/A,I\r\n")
        XCTAssertEqual(sheet.roles.map(\.header), ["service-desk", "incident-manager"])
        XCTAssertEqual(rows(sheet), ["[log] Log the incident: R/A I"])
    }

    func testBlankRowsAndEmptyColumnsAreSkipped() throws {
        let sheet = try sheet("\n,,,\nActivity,Desk,,\n,,,\nLog,R,,\n\n")
        XCTAssertEqual(sheet.headerLine, 3)
        XCTAssertEqual(sheet.roles.map(\.header), ["Desk"])
        XCTAssertEqual(rows(sheet), ["Log: R"])
        XCTAssertEqual(sheet.rows.map(\.line), [5])
    }

    func testCellsAndHeadersAreTrimmed() throws {
        let sheet = try sheet("Activity , Change Manager \n  Log  , r \n")
        XCTAssertEqual(sheet.roles.map(\.header), ["Change Manager"])
        XCTAssertEqual(rows(sheet), ["Log: R"])
    }

    // MARK: cells

    func testCombinedCells() {
        let cases = [
            "R": "R", "a": "A", "A/R": "R/A", "R, A": "R/A", "r+a": "R/A", "AR": "R/A", "ar": "R/A", " c / i ": "C/I",
            "C/I": "C/I", "I A": "A/I", "R/A/C/I": "R/A/C/I", "RR": "R", "": "", "  ": "",
        ]
        for (cell, letters) in cases {
            XCTAssertEqual(RACISpreadsheet.letters(cell)?.text, letters, cell)
        }
        for cell in ["S", "X", "x", "R/S", "yes", "-", "/", "n/a", "R;A", "Ä"] {
            XCTAssertNil(RACISpreadsheet.letters(cell), cell)
        }
    }

    func testEmptyAndMissingCellsAreNoInvolvement() throws {
        XCTAssertEqual(rows(try sheet("Activity,A,B,C\nLog,R\nWork,,,I\nClose,,\"\",\n")), ["Log: R - -", "Work: - - I", "Close: - - -"])
    }

    // MARK: CSV as spreadsheets write it

    func testAByteOrderMarkIsSkipped() throws {
        // Without it skipped, the first header would be "\u{FEFF}id" and the ids would be read as names.
        let sheet = try sheet("\u{FEFF}id,Activity,Service Desk\r\nlog,Log it,R\r\n")
        XCTAssertEqual(rows(sheet), ["[log] Log it: R"])
    }

    func testSemicolonSeparatorsAreFoundFromTheHeader() throws {
        let sheet = try sheet("Activity;Change Manager;\"Desk; first line\"\r\n\"Assess; plan\";A/R;C\r\nLog, then close;R;\r\n")
        XCTAssertEqual(sheet.roles.map(\.header), ["Change Manager", "Desk; first line"])
        XCTAssertEqual(rows(sheet), ["Assess; plan: R/A C", "Log, then close: R -"])
        XCTAssertEqual(try CSVRecords(bytes: Array("a;b,c;d\n".utf8)).separator, ";")
        XCTAssertEqual(try CSVRecords(bytes: Array("a,b;c,d\n".utf8)).separator, ",")
        XCTAssertEqual(try CSVRecords(bytes: Array("\"a,b,c\";d\n".utf8)).separator, ";")
        // Blank lines above the header say nothing.
        XCTAssertEqual(rows(try self.sheet("\r\n\r\nActivity;Desk\r\nLog, then close;R\r\n")), ["Log, then close: R"])
    }

    func testQuotedCellsHoldSeparatorsQuotesAndLineBreaks() throws {
        let csv = "Activity,\"Manager, Change\",Desk\r\n\"Say \"\"hello\"\"\",R,\r\n\"Two\r\nlines\",,\"R,\r\nA\"\r\nLast,I,\r\n"
        let sheet = try sheet(csv)
        XCTAssertEqual(sheet.roles.map(\.header), ["Manager, Change", "Desk"])
        XCTAssertEqual(rows(sheet), ["Say \"hello\": R -", "Two\nlines: - R/A", "Last: I -"])
        // The row after the two-line cells starts on line 6, as an editor counts.
        XCTAssertEqual(sheet.rows.map(\.line), [2, 3, 6])
    }

    func testLineEndsCRLFLFAndCR() throws {
        let lines = ["Activity,Desk", "\"A\nB\",R", "Close,I"]
        var read: [[String]] = []
        for end in ["\r\n", "\n", "\r"] {
            let text = lines.map { $0.replacingOccurrences(of: "\n", with: end) }.joined(separator: end) + end
            read.append(rows(try sheet(text)))
        }
        XCTAssertEqual(read[0], ["A\nB: R", "Close: I"])
        XCTAssertEqual(read[1], read[0])
        XCTAssertEqual(read[2], read[0])
        // No line end after the last row.
        XCTAssertEqual(rows(try sheet("Activity,Desk\nClose,I")), ["Close: I"])
    }

    /// procdef's own CSV guards names that a spreadsheet would run as a formula with a `'`; reading takes it off.
    func testTheFormulaGuardIsDropped() throws {
        let sheet = try sheet("activity,name,desk\nx,'=SUM(A1),R\ny,'-1 day,R\nz,'plain,R\n")
        XCTAssertEqual(sheet.rows.map(\.name), ["=SUM(A1)", "-1 day", "'plain"])
    }

    // MARK: problems

    func testACellThatIsNotALetterNamesItsLineColumnAndHeader() {
        let csv = "Activity,Service Desk,Change Manager\nLog,R,A\nAssess,C,A\nApprove,R,S\n"
        XCTAssertEqual(problem(csv).0, "RACI.csv:4: column 3 ('Change Manager'): 'S' is not R, A, C or I")
        XCTAssertEqual(
            problem(csv).1,
            "RASCI's S (supports) has no letter in RACI: write R if the role does part of the work, C if it is consulted; a cell holds R, A, C or I, or several of them such as A/R; leave it empty when the role has no part"
        )
        XCTAssertEqual(problem("Activity,Desk\nLog,x\n").0, "RACI.csv:2: column 2 ('Desk'): 'x' is not R, A, C or I")
        XCTAssertEqual(
            problem("Activity,Desk\nLog,x\n").1,
            "an X says the role takes part, not how: write R, A, C or I; a cell holds R, A, C or I, or several of them such as A/R; leave it empty when the role has no part"
        )
        XCTAssertEqual(
            problem("Activity,Desk\nLog, Does the work \n").0, "RACI.csv:2: column 2 ('Desk'): 'Does the work' is not R, A, C or I")
        XCTAssertEqual(
            problem("Activity,Desk\nLog,-\n").1,
            "a cell holds R, A, C or I, or several of them such as A/R; leave it empty when the role has no part")
    }

    /// Below a cell that spans lines, the spreadsheet's row is no longer the line: the message gives both.
    func testBelowAMultilineCellTheRowIsNamedToo() {
        XCTAssertEqual(
            problem("Activity,Desk\n\"Two\nlines\",R\nNext,\"maybe\nnot\"\n").0,
            "RACI.csv:4: row 3, column 2 ('Desk'): 'maybe\\nnot' is not R, A, C or I")
    }

    func testFilesThatAreNotUTF8AreRefused() {
        let help = "save the spreadsheet as \"CSV UTF-8\" (Excel) or as CSV with the UTF-8 character set (LibreOffice)"
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Activity,Desk\n".utf8).flatMap { [$0, 0] }
        XCTAssertEqual(problem(utf16).0, "RACI.csv: the file is UTF-16 text; procdef reads CSV in UTF-8")
        XCTAssertEqual(problem(utf16).1, help)
        let latin1: [UInt8] = Array("Activity,Equipe r".utf8) + [0xE9] + Array("seau\nLog,R\n".utf8)
        XCTAssertEqual(problem(latin1).0, "RACI.csv: the file is not UTF-8 text")
        XCTAssertEqual(problem(latin1).1, help)
    }

    func testBrokenQuotes() {
        XCTAssertEqual(problem("Activity,Desk\nLog,R\n\"Close,I\nEnd,R\n").0, "RACI.csv:3: column 1: a quoted cell is never closed")
        XCTAssertEqual(problem("Activity,Desk\n\"Log\"ged,R\n").0, "RACI.csv:2: column 1: text after the closing quote of a quoted cell")
        // Spaces after the closing quote are harmless, and a quote inside an unquoted cell is text.
        XCTAssertEqual(rows(try sheet("Activity,Desk\n\"Log\"  ,R\nThe \"big\" one,I\n")), ["Log: R", "The \"big\" one: I"])
    }

    func testSheetsWithoutRolesOrActivities() {
        let help =
            "the first row is the header: the activity column, then one column per role; each row below is an activity, with R, A, C or I in the columns of the roles involved"
        XCTAssertEqual(problem("").0, "RACI.csv: the file has no rows")
        XCTAssertEqual(problem("\r\n,,\r\n").0, "RACI.csv: the file has no rows")
        XCTAssertEqual(problem("Activity\nLog\n").0, "RACI.csv:1: the header names no role")
        XCTAssertEqual(problem("id,Activity,,\nlog,Log,,\n").0, "RACI.csv:1: the header names no role")
        XCTAssertEqual(problem("Activity,Desk\n").0, "RACI.csv:1: no activity rows under the header")
        XCTAssertEqual(problem("Activity,Desk\n").1, help)
    }

    func testARowWithoutAName() {
        XCTAssertEqual(problem("Activity,Desk\nLog,R\n ,I\n").0, "RACI.csv:3: column 1 ('Activity'): the activity has no name")
        XCTAssertEqual(problem("id,Activity,Desk\nlog,,R\n").0, "RACI.csv:2: column 2 ('Activity'): the activity has no name")
    }

    func testALetterInAColumnWithoutARole() {
        XCTAssertEqual(problem("Activity,Desk,,Lead\nLog,R,A,\n").0, "RACI.csv:2: column 3: 'A' is in a column with no role in the header")
        XCTAssertEqual(problem("Activity,Desk\nLog,R,,I\n").0, "RACI.csv:2: column 4: 'I' is in a column with no role in the header")
    }
}

/// From the spreadsheet's columns and rows to the process's roles and activities.
final class RACIScaffoldTests: XCTestCase {
    let catalogue = ["service-desk": "Service Desk Analyst", "change-manager": "Change Manager", "desk-lead": "Lead", "lead": "Lead"]

    func scaffold(_ csv: String) throws -> RACIScaffold {
        try RACIScaffold(
            id: "change-request", spreadsheet: try RACISpreadsheet(csv: Array(csv.utf8)), catalogue: catalogue, source: "RACI.csv")
    }

    func problem(_ csv: String) throws -> String {
        let sheet = try RACISpreadsheet(csv: Array(csv.utf8))
        do {
            _ = try RACIScaffold(id: "change-request", spreadsheet: sheet, catalogue: catalogue, source: "RACI.csv")
            XCTFail("made a scaffold")
            return ""
        } catch {
            return error.located(in: "RACI.csv") + (error.help.map { "\nhelp: \($0)" } ?? "")
        }
    }

    /// By the catalogue id, spelt as an id or in words; by the catalogue name; else a local role named by the header.
    func testRolesFromTheCatalogueOrLocal() throws {
        let scaffold = try scaffold(
            "Activity,change-manager,Service Desk Analyst,CAB Member,Équipe Réseau,Lead,ServiceOwner\nLog,R,A,C,I,I,I\n")
        XCTAssertEqual(scaffold.roleIDs, ["change-manager", "service-desk", "cab-member", "equipe-reseau", "lead", "service-owner"])
        XCTAssertEqual(scaffold.catalogueRolesUsed, ["change-manager", "service-desk", "lead"])
        XCTAssertEqual(scaffold.localRoles.map(\.id), ["cab-member", "equipe-reseau", "service-owner"])
        XCTAssertEqual(scaffold.localRoles.map(\.name), ["CAB Member", "Équipe Réseau", "ServiceOwner"])
        XCTAssertEqual(try self.scaffold("Activity,Change Manager\nLog,R\n").catalogueRolesUsed, ["change-manager"])
        // An id is kept whole, however long; words make an id of at most 40 characters, cut between words.
        let long = try self.scaffold(
            "Activity,identity-and-access-management-administrator-on-call,Identity and Access Management Administrator On Call\nLog,R,A\n")
        XCTAssertEqual(long.roleIDs, ["identity-and-access-management-administrator-on-call", "identity-and-access-management"])
    }

    func testTwoColumnsForOneRoleAreRefused() throws {
        XCTAssertEqual(
            try problem("Activity,Change Manager,Desk,change manager\nLog,R,,\n"),
            """
            RACI.csv:1: column 4 ('change manager') is the same role as column 2 ('Change Manager'): 'change-manager'
            help: keep one column per role: merge the two
            """)
        XCTAssertEqual(
            try problem("Activity,service-desk,Service Desk Analyst\nLog,R,\n"),
            """
            RACI.csv:1: column 3 ('Service Desk Analyst') is the same role as column 2 ('service-desk'): 'service-desk'
            help: keep one column per role: merge the two
            """)
    }

    func testAHeaderWithNothingToMakeAnIDFrom() throws {
        XCTAssertEqual(
            try problem("Activity,Desk,日本\nLog,R,\n"),
            """
            RACI.csv:1: column 3 ('日本'): no role id can be made from the header
            help: name the role with Latin letters or digits, or write its id (kebab-case, like change-manager) as the header
            """)
    }

    func testActivityIDsFromNamesAreUniqueInRowOrder() throws {
        let names = ["Log", "Log", "Log 2", "???", "Review the change request with the change advisory board members", "Log"]
        let scaffold = try scaffold("Activity,Desk\n" + names.map { "\($0),R\n" }.joined())
        XCTAssertEqual(scaffold.activityIDs, ["log", "log-3", "log-2", "activity-4", "review-the-change-request-with-the", "log-4"])
    }

    /// The sheet's own ids are written as found (the checker judges them); made ids keep clear of them.
    func testIDsTheSheetGivesAreKept() throws {
        let scaffold = try scaffold("id,Activity,Desk\nlog-2,Log,R\n,Log,R\n,Log,R\nBad_ID,Other,R\n")
        XCTAssertEqual(scaffold.activityIDs, ["log-2", "log", "log-3", "Bad_ID"])
    }

    /// The file decodes to the sheet's matrix, in row order with no `next`, and two A's in a row are both written.
    func testTheProcessIsTheSheetsMatrix() throws {
        let scaffold = try scaffold("Activity,Service Desk Analyst,Change Manager,CAB Member\nRaise,R,A,\nAuthorise,I,A,A/R\nNotify,R,,\n")
        let report = Checker.check(files: [
            SourceFile(path: "roles.yaml", bytes: Array(Self.roles.utf8)),
            SourceFile(path: "change-request.yaml", bytes: Array(scaffold.render().utf8)),
        ])
        let process = try XCTUnwrap(CheckedProcess.named("change-request", in: report))
        XCTAssertEqual(
            RACICSVRenderer().render(process),
            """
            activity,name,service-desk,change-manager,cab-member\r
            raise,Raise,R,A,\r
            authorise,Authorise,I,A,R/A\r
            notify,Notify,R,,\r

            """)
        XCTAssertTrue(process.process.activities.allSatisfy { $0.next == nil })
        XCTAssertEqual(process.graph.transitions.map { "\($0.source)->\($0.target)" }, ["0->1", "1->2"])
        XCTAssertEqual(process.graph.ends, [2])
        let findings = report.diagnostics.filter { $0.file == "change-request.yaml" }.map { "\($0.range.start.line): \($0.rule)" }
        // What the sheet does not say, and the second A, as the checker reports them.
        XCTAssertEqual(
            findings,
            [
                "9: ownership/owner-required", "17: schema/missing-field", "21: handoff/gap", "26: handoff/gap",
                "29: raci/single-accountable", "32: raci/accountable-required",
            ])
    }

    /// Thousands of sheets made of the characters CSV and YAML care about: each is either refused with a message or
    /// becomes a file that procdef reads back with the sheet's names and letters, and no YAML or schema finding.
    func testArbitrarySheetsAreRefusedOrReadBackExactly() throws {
        var generator = SplitMix64(seed: 16)
        let alphabet = [
            ",", ";", "\"", "\r", "\n", "R", "a", "C/I", "x", " ", "é", "'", "=", ":", " #", "-", "\\", "\t", "\u{202E}", "null", "4",
        ]
        var read = 0
        for _ in 0..<3000 {
            let length = Int(generator.next() % 40)
            let text =
                "Activity,Service Desk,Change Manager\n"
                + (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            guard let sheet = try? RACISpreadsheet(csv: Array(text.utf8)),
                let scaffold = try? RACIScaffold(id: "p", spreadsheet: sheet, catalogue: [:], source: "RACI.csv")
            else { continue }
            read += 1
            let report = Checker.check(files: [SourceFile(path: "p.yaml", bytes: Array(scaffold.render().utf8))])
            let process = try XCTUnwrap(report.workspace.process(id: "p"), text)
            XCTAssertEqual(process.activities.map(\.name.value), sheet.rows.map(\.name), text)
            XCTAssertEqual(
                report.diagnostics.filter { $0.rule.hasPrefix("yaml/") || $0.rule == "schema/type" || $0.rule == "schema/unknown-key" }.map(
                    \.message), [], text)
            let matrix = try XCTUnwrap(CheckedProcess.named("p", in: report)).raci
            // The matrix has a column only for the roles some activity names, in the order they first appear.
            let sheetColumn = Dictionary(uniqueKeysWithValues: zip(scaffold.roleIDs, scaffold.roleIDs.indices))
            let expected = sheet.rows.map { row in
                matrix.roles.map { role in sheetColumn[role].map { row.cells[$0].text } ?? "no such column" }
            }
            XCTAssertEqual(matrix.rows.map { $0.cells.map(\.text) }, expected, text)
        }
        XCTAssertGreaterThan(read, 300)
    }

    static let roles = """
        kind: roles
        roles:
          service-desk: {name: Service Desk Analyst, kind: practitioner}
          change-manager: {name: Change Manager, kind: manager}

        """

    /// `procdef build`'s RACI CSV of each shipped example, read back, is the same matrix: same activities, same roles
    /// in the same columns, same letters.
    func testEveryShippedExamplesMatrixReadsBackUnchanged() throws {
        let repository = ShippedExamplesBuildTests.repository
        let fileManager = FileManager.default
        let previous = fileManager.currentDirectoryPath
        XCTAssertTrue(fileManager.changeCurrentDirectoryPath(repository.path))
        defer { _ = fileManager.changeCurrentDirectoryPath(previous) }
        let report = try Checker.check(
            paths: ["Processes", "Policies"], options: CheckOptions(today: try XCTUnwrap(CalendarDate(parsing: "2026-06-01"))))
        let catalogue = report.workspace.catalogueRoles.mapValues(\.name.value)
        let roles = try String(contentsOfFile: "Processes/roles.yaml", encoding: .utf8)

        let processes = CheckedProcess.all(in: report)
        XCTAssertEqual(processes.count, 7)
        for original in processes {
            let csv = RACICSVRenderer().render(original)
            let scaffold = try RACIScaffold(
                id: original.id, spreadsheet: try RACISpreadsheet(csv: Array(csv.utf8)), catalogue: catalogue, source: "\(original.id).csv")
            let reread = Checker.check(files: [
                SourceFile(path: "Processes/roles.yaml", bytes: Array(roles.utf8)),
                SourceFile(path: "Processes/\(original.id).yaml", bytes: Array(scaffold.render().utf8)),
            ])
            let process = try XCTUnwrap(CheckedProcess.named(original.id, in: reread), original.id)
            XCTAssertEqual(RACICSVRenderer().render(process), csv, original.id)
            XCTAssertEqual(process.process.activities.map(\.name.value), original.process.activities.map(\.name.value), original.id)
        }
    }
}
