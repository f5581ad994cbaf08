/// A stretch of time in two parts, kept apart: time on the clock (`4h`, `2d`) and business time (`6bh`, `3bd`). A
/// business day can take from `business-day` hours to days of elapsed time (a weekend), so the two are only turned into
/// one figure where a comparison needs it, at its best or its worst case.
package struct TimeSpan: Sendable, Hashable {
    /// Seconds of elapsed time.
    package var elapsed: Int
    /// Seconds of business time: an hour of `bh` is 3,600, a `bd` is the business day's working seconds.
    package var business: Int

    package static let zero = TimeSpan(elapsed: 0, business: 0)

    /// Sums stop here rather than overflow: far beyond any real budget (about 292 million years).
    private static let ceiling = Int.max / 4

    package init(elapsed: Int, business: Int) {
        self.elapsed = elapsed
        self.business = business
    }

    /// One written duration: `bh` and `bd` are business time, every other unit elapsed time.
    package init(_ duration: TimeTarget, businessDay: Int) {
        let seconds = duration.seconds(businessDay: businessDay)
        self = duration.unit.isBusiness ? TimeSpan(elapsed: 0, business: seconds) : TimeSpan(elapsed: seconds, business: 0)
    }

    package static func + (a: TimeSpan, b: TimeSpan) -> TimeSpan {
        TimeSpan(elapsed: min(a.elapsed + b.elapsed, ceiling), business: min(a.business + b.business, ceiling))
    }

    package static func - (a: TimeSpan, b: TimeSpan) -> TimeSpan {
        TimeSpan(elapsed: max(a.elapsed - b.elapsed, 0), business: max(a.business - b.business, 0))
    }

    /// Elapsed seconds at the best case: each business hour is an hour, each business day its working hours.
    package var bestElapsed: Int { min(elapsed + business, Self.ceiling) }

    /// Elapsed seconds at the worst case: n business days (rounded up) take at most n + 2·⌈n/5⌉ calendar days, since
    /// each started week may hold a weekend.
    package func worstElapsed(businessDay: Int) -> Int {
        min(elapsed + Self.worstCase(business: business, businessDay: businessDay), Self.ceiling)
    }

    /// The most elapsed seconds `business` seconds of business time can take.
    package static func worstCase(business: Int, businessDay: Int) -> Int {
        guard business > 0, businessDay > 0 else { return 0 }
        let days = (business + businessDay - 1) / businessDay
        return min((days + 2 * ((days + 4) / 5)) * 86400, ceiling)
    }

    /// True when the span holds business time, so that its elapsed length is a range, not a figure.
    package var hasBusinessTime: Bool { business > 0 }

    /// `4h 30m`; `3bd 2bh`; `1d 4h + 3bd`: how messages and outputs show the span.
    package func text(businessDay: Int) -> String {
        var parts: [String] = []
        if elapsed > 0 || business == 0 { parts.append(Self.clockText(elapsed)) }
        if business > 0 { parts.append(Self.businessText(business, businessDay: businessDay)) }
        return parts.joined(separator: " + ")
    }

    /// `4h 30m` for elapsed seconds: the two largest units that are not zero.
    package static func clockText(_ seconds: Int) -> String {
        if seconds <= 0 { return "0m" }
        let units: [(Int, String)] = [(86400, "d"), (3600, "h"), (60, "m"), (1, "s")]
        var rest = seconds
        var parts: [String] = []
        for (size, name) in units where rest >= size && parts.count < 2 {
            parts.append("\(rest / size)\(name)")
            rest %= size
        }
        return parts.joined(separator: " ")
    }

    /// `3bd 2bh` for business seconds.
    static func businessText(_ seconds: Int, businessDay: Int) -> String {
        var parts: [String] = []
        var rest = seconds
        if businessDay > 0, rest >= businessDay {
            parts.append("\(rest / businessDay)bd")
            rest %= businessDay
        }
        if rest >= 3600 {
            parts.append("\(rest / 3600)bh")
            rest %= 3600
        }
        if rest >= 60 { parts.append("\(rest / 60)m of business time") }
        return parts.isEmpty ? "0bh" : parts.joined(separator: " ")
    }
}

/// How a target's sums are compared with its `within`.
package enum TimeComparison {
    /// True when the budgets, whose sum is `sum`, certainly take longer than `within` allows: at their fewest elapsed
    /// seconds against the most `within` can mean. The business time both share cancels out first, since the same days
    /// pass for both clocks.
    package static func certainlyOver(_ sum: TimeSpan, _ within: TimeSpan, businessClock: Bool, businessDay: Int) -> Bool {
        if businessClock { return sum.bestElapsed > within.bestElapsed }
        if sum.business >= within.business {
            return sum.elapsed + (sum.business - within.business) > within.elapsed
        }
        return sum.elapsed > within.elapsed + TimeSpan.worstCase(business: within.business - sum.business, businessDay: businessDay)
    }

    /// True when the budgets can take longer than `within` allows: at their most elapsed seconds against the fewest
    /// `within` can mean.
    package static func possiblyOver(_ sum: TimeSpan, _ within: TimeSpan, businessClock: Bool, businessDay: Int) -> Bool {
        if businessClock { return sum.bestElapsed > within.bestElapsed }
        if sum.business >= within.business {
            return sum.elapsed + TimeSpan.worstCase(business: sum.business - within.business, businessDay: businessDay) > within.elapsed
        }
        return sum.elapsed > within.elapsed + (within.business - sum.business)
    }

    /// `5h`, or for a span with business time on an elapsed clock `1d + 3bd (1d 16h to 6d elapsed)`: both figures, so
    /// that a business day is never read as stricter or looser than it is.
    package static func describe(_ span: TimeSpan, businessClock: Bool, businessDay: Int) -> String {
        let text = span.text(businessDay: businessDay)
        guard !businessClock, span.hasBusinessTime else { return text }
        let best = TimeSpan.clockText(span.bestElapsed)
        let worst = TimeSpan.clockText(span.worstElapsed(businessDay: businessDay))
        return "\(text) (\(best) to \(worst) elapsed)"
    }
}
