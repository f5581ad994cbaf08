import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/), so a lookup costs what it did as a literal.
    static let processKeys = KeyTable.process.names
    static let processRequiredKeys = KeyTable.process.requiredNames
    static let defaultsKeys = KeyTable.defaults.names
    static let cancelKeys = KeyTable.cancel.names
    static let cancelRequiredKeys = KeyTable.cancel.requiredNames
    static let waiverKeys = KeyTable.waiver.names
    static let waiverRequiredKeys = KeyTable.waiver.requiredNames
    static let targetKeys = KeyTable.target.names
    static let targetRequiredKeys = KeyTable.target.requiredNames

    func decodeProcess(_ map: FieldMap, document: YAMLDocument, header: SourceRange) {
        let id = identifier(map, in: "the process", kind: "process")
        subjectProcess = id?.value
        defer { subjectProcess = nil }
        let context = id.map { "process \(Quoting.quoted($0.value))" } ?? "the process"
        checkKeys(map, allowed: Self.processKeys, in: context, misplaced: ["join": Self.joinHelp])
        requireFields(map, Self.processRequiredKeys, in: context, at: header)

        let activities = decodeActivities(map, processContext: context)
        // Without an id nothing can refer to the process and no finding could name it: its problems are reported, the
        // process itself is left out.
        guard let id else { return }

        var process = ProcessDefinition(
            id: id,
            name: text(map, "name", in: context) ?? Located("", at: header),
            version: integer(map, "version", in: context),
            purpose: text(map, "purpose", in: context),
            owner: reference(map, "owner", in: context, kind: "role"),
            manager: reference(map, "manager", in: context, kind: "role"),
            caseOwner: reference(map, "case-owner", in: context, kind: "role"),
            requester: reference(map, "requester", in: context, kind: "role"),
            tags: texts(map, "tags", in: context, item: "a tag"),
            trigger: text(map, "trigger", in: context),
            outcome: text(map, "outcome", in: context),
            governance: decodeGovernance(map, in: context),
            activities: activities,
            cancellations: decodeCancellations(map, in: context),
            policies: references(map, "policies", in: context, kind: "policy"),
            waivers: decodeWaivers(map, in: context),
            presentFields: Set(map.fields.filter { !$0.value.isNull && Self.processKeys.contains($0.key) }.map(\.key)),
            file: file, range: document.range, headerRange: header
        )
        if let defaults = map.value("defaults"), let defaultsMap = fields(of: defaults, "'defaults' in \(context)") {
            let defaultsContext = "the defaults of \(context)"
            checkKeys(defaultsMap, allowed: Self.defaultsKeys, in: defaultsContext)
            process.defaultAccountable = reference(defaultsMap, "accountable", in: defaultsContext, kind: "role")
        }
        if let roles = map.value("roles") {
            process.roles = decodeRoles(roles, label: "'roles' in \(context)", scope: .local(processID: id.value))
        }
        process.priorities = references(map, "priorities", in: context, kind: "priority")
        for priority in process.priorities where priority.value == TimeBudget.defaultKey {
            report(
                InvalidID.self, at: priority.range, "priority id 'default' in \(context) is reserved",
                help: "`default` names the duration of every other priority in a per-priority mapping: give the priority another id")
        }
        process.maxSilence = duration(map, "max-silence", in: context)
        process.targets = decodeTargets(map, priorities: process.priorities, in: context)
        decoded.processes.append(process)
    }

    private func decodeActivities(_ map: FieldMap, processContext: String) -> [Activity] {
        guard let node = map.value("activities") else { return [] }
        guard let items = node.sequence else {
            reportType(node, "'activities' in \(processContext)", expected: "a list of activities")
            return []
        }
        if options.maxActivitiesPerProcess >= 0, items.count > options.maxActivitiesPerProcess {
            let firstExtra = items[options.maxActivitiesPerProcess]
            report(
                SafetyLimits.self, at: SourceRange(at: firstExtra.range.start),
                "\(processContext) has \(items.count) activities, more than the limit of \(options.maxActivitiesPerProcess)",
                help: "split the process, and start the parts from one another with `triggers:`")
        }
        return items.compactMap { decodeActivity($0, processContext: processContext) }
    }

    private func decodeCancellations(_ map: FieldMap, in processContext: String) -> [Cancellation] {
        mappings(map, "cancel", in: processContext, item: "a cancellation").compactMap { node in
            let fieldMap = FieldMap(node, entries: node.mapping ?? MappingEntries())
            let to = reference(fieldMap, "to", in: "a cancellation of \(processContext)", kind: "activity")
            let context = to.map { "the cancellation to \(Quoting.quoted($0.value))" } ?? "a cancellation of \(processContext)"
            let knownKeys = checkKeys(fieldMap, allowed: Self.cancelKeys, in: context)
            requireFields(fieldMap, Self.cancelRequiredKeys, in: context, at: fieldMap.startRange)
            let from = fieldMap.has("from") ? references(fieldMap, "from", in: context, kind: "activity") : nil
            // `from: []` would interrupt nothing; the default (no `from`) is what such an entry usually meant.
            if let list = fieldMap.value("from"), let items = list.sequence, items.isEmpty {
                report(
                    WrongType.self, at: list.range, "'from' of \(context) must list at least one activity, found none",
                    help:
                        "leave `from` out to interrupt every activity that is not an end, other than `to` and those only reachable after it"
                )
            }
            var handoff: Handoff?
            var insertion: KeyInsertion?
            if let field = fieldMap.field("handoff") {
                handoff = decodeHandoff(field.value, in: "the handoff of \(context)")
            } else {
                insertion = handoffInsertion(fieldMap, knownKeys: knownKeys)
            }
            return to.map {
                var cancellation = Cancellation(
                    when: text(fieldMap, "when", in: context), to: $0, from: from, handoff: handoff, range: node.range)
                cancellation.handoffInsertion = insertion
                return cancellation
            }
        }
    }

    private func decodeWaivers(_ map: FieldMap, in processContext: String) -> [Waiver] {
        mappings(map, "waivers", in: processContext, item: "a waiver").compactMap { node in
            let fieldMap = FieldMap(node, entries: node.mapping ?? MappingEntries())
            let policy = reference(fieldMap, "policy", in: "a waiver of \(processContext)", kind: "policy")
            let context = policy.map { "the waiver for policy \(Quoting.quoted($0.value))" } ?? "a waiver of \(processContext)"
            checkKeys(fieldMap, allowed: Self.waiverKeys, in: context)
            requireFields(fieldMap, Self.waiverRequiredKeys, in: context, at: fieldMap.startRange)
            let reason = text(fieldMap, "reason", in: context)
            let until = waiverEnd(fieldMap, "until", in: context)
            let approvedBy = reference(fieldMap, "approved-by", in: context, kind: "role")
            // Accepting a risk for good is a decision someone owns: a permanent waiver says whose.
            if until?.value == .permanent, !fieldMap.has("approved-by") {
                report(
                    MissingField.self, at: fieldMap.startRange,
                    "\(context) is permanent but has no 'approved-by': a permanent waiver needs the owner who accepted the risk",
                    help: "add `approved-by:` naming a role of kind `owner`, or give `until` a date")
            }
            return policy.map { Waiver(policy: $0, reason: reason, until: until, approvedBy: approvedBy, range: node.range) }
        }
    }

    /// A waiver's end: a date, or the word `permanent`.
    private func waiverEnd(_ map: FieldMap, _ key: String, in context: String) -> Located<WaiverEnd>? {
        guard let text = text(map, key, in: context, expected: "a date written YYYY-MM-DD, or `permanent`") else { return nil }
        if text.value == WaiverEnd.permanentKeyword { return Located(.permanent, at: text.range) }
        if let date = CalendarDate(parsing: text.value) { return Located(.date(date), at: text.range) }
        let message = Self.invalidDateMessage(key, text.value, in: context, expected: "a date written YYYY-MM-DD or `permanent`")
        report(InvalidDate.self, at: text.range, message)
        return nil
    }

    /// `targets:`: each `{id, name, from, to, within, when, clock}`. `priorities` are the process's: a `when` that names
    /// one limits the target to it.
    private func decodeTargets(_ map: FieldMap, priorities: [Located<String>], in processContext: String) -> [ServiceTarget] {
        mappings(map, "targets", in: processContext, item: "a target").compactMap { node in
            let fieldMap = FieldMap(node, entries: node.mapping ?? MappingEntries())
            let id = identifier(fieldMap, in: "a target of \(processContext)", kind: "target")
            let context = id.map { "target \(Quoting.quoted($0.value)) of \(processContext)" } ?? "a target of \(processContext)"
            checkKeys(fieldMap, allowed: Self.targetKeys, in: context)
            requireFields(fieldMap, Self.targetRequiredKeys, in: context, at: fieldMap.startRange)
            let when = text(fieldMap, "when", in: context)
            // `when: P1` names priority `p1`: a label is written as people say it.
            let priority = when.flatMap { when in
                priorities.first { $0.value == when.value.lowercased() }.map { Located($0.value, at: when.range) }
            }
            return id.map {
                ServiceTarget(
                    id: $0, name: text(fieldMap, "name", in: context),
                    from: targetEnd(fieldMap, "from", other: .end, in: context),
                    to: targetEnd(fieldMap, "to", other: .start, in: context),
                    within: budget(fieldMap, "within", in: context), when: when, priority: priority,
                    clock: choice(fieldMap, "clock", in: context, ServiceTarget.Clock.self), range: node.range)
            }
        }
    }

    /// `from: X` (X's start) or `from: {end: X}`; `to: X` (X's end) or `to: {start: X}`. `other` is the moment the
    /// mapping form names.
    private func targetEnd(_ map: FieldMap, _ key: String, other: ServiceTarget.End.Moment, in context: String) -> ServiceTarget.End? {
        guard let node = map.value(key) else { return nil }
        let expected = "an activity id, or a mapping with '\(other.rawValue)'"
        if node.mapping == nil {
            guard node.scalar != nil else {
                reportType(node, "'\(key)' in \(context)", expected: expected)
                return nil
            }
            return reference(map, key, in: context, kind: "activity").map {
                ServiceTarget.End(activity: $0, moment: other == .end ? .start : .end, isMapping: false)
            }
        }
        guard let endMap = fields(of: node, "'\(key)' in \(context)", expected: expected) else { return nil }
        let place = "'\(key)' of \(context)"
        checkKeys(endMap, allowed: [other.rawValue], in: place)
        requireFields(endMap, [other.rawValue], in: place, at: endMap.startRange)
        return reference(endMap, other.rawValue, in: place, kind: "activity").map {
            ServiceTarget.End(activity: $0, moment: other, isMapping: true)
        }
    }
}
