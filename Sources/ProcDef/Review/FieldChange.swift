/// One field that changed value; nil on a side where it is not set.
package struct FieldChange: Sendable, Hashable {
    /// The key as written in YAML (`owner`, `case-owner`, `defaults.accountable`, `target`...), or `start` for the
    /// first activity of the flow.
    package var field: String
    package var before: String?
    package var after: String?

    package init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The change, or nil when both sides agree.
    static func compare(_ field: String, _ before: String?, _ after: String?) -> FieldChange? {
        before == after ? nil : FieldChange(field: field, before: before, after: after)
    }

    /// A list field, compared as written (order matters: a procedure's steps, a `records` list) and shown
    /// comma-separated; an empty list is not set.
    static func compare(_ field: String, _ before: [String], _ after: [String]) -> FieldChange? {
        compare(field, before.isEmpty ? nil : before.joined(separator: ", "), after.isEmpty ? nil : after.joined(separator: ", "))
    }
}
