/// An activity added, removed, renamed (a new id for the same activity), moved, or edited.
///
/// One activity can have several: renamed, moved and edited are reported separately.
package struct ActivityChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case added, removed, renamed, moved, edited
    }

    package var kind: Kind
    /// The activity's id on the new side (the old side's for a removed activity).
    package var id: String
    /// Its name on the new side (the old side's for a removed activity).
    package var name: String
    /// For `renamed`: the id it had.
    package var previousID: String?
    /// For `renamed`: why the two are taken for the same activity.
    package var basis: RenameBasis?
    /// 1-based position in the process on the new side (the old side's for a removed activity).
    package var position: Int
    /// For `moved`: the 1-based position it had.
    package var previousPosition: Int?
    /// For `edited`: the fields that changed (`name`, `target`, `records`, `inputs`, `outputs`, `tags`, `procedure`,
    /// `end`). RACI changes are `RACIChange`s, and transitions `EdgeChange`s.
    package var fields: [FieldChange]

    package init(
        kind: Kind, id: String, name: String, previousID: String? = nil, basis: RenameBasis? = nil, position: Int,
        previousPosition: Int? = nil, fields: [FieldChange] = []
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.previousID = previousID
        self.basis = basis
        self.position = position
        self.previousPosition = previousPosition
        self.fields = fields
    }
}

/// Why an activity removed and an activity added at the same place are taken for one renamed activity, strongest
/// first.
package enum RenameBasis: String, Sendable, Hashable, CaseIterable {
    /// The same name (ignoring case and spacing).
    case name
    /// The same procedure, step for step (not empty).
    case procedure
    /// The same responsible roles (not none) and the same accountable role.
    case roles
}
