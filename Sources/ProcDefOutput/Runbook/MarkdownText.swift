import ProcDef

/// Small Markdown phrases the runbook and the index share; every piece of input text in them is escaped.
enum MarkdownText {
    /// Untrusted text as inline Markdown.
    static func text(_ value: String) -> String { MarkdownEscaping.inline(value) }

    /// An id or token in code style when it is a plain kebab-case token (nothing in it can break a code span or a
    /// table), else as escaped text.
    static func code(_ value: String) -> String {
        OutputLayout.isSafeID(value) ? "`\(value)`" : MarkdownEscaping.inline(value)
    }

    /// A file path in code style when it holds only characters that are safe there, else as escaped text.
    static func path(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._-".unicodeScalars.contains($0)) }
        return safe ? "`\(value)`" : MarkdownEscaping.inline(value)
    }

    /// `code(value)`, appended to `out`.
    static func appendCode(_ value: String, to out: inout RenderedText) {
        if OutputLayout.isSafeID(value) {
            out.append("`")
            out.append(value)
            out.append("`")
        } else {
            MarkdownEscaping.appendInline(value, to: &out)
        }
    }

    /// `Service Desk Analyst (`service-desk`)`, or the bare id marked unknown.
    static func appendRole(_ id: String, in process: CheckedProcess, to out: inout RenderedText) {
        if let role = process.role(id) {
            MarkdownEscaping.appendInline(role.name.value, to: &out)
            out.append(" (")
            appendCode(id, to: &out)
            out.append(")")
        } else {
            appendCode(id, to: &out)
            out.append(" (unknown role)")
        }
    }

    /// A role's name, or its id marked unknown.
    static func appendRoleName(_ id: String, in process: CheckedProcess, to out: inout RenderedText) {
        if let name = process.role(id)?.name.value {
            MarkdownEscaping.appendInline(name, to: &out)
        } else {
            appendCode(id, to: &out)
            out.append(" (unknown role)")
        }
    }

    /// `90 seconds`, `10 minutes`, `1 hour`, `2 days`.
    static func appendDuration(_ target: TimeTarget, to out: inout RenderedText) {
        out.append(target.amount)
        switch target.unit {
        case .seconds: out.append(" second")
        case .minutes: out.append(" minute")
        case .hours: out.append(" hour")
        case .days: out.append(" day")
        }
        if target.amount != 1 { out.append("s") }
    }

    /// A pipe table; cells are already Markdown (escaped where they hold text, so no `|` or line break is left).
    static func table(header: [String], rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows {
            out += "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

/// One row of a pipe table, written cell by cell into the page; an empty cell gets a space, as `table` writes it.
struct MarkdownTableRow {
    private var cellStart: Int

    /// Starts the row and its first cell.
    init(_ out: inout RenderedText) {
        out.append("| ")
        cellStart = out.count
    }

    /// Ends the current cell and starts the next.
    mutating func next(_ out: inout RenderedText) {
        finishCell(&out)
        out.append(" | ")
        cellStart = out.count
    }

    /// Ends the last cell and the row.
    func end(_ out: inout RenderedText) {
        finishCell(&out)
        out.append(" |\n")
    }

    private func finishCell(_ out: inout RenderedText) {
        if out.count == cellStart { out.append(" ") }
    }
}
