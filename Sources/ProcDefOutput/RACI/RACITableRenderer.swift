import ProcDef

/// Renders the RACI matrix as an aligned plain-text table for `procdef raci`, with a legend of the role names.
///
/// Rows are the activities by name; columns are role ids (short and unambiguous), and the legend below maps each to
/// its name and team. Names come from input,
/// so every cell passes through `TerminalEscaping`.
package struct RACITableRenderer: Sendable {
    package init() {}

    package func render(_ process: CheckedProcess) -> String {
        let raci = process.raci
        let safe = { (text: String) in TerminalEscaping.sanitized(text.replacingLineBreaks(), keepingTabs: false) }
        var out = "\(safe(process.process.name.value)) (\(safe(process.id))): RACI matrix\n\n"
        guard !raci.roles.isEmpty else { return out + "No activity names a role.\n" }

        var table: [[String]] = [["#", "activity"] + raci.roles.map(safe)]
        for (i, row) in raci.rows.enumerated() {
            table.append([String(i + 1), safe(row.activity.name.value)] + row.cells.map(\.text))
        }
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        out += "\nR responsible, A accountable, C consulted, I informed"
        let conditions = raci.conditions
        if conditions.isEmpty {
            out += ".\n"
        } else {
            out += "; * only when:\n"
            for condition in conditions {
                let verb = condition.letter == .consulted ? "consulted" : "informed"
                out += "  \(safe(condition.role)) \(verb) on '\(safe(condition.activity.id.value))' when \(safe(condition.when))\n"
            }
        }
        out += "\nroles:\n"
        for role in raci.roles {
            var line = "  \(safe(role)): \(safe(process.roleName(role)))"
            if let team = process.role(role)?.team?.value { line += " (\(safe(team)))" }
            out += line + "\n"
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }

    /// Line breaks as single spaces: a table row stays on one line.
    func replacingLineBreaks() -> String {
        MarkdownEscaping.splitLines(self).joined(separator: " ")
    }
}
