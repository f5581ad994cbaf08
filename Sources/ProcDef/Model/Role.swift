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
///
/// A value with copy-on-write storage, like `Activity`: every rule looks roles up by id, and a lookup then copies one
/// reference instead of retaining and releasing each of the role's texts.
public struct Role: Sendable {
    public enum Scope: Sendable, Hashable {
        case catalogue
        case local(processID: String)
    }

    /// Written only while uniquely referenced (`writable()`), so sharing it between copies and threads is safe.
    private final class Storage: @unchecked Sendable {
        var id: Located<String>
        var name: Located<String>
        var kind: Located<RoleKind>
        var team: Located<String>? = nil
        var contact: Located<String>? = nil
        var maxSilence: Located<TimeTarget>? = nil
        var shift: Located<TimeTarget>? = nil
        var handover: ShiftHandover? = nil
        var scope: Scope
        var file: String
        var range: SourceRange

        init(id: Located<String>, name: Located<String>, kind: Located<RoleKind>, scope: Scope, file: String, range: SourceRange) {
            self.id = id
            self.name = name
            self.kind = kind
            self.scope = scope
            self.file = file
            self.range = range
        }

        func copy() -> Storage {
            let copy = Storage(id: id, name: name, kind: kind, scope: scope, file: file, range: range)
            copy.team = team
            copy.contact = contact
            copy.maxSilence = maxSilence
            copy.shift = shift
            copy.handover = handover
            return copy
        }
    }

    private var storage: Storage

    /// The storage, copied first if another value shares it.
    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var id: Located<String> {
        get { storage.id }
        set { writable().id = newValue }
    }
    public var name: Located<String> {
        get { storage.name }
        set { writable().name = newValue }
    }
    public var kind: Located<RoleKind> {
        get { storage.kind }
        set { writable().kind = newValue }
    }
    public var team: Located<String>? {
        get { storage.team }
        set { writable().team = newValue }
    }
    public var contact: Located<String>? {
        get { storage.contact }
        set { writable().contact = newValue }
    }
    /// `max-silence`: the longest this role may go without news of an open case.
    public var maxSilence: Located<TimeTarget>? {
        get { storage.maxSilence }
        set { writable().maxSilence = newValue }
    }
    /// `shift`: how long one person holds the role before the next takes over.
    public var shift: Located<TimeTarget>? {
        get { storage.shift }
        set { writable().shift = newValue }
    }
    /// `handover`: how one person of a shift hands over to the next.
    public var handover: ShiftHandover? {
        get { storage.handover }
        set { writable().handover = newValue }
    }
    public var scope: Scope {
        get { storage.scope }
        set { writable().scope = newValue }
    }
    public var file: String {
        get { storage.file }
        set { writable().file = newValue }
    }
    /// The role's whole mapping.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }

    public init(
        id: Located<String>, name: Located<String>, kind: Located<RoleKind>, team: Located<String>? = nil, contact: Located<String>? = nil,
        scope: Scope, file: String, range: SourceRange
    ) {
        storage = Storage(id: id, name: name, kind: kind, scope: scope, file: file, range: range)
        storage.team = team
        storage.contact = contact
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
