import ProcDef

/// Renders `index.md`: every process with its owner, purpose and activity count, linked to its runbook, diagram and
/// RACI CSV; the team-by-team handoff matrix, linked to the handoff map; and the landscape diagram of the triggers
/// between processes.
public struct IndexRenderer: Sendable {
    /// The image the diagrams were rendered to (`--render`), or nil to link the DOT files.
    public var diagramImage: DiagramImageFormat?

    public init(diagramImage: DiagramImageFormat? = nil) {
        self.diagramImage = diagramImage
    }

    /// `handoffs` is the map of `processes`, when the caller has it; it is built from them otherwise.
    public func render(_ processes: [CheckedProcess], handoffs: HandoffMap? = nil) -> String {
        var out = "# Process runbooks\n\n"
        let count = processes.count
        out += "\(count) \(count == 1 ? "process" : "processes"). Each runbook says who does what, in how long, and what is handed over to whom.\n\n"
        let diagramExtension = diagramImage?.rawValue ?? "dot"
        let rows = processes.compactMap { process -> [String]? in
            guard let runbook = OutputLayout.runbook(process.id),
                  let diagram = OutputLayout.diagram(process.id, diagramExtension),
                  let csv = OutputLayout.raci(process.id) else { return nil }
            let definition = process.process
            return [
                "[\(MarkdownText.text(definition.name.value))](\(runbook))",
                definition.owner.map { MarkdownText.text(process.roleName($0.value)) } ?? "*not set*",
                definition.purpose.map { MarkdownEscaping.cell($0.value) } ?? "",
                String(definition.activities.count),
                "[diagram](\(diagram)) · [RACI CSV](\(csv))",
            ]
        }
        if rows.isEmpty {
            out += "No processes.\n"
        } else {
            out += MarkdownText.table(header: ["Process", "Owner", "Purpose", "Activities", "Files"], rows: rows)
        }
        let map = handoffs ?? HandoffMap(processes.map { (process: $0.process, handoffs: $0.handoffs) })
        out += "\n## Handoffs between teams\n\n"
        out += "[The handoff map](\(OutputLayout.handoffs)) lists every handoff between roles, gaps first.\n\n"
        out += HandoffMapMarkdownRenderer().renderMatrix(map.teams)
        out += "\n## Landscape\n\n"
        if let image = diagramImage {
            out += "![Process landscape](diagrams/landscape.\(image.rawValue))\n\n"
            out += "Which process starts which, and from which activity. Source: [landscape.dot](\(OutputLayout.landscape)).\n"
        } else {
            out += "Which process starts which, and from which activity: [landscape.dot](\(OutputLayout.landscape)) (Graphviz).\n"
        }
        return out
    }
}
