import YAMLTree

/// The document control of a process: the day its definition took effect, the role that approved it, and its
/// review cycle. Every field is optional.
public struct ProcessGovernance: Sendable {
    /// `effective: YYYY-MM-DD`: the day this version of the definition took effect.
    public var effective: Located<CalendarDate>?
    /// `approved-by`: the role (of kind `owner`, `ownership/owner-kind`) that approved this version.
    public var approvedBy: Located<String>?
    /// `review: {last, every}`; nil when the process has no `review`.
    public var review: ReviewCycle?

    public init(effective: Located<CalendarDate>? = nil, approvedBy: Located<String>? = nil, review: ReviewCycle? = nil) {
        self.effective = effective
        self.approvedBy = approvedBy
        self.review = review
    }

    /// The cycle that applies: the process's own `review.every`, else the config's `review-every`.
    public func cycle(default configured: TimeTarget?) -> TimeTarget? {
        review?.every?.value ?? configured
    }

    /// The day the next review is due: the last review plus the cycle; nil without either, or past year 9999.
    public func nextReview(default configured: TimeTarget?) -> CalendarDate? {
        guard let last = review?.last?.value, let cycle = cycle(default: configured) else { return nil }
        return last.adding(days: cycle.wholeDays)
    }
}

/// A process's `review`: when its owner last reviewed it, and how often they do.
public struct ReviewCycle: Sendable {
    /// `last`: the day of the last review.
    public var last: Located<CalendarDate>?
    /// `every`: the time between reviews, at least a day.
    public var every: Located<TimeTarget>?
    /// Whether `last` is written, even when it is not a date (`schema/invalid-date`).
    public var lastWritten: Bool
    /// The `review` value.
    public var range: SourceRange

    public init(last: Located<CalendarDate>? = nil, every: Located<TimeTarget>? = nil, lastWritten: Bool? = nil, range: SourceRange) {
        self.last = last
        self.lastWritten = lastWritten ?? (last != nil)
        self.every = every
        self.range = range
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (negative before it), in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day is the last day of a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with this day number; nil outside the years 1 to 9999.
    public init?(dayNumber: Int) {
        // Outside these bounds the year is out of range anyway; checking first keeps the arithmetic far from overflow.
        guard dayNumber >= -719_162, dayNumber <= 2_932_896 else { return nil }
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `days` later (earlier when negative); nil outside the years 1 to 9999.
    public func adding(days: Int) -> CalendarDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : CalendarDate(dayNumber: sum)
    }

    /// Days from this day to `later` (negative when `later` is earlier).
    public func days(until later: CalendarDate) -> Int {
        later.dayNumber - dayNumber
    }
}
