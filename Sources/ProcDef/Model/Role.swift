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

/// `contact` written as a mapping: the ways of reaching a role, each free text. A runbook shows them in this order.
public struct ContactDetails: Sendable {
    public var pager: Located<String>?
    public var phone: Located<String>?
    public var channel: Located<String>?
    public var rota: Located<String>?
    public var range: SourceRange

    public init(
        pager: Located<String>? = nil, phone: Located<String>? = nil, channel: Located<String>? = nil, rota: Located<String>? = nil,
        range: SourceRange
    ) {
        self.pager = pager
        self.phone = phone
        self.channel = channel
        self.rota = rota
        self.range = range
    }

    /// The details written, as (field, value) in the format's order.
    public var entries: [(field: String, value: String)] {
        [("pager", pager), ("phone", phone), ("channel", channel), ("rota", rota)].compactMap { field, value in
            value.map { (field, $0.value) }
        }
    }

    /// `pager: X; phone: Y`: the details on one line.
    public var text: String {
        entries.map { "\($0.field): \($0.value)" }.joined(separator: "; ")
    }
}

/// Where a role stands in a service blueprint: the customer, in front of the counter, behind it, or supporting it.
///
/// The service has two sides, what the customer sees and what happens behind the counter, and both must be designed;
/// the blueprint view draws each role's lane in its row.
public enum ServiceStage: String, Sendable, Hashable, CaseIterable {
    /// The customer's own actions.
    case customer
    /// Seen by the customer or talking to them: the service desk, a portal.
    case front
    /// Behind the counter: work the customer does not see.
    case back
    /// Other teams, suppliers and systems that the back stage relies on.
    case support

    /// The row of a role that sets no `stage`: a customer's own row; suppliers and systems support; everyone else
    /// works behind the counter.
    public static func `default`(for kind: RoleKind) -> ServiceStage {
        switch kind {
        case .customer: .customer
        case .supplier, .system: .support
        case .owner, .manager, .practitioner, .stakeholder: .back
        }
    }
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
        var contactDetails: ContactDetails? = nil
        var maxSilence: Located<TimeTarget>? = nil
        var shift: Located<TimeTarget>? = nil
        var handover: ShiftHandover? = nil
        var stage: Located<ServiceStage>? = nil
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
            copy.contactDetails = contactDetails
            copy.maxSilence = maxSilence
            copy.shift = shift
            copy.handover = handover
            copy.stage = stage
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
    /// `contact` written as text; nil when it is a mapping (`contactDetails`).
    public var contact: Located<String>? {
        get { storage.contact }
        set { writable().contact = newValue }
    }
    /// `contact` written as a mapping (`{pager, phone, channel, rota}`).
    public var contactDetails: ContactDetails? {
        get { storage.contactDetails }
        set { writable().contactDetails = newValue }
    }
    /// How to reach the role as (field, value) pairs: one pair with an empty field for a plain `contact` text, the
    /// mapping's entries otherwise; empty when no contact is written.
    public var contactEntries: [(field: String, value: String)] {
        if let details = contactDetails { return details.entries }
        if let text = contact?.value, !text.isBlank { return [("", text)] }
        return []
    }
    /// How to reach the role on one line: the text, or the mapping's entries joined; nil when none is written.
    public var contactText: String? {
        if let details = contactDetails { return details.entries.isEmpty ? nil : details.text }
        if let text = contact?.value, !text.isBlank { return text }
        return nil
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
    /// `stage`, as written; `serviceStage` applies the default.
    public var stage: Located<ServiceStage>? {
        get { storage.stage }
        set { writable().stage = newValue }
    }
    /// The role's row in a service blueprint: `stage`, else the default for its kind.
    public var serviceStage: ServiceStage { stage?.value ?? .default(for: kind.value) }
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
