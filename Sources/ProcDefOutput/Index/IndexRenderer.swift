import ProcDef

/// Renders `index.md`: every process with its owner, purpose and activity count, linked to its runbook, diagram,
/// service blueprint and RACI CSV; the processes defined elsewhere that they start; the team-by-team handoff matrix, linked to the handoff map; and the landscape diagram of the triggers
/// between processes.
package struct IndexRenderer: Sendable {
    /// The image the diagrams were rendered to (`--render`), or nil to link the DOT files.
    package var diagramImage: DiagramImageFormat?

    package init(diagramImage: DiagramImageFormat? = nil) {
        self.diagramImage = diagramImage
    }

    /// `handoffs` is the map of `processes`, when the caller has it; it is built from them otherwise. `external`: the
    /// processes defined elsewhere, sorted by id.
    package func render(_ processes: [CheckedProcess], handoffs: HandoffMap? = nil, external: [ExternalProcess] = []) -> String {
        var md = MarkdownWriter(capacity: 1024 + 256 * processes.count)
        md.heading(1, "Process runbooks")
        md.startParagraph()
        md.number(processes.count)
        md.markdown(processes.count == 1 ? " process" : " processes")
        md.markdown(". Each runbook says who does what, in how long, and what is handed over to whom.")
        md.endLine()
        let diagramExtension = diagramImage?.rawValue ?? "dot"
        var wroteTable = false
        for process in processes {
            guard let runbook = OutputLayout.runbook(process.id),
                let diagram = OutputLayout.diagram(process.id, diagramExtension),
                let blueprint = OutputLayout.blueprint(process.id, diagramExtension), let csv = OutputLayout.raci(process.id)
            else { continue }
            if !wroteTable {
                md.startTable(["Process", "Owner", "Purpose", "Activities", "Files"])
                wroteTable = true
            }
            let definition = process.process
            md.startRow()
            md.link(text: definition.name.value, to: runbook)
            md.nextCell()
            if let owner = definition.owner { md.text(process.roleName(owner.value)) } else { md.emphasis("not set") }
            md.nextCell()
            if let purpose = definition.purpose { md.cellText(purpose.value) }
            md.nextCell()
            md.number(definition.activities.count)
            md.nextCell()
            md.startLink()
            md.markdown("diagram")
            md.endLink(to: diagram)
            md.markdown(" · ")
            md.startLink()
            md.markdown("blueprint")
            md.endLink(to: blueprint)
            md.markdown(" · ")
            md.startLink()
            md.markdown("RACI CSV")
            md.endLink(to: csv)
            md.endRow()
        }
        if !wroteTable { md.paragraph("No processes.") }
        if !external.isEmpty { externalProcesses(external, processes, &md) }
        let map = handoffs ?? HandoffMap(processes.map { (process: $0.process, handoffs: $0.handoffs) })
        md.heading(2, "Handoffs between teams")
        md.startParagraph()
        md.startLink()
        md.markdown("The handoff map")
        md.endLink(to: OutputLayout.handoffs)
        md.markdown(" lists every handoff between roles, gaps first.")
        md.endLine()
        HandoffMapMarkdownRenderer().writeMatrix(map.teams, to: &md)
        md.heading(2, "Landscape")
        md.startParagraph()
        if let image = diagramImage {
            md.startImage()
            md.markdown("Process landscape")
            md.endLink(to: "diagrams/landscape.\(image.rawValue)")
            md.endLine()
            md.startParagraph()
            md.markdown("Which process starts which, and from which activity. Source: ")
            landscapeLink(&md)
            md.markdown(".")
        } else {
            md.markdown("Which process starts which, and from which activity: ")
            landscapeLink(&md)
            md.markdown(" (Graphviz).")
        }
        md.endLine()
        return md.string
    }

    /// Processes other organisations govern, which these processes hand cases to: each with who takes a case in.
    private func externalProcesses(_ external: [ExternalProcess], _ processes: [CheckedProcess], _ md: inout MarkdownWriter) {
        md.heading(2, "Processes defined elsewhere")
        md.paragraph("Processes these runbooks hand cases to, governed outside this repository.")
        let catalogue = processes.first?.context.catalogue ?? [:]
        md.startTable(["Process", "Receiver", "Owner"])
        for process in external {
            md.startRow()
            md.externalProcess(name: process.name.value, link: process.link?.value)
            md.nextCell()
            role(process.receiver?.value, catalogue, &md)
            md.nextCell()
            role(process.owner?.value, catalogue, &md)
            md.endRow()
        }
    }

    private func role(_ id: String?, _ catalogue: [String: Role], _ md: inout MarkdownWriter) {
        guard let id else {
            md.emphasis("not named")
            return
        }
        md.cellText(catalogue[id]?.name.value ?? id)
    }

    /// `[landscape.dot](diagrams/landscape.dot)`
    private func landscapeLink(_ md: inout MarkdownWriter) {
        md.startLink()
        md.markdown("landscape.dot")
        md.endLink(to: OutputLayout.landscape)
    }
}
