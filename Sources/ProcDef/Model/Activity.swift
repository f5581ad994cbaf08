import YAMLTree

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
        var type: Located<ActivityType>?
        var records: [Located<String>]
        var inputs: [Located<String>]
        var outputs: [Located<String>]
        var target: TimeBudget?
        var tags: [Located<String>]
        var procedure: [Located<String>]
        var next: NextClause?
        var handoff: Handoff?
        var handoffInsertion: KeyInsertion?
        var range: SourceRange
        var extras: Extras?

        init(
            id: Located<String>, name: Located<String>, responsible: [Located<String>], accountable: [Located<String>],
            consulted: [Located<String>], informed: [Located<String>], conditions: [InvolvementCondition],
            type: Located<ActivityType>?, otherPersonThan: Located<String>?, samePersonAs: Located<String>?, records: [Located<String>],
            inputs: [Located<String>], outputs: [Located<String>], target: TimeBudget?,
            tags: [Located<String>], procedure: [Located<String>], next: NextClause?,
            end: Located<Bool>?, join: Located<JoinMode>?, handoff: Handoff?, triggers: [Trigger], range: SourceRange
        ) {
            self.id = id
            self.name = name
            self.responsible = responsible
            self.accountable = accountable
            self.consulted = consulted
            self.informed = informed
            self.type = type
            self.records = records
            self.inputs = inputs
            self.outputs = outputs
            self.target = target
            self.tags = tags
            self.procedure = procedure
            self.next = next
            self.handoff = handoff
            self.range = range
            if !conditions.isEmpty || otherPersonThan != nil || samePersonAs != nil || end != nil || join != nil || !triggers.isEmpty {
                let extras = Extras()
                extras.conditions = conditions
                extras.otherPersonThan = otherPersonThan
                extras.samePersonAs = samePersonAs
                extras.end = end
                extras.join = join
                extras.triggers = triggers
                self.extras = extras
            }
        }

        func copy() -> Storage {
            let copy = Storage(
                id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
                informed: informed, conditions: [], type: type, otherPersonThan: nil, samePersonAs: nil,
                records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
                procedure: procedure, next: next, end: nil, join: nil, handoff: handoff, triggers: [], range: range
            )
            copy.extras = extras
            copy.handoffInsertion = handoffInsertion
            return copy
        }
    }

    /// The fields few steps write, kept apart so that a plain step's storage holds one empty reference for all of
    /// them: a repository holds tens of thousands of steps, and these fields would otherwise be a third of each.
    /// Shared between storages until one is written (`writableExtras()`).
    private final class Extras: @unchecked Sendable {
        var conditions: [InvolvementCondition] = []
        var otherPersonThan: Located<String>?
        var samePersonAs: Located<String>?
        var end: Located<Bool>?
        var join: Located<JoinMode>?
        var triggers: [Trigger] = []
        var timeouts: [Timeout] = []
        var cadence: [CadenceEntry] = []
        var until: Located<String>?

        func copy() -> Extras {
            let copy = Extras()
            copy.conditions = conditions
            copy.otherPersonThan = otherPersonThan
            copy.samePersonAs = samePersonAs
            copy.end = end
            copy.join = join
            copy.triggers = triggers
            copy.timeouts = timeouts
            copy.cadence = cadence
            copy.until = until
            return copy
        }
    }

    private var storage: Storage

    /// The storage, copied first if another value shares it.
    private mutating func writable() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The rare fields' storage, made or copied first as `writable()` does.
    private mutating func writableExtras() -> Extras {
        let storage = writable()
        // Asked before any other reference to the box is taken, which would make it look shared.
        if isKnownUniquelyReferenced(&storage.extras), let extras = storage.extras { return extras }
        let extras = storage.extras?.copy() ?? Extras()
        storage.extras = extras
        return extras
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
    /// The conditions of the `consulted` and `informed` entries written `{role, when}`; those roles are also listed in
    /// `consulted` or `informed`, so a rule that only asks who takes part needs no change.
    public var conditions: [InvolvementCondition] {
        get { storage.extras?.conditions ?? [] }
        set {
            if storage.extras == nil, newValue.isEmpty { return }
            writableExtras().conditions = newValue
        }
    }
    /// `type`, as written; `kind` applies the default.
    public var type: Located<ActivityType>? {
        get { storage.type }
        set { writable().type = newValue }
    }
    /// `other-person-than`: the activity that a different person must have done, even in the same role.
    public var otherPersonThan: Located<String>? {
        get { storage.extras?.otherPersonThan ?? nil }
        set {
            if storage.extras == nil, newValue == nil { return }
            writableExtras().otherPersonThan = newValue
        }
    }
    /// `same-person-as`: the activity whose person also does this one.
    public var samePersonAs: Located<String>? {
        get { storage.extras?.samePersonAs ?? nil }
        set {
            if storage.extras == nil, newValue == nil { return }
            writableExtras().samePersonAs = newValue
        }
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
    public var target: TimeBudget? {
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
        get { storage.extras?.end ?? nil }
        set {
            if storage.extras == nil, newValue == nil { return }
            writableExtras().end = newValue
        }
    }
    /// `join: all`: the activity waits for every branch of the fork it closes.
    public var join: Located<JoinMode>? {
        get { storage.extras?.join ?? nil }
        set {
            if storage.extras == nil, newValue == nil { return }
            writableExtras().join = newValue
        }
    }
    /// The handoff on the fall-through or the single `next` target, or on every branch of a `next: {all: ...}` fork.
    public var handoff: Handoff? {
        get { storage.handoff }
        set { writable().handoff = newValue }
    }
    /// Where a fix writes a `handoff:` into this activity as written; nil when it has a `handoff` key already, or when
    /// its layout cannot be told for sure.
    package var handoffInsertion: KeyInsertion? {
        get { storage.handoffInsertion }
        set { writable().handoffInsertion = newValue }
    }
    public var triggers: [Trigger] {
        get { storage.extras?.triggers ?? [] }
        set {
            if storage.extras == nil, newValue.isEmpty { return }
            writableExtras().triggers = newValue
        }
    }
    /// `timeout`: the step's timers, one entry per mapping written (a single mapping is one entry).
    public var timeouts: [Timeout] {
        get { storage.extras?.timeouts ?? [] }
        set {
            if storage.extras == nil, newValue.isEmpty { return }
            writableExtras().timeouts = newValue
        }
    }
    /// `every`: the step's cadence, one entry per interval (a single duration is one entry); empty for no cadence.
    public var cadence: [CadenceEntry] {
        get { storage.extras?.cadence ?? [] }
        set {
            if storage.extras == nil, newValue.isEmpty { return }
            writableExtras().cadence = newValue
        }
    }
    /// `until`: the activity whose end ends the cadence, or, without `every`, the step's continuous duty.
    public var until: Located<String>? {
        get { storage.extras?.until ?? nil }
        set {
            if storage.extras == nil, newValue == nil { return }
            writableExtras().until = newValue
        }
    }
    /// True for a step with `every`: it repeats until its `until` has ended.
    public var isCadence: Bool { !cadence.isEmpty }
    /// The activity's whole mapping.
    public var range: SourceRange {
        get { storage.range }
        set { writable().range = newValue }
    }

    public init(
        id: Located<String>, name: Located<String>, responsible: [Located<String>] = [], accountable: [Located<String>] = [],
        consulted: [Located<String>] = [], informed: [Located<String>] = [], conditions: [InvolvementCondition] = [],
        type: Located<ActivityType>? = nil, otherPersonThan: Located<String>? = nil, samePersonAs: Located<String>? = nil,
        records: [Located<String>] = [], inputs: [Located<String>] = [], outputs: [Located<String>] = [],
        target: TimeBudget? = nil, tags: [Located<String>] = [], procedure: [Located<String>] = [], next: NextClause? = nil,
        end: Located<Bool>? = nil, join: Located<JoinMode>? = nil, handoff: Handoff? = nil, triggers: [Trigger] = [],
        range: SourceRange
    ) {
        storage = Storage(
            id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
            informed: informed, conditions: conditions, type: type, otherPersonThan: otherPersonThan, samePersonAs: samePersonAs,
            records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
            procedure: procedure, next: next, end: end, join: join, handoff: handoff, triggers: triggers, range: range
        )
    }

    /// The step's type: `type` as written, else `task`.
    public var stepType: ActivityType { type?.value ?? .task }

    /// The condition under which `role` is consulted, nil when it is consulted unconditionally (or not at all). A
    /// role listed both plainly and with a condition takes part every time: unconditional.
    public func condition(consulted role: String) -> Located<String>? {
        condition(of: role, .consulted, in: consulted)
    }

    /// The condition under which `role` is informed, nil when it is informed unconditionally (or not at all).
    public func condition(informed role: String) -> Located<String>? {
        condition(of: role, .informed, in: informed)
    }

    private func condition(of role: String, _ involvement: InvolvementCondition.Involvement, in entries: [Located<String>])
        -> Located<String>?
    {
        guard !conditions.isEmpty else { return nil }
        let conditional = conditions.filter { $0.involvement == involvement && $0.role.value == role }
        guard let first = conditional.first else { return nil }
        // Every entry of the role is a conditional one, or one of them is plain.
        return entries.count(where: { $0.value == role }) == conditional.count ? first.when : nil
    }

    /// The consulted roles without a condition: those that every run of the step asks.
    public var unconditionallyConsulted: [Located<String>] {
        guard conditions.contains(where: { $0.involvement == .consulted }) else { return consulted }
        return consulted.filter { condition(consulted: $0.value) == nil }
    }

    public var isEnd: Bool { end?.value == true }
    /// True for `join: all`.
    public var isJoin: Bool { join != nil }
}

/// What kind of step an activity is, after BPMN's task types; rules and outputs treat each kind as it works.
public enum ActivityType: String, Sendable, Hashable, CaseIterable {
    /// Work done by people (the default).
    case task
    /// A decision by someone entitled to say yes or no.
    case approval
    /// Telling someone something; the work is the message.
    case notification
    /// Done by a `system` role: a pipeline, a monitoring tool, a workflow engine.
    case automated
    /// Waiting for something outside the process: a time, an answer, a delivery.
    case wait
    /// Where someone asks for the work (raising a change, logging a request).
    case request
}

/// A `consulted` or `informed` entry written `{role: ROLE, when: TEXT}`: the role takes part only when `when` holds.
public struct InvolvementCondition: Sendable {
    public enum Involvement: String, Sendable, Hashable {
        case consulted, informed
    }

    public var involvement: Involvement
    public var role: Located<String>
    public var when: Located<String>

    public init(involvement: Involvement, role: Located<String>, when: Located<String>) {
        self.involvement = involvement
        self.role = role
        self.when = when
    }
}

/// A duration such as `90s`, `10m`, `4h`, `2d`, `3w`, `12mo`, `6bh` or `3bd`: an activity's time target, a review cycle.
public struct TimeTarget: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case seconds = "s"
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case weeks = "w"
        /// Months of 30 days, so that a duration is a fixed number of seconds; `m` stays minutes.
        case months = "mo"
        /// Business hours: an hour of the working day.
        case businessHours = "bh"
        /// Business days: `business-day` hours each (`.procdef.yaml`, default 8h).
        case businessDays = "bd"

        /// True for `bh` and `bd`, which count working time rather than time on the clock.
        public var isBusiness: Bool { self == .businessHours || self == .businessDays }

        /// The seconds of one unit; a business day counts `businessDay` seconds, its working hours.
        public func seconds(businessDay: Int) -> Int {
            switch self {
            case .seconds: 1
            case .minutes: 60
            case .hours, .businessHours: 3600
            case .days: 86400
            case .weeks: 7 * 86400
            case .months: 30 * 86400
            case .businessDays: businessDay
            }
        }
    }

    /// The working hours of a business day when `.procdef.yaml` sets no `business-day`.
    public static let defaultBusinessDay = TimeTarget(amount: 8, unit: .hours)
    /// `defaultBusinessDay` in seconds.
    public static let defaultBusinessDaySeconds = 8 * 3600
    /// The units as the format's messages list them: `s, m, h, d, w, mo, bh or bd`.
    public static let unitList = "s, m, h, d, w, mo, bh (business hours) or bd (business days)"
    /// The examples every message about a duration shows.
    public static let examples = "90s, 10m, 4h, 2d, 3w, 12mo, 6bh or 3bd"

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<digits><unit>`, at most nine digits; nil for anything else. Nine digits of months (or of business days
    /// of at most 24 hours) are under 2^52 seconds, so `seconds(businessDay:)` cannot overflow.
    public init?(parsing text: String) {
        // Digits and units are ASCII, so the bytes decide: every activity's target passes here.
        var text = text
        let parsed = text.withUTF8 { bytes -> (amount: Int, unit: Unit)? in
            var twoLetterUnit: Unit?
            if bytes.count >= 3 {
                switch (bytes[bytes.count - 2], bytes[bytes.count - 1]) {
                case (UInt8(ascii: "m"), UInt8(ascii: "o")): twoLetterUnit = .months
                case (UInt8(ascii: "b"), UInt8(ascii: "h")): twoLetterUnit = .businessHours
                case (UInt8(ascii: "b"), UInt8(ascii: "d")): twoLetterUnit = .businessDays
                default: twoLetterUnit = nil
                }
            }
            let digits = bytes.count - (twoLetterUnit == nil ? 1 : 2)
            guard digits >= 1, digits <= 9 else { return nil }
            let unit: Unit
            if let twoLetterUnit {
                unit = twoLetterUnit
            } else {
                switch bytes[digits] {
                case UInt8(ascii: "s"): unit = .seconds
                case UInt8(ascii: "m"): unit = .minutes
                case UInt8(ascii: "h"): unit = .hours
                case UInt8(ascii: "d"): unit = .days
                case UInt8(ascii: "w"): unit = .weeks
                default: return nil
                }
            }
            var amount = 0
            for byte in bytes.prefix(digits) {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                amount = amount * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return (amount, unit)
        }
        guard let parsed else { return nil }
        self.amount = parsed.amount
        self.unit = parsed.unit
    }

    /// The seconds of working time or time on the clock the duration stands for, a business day counting
    /// `businessDay` seconds (at most a day, which the config's decoder ensures).
    public func seconds(businessDay: Int = TimeTarget.defaultBusinessDaySeconds) -> Int {
        amount * unit.seconds(businessDay: min(max(businessDay, 0), 86400))
    }
    /// Whole days, rounded down: what a review cycle counts in (which is never written in business units).
    public var wholeDays: Int { seconds() / 86400 }
    public var text: String { "\(amount)\(unit.rawValue)" }
}
