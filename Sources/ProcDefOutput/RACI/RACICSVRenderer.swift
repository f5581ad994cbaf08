import ProcDef

/// Renders `raci/<id>.csv`: the RACI matrix for spreadsheets, RFC 4180 with CRLF line ends.
///
/// Header `activity,name,<role ids...>`, then one row per activity: its id, its name, and per role the letters
/// (`R`, `R/A`, ...) or an empty field.
public struct RACICSVRenderer: Sendable {
    public init() {}

    public func render(_ process: CheckedProcess) -> String {
        let raci = process.raci
        var out = CSVEscaping.record(["activity", "name"] + raci.roles)
        for row in raci.rows {
            out += CSVEscaping.record([row.activity.id.value, row.activity.name.value] + row.cells.map(RACIMatrix.text))
        }
        return out
    }
}
