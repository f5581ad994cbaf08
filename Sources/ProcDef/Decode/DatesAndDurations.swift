import YAMLTree

extension ModelDecoder {
    static let reviewKeys = KeyTable.review.names

    /// A duration such as `90s`, `12mo`: `schema/invalid-duration` for anything else. `atLeastADay`: a review cycle,
    /// counted in days, where `12h` would make every process due for review again the next day.
    func duration(_ map: FieldMap, _ key: String, in context: @autoclosure () -> String, atLeastADay: Bool = false)
        -> Located<TimeTarget>?
    {
        var place: String { context() }
        let expected = "a duration like \(TimeTarget.examples)"
        guard let text = text(map, key, in: place, expected: expected) else { return nil }
        guard let duration = TimeTarget(parsing: text.value) else {
            report(
                InvalidDuration.self, at: text.range, "'\(key)' in \(place) must be \(expected), found \(Quoting.quoted(text.value))",
                help: "write a whole number followed by \(TimeTarget.unitList)")
            return nil
        }
        if atLeastADay, duration.wholeDays < 1 {
            report(
                InvalidDuration.self, at: text.range, "'\(key)' in \(place) must be at least a day, found \(Quoting.quoted(text.value))",
                help: "a review cycle counts whole days: write it in d, w or mo, such as 90d, 26w or 12mo")
            return nil
        }
        return Located(duration, at: text.range)
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
