/// One cell of a CSV file: its text, and the line it starts on.
struct CSVField: Sendable, Equatable {
    var text: String
    var line: Int
}

/// One record of a CSV file: a spreadsheet row.
struct CSVRecord: Sendable, Equatable {
    var fields: [CSVField]
    /// The row's 1-based number as the spreadsheet counts rows, blank rows included; it differs from `line` below a
    /// cell that spans lines.
    var row: Int
    /// The 1-based line the record starts on.
    var line: Int
}

/// The records of a CSV file as spreadsheets export it (RFC 4180, and what Excel and LibreOffice write besides).
///
/// - The separator is a comma or a semicolon, whichever the header (the first line with either) has more of outside
///   quotes: spreadsheets set to a locale with a decimal comma (German, French...) export with semicolons.
/// - A UTF-8 byte-order mark is skipped (Excel's "CSV UTF-8" writes one); UTF-16 and other encodings are refused.
/// - Quoted fields may hold separators, doubled quotes and line breaks; a line break in a field is read as `\n`.
/// - Lines end with CRLF, LF or CR.
struct CSVRecords: Sendable {
    let separator: Character
    let records: [CSVRecord]

    init(bytes: [UInt8]) throws(SpreadsheetError) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError(line: nil, "the file is UTF-16 text; procdef reads CSV in UTF-8", help: Self.saveAsUTF8)
        }
        guard String(validating: bytes[start...], as: UTF8.self) != nil else {
            throw SpreadsheetError(line: nil, "the file is not UTF-8 text", help: Self.saveAsUTF8)
        }
        let separator = Self.separator(in: bytes[start...])
        self.separator = Character(Unicode.Scalar(separator))
        self.records = try Self.parse(bytes[start...], separator: separator)
    }

    private static let saveAsUTF8 = "save the spreadsheet as \"CSV UTF-8\" (Excel) or as CSV with the UTF-8 character set (LibreOffice)"

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    /// The separator of the first line that has one: a semicolon when it has more of them than commas outside quotes.
    private static func separator(in bytes: ArraySlice<UInt8>) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for byte in bytes {
            switch byte {
            case quote: inQuotes.toggle()
            case comma where !inQuotes: commas += 1
            case semicolon where !inQuotes: semicolons += 1
            case cr where !inQuotes, lf where !inQuotes:
                if commas + semicolons > 0 { return semicolons > commas ? semicolon : comma }
            default: break
            }
        }
        return semicolons > commas ? semicolon : comma
    }

    private enum State {
        case fieldStart, unquoted, quoted, afterClosingQuote
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, separator: UInt8) throws(SpreadsheetError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field: [UInt8] = []
        var line = 1
        var fieldLine = 1
        var recordLine = 1
        var state = State.fieldStart

        func endField() {
            // The input is valid UTF-8 and every byte the parser splits on is ASCII, so each field is valid UTF-8 too.
            fields.append(CSVField(text: String(decoding: field, as: UTF8.self), line: fieldLine))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(fields: fields, row: records.count + 1, line: recordLine))
            fields = []
        }

        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = i + 1 < bytes.endIndex ? bytes[i + 1] : nil
            // A line end is CRLF, LF or a lone CR; `i` is left on its last byte.
            let isLineEnd = byte == lf || byte == cr
            if byte == cr && next == lf { i += 1 }

            switch state {
            case .fieldStart where byte == quote:
                fieldLine = line
                state = .quoted
            case .fieldStart, .unquoted:
                if state == .fieldStart { fieldLine = line }
                state = .unquoted
                if byte == separator {
                    endField()
                    state = .fieldStart
                } else if isLineEnd {
                    endRecord()
                    line += 1
                    recordLine = line
                    state = .fieldStart
                } else {
                    field.append(byte)
                }
            case .quoted:
                if byte == quote && next == quote {
                    field.append(quote)
                    i += 1
                } else if byte == quote {
                    state = .afterClosingQuote
                } else if isLineEnd {
                    field.append(lf)
                    line += 1
                } else {
                    field.append(byte)
                }
            case .afterClosingQuote:
                if byte == separator {
                    endField()
                    state = .fieldStart
                } else if isLineEnd {
                    endRecord()
                    line += 1
                    recordLine = line
                    state = .fieldStart
                } else if byte != UInt8(ascii: " ") && byte != 0x09 {
                    throw SpreadsheetError(
                        line: line, "column \(fields.count + 1): text after the closing quote of a quoted cell",
                        help: "a quote inside a quoted cell is written twice (\"\"), as RFC 4180 says"
                    )
                }
            }
            i += 1
        }
        switch state {
        case .quoted:
            throw SpreadsheetError(
                line: fieldLine, "column \(fields.count + 1): a quoted cell is never closed",
                help: "end the cell with a quote (\"); a quote inside it is written twice (\"\")")
        case .fieldStart where fields.isEmpty:
            break
        default:
            endRecord()
        }
        return records
    }
}
