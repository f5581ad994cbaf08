import ProcDef

/// Everything `procdef build` writes, planned in memory from a checked workspace: runbooks, diagrams, RACI CSVs,
/// the landscape, the handoff map and the index, as an `OutputTree` of relative paths and bytes.
///
/// Planning does no I/O; `renderImages(with:)` runs Graphviz, and `OutputTree.install(at:)` writes the tree.
package struct BuildPlan: Sendable {
    package private(set) var tree = OutputTree()
    /// Processes left out because their id cannot be a file name (possible only when a build allows errors).
    package private(set) var skipped: [String] = []
    package let diagramImage: DiagramImageFormat?

    package init(report: CheckReport, diagramImage: DiagramImageFormat? = nil, history: ChangeHistory? = nil) throws(BuildError) {
        self.diagramImage = diagramImage
        let all = CheckedProcess.all(in: report)
        let processes = all.filter { OutputLayout.isSafeID($0.id) }
        skipped = all.filter { !OutputLayout.isSafeID($0.id) }.map(\.id)

        // A process with the id `landscape` or `roles` would take the path of the landscape or of the roles' CSV; say so
        // rather than overwrite either.
        for reserved in ["landscape", "roles"] where processes.contains(where: { $0.id == reserved }) { throw .reservedID(reserved) }

        // One parallel pass: job 0 renders the files of the whole workspace (landscape, handoff map, index), every
        // other job one process's runbook, diagram and CSV, so the workspace files take no time of their own.
        let runbook = RunbookRenderer(diagramImage: diagramImage, history: history)
        let diagram = DiagramRenderer()
        let blueprint = DiagramRenderer(view: .blueprint)
        let csv = RACICSVRenderer()
        let index = IndexRenderer(diagramImage: diagramImage)
        let rendered = Array(-1..<processes.count).parallelMap { job -> [(path: String, bytes: [UInt8])] in
            guard job >= 0 else {
                let handoffs = HandoffMap(processes.map { (process: $0.process, handoffs: $0.handoffs) })
                return [
                    (
                        OutputLayout.landscape,
                        LandscapeRenderer().renderText(processes, external: report.workspace.externalProcesses).takeBytes()
                    ),
                    (OutputLayout.handoffs, HandoffMapMarkdownRenderer(linksRunbooks: true).renderText(handoffs).takeBytes()),
                    (OutputLayout.roles, RolesCSVRenderer().renderText(report.workspace).takeBytes()),
                    (
                        OutputLayout.index,
                        Array(index.render(processes, handoffs: handoffs, external: report.workspace.externalProcesses).utf8)
                    ),
                ]
            }
            let process = processes[job]
            // The layout functions return nil only for unsafe ids, which were filtered out above.
            guard let runbookPath = OutputLayout.runbook(process.id), let diagramPath = OutputLayout.diagram(process.id),
                let blueprintPath = OutputLayout.blueprint(process.id), let csvPath = OutputLayout.raci(process.id)
            else { return [] }
            return [
                (runbookPath, runbook.renderText(process).takeBytes()),
                (diagramPath, diagram.renderText(process).takeBytes()),
                (blueprintPath, blueprint.renderText(process).takeBytes()),
                (csvPath, csv.renderText(process).takeBytes()),
            ]
        }
        do {
            try tree.add(contentsOf: Array(rendered.joined()))
        } catch {
            throw .output(error)
        }
    }

    /// The DOT files of the plan, in path order.
    package var diagrams: [String] {
        tree.paths.filter { $0.hasPrefix("diagrams/") && $0.hasSuffix(".dot") }
    }

    /// Renders every diagram to `diagramImage` with Graphviz and adds the images beside their DOT files; nothing when
    /// the plan has no image format.
    package mutating func renderImages(with graphviz: Graphviz) throws(BuildError) {
        guard let format = diagramImage else { return }
        let sources = diagrams.map { ($0, tree.text(at: $0) ?? "") }
        let images = sources.parallelMap { path, dot -> Result<[UInt8], GraphvizError> in
            do throws(GraphvizError) {
                return .success(try graphviz.render(dot, format: format))
            } catch {
                return .failure(error)
            }
        }
        for ((path, _), image) in zip(sources, images) {
            let imagePath = String(path.dropLast(3)) + format.rawValue
            switch image {
            case .success(let bytes):
                do {
                    try tree.add(imagePath, bytes)
                } catch {
                    throw .output(error)
                }
            case .failure(let error):
                throw .graphviz(path: path, error)
            }
        }
    }
}

/// Why a build stopped before writing anything (exit code 2).
package enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    case output(OutputTreeError)
    case graphviz(path: String, GraphvizError)
    /// A process id whose files would collide with the build's own (`landscape`: `diagrams/landscape.dot`; `roles`:
    /// `raci/roles.csv`).
    case reservedID(String)

    package var description: String {
        switch self {
        case .output(let error): error.description
        case .graphviz(let path, let error): "rendering \(path): \(error.description)"
        case .reservedID(let id) where id == "roles":
            "process id 'roles' cannot be built: its RACI matrix would replace raci/roles.csv, the list of every role; rename the process"
        case .reservedID(let id):
            "process id '\(id)' cannot be built: its diagram would replace diagrams/\(id).dot, the process landscape; rename the process"
        }
    }
}
