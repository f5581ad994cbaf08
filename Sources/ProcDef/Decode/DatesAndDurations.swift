import YAMLTree

extension ModelDecoder {
    static let reviewKeys = KeyTable.review.names

    /// A duration such as `90s`, `12mo`, `3bd`: `schema/invalid-duration` for anything else. `atLeastADay`: a review
    /// cycle, counted in calendar days, where `12h` would make every process due for review again the next day.
    func duration(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, atLeastADay: Bool = false)
        -> Located<TimeTarget>?
    {
        guard let node = map.value(key) else { return nil }
        var place: String { context() }
        guard let duration = duration(node, "'\(key)' in \(place)") else { return nil }
        if atLeastADay, duration.value.unit.isBusiness || duration.value.wholeDays < 1 {
            let problem = duration.value.unit.isBusiness ? "must count calendar days" : "must be at least a day"
            report(
                InvalidDuration.self, at: node.range, "'\(key)' in \(place) \(problem), found \(Quoting.quoted(duration.value.text))",
                help: "a review cycle counts whole days: write it in d, w or mo, such as 90d, 26w or 12mo")
            return nil
        }
        return duration
    }

    /// One duration value; `label` names it in the message (`'target' in activity 'log'`).
    private func duration(_ node: Node, _ label: @autoclosure () -> String) -> Located<TimeTarget>? {
        let expected = "a duration like \(TimeTarget.examples)"
        guard let text = internedText(node) else {
            reportType(node, label(), expected: expected)
            return nil
        }
        guard let duration = TimeTarget(parsing: text) else {
            report(
                InvalidDuration.self, at: node.range, "\(label()) must be \(expected), found \(Quoting.quoted(text))",
                help: "write a whole number followed by \(TimeTarget.unitList)")
            return nil
        }
        return Located(duration, at: node.range)
    }

    /// A duration, or a mapping from priority to duration with `default` for the rest (`{p1: 10m, default: 30m}`).
    /// The priorities are checked against the process's `priorities` when the workspace is linked
    /// (`ref/unknown-priority`); an entry whose duration is ill-formed is left out.
    func budget(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String) -> TimeBudget? {
        guard let node = map.value(key) else { return nil }
        var place: String { context() }
        guard let entries = node.mapping else {
            return duration(node, "'\(key)' in \(place)").map(TimeBudget.init)
        }
        guard !entries.isEmpty else {
            report(
                WrongType.self, at: node.range,
                "'\(key)' in \(place) must be a duration, or a mapping from priority to duration, found an empty mapping",
                help: "write one duration (`30m`), or one per priority with `default` for the rest (`{p1: 10m, default: 30m}`)")
            return nil
        }
        let budgetMap = FieldMap(node, entries: entries)
        checkKeysAreText(budgetMap, in: "'\(key)' of \(place)")
        var fallback: Located<TimeTarget>?
        var perPriority: [TimeBudget.Entry] = []
        var seen: Set<String> = []
        for field in budgetMap.fields where seen.insert(field.key).inserted {
            guard let value = duration(field.value, "'\(field.key)' of '\(key)' in \(place)") else { continue }
            if field.key == TimeBudget.defaultKey {
                fallback = value
            } else {
                perPriority.append(TimeBudget.Entry(priority: Located(field.key, at: field.keyNode.range), duration: value))
            }
        }
        // Every entry ill-formed, and reported: no budget rather than an empty one.
        guard fallback != nil || !perPriority.isEmpty else { return nil }
        return TimeBudget(entries: perPriority, fallback: fallback, range: node.range)
    }

    /// `business-day` of the config: elapsed time of more than nothing and at most a day, so that a `bd` stays within
    /// a calendar day and nine digits of them cannot overflow.
    func businessDay(_ map: FieldMap, in context: String) -> Located<TimeTarget>? {
        guard let day = duration(map, "business-day", in: context) else { return nil }
        guard !day.value.unit.isBusiness, day.value.seconds() > 0, day.value.seconds() <= 86400 else {
            report(
                InvalidDuration.self, at: day.range,
                "'business-day' in \(context) must be more than nothing and at most 24h, found \(Quoting.quoted(day.value.text))",
                help: "give the working hours of one business day in h or m, such as 8h or 450m")
            return nil
        }
        return day
    }

    /// A day written `YYYY-MM-DD`: `schema/invalid-date` for anything else, or for a day that does not exist.
    func date(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String) -> Located<CalendarDate>? {
        var place: String { context() }
        guard let text = text(map, key, in: place, expected: "a date written YYYY-MM-DD") else { return nil }
        if let date = CalendarDate(parsing: text.value) { return Located(date, at: text.range) }
        report(InvalidDate.self, at: text.range, Self.invalidDateMessage(key, text.value, in: place, expected: "a date written YYYY-MM-DD"))
        return nil
    }

    /// `'until' in ... is not a real date: '2027-02-30'` for what looks like a date, else what was expected.
    static func invalidDateMessage(_ key: String, _ text: String, in place: String, expected: String) -> String {
        let looksLikeDate = text.utf8.count == 10 && text.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 2, 2]
        return looksLikeDate
            ? "'\(key)' in \(place) is not a real date: \(Quoting.quoted(text))"
            : "'\(key)' in \(place) must be \(expected), found \(Quoting.quoted(text))"
    }

    /// `effective`, `approved-by` and `review` of a process.
    func decodeGovernance(_ map: FieldMap, in context: String) -> ProcessGovernance {
        var governance = ProcessGovernance(
            effective: date(map, "effective", in: context),
            approvedBy: reference(map, "approved-by", in: context, kind: "role"))
        if let node = map.value("review"),
            let reviewMap = fields(of: node, "'review' in \(context)", expected: "a mapping with `last` and `every`")
        {
            let place = "the review of \(context)"
            checkKeys(reviewMap, allowed: Self.reviewKeys, in: place)
            governance.review = ReviewCycle(
                last: date(reviewMap, "last", in: place), every: duration(reviewMap, "every", in: place, atLeastADay: true),
                lastWritten: reviewMap.has("last"), range: node.range)
        }
        return governance
    }
}
