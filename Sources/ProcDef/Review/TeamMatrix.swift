/// How many handoffs go from each team to each team: a row per sending team, a column per receiving team.
///
/// Teams come from the role catalogue's (or the process's local roles') `team`, falling back to the role id. A
/// handoff between several teams (an activity with responsible roles in two teams) counts once for each pair of a
/// sending and a receiving team; a handoff between two roles of one team counts on the diagonal.
package struct TeamMatrix: Sendable, Hashable {
    /// Every team that sends or receives, sorted.
    package let teams: [String]
    /// `counts[row][column]`: handoffs from `teams[row]` to `teams[column]`.
    package let counts: [[Int]]

    package init(entries: [HandoffMapEntry]) {
        var pairs: [String: [String: Int]] = [:]
        var names: Set<String> = []
        for entry in entries {
            for from in entry.from.teams {
                for to in entry.to.teams {
                    pairs[from, default: [:]][to, default: 0] += 1
                }
            }
            names.formUnion(entry.from.teams)
            names.formUnion(entry.to.teams)
        }
        let sorted = names.sorted()
        teams = sorted
        counts = sorted.map { from in sorted.map { to in pairs[from]?[to] ?? 0 } }
    }

    package func count(from: String, to: String) -> Int {
        guard let row = teams.firstIndex(of: from), let column = teams.firstIndex(of: to) else { return 0 }
        return counts[row][column]
    }

    package var isEmpty: Bool { teams.isEmpty }

    /// The sum of the cells: each transition counted once for every pair of teams it connects.
    package var pairCount: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
}
