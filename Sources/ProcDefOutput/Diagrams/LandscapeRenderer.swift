import ProcDef

/// Renders `diagrams/landscape.dot`: every process (name and owner) and the triggers between them, each edge
/// labelled with the activity that starts the other process. A process defined elsewhere is drawn dashed.
package struct LandscapeRenderer: Sendable {
    package init() {}

    /// `external`: the processes defined elsewhere (`kind: external-process`), sorted by id.
    package func render(_ processes: [CheckedProcess], external: [ExternalProcess] = []) -> String {
        renderText(processes, external: external).string
    }

    /// The DOT file as the bytes a build writes.
    func renderText(_ processes: [CheckedProcess], external: [ExternalProcess] = []) -> RenderedText {
        var dot = DOTWriter(graphName: "landscape", capacity: 256 * processes.count + 2048)
        dot.defaults("graph")
        dot.keyword("charset", "UTF-8")
        // Top to bottom: a library's chains of triggers are longer than its processes are many at one step, and
        // the page is narrower than it is tall.
        dot.keyword("rankdir", "TB")
        dot.keyword("newrank", "true")
        dot.text("label", "Process landscape")
        dot.keyword("labelloc", "t")
        dot.keyword("fontsize", "18")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("nodesep", "0.5")
        dot.keyword("ranksep", "0.6")
        dot.end()
        dot.defaults("node")
        dot.keyword("shape", "box")
        dot.keyword("style", "rounded,filled")
        dot.keyword("fillcolor", "white")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("fontsize", "12")
        dot.keyword("margin", "0.2,0.1")
        dot.end()
        dot.defaults("edge")
        dot.keyword("fontname", "Helvetica")
        dot.keyword("fontsize", "10")
        dot.keyword("color", "#555555")
        dot.keyword("style", "dashed")
        dot.end()
        dot.blankLine()

        let known = Set(processes.map { $0.id })
        for process in processes {
            var label = LabelWrapping.wrap(process.process.name.value, width: 28)
            if let owner = process.process.owner?.value {
                label += "\nowner: " + process.roleName(owner)
            }
            dot.node(DiagramRenderer.processNodeID(process.id))
            dot.text("label", label)
            dot.text("tooltip", process.id)
            if let runbook = OutputLayout.runbook(process.id) { dot.text("URL", "../" + runbook) }
            dot.end()
        }
        // Someone else's process, outlined dashed: this repository knows it only from the outside.
        var drawn = known
        for process in external where drawn.insert(process.id.value).inserted {
            dot.node(DiagramRenderer.processNodeID(process.id.value))
            dot.text("label", LabelWrapping.wrap(process.name.value, width: 28) + "\n(defined elsewhere)")
            dot.keyword("style", "rounded,dashed,filled")
            dot.text("tooltip", process.id.value)
            if let link = process.link?.value { dot.text("URL", link) }
            dot.end()
        }
        var missing: [String] = []
        var seen: Set<String> = []
        for process in processes {
            for edge in process.graph.triggers
            where !drawn.contains(edge.trigger.process.value) && seen.insert(edge.trigger.process.value).inserted {
                missing.append(edge.trigger.process.value)
            }
        }
        for id in missing.sorted() {
            dot.node(DiagramRenderer.processNodeID(id))
            dot.text("label", id + "\n(no such process)")
            dot.keyword("color", "red")
            dot.keyword("fontcolor", "red")
            dot.end()
        }

        dot.blankLine()
        for process in processes {
            let activities = process.process.activities
            for edge in process.graph.triggers {
                dot.edge(DiagramRenderer.processNodeID(process.id), DiagramRenderer.processNodeID(edge.trigger.process.value))
                dot.text("label", LabelWrapping.wrap(activities[edge.source].name.value, width: 24))
                dot.end()
            }
        }
        return dot.finish()
    }
}
