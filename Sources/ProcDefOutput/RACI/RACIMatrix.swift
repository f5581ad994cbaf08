import ProcDef

/// The RACI matrix of one process: activities by the roles involved in them, with `defaults.accountable` applied.
public struct RACIMatrix: Sendable {
    /// One letter of a cell.
    public enum Letter: String, Sendable, CaseIterable {
        case responsible = "R", accountable = "A", consulted = "C", informed = "I"
    }

    /// One activity's assignments, a cell per column.
    public struct Row: Sendable {
        public var activity: Activity
        /// Letters per column of `roles`, in R, A, C, I order; empty when the role has no part in the activity.
        public var cells: [[Letter]]
    }

    /// Role ids in column order: the order in which the activities first name them (R, A, C, I within an
    /// activity), which follows the flow and keeps each team's columns near its activities.
    public let roles: [String]
    public let rows: [Row]

    public init(_ context: ProcessContext) {
        var roles: [String] = []
        var column: [String: Int] = [:]
        var assignments: [[(String, Letter)]] = []
        for activity in context.activities {
            var pairs: [(String, Letter)] = []
            pairs += activity.responsible.map { ($0.value, .responsible) }
            pairs += context.accountable(activity).map { ($0.value, .accountable) }
            pairs += activity.consulted.map { ($0.value, .consulted) }
            pairs += activity.informed.map { ($0.value, .informed) }
            for (role, _) in pairs where column[role] == nil {
                column[role] = roles.count
                roles.append(role)
            }
            assignments.append(pairs)
        }
        self.roles = roles
        self.rows = zip(context.activities, assignments).map { activity, pairs in
            var cells = Array(repeating: [Letter](), count: roles.count)
            for (role, letter) in pairs {
                guard let c = column[role], !cells[c].contains(letter) else { continue }
                cells[c].append(letter)
            }
            return Row(activity: activity, cells: cells.map { cell in Letter.allCases.filter(cell.contains) })
        }
    }

    /// A cell as written in runbooks and CSV: `R`, `R/A`, or empty.
    public static func text(_ cell: [Letter]) -> String {
        cell.map(\.rawValue).joined(separator: "/")
    }

    /// The activities in which `role` holds `letter`.
    public func count(of letter: Letter, for role: String) -> Int {
        guard let c = roles.firstIndex(of: role) else { return 0 }
        return rows.count { $0.cells[c].contains(letter) }
    }
}
