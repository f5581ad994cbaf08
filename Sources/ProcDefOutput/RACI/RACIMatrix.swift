import ProcDef

/// The RACI matrix of one process: activities by the roles involved in them, with `defaults.accountable` applied.
package struct RACIMatrix: Sendable {
    /// One letter of a cell.
    package enum Letter: String, Sendable, CaseIterable {
        case responsible = "R"
        case accountable = "A"
        case consulted = "C"
        case informed = "I"

        var symbol: StaticString {
            switch self {
            case .responsible: "R"
            case .accountable: "A"
            case .consulted: "C"
            case .informed: "I"
            }
        }
    }

    /// The letters one role holds in one activity: none, or some of R, A, C, I.
    package struct Cell: Sendable, Equatable {
        private var bits: UInt8 = 0

        package init() {}

        package init(_ letters: [Letter]) {
            for letter in letters { insert(letter) }
        }

        package func contains(_ letter: Letter) -> Bool { bits & Self.bit(letter) != 0 }

        package mutating func insert(_ letter: Letter) { bits |= Self.bit(letter) }

        /// The letters in R, A, C, I order.
        package var letters: [Letter] { Letter.allCases.filter(contains) }

        /// The cell as written in runbooks and CSV: `R`, `R/A`, or empty.
        package var text: String {
            var out = RenderedText()
            append(to: &out)
            return out.string
        }

        func append(to out: inout RenderedText) {
            var first = true
            for letter in Letter.allCases where contains(letter) {
                if !first { out.append(byte: UInt8(ascii: "/")) }
                out.append(letter.symbol)
                first = false
            }
        }

        private static func bit(_ letter: Letter) -> UInt8 {
            switch letter {
            case .responsible: 1
            case .accountable: 2
            case .consulted: 4
            case .informed: 8
            }
        }
    }

    /// One activity's assignments, a cell per column.
    package struct Row: Sendable {
        package var activity: Activity
        /// The letters per column of `roles`; an empty cell when the role has no part in the activity.
        package var cells: [Cell]
    }

    /// How many activities give one role each letter.
    package struct LetterCounts: Sendable {
        private var counts = (0, 0, 0, 0)

        package init() {}

        package subscript(letter: Letter) -> Int {
            get {
                switch letter {
                case .responsible: counts.0
                case .accountable: counts.1
                case .consulted: counts.2
                case .informed: counts.3
                }
            }
            set {
                switch letter {
                case .responsible: counts.0 = newValue
                case .accountable: counts.1 = newValue
                case .consulted: counts.2 = newValue
                case .informed: counts.3 = newValue
                }
            }
        }
    }

    /// Role ids in column order: the order in which the activities first name them (R, A, C, I within an
    /// activity), which follows the flow and keeps each team's columns near its activities.
    package let roles: [String]
    package let rows: [Row]

    package init(_ context: ProcessContext) {
        var columns = RoleColumns()
        let activities = context.activities
        // Each activity's letters, by column, in R, A, C, I order of assignment.
        var assignments: [[(column: Int, letter: Letter)]] = []
        assignments.reserveCapacity(activities.count)
        for activity in activities {
            var pairs: [(column: Int, letter: Letter)] = []
            for role in activity.responsible { pairs.append((columns.column(role.value), .responsible)) }
            for role in context.accountable(activity) { pairs.append((columns.column(role.value), .accountable)) }
            for role in activity.consulted { pairs.append((columns.column(role.value), .consulted)) }
            for role in activity.informed { pairs.append((columns.column(role.value), .informed)) }
            assignments.append(pairs)
        }
        let roles = columns.roles
        self.roles = roles
        self.rows = zip(activities, assignments).map { activity, pairs in
            var cells = Array(repeating: Cell(), count: roles.count)
            for (column, letter) in pairs { cells[column].insert(letter) }
            return Row(activity: activity, cells: cells)
        }
    }

    /// In how many activities each role holds each letter, by role id.
    package func letterCounts() -> [String: LetterCounts] {
        var columns = Array(repeating: LetterCounts(), count: roles.count)
        for row in rows {
            for (c, cell) in row.cells.enumerated() {
                for letter in Letter.allCases where cell.contains(letter) { columns[c][letter] += 1 }
            }
        }
        var byRole: [String: LetterCounts] = [:]
        for (role, counts) in zip(roles, columns) { byRole[role] = counts }
        return byRole
    }
}

/// Role ids numbered in the order first seen: a scan while there are few (a process names a dozen roles or so), a
/// dictionary beyond that, so that a process naming thousands stays linear.
private struct RoleColumns {
    private(set) var roles: [String] = []
    private var index: [String: Int]?
    private static let scanLimit = 32

    mutating func column(_ role: String) -> Int {
        if let index {
            if let column = index[role] { return column }
        } else if let column = roles.firstIndex(of: role) {
            return column
        }
        roles.append(role)
        if index != nil {
            index?[role] = roles.count - 1
        } else if roles.count > Self.scanLimit {
            index = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1, $0) })
        }
        return roles.count - 1
    }
}
