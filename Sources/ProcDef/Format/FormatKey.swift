/// One key of a mapping in the format, described once: the decoder's known keys and required fields, the JSON
/// Schema's properties and the key tables of docs/format.md are all derived from these descriptions.
package struct FormatKey: Sendable {
    /// What the checker does when the key is absent: the `required` column of docs/format.md (its legend is at the
    /// top of that page).
    package enum Presence: Sendable, Equatable {
        /// `yes`: the decoder reports the absence as `schema/missing-field`.
        case required
        /// `yes: RULE`: required, and a rule other than `schema/missing-field` reports the absence (only `kind`).
        case requiredReportedBy(rule: String)
        /// `no`: nothing is reported when the key is absent.
        case optional
        /// `no: RULE`: the document decodes without it, and `rule` reports the absence, in the case `when` names
        /// (nil: always).
        case optionalReportedBy(rule: String, when: String?)

        package var isRequired: Bool {
            switch self {
            case .required, .requiredReportedBy: true
            case .optional, .optionalReportedBy: false
            }
        }

        /// The rule that reports the key's absence; nil when nothing does.
        package var absenceRule: String? {
            switch self {
            case .required: MissingField.descriptor.id
            case .requiredReportedBy(let rule), .optionalReportedBy(let rule, _): rule
            case .optional: nil
            }
        }

        static func requiredReported(by rule: any Rule.Type) -> Presence { .requiredReportedBy(rule: rule.descriptor.id) }

        static func optionalReported(by rule: any Rule.Type, when: String? = nil) -> Presence {
            .optionalReportedBy(rule: rule.descriptor.id, when: when)
        }
    }

    package let name: String
    /// The value's type as the reference names it (`role reference`, `list of names`); for an enumeration, its
    /// values in code spans (`` `error` or `warning` ``).
    package let shape: String
    package let presence: Presence
    /// The only values the key accepts, when it has a fixed set; empty otherwise.
    package let values: [String]
    /// One line of Markdown for the reference table, lower-case and without a final full stop, as a table cell reads;
    /// the JSON Schema turns the same line into a sentence for editors.
    package let summary: String
    /// The rule that reports a value of the right shape that is still wrong (an id that is not kebab-case, a
    /// reference to nothing); `schema/type` when only the shape can be wrong.
    package let invalidValueRule: String
    /// How a reference table writes the key when its name alone does not show it (`before: {first: SEL, then: SEL}`,
    /// `defaults.accountable`); nil: the name in a code span.
    package let written: String?

    init(
        _ name: String, _ shape: String, _ presence: Presence, invalid: any Rule.Type = WrongType.self,
        written: String? = nil, _ summary: String
    ) {
        self.name = name
        self.shape = shape
        self.presence = presence
        self.values = []
        self.summary = summary
        self.invalidValueRule = invalid.descriptor.id
        self.written = written
    }

    /// An optional key that nothing reports missing.
    init(_ name: String, _ shape: String, invalid: any Rule.Type = WrongType.self, written: String? = nil, _ summary: String) {
        self.init(name, shape, .optional, invalid: invalid, written: written, summary)
    }

    /// An optional key whose value is one of `values`.
    init(_ name: String, oneOf values: [String], invalid: any Rule.Type = WrongType.self, _ summary: String) {
        self.init(name, oneOf: values, .optional, invalid: invalid, summary)
    }

    /// A key whose value is one of `values`; its shape is the values themselves.
    init(_ name: String, oneOf values: [String], _ presence: Presence, invalid: any Rule.Type = WrongType.self, _ summary: String) {
        self.name = name
        self.shape = Self.codeAlternatives(values)
        self.presence = presence
        self.values = values
        self.summary = summary
        self.invalidValueRule = invalid.descriptor.id
        self.written = nil
    }

    /// The `kind` key of one document kind: its absence, or another value, is `schema/unknown-kind`.
    static func kind(_ kind: String, _ summary: String) -> FormatKey {
        FormatKey("kind", oneOf: [kind], .requiredReported(by: UnknownKind.self), invalid: UnknownKind.self, summary)
    }

    /// `` `a`, `b` or `c` ``, as the reference writes a choice.
    static func codeAlternatives(_ words: [String]) -> String {
        let spans = words.map { "`\($0)`" }
        guard let last = spans.last else { return "" }
        if spans.count == 1 { return last }
        return spans.dropLast().joined(separator: ", ") + " or " + last
    }
}

/// The keys of one mapping of the format, in the order the reference lists them.
package struct KeyTable: Sendable {
    package let keys: [FormatKey]
    /// Every key's name, in order: what the decoder accepts here, and the did-you-mean candidates.
    package let names: [String]
    /// The keys whose absence the decoder reports as `schema/missing-field`, in order.
    package let requiredNames: [String]
    /// The phrase every summary of the table continues (`holds when`), for tables whose keys are read as conditions;
    /// nil when each summary stands alone.
    package let summaryLead: String?

    init(_ keys: [FormatKey], summaryLead: String? = nil) {
        self.keys = keys
        self.summaryLead = summaryLead
        self.names = keys.map(\.name)
        self.requiredNames = keys.filter { $0.presence == .required }.map(\.name)
    }

    package subscript(name: String) -> FormatKey? {
        keys.first { $0.name == name }
    }

    /// Every table of the format, by the name the reference's generated sections use (`<!-- generated: NAME -->`).
    package static let all: [(name: String, table: KeyTable)] = [
        ("roles", roles), ("role", role), ("process", process), ("defaults", defaults), ("activity", activity),
        ("involvement", involvement),
        ("branch", branch), ("fork-branch", forkBranch), ("cancel", cancel), ("target", target), ("handoff", handoff), ("trigger", trigger),
        ("timeout", timeout), ("cadence", cadence), ("contact", contact), ("handover", handover),
        ("review", review),
        ("waiver", waiver),
        ("policy", policy),
        ("external-process", externalProcess),
        ("applies-to", appliesTo), ("run-condition", runCondition), ("takes", takes), ("requirements", requirements), ("before", before),
        ("all", allOf),
        ("process-requirement", processRequirement), ("max", max), ("selector", selector), ("config", config),
        ("override", override), ("limits", limits),
    ]
}
