import ProcDef

/// Renders `diagrams/landscape.dot`: every process (name and owner) and the triggers between them, each edge
/// labelled with the activity that starts the other process.
public struct LandscapeRenderer: Sendable {
    public init() {}

    public func render(_ processes: [CheckedProcess]) -> String {
        renderText(processes).string
    }

    /// The DOT file as the bytes a build writes.
    func renderText(_ processes: [CheckedProcess]) -> RenderedText {
        var dot = DOTWriter(graphName: "landscape", capacity: 256 * processes.count + 2048)
        dot.defaults("graph", [
            .keyword("charset", "UTF-8"), .keyword("rankdir", "LR"), .keyword("newrank", "true"),
            .text("label", "Process landscape"), .keyword("labelloc", "t"), .keyword("fontsize", "18"),
            .keyword("fontname", "Helvetica"), .keyword("nodesep", "0.5"), .keyword("ranksep", "1.2"),
        ])
        dot.defaults("node", [
            .keyword("shape", "box"), .keyword("style", "rounded,filled"), .keyword("fillcolor", "white"),
            .keyword("fontname", "Helvetica"), .keyword("fontsize", "12"), .keyword("margin", "0.2,0.1"),
        ])
        dot.defaults("edge", [.keyword("fontname", "Helvetica"), .keyword("fontsize", "10"), .keyword("color", "#555555"), .keyword("style", "dashed")])
        dot.blankLine()

        let known = Set(processes.map(\.id))
        for process in processes {
            var label = LabelWrapping.wrap(process.process.name.value, width: 28)
            if let owner = process.process.owner?.value {
                label += "\nowner: " + process.roleName(owner)
            }
            var attributes: [DOTAttribute] = [.text("label", label), .text("tooltip", process.id)]
            if let runbook = OutputLayout.runbook(process.id) { attributes.append(.text("URL", "../" + runbook)) }
            dot.node(DiagramRenderer.processNodeID(process.id), attributes)
        }
        var missing: [String] = []
        for process in processes {
            for edge in process.graph.triggers where !known.contains(edge.trigger.process.value) && !missing.contains(edge.trigger.process.value) {
                missing.append(edge.trigger.process.value)
            }
        }
        for id in missing.sorted() {
            dot.node(DiagramRenderer.processNodeID(id), [.text("label", id + "\n(no such process)"), .keyword("color", "red"), .keyword("fontcolor", "red")])
        }

        dot.blankLine()
        for process in processes {
            let activities = process.process.activities
            for edge in process.graph.triggers {
                let label = LabelWrapping.wrap(activities[edge.source].name.value, width: 24)
                dot.edge(DiagramRenderer.processNodeID(process.id), DiagramRenderer.processNodeID(edge.trigger.process.value), [.text("label", label)])
            }
        }
        return dot.finish()
    }
}
