import YAMLTree

/// A process's exemption from one policy, with a reason and an end date, or `permanent` with the owner who approved it.
public struct Waiver: Sendable {
    public var policy: Located<String>
    public var reason: Located<String>?
    public var until: Located<WaiverEnd>?
    /// The role (of kind `owner`) that accepted the risk; required for a permanent waiver.
    public var approvedBy: Located<String>?
    public var range: SourceRange

    public init(
        policy: Located<String>, reason: Located<String>? = nil, until: Located<WaiverEnd>? = nil, approvedBy: Located<String>? = nil,
        range: SourceRange
    ) {
        self.policy = policy
        self.reason = reason
        self.until = until
        self.approvedBy = approvedBy
        self.range = range
    }

    /// Whether the waiver still holds on `today`: a permanent one always does.
    public func holds(on today: CalendarDate) -> Bool {
        switch until?.value {
        case .date(let last)?: return last >= today
        case .permanent?: return true
        case nil: return false
        }
    }
}

/// How long a waiver holds: to the end of a day (`until: 2027-06-30`), or for good (`until: permanent`).
public enum WaiverEnd: Sendable, Hashable, CustomStringConvertible {
    case date(CalendarDate)
    case permanent

    /// The spelling of a permanent waiver's `until`.
    public static let permanentKeyword = "permanent"

    /// The last day, nil for a permanent waiver.
    public var date: CalendarDate? {
        if case .date(let day) = self { return day }
        return nil
    }

    public var description: String {
        switch self {
        case .date(let day): return day.description
        case .permanent: return Self.permanentKeyword
        }
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
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
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
