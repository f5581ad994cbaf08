/// Why a spreadsheet cannot become a process: what is wrong, where in the CSV file, and what to do about it.
package struct SpreadsheetError: Error, Sendable, Equatable {
    /// The 1-based line of the CSV file the problem is on; nil for a problem with the whole file.
    package var line: Int?
    package var message: String
    package var help: String?

    package init(line: Int?, _ message: String, help: String? = nil) {
        self.line = line
        self.message = message
        self.help = help
    }

    /// `file:line: message`, as a compiler writes it, so that an editor can jump to the line.
    package func located(in file: String) -> String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
