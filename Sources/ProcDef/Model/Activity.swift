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
        var records: [Located<String>]
        var inputs: [Located<String>]
        var outputs: [Located<String>]
        var target: Located<TimeTarget>?
        var tags: [Located<String>]
        var procedure: [Located<String>]
        var next: NextClause?
        var end: Located<Bool>?
        var join: Located<JoinMode>?
        var handoff: Handoff?
        var triggers: [Trigger]
        var range: SourceRange

        init(
            id: Located<String>, name: Located<String>, responsible: [Located<String>], accountable: [Located<String>],
            consulted: [Located<String>], informed: [Located<String>], records: [Located<String>],
            inputs: [Located<String>], outputs: [Located<String>], target: Located<TimeTarget>?,
            tags: [Located<String>], procedure: [Located<String>], next: NextClause?,
            end: Located<Bool>?, join: Located<JoinMode>?, handoff: Handoff?, triggers: [Trigger], range: SourceRange
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
            self.join = join
            self.handoff = handoff
            self.triggers = triggers
            self.range = range
        }

        func copy() -> Storage {
            Storage(
                id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
                informed: informed, records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
                procedure: procedure, next: next, end: end, join: join, handoff: handoff, triggers: triggers, range: range
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
    /// `join: all`: the activity waits for every branch of the fork it closes.
    public var join: Located<JoinMode>? {
        get { storage.join }
        set { writable().join = newValue }
    }
    /// The handoff on the fall-through or the single `next` target, or on every branch of a `next: {all: ...}` fork.
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
        end: Located<Bool>? = nil, join: Located<JoinMode>? = nil, handoff: Handoff? = nil, triggers: [Trigger] = [],
        range: SourceRange
    ) {
        storage = Storage(
            id: id, name: name, responsible: responsible, accountable: accountable, consulted: consulted,
            informed: informed, records: records, inputs: inputs, outputs: outputs, target: target, tags: tags,
            procedure: procedure, next: next, end: end, join: join, handoff: handoff, triggers: triggers, range: range
        )
    }

    public var isEnd: Bool { end?.value == true }
    /// True for `join: all`.
    public var isJoin: Bool { join != nil }
}

/// A time target such as `90s`, `10m`, `4h` or `2d`.
public struct TimeTarget: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case seconds = "s"
        case minutes = "m"
        case hours = "h"
        case days = "d"

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
            guard bytes.count >= 2, bytes.count <= 10, let unit = Unit(rawValue: String(UnicodeScalar(bytes[bytes.count - 1]))) else {
                return nil
            }
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
