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

        /// Marks a consulted or informed letter as holding only under a condition (`C*`, `I*`).
        package mutating func insertConditional(_ letter: Letter) {
            insert(letter)
            bits |= Self.bit(letter) << 4
        }

        mutating func clearCondition(_ letter: Letter) { bits &= ~(Self.bit(letter) << 4) }

        /// True when the letter holds only under a condition.
        package func isConditional(_ letter: Letter) -> Bool { bits & (Self.bit(letter) << 4) != 0 }

        /// True when a letter of the cell holds only under a condition.
        package var hasCondition: Bool { bits >> 4 != 0 }

        /// The letters in R, A, C, I order.
        package var letters: [Letter] { Letter.allCases.filter(contains) }

        /// The cell as written in runbooks and CSV: `R`, `R/A`, `C*`, or empty.
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
                if isConditional(letter) { out.append(byte: UInt8(ascii: "*")) }
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

    /// Role ids in column order, the workspace's order of roles (`ProcessLanes.workspaceOrder`): the catalogue's
    /// order, then the process's own roles and unknown ids as the activities first name them (R, A, C, I within an
    /// activity). The diagrams' lanes follow the same order, so a role has the same place in every table and picture.
    package let roles: [String]
    package let rows: [Row]

    package init(_ context: ProcessContext) {
        var columns = RoleColumns()
        let activities = context.activities
        // Each activity's letters, by column, in R, A, C, I order of assignment.
        var assignments: [[(column: Int, letter: Letter, conditional: Bool)]] = []
        assignments.reserveCapacity(activities.count)
        for activity in activities {
            var pairs: [(column: Int, letter: Letter, conditional: Bool)] = []
            for role in activity.responsible { pairs.append((columns.column(role.value), .responsible, false)) }
            for role in context.accountable(activity) { pairs.append((columns.column(role.value), .accountable, false)) }
            let conditional = !activity.conditions.isEmpty
            for role in activity.consulted {
                pairs.append((columns.column(role.value), .consulted, conditional && activity.condition(consulted: role.value) != nil))
            }
            for role in activity.informed {
                pairs.append((columns.column(role.value), .informed, conditional && activity.condition(informed: role.value) != nil))
            }
            assignments.append(pairs)
        }
        let roles = ProcessLanes.workspaceOrder(columns.roles, context)
        // First-use column -> workspace-order column.
        var placeOf = Array(repeating: 0, count: roles.count)
        var columnOf: [String: Int] = [:]
        columnOf.reserveCapacity(roles.count)
        for (c, role) in roles.enumerated() { columnOf[role] = c }
        for (c, role) in columns.roles.enumerated() { placeOf[c] = columnOf[role] ?? c }
        self.roles = roles
        self.rows = zip(activities, assignments).map { activity, pairs in
            var cells = Array(repeating: Cell(), count: roles.count)
            for (firstUseColumn, letter, conditional) in pairs {
                let column = placeOf[firstUseColumn]
                // An unconditional entry of the same letter wins: the role takes part every time.
                if conditional, !cells[column].contains(letter) {
                    cells[column].insertConditional(letter)
                } else if !conditional {
                    cells[column].insert(letter)
                    cells[column].clearCondition(letter)
                }
            }
            return Row(activity: activity, cells: cells)
        }
    }

    /// The conditions of the matrix's `C*` and `I*` cells, in row then column order, for footnotes:
    /// `(activity, role, letter, condition)`.
    package var conditions: [(activity: Activity, role: String, letter: Letter, when: String)] {
        var result: [(activity: Activity, role: String, letter: Letter, when: String)] = []
        for row in rows where row.cells.contains(where: \.hasCondition) {
            for (c, cell) in row.cells.enumerated() {
                if cell.isConditional(.consulted), let when = row.activity.condition(consulted: roles[c]) {
                    result.append((row.activity, roles[c], .consulted, when.value))
                }
                if cell.isConditional(.informed), let when = row.activity.condition(informed: roles[c]) {
                    result.append((row.activity, roles[c], .informed, when.value))
                }
            }
        }
        return result
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
