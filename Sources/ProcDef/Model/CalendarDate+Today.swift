import Foundation

extension CalendarDate {
    /// Today's date in UTC, so a check gives the same verdict on every runner whatever its time zone.
    public static func todayUTC() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .unixEpoch
    }
}
