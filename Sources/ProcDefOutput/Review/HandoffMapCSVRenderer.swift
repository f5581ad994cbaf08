import ProcDef

/// Renders the handoff map as RFC 4180 CSV (CRLF line ends) for spreadsheets: one row per handoff, gaps first; or
/// the team matrix. Several roles or teams in one field are separated by `; `. `kind` is `transition`, `fork` (a
/// branch of parallel work), `cancel` (its `from_activity` lists every activity the cancellation interrupts) or
/// `trigger`. A trigger into a process defined elsewhere (`kind: external-process`) has no `to_activity`; its
/// `to_roles` is the process's receiver, if it names one.
package struct HandoffMapCSVRenderer: Sendable {
    package init() {}

    package static let header = [
        "status", "process", "from_activity", "from_roles", "from_teams", "to_process", "to_activity", "to_roles", "to_teams",
        "kind", "condition", "artifact", "expectation", "within", "informed", "escalation", "agreement", "file", "line",
    ]

    package func render(_ map: HandoffMap) -> String {
        var out = CSVEscaping.record(Self.header)
        for entry in map.entries {
            out += CSVEscaping.record([
                entry.status.rawValue, entry.from.processID, fromActivity(entry), list(entry.from.roles), list(entry.from.teams),
                entry.to.processID, entry.to.activityID, list(entry.to.roles), list(entry.to.teams),
                entry.kind.rawValue, entry.condition ?? "", entry.artifact ?? "", entry.expectation ?? "", entry.within ?? "",
                list(entry.informed), entry.escalation?.rawValue ?? "", entry.agreement ?? "", entry.file, String(entry.line),
            ])
        }
        return out
    }

    /// `team,<receiving teams...>`, then a row per sending team.
    package func renderMatrix(_ matrix: TeamMatrix) -> String {
        var out = CSVEscaping.record(["team"] + matrix.teams)
        for (row, team) in matrix.teams.enumerated() {
            out += CSVEscaping.record([team] + matrix.counts[row].map(String.init))
        }
        return out
    }

    private func list(_ values: [String]) -> String { values.joined(separator: "; ") }

    /// The source activity; for a cancellation, every activity it interrupts.
    private func fromActivity(_ entry: HandoffMapEntry) -> String {
        entry.kind == .cancel && !entry.interrupted.isEmpty ? list(entry.interrupted) : entry.from.activityID
    }
}
