import YAMLTree

/// A `kind: process` document: one ITSM process with its activities, roles and policy opt-ins.
///
/// Named `ProcessDefinition` so it never collides with Foundation's `Process`. A value with copy-on-write storage, like
/// `Activity`: every rule's context, lookup and sort copies processes, and a copy is then one reference.
public struct ProcessDefinition: Sendable {
    /// Written only while uniquely referenced (`writable()`), so sharing it between copies and threads is safe.
    private final class Storage: @unchecked Sendable {
        var id: Located<String>
        var name: Located<String>
        var version: Located<Int>?
        var purpose: Located<String>?
        var owner: Located<String>?
        var manager: Located<String>?
        var caseOwner: Located<String>?
        var requester: Located<String>?
        var tags: [Located<String>]
        var trigger: Located<String>?
        var outcome: Located<String>?
        var governance: ProcessGovernance
        var defaultAccountable: Located<String>?
        var roles: [Role]
        var activities: [Activity]
        var cancellations: [Cancellation]
        var policies: [Located<String>]
        var waivers: [Waiver]
        var presentFields: Set<String>
        var file: String
        var range: SourceRange
        var headerRange: SourceRange
        /// Activity id -> its index in `activities` (the first, if an id is duplicated).
        var activityPositions: [String: Int]
        /// Local role id -> its index in `roles`.
        var localRolePositions: [String: Int]
        var priorities: [Located<String>] = []
        var targets: [ServiceTarget] = []
        var maxSilence: Located<TimeTarget>?

        init(
            id: Located<String>, name: Located<String>, version: Located<Int>?, purpose: Located<String>?,
            owner: Located<String>?, manager: Located<String>?, caseOwner: Located<String>?, requester: Located<String>?,
            tags: [Located<String>], trigger: Located<String>?, outcome: Located<String>?, governance: ProcessGovernance,
            defaultAccountable: Located<String>?,
            roles: [Role],
            activities: [Activity], cancellations: [Cancellation], policies: [Located<String>], waivers: [Waiver],
            presentFields: Set<String>,
            file: String, range: SourceRange, headerRange: SourceRange,
            activityPositions: [String: Int], localRolePositions: [String: Int]
        ) {
            self.id = id
            self.name = name
            self.version = version
            self.purpose = purpose
            self.owner = owner
            self.manager = manager
            self.caseOwner = caseOwner
            self.requester = requester
            self.tags = tags
            self.trigger = trigger
            self.outcome = outcome
            self.governance = governance
            self.defaultAccountable = defaultAccountable
            self.roles = roles
            self.activities = activities
            self.cancellations = cancellations
            self.policies = policies
            self.waivers = waivers
            self.presentFields = presentFields
            self.file = file
            self.range = range
            self.headerRange = headerRange
            self.activityPositions = activityPositions
            self.localRolePositions = localRolePositions
        }

        func copy() -> Storage {
            let copy = Storage(
                id: id, name: name, version: version, purpose: purpose, owner: owner, manager: manager, caseOwner: caseOwner,
                requester: requester, tags: tags, trigger: trigger, outcome: outcome, governance: governance,
                defaultAccountable: defaultAccountable, roles: roles, activities: activities, cancellations: cancellations,
                policies: policies, waivers: waivers,
                presentFields: presentFields, file: file, range: range, headerRange: headerRange,
                activityPositions: activityPositions, localRolePositions: localRolePositions
            )
            copy.priorities = priorities
            copy.targets = targets
            copy.maxSilence = maxSilence
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
    public var version: Located<Int>? {
        get { storage.version }
        set { writable().version = newValue }
    }
    public var purpose: Located<String>? {
        get { storage.purpose }
        set { writable().purpose = newValue }
    }
    public var owner: Located<String>? {
        get { storage.owner }
        set { writable().owner = newValue }
    }
    public var manager: Located<String>? {
        get { storage.manager }
        set { writable().manager = newValue }
    }
    public var caseOwner: Located<String>? {
        get { storage.caseOwner }
        set { writable().caseOwner = newValue }
    }
    /// `requester`: the role that raises each case and must hear how it ended; nil when the customer roles at the
    /// start are the requesters (`tell/requester-not-told`).
    public var requester: Located<String>? {
        get { storage.requester }
        set { writable().requester = newValue }
    }
    public var tags: [Located<String>] {
        get { storage.tags }
        set { writable().tags = newValue }
    }
    public var trigger: Located<String>? {
        get { storage.trigger }
        set { writable().trigger = newValue }
    }
    public var outcome: Located<String>? {
        get { storage.outcome }
        set { writable().outcome = newValue }
    }
    /// `effective`, `approved-by` and `review`: when the definition took effect, who approved it, how it is reviewed.
    public var governance: ProcessGovernance {
        get { storage.governance }
        set { writable().governance = newValue }
    }
    public var defaultAccountable: Located<String>? {
        get { storage.defaultAccountable }
        set { writable().defaultAccountable = newValue }
    }
    public var roles: [Role] {
        get { storage.roles }
        set {
            let storage = writable()
            storage.roles = newValue
            storage.localRolePositions = Self.firstPositions(of: newValue.map(\.id.value))
        }
    }
    public var activities: [Activity] {
        get { storage.activities }
        set {
            let storage = writable()
            storage.activities = newValue
            storage.activityPositions = Self.firstPositions(of: newValue.map(\.id.value))
        }
    }
    /// The `cancel` entries: ways to cut the case short from many activities at once.
    public var cancellations: [Cancellation] {
        get { storage.cancellations }
        set { writable().cancellations = newValue }
    }
    public var policies: [Located<String>] {
        get { storage.policies }
        set { writable().policies = newValue }
    }
    public var waivers: [Waiver] {
        get { storage.waivers }
        set { writable().waivers = newValue }
    }
    /// Top-level keys as written, for requirements like `process: {has: [case-owner]}`.
    /// `priorities`: the classes of case (`p1`, `p2`...) that durations may be given per.
    public var priorities: [Located<String>] {
        get { storage.priorities }
        set { writable().priorities = newValue }
    }
    /// `targets`: the service and operational level targets, in the order written.
    public var targets: [ServiceTarget] {
        get { storage.targets }
        set { writable().targets = newValue }
    }
    /// `max-silence`: the longest a customer may go without news; the config's `max-silence` when nil.
    public var maxSilence: Located<TimeTarget>? {
        get { storage.maxSilence }
        set { writable().maxSilence = newValue }
    }
    public var presentFields: Set<String> {
        get { storage.presentFields }
        set { writable().presentFields = newValue }
    }
    public var file: String {
        get { storage.file }
        set { writable().file = newValue }
    }
    /// The whole document.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }
    /// The `kind: process` key/value, where process-level findings point.
    public var headerRange: SourceRange {
        get { storage.headerRange }
        set { writable().headerRange = newValue }
    }
    /// Activity id -> its index in `activities` (the first, if an id is duplicated); kept up to date on every change.
    public var activityPositions: [String: Int] { storage.activityPositions }

    public init(
        id: Located<String>, name: Located<String>, version: Located<Int>? = nil, purpose: Located<String>? = nil,
        owner: Located<String>? = nil, manager: Located<String>? = nil, caseOwner: Located<String>? = nil,
        requester: Located<String>? = nil, tags: [Located<String>] = [], trigger: Located<String>? = nil, outcome: Located<String>? = nil,
        governance: ProcessGovernance = ProcessGovernance(), defaultAccountable: Located<String>? = nil, roles: [Role] = [],
        activities: [Activity] = [],
        cancellations: [Cancellation] = [], policies: [Located<String>] = [], waivers: [Waiver] = [], presentFields: Set<String> = [],
        file: String, range: SourceRange, headerRange: SourceRange
    ) {
        storage = Storage(
            id: id, name: name, version: version, purpose: purpose, owner: owner, manager: manager, caseOwner: caseOwner,
            requester: requester, tags: tags, trigger: trigger, outcome: outcome, governance: governance,
            defaultAccountable: defaultAccountable, roles: roles, activities: activities, cancellations: cancellations,
            policies: policies, waivers: waivers,
            presentFields: presentFields, file: file, range: range, headerRange: headerRange,
            activityPositions: Self.firstPositions(of: activities.map(\.id.value)),
            localRolePositions: Self.firstPositions(of: roles.map(\.id.value))
        )
    }

    /// The index in `activities` of the activity with this id.
    public func activityIndex(_ id: String) -> Int? { storage.activityPositions[id] }

    /// The activity with this id (the first, if the id is duplicated).
    public func activity(_ id: String) -> Activity? { storage.activityPositions[id].map { storage.activities[$0] } }

    /// The process-local role with this id; catalogue roles are looked up through `Workspace.role(_:in:)`.
    public func localRole(_ id: String) -> Role? { storage.localRolePositions[id].map { storage.roles[$0] } }

    private static func firstPositions(of ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, id) in ids.enumerated() where positions[id] == nil { positions[id] = index }
        return positions
    }
}
