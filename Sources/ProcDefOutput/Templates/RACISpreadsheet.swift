import ProcDef

/// A RACI matrix as a spreadsheet exports it to CSV: one row per activity, one column per role.
///
/// Layout:
/// - The first row that is not blank is the header. Its first column holds the activity names, the columns after
///   it the roles, named by their header (a role id such as `change-manager`, or a name such as `Change Manager`).
/// - An optional id column: when one of the first two headers is `id` (or `activity id`), that column holds the
///   activity ids and the other one the names. `build`'s own `raci/<id>.csv` starts `activity,name` (ids, then
///   names) and is read the same way, so a matrix exported by procdef reads back unchanged.
/// - A cell holds R, A, C and I, in any case, alone or combined (`A/R`, `R, A`, `r+a`, `AR`); separators are `/`,
///   `,`, `+` and spaces. An empty cell means no part in the activity. Anything else is refused.
/// - Blank rows are skipped, and so are columns with neither a header nor a letter (spreadsheets export trailing
///   empty columns).
/// - A leading `'` before `=`, `+`, `-` or `@` is dropped: it is the guard procdef's CSV (and spreadsheets) put
///   before text that would otherwise run as a formula.
package struct RACISpreadsheet: Sendable {
    /// A role column: its header as written, and its 1-based column number.
    package struct RoleColumn: Sendable, Equatable {
        package var header: String
        package var column: Int
    }

    /// An activity row.
    package struct Row: Sendable {
        package var name: String
        /// The id from the id column, when the sheet has one and the cell is not empty.
        package var id: String?
        /// The letters per role, in the order of `roles`.
        package var cells: [RACIMatrix.Cell]
        /// The line of the CSV file the row starts on.
        package var line: Int
    }

    package let roles: [RoleColumn]
    package let rows: [Row]
    /// The line of the header row.
    package let headerLine: Int

    package init(csv bytes: [UInt8]) throws(SpreadsheetError) {
        let records = try CSVRecords(bytes: bytes).records.filter { !$0.fields.allSatisfy { $0.text.isBlank } }
        guard let header = records.first else {
            throw SpreadsheetError(line: nil, "the file has no rows", help: Self.layoutHelp)
        }
        let headers = header.fields.map { Self.cellText($0.text) }
        let layout = Self.layout(headers)
        headerLine = header.line

        var roles: [RoleColumn] = []
        for index in layout.firstRoleColumn..<headers.count where !headers[index].isEmpty {
            roles.append(RoleColumn(header: headers[index], column: index + 1))
        }
        guard !roles.isEmpty else {
            throw SpreadsheetError(line: header.line, "the header names no role", help: Self.layoutHelp)
        }
        self.roles = roles

        var rows: [Row] = []
        for record in records.dropFirst() {
            // A letter in a column without a role would be lost: a column the header forgot to name.
            for (index, field) in record.fields.enumerated() where index >= layout.firstRoleColumn && !field.text.isBlank {
                if index >= headers.count || headers[index].isEmpty {
                    throw SpreadsheetError(
                        line: field.line,
                        Self.place(record, field, column: index + 1, header: "")
                            + "\(Quoting.quoted(Self.cellText(field.text))) is in a column with no role in the header",
                        help: "name the role in the header row, or remove the column"
                    )
                }
            }
            let name = record.fields.indices.contains(layout.nameColumn) ? Self.cellText(record.fields[layout.nameColumn].text) : ""
            guard !name.isEmpty else {
                let field =
                    record.fields.indices.contains(layout.nameColumn)
                    ? record.fields[layout.nameColumn] : CSVField(text: "", line: record.line)
                throw SpreadsheetError(
                    line: field.line,
                    Self.place(record, field, column: layout.nameColumn + 1, header: headers[layout.nameColumn])
                        + "the activity has no name",
                    help: "every row under the header is an activity: give it a name, or delete the row"
                )
            }
            var id: String?
            if let idColumn = layout.idColumn, record.fields.indices.contains(idColumn) {
                let text = Self.cellText(record.fields[idColumn].text)
                id = text.isEmpty ? nil : text
            }
            var cells: [RACIMatrix.Cell] = []
            for role in roles {
                guard record.fields.indices.contains(role.column - 1) else {
                    cells.append(RACIMatrix.Cell())
                    continue
                }
                let field = record.fields[role.column - 1]
                guard let cell = Self.letters(field.text) else {
                    let text = field.text.trimmingWhitespace()
                    throw SpreadsheetError(
                        line: field.line,
                        Self.place(record, field, column: role.column, header: role.header) + "\(Quoting.quoted(text)) is not R, A, C or I",
                        help: Self.letterHelp(text)
                    )
                }
                cells.append(cell)
            }
            rows.append(Row(name: name, id: id, cells: cells, line: record.line))
        }
        guard !rows.isEmpty else {
            throw SpreadsheetError(line: header.line, "no activity rows under the header", help: Self.layoutHelp)
        }
        self.rows = rows
    }

    static let layoutHelp =
        "the first row is the header: the activity column, then one column per role; each row below is an activity, with R, A, C or I in the columns of the roles involved"

    /// Which columns hold the activity names and ids, and where the roles start (0-based).
    private struct Layout {
        var nameColumn: Int
        var idColumn: Int?
        var firstRoleColumn: Int
    }

    private static func layout(_ headers: [String]) -> Layout {
        let first = headers.first.map(normalized) ?? ""
        let second = headers.count > 1 ? normalized(headers[1]) : ""
        let idHeaders = ["id", "activity id"]
        if idHeaders.contains(first) || (first == "activity" && second == "name") {
            return Layout(nameColumn: 1, idColumn: 0, firstRoleColumn: 2)
        }
        if idHeaders.contains(second) {
            return Layout(nameColumn: 0, idColumn: 1, firstRoleColumn: 2)
        }
        return Layout(nameColumn: 0, idColumn: nil, firstRoleColumn: 1)
    }

    /// Lowercase, with runs of white space as one space: how header words are compared.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Where a cell is, for a message: `column 3 ('Change Manager'): `, with the spreadsheet's row number first when
    /// a cell above spans lines and the row is no longer the line.
    private static func place(_ record: CSVRecord, _ field: CSVField, column: Int, header: String) -> String {
        let row = record.row == field.line ? "" : "row \(record.row), "
        let name = header.isEmpty ? "" : " (\(Quoting.quoted(header)))"
        return "\(row)column \(column)\(name): "
    }

    /// A cell's text without surrounding white space and without the formula guard.
    static func cellText(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let scalars = trimmed.unicodeScalars
        if scalars.first == "'", let second = scalars.dropFirst().first, ["=", "+", "-", "@", "\t", "\r"].contains(second) {
            return String(trimmed.dropFirst())
        }
        return trimmed
    }

    /// The letters of a cell, or nil when it holds anything else. Repeating a letter says nothing more.
    static func letters(_ text: String) -> RACIMatrix.Cell? {
        var cell = RACIMatrix.Cell()
        var sawLetter = false
        // `C*` and `I*` (as procdef's own CSV writes them): consulted or informed only under a condition.
        var last: RACIMatrix.Letter?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "R", "r":
                cell.insert(.responsible)
                last = .responsible
            case "A", "a":
                cell.insert(.accountable)
                last = .accountable
            case "C", "c":
                cell.insert(.consulted)
                last = .consulted
            case "I", "i":
                cell.insert(.informed)
                last = .informed
            case "*":
                guard let letter = last, letter == .consulted || letter == .informed else { return nil }
                cell.insertConditional(letter)
                last = nil
                continue
            case "/", ",", "+":
                last = nil
                continue
            default:
                if scalar.properties.isWhitespace { continue }
                return nil
            }
            sawLetter = true
        }
        // Separators alone (`/`) are not an empty cell: something was written, and it was not a letter.
        return sawLetter || text.trimmingWhitespace().isEmpty ? cell : nil
    }

    private static func letterHelp(_ text: String) -> String {
        let general = "a cell holds R, A, C or I, or several of them such as A/R; leave it empty when the role has no part"
        switch text.uppercased() {
        case "S":
            return "RASCI's S (supports) has no letter in RACI: write R if the role does part of the work, C if it is consulted; " + general
        case "X": return "an X says the role takes part, not how: write R, A, C or I; " + general
        default: return general
        }
    }
}
