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
        var tags: [Located<String>]
        var trigger: Located<String>?
        var outcome: Located<String>?
        var defaultAccountable: Located<String>?
        var roles: [Role]
        var activities: [Activity]
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

        init(
            id: Located<String>, name: Located<String>, version: Located<Int>?, purpose: Located<String>?,
            owner: Located<String>?, manager: Located<String>?, caseOwner: Located<String>?, tags: [Located<String>],
            trigger: Located<String>?, outcome: Located<String>?, defaultAccountable: Located<String>?, roles: [Role],
            activities: [Activity], policies: [Located<String>], waivers: [Waiver], presentFields: Set<String>,
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
            self.tags = tags
            self.trigger = trigger
            self.outcome = outcome
            self.defaultAccountable = defaultAccountable
            self.roles = roles
            self.activities = activities
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
            Storage(
                id: id, name: name, version: version, purpose: purpose, owner: owner, manager: manager, caseOwner: caseOwner,
                tags: tags, trigger: trigger, outcome: outcome, defaultAccountable: defaultAccountable, roles: roles,
                activities: activities, policies: policies, waivers: waivers, presentFields: presentFields, file: file,
                range: range, headerRange: headerRange,
                activityPositions: activityPositions, localRolePositions: localRolePositions
            )
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
    public var policies: [Located<String>] {
        get { storage.policies }
        set { writable().policies = newValue }
    }
    public var waivers: [Waiver] {
        get { storage.waivers }
        set { writable().waivers = newValue }
    }
    /// Top-level keys as written, for requirements like `process: {has: [case-owner]}`.
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
        tags: [Located<String>] = [], trigger: Located<String>? = nil, outcome: Located<String>? = nil,
        defaultAccountable: Located<String>? = nil, roles: [Role] = [], activities: [Activity] = [],
        policies: [Located<String>] = [], waivers: [Waiver] = [], presentFields: Set<String> = [],
        file: String, range: SourceRange, headerRange: SourceRange
    ) {
        storage = Storage(
            id: id, name: name, version: version, purpose: purpose, owner: owner, manager: manager, caseOwner: caseOwner,
            tags: tags, trigger: trigger, outcome: outcome, defaultAccountable: defaultAccountable, roles: roles,
            activities: activities, policies: policies, waivers: waivers, presentFields: presentFields, file: file,
            range: range, headerRange: headerRange,
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

/// One step of a process: who does it (RACI), what it records and hands on, and where the flow goes next.
///
/// A value with copy-on-write storage: rules pass activities around by value, and a repository holds tens of
/// thousands, so a copy is one reference rather than the fields' own, and an array of activities holds only references.
public struct Activity: Sendable {
    /// Written only while uniquely referenced (`writable()`), so sharing it between copies and threads is safe.
    private final class Storage: @unchecked Sendable {
        var id: Located<String>
        var name: Located<String>
        var responsible: [Located<String>]
        var accountable: [Located<String>]
        var consulted: [Located<String>]
        var informed: [Located<String>]
        var records: [Located<String>]
        var inputs: [Located<String>]
        var outputs: [Located<String>]
        var target: Located<TimeTarget>?
        var tags: [Located<String>]
        var procedure: [Located<String>]
        var next: NextClause?
        var end: Located<Bool>?
        var handoff: Handoff?
        var triggers: [Trigger]
        var range: SourceRange

        init(
            id: Located<String>, name: Located<String>, responsible: [Located<String>], accountable: [Located<String>],
            consulted: [Located<String>], informed: [Located<String>], records: [Located<String>],
            inputs: [Located<String>], outputs: [Located<String>], target: Located<TimeTarget>?,
            tags: [Located<String>], procedure: [Located<String>], next: NextClause?,
            end: Located<Bool>?, handoff: Handoff?, triggers: [Trigger], range: SourceRange
        ) {
            self.id = id
            self.name = name
            self.responsible = responsible
            self.accountable = accountable
            self.consulted = consulted
            self.informed = informed
            self.records = records
            self.inputs = inputs
            self.outputs = outputs
            self.target = target
            self.tags = tags
            self.procedure = procedure
            self.next = next
            self.end = end
            self.handoff = handoff
            self.triggers = triggers
            self.range = range
        }

        func copy() -> Storage {
            Storage(
                id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
                informed: informed, records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
                procedure: procedure, next: next, end: end, handoff: handoff, triggers: triggers, range: range
            )
        }
    }

    private var storage: Storage

    /// The storage, copied first if another value shares it.
    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    // Setters rather than in-place accessors: a read of a property then needs no exclusivity check, and nothing
    // builds an activity up field by field in a loop.
    public var id: Located<String> {
        get { storage.id }
        set { writable().id = newValue }
    }
    public var name: Located<String> {
        get { storage.name }
        set { writable().name = newValue }
    }
    public var responsible: [Located<String>] {
        get { storage.responsible }
        set { writable().responsible = newValue }
    }
    /// As written; `ProcessDefinition.defaultAccountable` applies when this is empty.
    public var accountable: [Located<String>] {
        get { storage.accountable }
        set { writable().accountable = newValue }
    }
    public var consulted: [Located<String>] {
        get { storage.consulted }
        set { writable().consulted = newValue }
    }
    public var informed: [Located<String>] {
        get { storage.informed }
        set { writable().informed = newValue }
    }
    public var records: [Located<String>] {
        get { storage.records }
        set { writable().records = newValue }
    }
    public var inputs: [Located<String>] {
        get { storage.inputs }
        set { writable().inputs = newValue }
    }
    public var outputs: [Located<String>] {
        get { storage.outputs }
        set { writable().outputs = newValue }
    }
    public var target: Located<TimeTarget>? {
        get { storage.target }
        set { writable().target = newValue }
    }
    public var tags: [Located<String>] {
        get { storage.tags }
        set { writable().tags = newValue }
    }
    public var procedure: [Located<String>] {
        get { storage.procedure }
        set { writable().procedure = newValue }
    }
    public var next: NextClause? {
        get { storage.next }
        set { writable().next = newValue }
    }
    /// `end: true`; the range is the `end` value's.
    public var end: Located<Bool>? {
        get { storage.end }
        set { writable().end = newValue }
    }
    /// The handoff on the fall-through or the single `next` target.
    public var handoff: Handoff? {
        get { storage.handoff }
        set { writable().handoff = newValue }
    }
    public var triggers: [Trigger] {
        get { storage.triggers }
        set { writable().triggers = newValue }
    }
    /// The activity's whole mapping.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }

    public init(
        id: Located<String>, name: Located<String>, responsible: [Located<String>] = [], accountable: [Located<String>] = [],
        consulted: [Located<String>] = [], informed: [Located<String>] = [], records: [Located<String>] = [],
        inputs: [Located<String>] = [], outputs: [Located<String>] = [], target: Located<TimeTarget>? = nil,
        tags: [Located<String>] = [], procedure: [Located<String>] = [], next: NextClause? = nil,
        end: Located<Bool>? = nil, handoff: Handoff? = nil, triggers: [Trigger] = [], range: SourceRange
    ) {
        storage = Storage(
            id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
            informed: informed, records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
            procedure: procedure, next: next, end: end, handoff: handoff, triggers: triggers, range: range
        )
    }

    public var isEnd: Bool { end?.value == true }
}

/// Where the flow goes after an activity, as written.
public enum NextClause: Sendable {
    /// `next: target`
    case single(Located<String>)
    /// `next: [{to, when, handoff}, ...]`; the range is the whole list's.
    case branches([Branch], range: SourceRange)
}

/// One entry of a `next` list.
public struct Branch: Sendable {
    public var to: Located<String>
    public var when: Located<String>?
    public var handoff: Handoff?
    /// The entry's whole mapping: where a gap on this branch is reported.
    public var range: SourceRange

    public init(to: Located<String>, when: Located<String>? = nil, handoff: Handoff? = nil, range: SourceRange) {
        self.to = to
        self.when = when
        self.handoff = handoff
        self.range = range
    }
}

/// How an escalation moves: to another team (functional) or up the line (hierarchic).
public enum Escalation: String, Sendable, Hashable, CaseIterable {
    case functional, hierarchic
}

/// What passes between two responsible parties, and what the receiver commits to.
///
/// Copy-on-write like `Activity`: most activities and branches have no handoff, and an absent one then costs a
/// pointer rather than the fields' space.
public struct Handoff: Sendable {
    /// Written only while uniquely referenced (`writable()`).
    private final class Storage: @unchecked Sendable {
        var artifact: Located<String>?
        var expectation: Located<String>?
        var informed: [Located<String>]
        var escalation: Located<Escalation>?
        var agreement: Located<String>?
        var range: SourceRange

        init(artifact: Located<String>?, expectation: Located<String>?, informed: [Located<String>], escalation: Located<Escalation>?, agreement: Located<String>?, range: SourceRange) {
            self.artifact = artifact
            self.expectation = expectation
            self.informed = informed
            self.escalation = escalation
            self.agreement = agreement
            self.range = range
        }

        func copy() -> Storage {
            Storage(artifact: artifact, expectation: expectation, informed: informed, escalation: escalation, agreement: agreement, range: range)
        }
    }

    private var storage: Storage

    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var artifact: Located<String>? {
        get { storage.artifact }
        set { writable().artifact = newValue }
    }
    public var expectation: Located<String>? {
        get { storage.expectation }
        set { writable().expectation = newValue }
    }
    public var informed: [Located<String>] {
        get { storage.informed }
        set { writable().informed = newValue }
    }
    public var escalation: Located<Escalation>? {
        get { storage.escalation }
        set { writable().escalation = newValue }
    }
    public var agreement: Located<String>? {
        get { storage.agreement }
        set { writable().agreement = newValue }
    }
    /// The `handoff` mapping.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }

    public init(artifact: Located<String>? = nil, expectation: Located<String>? = nil, informed: [Located<String>] = [], escalation: Located<Escalation>? = nil, agreement: Located<String>? = nil, range: SourceRange) {
        storage = Storage(artifact: artifact, expectation: expectation, informed: informed, escalation: escalation, agreement: agreement, range: range)
    }
}

/// Starts another process; the current flow goes on.
public struct Trigger: Sendable {
    public var process: Located<String>
    /// The entry activity in the other process; its start when nil.
    public var activity: Located<String>?
    public var when: Located<String>?
    public var handoff: Handoff?
    public var range: SourceRange

    public init(process: Located<String>, activity: Located<String>? = nil, when: Located<String>? = nil, handoff: Handoff? = nil, range: SourceRange) {
        self.process = process
        self.activity = activity
        self.when = when
        self.handoff = handoff
        self.range = range
    }
}

/// A time target such as `90s`, `10m`, `4h` or `2d`.
public struct TimeTarget: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case seconds = "s", minutes = "m", hours = "h", days = "d"

        public var seconds: Int {
            switch self {
            case .seconds: 1
            case .minutes: 60
            case .hours: 3600
            case .days: 86400
            }
        }
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<digits><s|m|h|d>`; nil for anything else (including overflow).
    public init?(parsing text: String) {
        // Digits and units are ASCII, so the bytes decide: every activity's target passes here.
        var text = text
        let parsed = text.withUTF8 { bytes -> (amount: Int, unit: Unit)? in
            guard bytes.count >= 2, bytes.count <= 10, let unit = Unit(rawValue: String(UnicodeScalar(bytes[bytes.count - 1]))) else { return nil }
            var amount = 0
            for byte in bytes.dropLast() {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                amount = amount * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return (amount, unit)
        }
        guard let parsed else { return nil }
        self.amount = parsed.amount
        self.unit = parsed.unit
    }

    public var totalSeconds: Int { amount * unit.seconds }
    public var text: String { "\(amount)\(unit.rawValue)" }
}

/// A process's exemption from one policy, with a reason and an end date.
public struct Waiver: Sendable {
    public var policy: Located<String>
    public var reason: Located<String>?
    public var until: Located<CalendarDate>?
    public var range: SourceRange

    public init(policy: Located<String>, reason: Located<String>? = nil, until: Located<CalendarDate>? = nil, range: SourceRange) {
        self.policy = policy
        self.reason = reason
        self.until = until
        self.range = range
    }
}

/// A day in the proleptic Gregorian calendar, as written `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1970-01-01, the fallback when the system clock cannot be read.
    public static let unixEpoch = CalendarDate(validYear: 1970, month: 1, day: 1)

    /// Parses exactly `YYYY-MM-DD`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
