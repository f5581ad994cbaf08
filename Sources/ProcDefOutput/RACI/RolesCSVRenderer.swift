import ProcDef

/// Renders `raci/roles.csv`: every role of the workspace, so that a spreadsheet of the RACI matrices can show names
/// for the role ids of their headers. RFC 4180 with CRLF line ends, like the matrices.
///
/// Header `id,name,kind,team`; the catalogue's roles in its order, then each process's own roles, by process id,
/// that the catalogue and the processes before it did not already name.
package struct RolesCSVRenderer: Sendable {
    package init() {}

    package func render(_ workspace: Workspace) -> String {
        renderText(workspace).string
    }

    func renderText(_ workspace: Workspace) -> RenderedText {
        var out = RenderedText(capacity: 4096)
        out.append("id,name,kind,team\r\n")
        var seen: Set<String> = []
        let local = workspace.processes.sorted { $0.id.value < $1.id.value }.flatMap(\.roles)
        for role in workspace.catalogues.flatMap(\.roles) + local where seen.insert(role.id.value).inserted {
            CSVEscaping.appendField(role.id.value, to: &out)
            out.append(",")
            CSVEscaping.appendField(role.name.value, to: &out)
            out.append(",")
            out.append(role.kind.value.rawValue)
            out.append(",")
            CSVEscaping.appendField(role.team?.value ?? "", to: &out)
            out.append("\r\n")
        }
        return out
    }
}
