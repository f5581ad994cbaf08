/// How one role's part in one activity changed: `service-desk: R -> I on 'diagnose'`.
///
/// Letters are R, A, C and I, in that order and joined with `/` when a role holds several (`R/A`); `-` is no part.
/// A role consulted or informed under a condition holds `C*` or `I*`, as the RACI matrix writes it.
/// The accountable role is the one that applies: the activity's own, else the process's `defaults.accountable`.
package struct RACIChange: Sendable, Hashable {
    /// The activity's id on the new side (the old side's for a removed activity).
    package var activity: String
    package var role: String
    package var before: String
    package var after: String
    /// Whether the role gains or loses accountability (`A`) here: what a reviewer asks first.
    package var movesAccountability: Bool { before.contains("A") != after.contains("A") }

    package init(activity: String, role: String, before: String, after: String) {
        self.activity = activity
        self.role = role
        self.before = before
        self.after = after
    }

    /// `-` for none.
    package static let none = "-"
}

/// The letters every role holds on one activity.
struct RACIAssignments {
    private(set) var letters: [String: String] = [:]

    init() {}

    init(_ activity: Activity, defaultAccountable: String?) {
        let accountable = activity.accountable.isEmpty ? (defaultAccountable.map { [$0] } ?? []) : activity.accountable.values()
        let columns: [(String, [String])] = [
            ("R", activity.responsible.values()), ("A", accountable), ("C", activity.consulted.values()), ("I", activity.informed.values()),
        ]
        var held: [String: [String]] = [:]
        for (letter, roles) in columns {
            for role in roles {
                let conditional =
                    (letter == "C" && activity.condition(consulted: role) != nil)
                    || (letter == "I" && activity.condition(informed: role) != nil)
                let written = conditional ? letter + "*" : letter
                if !(held[role]?.contains(written) ?? false) { held[role, default: []].append(written) }
            }
        }
        letters = held.mapValues { $0.joined(separator: "/") }
    }

    func text(_ role: String) -> String { letters[role] ?? RACIChange.none }

    /// The changes from `old` to `new` on `activity`, by role id.
    static func changes(from old: RACIAssignments, to new: RACIAssignments, activity: String) -> [RACIChange] {
        Set(old.letters.keys).union(new.letters.keys).sorted().compactMap { role in
            let before = old.text(role)
            let after = new.text(role)
            return before == after ? nil : RACIChange(activity: activity, role: role, before: before, after: after)
        }
    }
}
