import ProcDef

/// The lanes of a process's diagrams and the columns of its RACI tables: one per role, in the workspace's order.
///
/// The order is the role catalogue's, then the process's own roles and ids the workspace does not know, in the order
/// the process first names them; so a role sits in the same place in every diagram and table of a library.
struct ProcessLanes {
    /// The roles with a lane: every role responsible for a step, in the workspace's order.
    let roles: [String]
    /// Per role, the steps drawn in its lane: those it is the first responsible role of, in the process's order.
    let home: [String: [Int]]
    /// Per role, the steps drawn in another lane that it is also responsible for; its lane shows a marker for each.
    let shared: [String: [Int]]
    /// The steps with no responsible role, drawn in the red "unassigned" lane.
    let unassigned: [Int]

    init(_ process: CheckedProcess) {
        var home: [String: [Int]] = [:]
        var shared: [String: [Int]] = [:]
        var firstUse: [String] = []
        var seen: Set<String> = []
        var unassigned: [Int] = []
        for (i, activity) in process.process.activities.enumerated() {
            guard let first = activity.responsible.first?.value else {
                unassigned.append(i)
                continue
            }
            home[first, default: []].append(i)
            if seen.insert(first).inserted { firstUse.append(first) }
            for other in activity.responsible.dropFirst() where other.value != first {
                // A role named twice on one step gets one marker.
                if shared[other.value]?.last != i { shared[other.value, default: []].append(i) }
                if seen.insert(other.value).inserted { firstUse.append(other.value) }
            }
        }
        self.roles = Self.workspaceOrder(firstUse, process.context)
        self.home = home
        self.shared = shared
        self.unassigned = unassigned
    }

    /// `ids` in the workspace's order: the catalogue's roles as the catalogue lists them, then the process's local
    /// roles and unknown ids in the order given (their first use).
    static func workspaceOrder(_ ids: [String], _ context: ProcessContext) -> [String] {
        let positions = context.workspace.cataloguePositions
        let hasLocalRoles = !context.process.roles.isEmpty
        // Each id's key once: its place in the catalogue (a local role hides the catalogue's role of its id, and
        // sorts as local), then its first use.
        let keys = ids.enumerated().map { offset, id in
            let position = hasLocalRoles && context.process.localRole(id) != nil ? nil : positions[id]
            return (catalogue: position ?? Int.max, firstUse: offset)
        }
        return ids.indices.sorted { a, b in
            (keys[a].catalogue, keys[a].firstUse) < (keys[b].catalogue, keys[b].firstUse)
        }.map { ids[$0] }
    }
}
