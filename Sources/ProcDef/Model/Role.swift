import YAMLTree

/// What part a role plays; it decides which assignments make sense (a customer is never accountable).
public enum RoleKind: String, Sendable, Hashable, CaseIterable {
    case owner, manager, practitioner, customer, supplier, stakeholder
    /// An automated actor (a CI/CD pipeline, a monitoring tool, a workflow engine): it does `automated` steps and
    /// answers to no one by itself, so it is never accountable, consulted or informed.
    case system

    /// Roles outside the organisation: they cannot be held accountable for its activities.
    public var isExternal: Bool { self == .customer || self == .supplier }
    /// True for `system`: a machine, not a person.
    public var isSystem: Bool { self == .system }
}

/// A role from the catalogue (`kind: roles`) or local to one process (`roles:` in the process).
public struct Role: Sendable {
    public enum Scope: Sendable, Hashable {
        case catalogue
        case local(processID: String)
    }

    public var id: Located<String>
    public var name: Located<String>
    public var kind: Located<RoleKind>
    public var team: Located<String>?
    public var contact: Located<String>?
    /// `max-silence`: the longest this role may go without news of an open case.
    public var maxSilence: Located<TimeTarget>?
    /// `shift`: how long one person holds the role before the next takes over.
    public var shift: Located<TimeTarget>?
    /// `handover`: how one person of a shift hands over to the next.
    public var handover: ShiftHandover?
    public var scope: Scope
    public var file: String
    /// The role's whole mapping.
    public var range: SourceRange

    public init(
        id: Located<String>, name: Located<String>, kind: Located<RoleKind>, team: Located<String>? = nil, contact: Located<String>? = nil,
        scope: Scope, file: String, range: SourceRange
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.team = team
        self.contact = contact
        self.scope = scope
        self.file = file
        self.range = range
    }
}

/// A `kind: roles` document.
public struct RoleCatalogue: Sendable {
    public var roles: [Role]
    public var file: String
    public var range: SourceRange

    public init(roles: [Role], file: String, range: SourceRange) {
        self.roles = roles
        self.file = file
        self.range = range
    }
}
