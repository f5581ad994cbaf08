import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/), so a lookup costs what it did as a literal.
    static let activityKeys = KeyTable.activity.names
    static let activityRequiredKeys = KeyTable.activity.requiredNames
    static let branchKeys = KeyTable.branch.names
    static let forkBranchKeys = KeyTable.forkBranch.names
    /// A decision that is not an approval has no approver whose answer a branch could name.
    static let nonApprovalBranchKeys = KeyTable.branch.names.filter { $0 != "outcome" }
    /// The help for `outcome` on a branch of a step that is not an approval.
    static let outcomeHelp =
        "`outcome` names the approver's answer, so only a branch of a `type: approval` step has one: mark the step `type: approval`, or drop `outcome`"
    /// The help for `join` written anywhere but on an activity.
    static let joinHelp = "`join: all` belongs to the activity where the branches of a fork meet, not to a branch or a process"
    /// The help for `cancel` written on an activity.
    static let cancelHelp =
        "`cancel` is a list of the process: write the entry there, with this activity in its `from`"
    static let handoffKeys = KeyTable.handoff.names
    static let involvementKeys = KeyTable.involvement.names
    static let involvementRequiredKeys = KeyTable.involvement.requiredNames
    static let triggerKeys = KeyTable.trigger.names
    static let triggerRequiredKeys = KeyTable.trigger.requiredNames
    static let timeoutKeys = KeyTable.timeout.names
    static let timeoutRequiredKeys = KeyTable.timeout.requiredNames
    static let cadenceKeys = KeyTable.cadence.names
    static let cadenceRequiredKeys = KeyTable.cadence.requiredNames

    /// nil when the item is not a mapping or has no id: flow rules and messages need an id to name the activity by.
    func decodeActivity(_ node: Node, processContext: String) -> Activity? {
        // Places are worded only when a finding needs them: nearly every activity decodes cleanly.
        var label: String { "each item of 'activities' in \(processContext)" }
        guard let map = fields(of: node, label, expected: "an activity (a mapping with 'id' and 'name')") else {
            if node.isNull { reportType(node, label, expected: "an activity (a mapping with 'id' and 'name')") }
            return nil
        }
        let id = identifier(map, in: "an activity of \(processContext)", kind: "activity")
        var context: String { id.map { "activity \(Quoting.quoted($0.value))" } ?? "an activity of \(processContext)" }
        let knownKeys = checkKeys(
            map, allowed: Self.activityKeys, in: context,
            misplaced: [
                "all": "a fork is written under `next`: `next: {all: [first, second]}` starts every branch when this activity ends",
                "cancel": Self.cancelHelp,
            ])
        requireFields(map, Self.activityRequiredKeys, in: context, at: map.startRange)

        let name = text(map, "name", in: context) ?? Located("", at: map.startRange)
        // Decoded before `next`: an `outcome` on a branch belongs to an approval only.
        let type = choice(map, "type", in: context, ActivityType.self)
        var conditions: [InvolvementCondition] = []
        var activity = Activity(
            id: id ?? Located("", at: map.startRange), name: name,
            responsible: references(map, "responsible", in: context, kind: "role"),
            accountable: references(map, "accountable", in: context, kind: "role"),
            consulted: involvements(map, .consulted, in: context, conditions: &conditions),
            informed: involvements(map, .informed, in: context, conditions: &conditions),
            conditions: [],
            type: type,
            otherPersonThan: personReference(map, "other-person-than", of: id, in: context),
            samePersonAs: personReference(map, "same-person-as", of: id, in: context),
            records: texts(map, "records", in: context),
            inputs: texts(map, "inputs", in: context),
            outputs: texts(map, "outputs", in: context),
            target: target(map, in: context),
            tags: texts(map, "tags", in: context, item: "a tag"),
            procedure: texts(map, "procedure", in: context, item: "a step"),
            next: next(map, isApproval: type?.value == .approval, in: context),
            end: flag(map, "end", in: context),
            join: choice(map, "join", in: context, JoinMode.self),
            triggers: triggers(map, in: context),
            range: node.range
        )
        if let handoff = map.field("handoff") {
            activity.handoff = decodeHandoff(handoff.value, in: "the handoff of \(context)")
        } else {
            activity.handoffInsertion = handoffInsertion(map, knownKeys: knownKeys)
        }
        if !conditions.isEmpty { activity.conditions = conditions }
        if map.has("timeout") { activity.timeouts = timeouts(map, in: context) }
        if map.has("every") { activity.cadence = cadence(map, in: context) }
        if map.has("until") { activity.until = reference(map, "until", in: context, kind: "activity") }
        // A cadence without `until` has nothing that stops it: the step never passes its branch on.
        if map.has("every"), !map.has("until") {
            report(
                MissingField.self, at: map.field("every")?.keyNode.range ?? map.startRange, "\(context) has 'every' but no 'until'",
                help: "name in `until` the activity whose end stops the cadence")
        }
        return id == nil ? nil : activity
    }

    /// `consulted` or `informed`: role ids, each of which may be written `{role: ROLE, when: TEXT}`; the roles of
    /// every entry, in order, with the conditions appended to `conditions`.
    private func involvements(
        _ map: FieldMap, _ involvement: InvolvementCondition.Involvement, in activityPlace: @autoclosure () -> String,
        conditions: inout [InvolvementCondition]
    ) -> [Located<String>] {
        let key = involvement.rawValue
        guard let node = map.value(key) else { return [] }
        var context: String { activityPlace() }
        // The plain list is nearly every case: only a list holding a mapping needs more than `references`.
        let items = node.sequence.map(Array.init) ?? [node]
        guard items.contains(where: { $0.mapping != nil }) else { return references(map, key, in: context, kind: "role") }
        var roles: [Located<String>] = []
        for item in items {
            guard let entries = item.mapping else {
                if item.isNull {
                    reportType(item, "each item of '\(key)' in \(context)", expected: "a role id or a mapping with 'role' and 'when'")
                }
                for role in texts(item, "'\(key)' in \(context)", item: "a role id or a mapping with 'role' and 'when'") {
                    checkIdentifier(role, "role id", in: "'\(key)' of \(context)")
                    roles.append(role)
                }
                continue
            }
            let entry = FieldMap(item, entries: entries)
            var entryContext: String { "an entry of '\(key)' of \(context)" }
            checkKeys(entry, allowed: Self.involvementKeys, in: entryContext)
            requireFields(entry, Self.involvementRequiredKeys, in: entryContext, at: entry.startRange)
            guard let role = reference(entry, "role", in: entryContext, kind: "role") else { continue }
            roles.append(role)
            if let when = text(entry, "when", in: entryContext), !when.value.isBlank {
                conditions.append(InvolvementCondition(involvement: involvement, role: role, when: when))
            }
        }
        return roles
    }

    /// `other-person-than` or `same-person-as`: another activity of the process; naming the activity itself says
    /// nothing a reviewer can check, so it is a type error.
    private func personReference(
        _ map: FieldMap, _ key: String, of id: Located<String>?, in activityPlace: @autoclosure () -> String
    ) -> Located<String>? {
        guard let target = reference(map, key, in: activityPlace(), kind: "activity") else { return nil }
        guard target.value != id?.value else {
            let help =
                key == "other-person-than"
                ? "name the earlier activity whose person must not do this one (the author of what is reviewed)"
                : "name the earlier activity whose person also does this one"
            report(
                WrongType.self, at: target.range, "'\(key)' of \(activityPlace()) names the activity itself, expected another activity",
                help: help)
            return nil
        }
        return target
    }
    private func target(_ map: FieldMap, in place: @autoclosure () -> String) -> TimeBudget? {
        budget(map, "target", in: place())
    }

    private func next(_ map: FieldMap, isApproval: Bool, in activityPlace: @autoclosure () -> String) -> NextClause? {
        var context: String { activityPlace() }
        guard let node = map.value("next") else { return nil }
        var place: String { "'next' of \(context)" }
        if let text = internedText(node) {
            let target = Located(text, at: node.range)
            checkIdentifier(target, "activity id", in: place)
            return .single(target)
        }
        // `next: {all: [...]}` forks; any other single mapping is read as a decision of one branch, and a plain id in
        // a list as a branch without `when`.
        if let entries = node.mapping, entries.count == 1, let all = FieldMap(node, entries: entries).field("all") {
            return decodeFork(all.value, in: "the fork of \(context)").map(NextClause.fork)
        }
        let items = node.sequence.map(Array.init) ?? [node]
        var branches: [Branch] = []
        for item in items {
            if !item.isNull, let text = internedText(item) {
                let target = Located(text, at: item.range)
                checkIdentifier(target, "activity id", in: place)
                branches.append(bareBranch(to: target, item: item, of: node))
            } else if let branch = decodeBranch(item, isForkBranch: false, isApproval: isApproval, activityContext: context) {
                branches.append(branch)
            }
        }
        return .branches(branches, range: node.range)
    }

    /// The value of `all`: two or more branches, each an activity id or a mapping. nil when no branch decodes.
    private func decodeFork(_ node: Node, in forkPlace: @autoclosure () -> String) -> Fork? {
        var context: String { forkPlace() }
        guard let items = node.sequence else {
            reportType(node, "'all' of \(context)", expected: "a list of at least two branches")
            return nil
        }
        if items.count < 2 {
            report(
                WrongType.self, at: node.range,
                "'all' of \(context) must list at least two branches, found \(items.count == 0 ? "none" : "one")",
                help: "a fork starts parallel work: list every branch that runs at the same time, or write `next: ID` for one")
        }
        var branches: [Branch] = []
        for item in items {
            if !item.isNull, let text = internedText(item) {
                let target = Located(text, at: item.range)
                checkIdentifier(target, "activity id", in: "'all' of \(context)")
                branches.append(bareBranch(to: target, item: item, of: node))
            } else if let branch = decodeBranch(item, isForkBranch: true, isApproval: false, activityContext: context) {
                branches.append(branch)
            }
        }
        return branches.isEmpty ? nil : Fork(branches: branches, range: node.range)
    }

    /// A branch written as the bare id of its target, an item of `list` (a `next` or `all` list, or a lone `next`
    /// value read as one).
    private func bareBranch(to target: Located<String>, item: Node, of list: Node) -> Branch {
        var branch = Branch(to: target, range: item.range)
        if editable { branch.handoffInsertion = KeyInsertion.wrapping(item, of: list, in: bytes) }
        return branch
    }

    private func decodeBranch(
        _ node: Node, isForkBranch: Bool, isApproval: Bool, activityContext activityPlace: @autoclosure () -> String
    ) -> Branch? {
        var activityContext: String { activityPlace() }
        var label: String { isForkBranch ? "each item of 'all' in \(activityContext)" : "each item of 'next' in \(activityContext)" }
        let expected = "an activity id or a mapping with 'to' or 'all'"
        guard let map = fields(of: node, label, expected: expected) else {
            if node.isNull { reportType(node, label, expected: expected) }
            return nil
        }
        let to = reference(map, "to", in: "a branch of \(activityContext)", kind: "activity")
        var context: String {
            to.map { "the branch to \(Quoting.quoted($0.value)) of \(activityContext)" } ?? "a branch of \(activityContext)"
        }
        let knownKeys: Bool
        if isForkBranch {
            knownKeys = checkKeys(
                map, allowed: Self.forkBranchKeys, in: context,
                misplaced: [
                    "when":
                        "every branch of a fork runs, so none has a condition; to choose one branch, list them under `next` without `all`",
                    "join": Self.joinHelp,
                    "outcome":
                        "every branch of a fork runs whatever the approver said: write `outcome` on the decision branch that forks (`- {outcome: approved, all: [...]}`)",
                    "priorities":
                        "every branch of a fork runs, whatever the priority: write `priorities` on the decision branch that forks (`- {priorities: [p1], all: [...]}`)",
                ])
        } else if isApproval {
            knownKeys = checkKeys(map, allowed: Self.branchKeys, in: context, misplaced: ["join": Self.joinHelp])
        } else {
            knownKeys = checkKeys(
                map, allowed: Self.nonApprovalBranchKeys, in: context, misplaced: ["join": Self.joinHelp, "outcome": Self.outcomeHelp])
        }
        let when = isForkBranch ? nil : text(map, "when", in: context)
        let outcome = isApproval ? choice(map, "outcome", in: context, ApprovalOutcome.self) : nil
        let priorities = isForkBranch ? [] : references(map, "priorities", in: context, kind: "priority")
        var handoff: Handoff?
        var insertion: KeyInsertion?
        if let field = map.field("handoff") {
            var handoffContext: String {
                to.map { "the handoff to \(Quoting.quoted($0.value)) of \(activityContext)" }
                    ?? "the handoff of a branch of \(activityContext)"
            }
            handoff = decodeHandoff(field.value, in: handoffContext)
        } else {
            insertion = handoffInsertion(map, knownKeys: knownKeys)
        }
        let allField = map.field("all")
        if let allField, map.has("to") {
            report(
                WrongType.self, at: allField.keyNode.range, "\(context) has both 'to' and 'all'",
                help: "a branch goes to one activity (`to`) or forks (`all`), not both: move `to` into the `all` list")
            return nil
        }
        if let allField {
            guard let fork = decodeFork(allField.value, in: "a branch of \(activityContext)") else { return nil }
            var branch = Branch(fork: fork, when: when, outcome: outcome, handoff: handoff, range: node.range)
            branch.priorities = priorities
            branch.handoffInsertion = insertion
            return branch
        }
        if !map.has("to") {
            report(
                MissingField.self, at: map.startRange, "\(context) has no 'to'",
                help: "name the activity the branch goes to with `to`, or fork with `all`")
        }
        return to.map {
            var branch = Branch(to: $0, when: when, outcome: outcome, handoff: handoff, range: node.range)
            branch.priorities = priorities
            branch.handoffInsertion = insertion
            return branch
        }
    }

    private func triggers(_ map: FieldMap, in activityPlace: @autoclosure () -> String) -> [Trigger] {
        var activityContext: String { activityPlace() }
        return mappings(map, "triggers", in: activityContext, item: "a trigger").compactMap { node in
            let fieldMap = FieldMap(node, entries: node.mapping ?? MappingEntries())
            let process = reference(fieldMap, "process", in: "a trigger of \(activityContext)", kind: "process")
            var context: String {
                process.map { "the trigger of process \(Quoting.quoted($0.value)) in \(activityContext)" }
                    ?? "a trigger of \(activityContext)"
            }
            let knownKeys = checkKeys(fieldMap, allowed: Self.triggerKeys, in: context)
            requireFields(fieldMap, Self.triggerRequiredKeys, in: context, at: fieldMap.startRange)
            let activity = reference(fieldMap, "activity", in: context, kind: "activity")
            let when = text(fieldMap, "when", in: context)
            var handoff: Handoff?
            var insertion: KeyInsertion?
            if let field = fieldMap.field("handoff") {
                var handoffContext: String {
                    process.map { "the handoff to process \(Quoting.quoted($0.value)) of \(activityContext)" }
                        ?? "the handoff of a trigger of \(activityContext)"
                }
                handoff = decodeHandoff(field.value, in: handoffContext)
            } else {
                insertion = handoffInsertion(fieldMap, knownKeys: knownKeys)
            }
            return process.map {
                var trigger = Trigger(process: $0, activity: activity, when: when, handoff: handoff, range: node.range)
                trigger.handoffInsertion = insertion
                return trigger
            }
        }
    }

    /// `timeout`: one mapping or a list of them, each `{after, to, handoff, from, interrupting, when}`.
    private func timeouts(_ map: FieldMap, in activityPlace: @autoclosure () -> String) -> [Timeout] {
        var activityContext: String { activityPlace() }
        return mappings(map, "timeout", in: activityContext, item: "a timeout").map { node in
            let fieldMap = FieldMap(node, entries: node.mapping ?? MappingEntries())
            let to = reference(fieldMap, "to", in: "a timeout of \(activityContext)", kind: "activity")
            var context: String {
                to.map { "the timeout to \(Quoting.quoted($0.value)) of \(activityContext)" } ?? "a timeout of \(activityContext)"
            }
            let knownKeys = checkKeys(fieldMap, allowed: Self.timeoutKeys, in: context)
            requireFields(fieldMap, Self.timeoutRequiredKeys, in: context, at: fieldMap.startRange)
            var timeout = Timeout(
                after: budget(fieldMap, "after", in: context), to: to,
                from: reference(fieldMap, "from", in: context, kind: "activity"),
                interrupting: flag(fieldMap, "interrupting", in: context),
                when: text(fieldMap, "when", in: context), range: node.range)
            if let handoff = fieldMap.field("handoff") {
                timeout.handoff = decodeHandoff(handoff.value, in: "the handoff of \(context)")
            } else {
                timeout.handoffInsertion = handoffInsertion(fieldMap, knownKeys: knownKeys)
            }
            return timeout
        }
    }

    /// `every`: one duration, one per priority, or a list of `{every, for, when}` intervals.
    private func cadence(_ map: FieldMap, in activityPlace: @autoclosure () -> String) -> [CadenceEntry] {
        var activityContext: String { activityPlace() }
        guard let node = map.value("every") else { return [] }
        guard node.sequence != nil else {
            return budget(map, "every", in: activityContext).map { [CadenceEntry(every: $0, range: node.range)] } ?? []
        }
        return mappings(map, "every", in: activityContext, item: "an interval").compactMap { item in
            let fieldMap = FieldMap(item, entries: item.mapping ?? MappingEntries())
            var context: String { "an interval of 'every' of \(activityContext)" }
            checkKeys(fieldMap, allowed: Self.cadenceKeys, in: context)
            requireFields(fieldMap, Self.cadenceRequiredKeys, in: context, at: fieldMap.startRange)
            guard let every = budget(fieldMap, "every", in: context) else { return nil }
            return CadenceEntry(
                every: every, duration: duration(fieldMap, "for", in: context), when: text(fieldMap, "when", in: context),
                range: item.range)
        }
    }

    /// nil for `handoff: ~` (no handoff); `handoff: {}` is a handoff that says nothing, for the handoff rules to report.
    func decodeHandoff(_ node: Node, in place: @autoclosure () -> String) -> Handoff? {
        var context: String { place() }
        guard let map = fields(of: node, context, expected: "a mapping with 'artifact' and 'expectation'") else { return nil }
        checkKeys(map, allowed: Self.handoffKeys, in: context)
        return Handoff(
            artifact: text(map, "artifact", in: context),
            expectation: text(map, "expectation", in: context),
            informed: references(map, "informed", in: context, kind: "role"),
            escalation: choice(map, "escalation", in: context, Escalation.self),
            agreement: text(map, "agreement", in: context),
            within: budget(map, "within", in: context),
            range: node.range
        )
    }
}
