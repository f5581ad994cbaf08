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

    /// `[text](target)`; `target` is a path or anchor procdef made from validated ids, never input text.
    static func link(_ text: String, to target: String) -> String {
        "[\(MarkdownEscaping.inline(text))](\(target))"
    }

    /// `Service Desk Analyst (`service-desk`)`, or the bare id marked unknown.
    static func role(_ id: String, in process: CheckedProcess) -> String {
        guard let role = process.role(id) else { return "\(code(id)) (unknown role)" }
        return "\(text(role.name.value)) (\(code(id)))"
    }

    /// Role names joined by commas; an unknown id shows as itself.
    static func roleNames(_ ids: [String], in process: CheckedProcess) -> String {
        ids.map { process.role($0).map { text($0.name.value) } ?? "\(code($0)) (unknown role)" }.joined(separator: ", ")
    }

    /// `90 seconds`, `10 minutes`, `1 hour`, `2 days`.
    static func duration(_ target: TimeTarget) -> String {
        let unit: String
        switch target.unit {
        case .seconds: unit = "second"
        case .minutes: unit = "minute"
        case .hours: unit = "hour"
        case .days: unit = "day"
        }
        return "\(target.amount) \(unit)\(target.amount == 1 ? "" : "s")"
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
