import ProcDef

/// Renders `raci/<id>.csv`: the RACI matrix for spreadsheets, RFC 4180 with CRLF line ends.
///
/// Header `activity,name,<role ids...>`, then one row per activity: its id, its name, and per role the letters
/// (`R`, `R/A`, ...) or an empty field.
package struct RACICSVRenderer: Sendable {
    package init() {}

    package func render(_ process: CheckedProcess) -> String {
        renderText(process).string
    }

    /// The CSV as the bytes a build writes.
    func renderText(_ process: CheckedProcess) -> RenderedText {
        let raci = process.raci
        var out = RenderedText(capacity: 64 * (raci.rows.count + 1) + 24 * raci.roles.count)
        out.append("activity,name")
        for role in raci.roles {
            out.append(",")
            CSVEscaping.appendField(role, to: &out)
        }
        out.append("\r\n")
        for row in raci.rows {
            CSVEscaping.appendField(row.activity.id.value, to: &out)
            out.append(",")
            CSVEscaping.appendField(row.activity.name.value, to: &out)
            for cell in row.cells {
                out.append(",")
                // Letters and slashes: nothing a CSV field needs to quote or guard.
                cell.append(to: &out)
            }
            out.append("\r\n")
        }
        return out
    }
}
