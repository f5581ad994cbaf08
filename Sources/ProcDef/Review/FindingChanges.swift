import YAMLTree

/// Findings a change introduces and resolves.
package struct FindingChanges: Sendable, Hashable {
    /// On the new side and not on the old, in the new side's order (file, line, column, rule).
    package var introduced: [FindingRecord]
    /// On the old side and not on the new, in the old side's order.
    package var resolved: [FindingRecord]

    package init(introduced: [FindingRecord] = [], resolved: [FindingRecord] = []) {
        self.introduced = introduced
        self.resolved = resolved
    }

    package var isEmpty: Bool { introduced.isEmpty && resolved.isEmpty }

    /// Matches findings by severity, rule, process and message, never by file or line: moving a process to
    /// another file, or adding lines above it, changes no finding. A finding that appears more often on one side
    /// counts its extra occurrences (the last ones) as introduced or resolved.
    static func compare(_ old: [FindingRecord], _ new: [FindingRecord]) -> FindingChanges {
        var oldCounts: [DiffFindingKey: Int] = [:]
        for record in old { oldCounts[DiffFindingKey(record), default: 0] += 1 }
        var newCounts: [DiffFindingKey: Int] = [:]
        for record in new { newCounts[DiffFindingKey(record), default: 0] += 1 }
        return FindingChanges(introduced: extra(new, beyond: oldCounts), resolved: extra(old, beyond: newCounts))
    }

    /// The records of `side` past the number the other side has of the same key.
    private static func extra(_ side: [FindingRecord], beyond other: [DiffFindingKey: Int]) -> [FindingRecord] {
        var seen: [DiffFindingKey: Int] = [:]
        return side.filter { record in
            let key = DiffFindingKey(record)
            seen[key, default: 0] += 1
            return (seen[key] ?? 0) > (other[key] ?? 0)
        }
    }
}

/// One finding as the diff reports it: the diagnostic's facts and the process it is about.
package struct FindingRecord: Sendable, Hashable {
    package var severity: Severity
    package var rule: String
    package var message: String
    /// The process whose document holds the finding's position; nil outside any process.
    package var processID: String?
    /// Where it is, on its own side.
    package var file: String
    package var line: Int
    package var column: Int

    package init(severity: Severity, rule: String, message: String, processID: String?, file: String, line: Int, column: Int) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.processID = processID
        self.file = file
        self.line = line
        self.column = column
    }

    /// The records of a report, each placed in the process whose document holds it.
    static func records(of report: CheckReport) -> [FindingRecord] {
        var documents: [String: [(range: SourceRange, id: String)]] = [:]
        for process in report.workspace.processes {
            documents[process.file, default: []].append((process.range, process.id.value))
        }
        return report.diagnostics.map { diagnostic in
            let start = diagnostic.range.start
            let process = documents[diagnostic.file]?.first { $0.range.start <= start && start <= $0.range.end }
            return FindingRecord(
                severity: diagnostic.severity, rule: diagnostic.rule, message: diagnostic.message, processID: process?.id,
                file: diagnostic.file, line: start.line, column: start.column
            )
        }
    }
}

/// What makes two findings the same finding across the two sides.
struct DiffFindingKey: Hashable {
    let severity: Severity
    let rule: String
    let processID: String?
    let message: String

    init(_ record: FindingRecord) {
        severity = record.severity
        rule = record.rule
        processID = record.processID
        message = Self.withoutPositions(record.message)
    }

    /// Some messages point at another place (`already defined at Processes/a.yaml:12:3`); those positions move
    /// with any edit above them, and the file differs between two checkouts, so a word ending in `:<line>:<column>`
    /// is replaced by a placeholder.
    static func withoutPositions(_ message: String) -> String {
        guard message.contains(":") else { return message }
        return message.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            var core = word
            while let last = core.last, ",;.)'\"".contains(last) { core = core.dropLast() }
            let parts = core.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let column = parts.last, let line = parts.dropLast().last,
                [line, column].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIINumber) })
            else { return String(word) }
            return "<position>" + word[core.endIndex...]
        }.joined(separator: " ")
    }
}

extension Character {
    fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}
