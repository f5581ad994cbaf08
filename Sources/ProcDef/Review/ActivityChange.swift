/// An activity added, removed, renamed (a new id for the same activity), moved, or edited.
///
/// One activity can have several: renamed, moved and edited are reported separately.
public struct ActivityChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, renamed, moved, edited
    }

    public var kind: Kind
    /// The activity's id on the new side (the old side's for a removed activity).
    public var id: String
    /// Its name on the new side (the old side's for a removed activity).
    public var name: String
    /// For `renamed`: the id it had.
    public var previousID: String?
    /// For `renamed`: why the two are taken for the same activity.
    public var basis: RenameBasis?
    /// 1-based position in the process on the new side (the old side's for a removed activity).
    public var position: Int
    /// For `moved`: the 1-based position it had.
    public var previousPosition: Int?
    /// For `edited`: the fields that changed (`name`, `target`, `records`, `inputs`, `outputs`, `tags`, `procedure`,
    /// `end`). RACI changes are `RACIChange`s, and transitions `EdgeChange`s.
    public var fields: [FieldChange]

    public init(kind: Kind, id: String, name: String, previousID: String? = nil, basis: RenameBasis? = nil, position: Int, previousPosition: Int? = nil, fields: [FieldChange] = []) {
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
public enum RenameBasis: String, Sendable, Hashable, CaseIterable {
    /// The same name (ignoring case and spacing).
    case name
    /// The same procedure, step for step (not empty).
    case procedure
    /// The same responsible roles (not none) and the same accountable role.
    case roles
}
