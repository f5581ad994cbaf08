import ProcDef

/// The RACI matrix of one process: activities by the roles involved in them, with `defaults.accountable` applied.
public struct RACIMatrix: Sendable {
    /// One letter of a cell.
    public enum Letter: String, Sendable, CaseIterable {
        case responsible = "R", accountable = "A", consulted = "C", informed = "I"

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
    public struct Cell: Sendable, Equatable {
        private var bits: UInt8 = 0

        public init() {}

        public init(_ letters: [Letter]) {
            letters.forEach { insert($0) }
        }

        public func contains(_ letter: Letter) -> Bool { bits & Self.bit(letter) != 0 }

        public mutating func insert(_ letter: Letter) { bits |= Self.bit(letter) }

        /// The letters in R, A, C, I order.
        public var letters: [Letter] { Letter.allCases.filter(contains) }

        /// The cell as written in runbooks and CSV: `R`, `R/A`, or empty.
        public var text: String {
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
    public struct Row: Sendable {
        public var activity: Activity
        /// The letters per column of `roles`; an empty cell when the role has no part in the activity.
        public var cells: [Cell]
    }

    /// How many activities give one role each letter.
    public struct LetterCounts: Sendable {
        private var counts = (0, 0, 0, 0)

        public init() {}

        public subscript(letter: Letter) -> Int {
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
            var cells = Array(repeating: Cell(), count: roles.count)
            for (role, letter) in pairs {
                guard let c = column[role] else { continue }
                cells[c].insert(letter)
            }
            return Row(activity: activity, cells: cells)
        }
    }

    /// In how many activities each role holds each letter, by role id.
    public func letterCounts() -> [String: LetterCounts] {
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
