import YAMLTree

/// How the time rules name a target, a priority and a timed path; shared so that the four target rules and the
/// runbook's targets table say the same thing the same way.
package struct TargetWording {
    let context: ProcessContext

    package init(_ context: ProcessContext) { self.context = context }

    var businessDay: Int { context.businessDaySeconds }

    /// `target 'restore' (Restore service)`.
    func name(_ target: ServiceTarget) -> String {
        if let name = target.name { return "target '\(target.id.value)' (\(name.value))" }
        return "target '\(target.id.value)'"
    }

    /// ` for p1`, or nothing for a process without priorities.
    func forPriority(_ priority: String?) -> String {
        priority.map { " for \($0)" } ?? ""
    }

    /// `the start of 'log'` / `the end of 'resolve'`.
    func moment(_ end: ServiceTarget.End) -> String {
        "the \(end.moment.rawValue) of '\(end.activity.value)'"
    }

    /// `4h`, or with business time on an elapsed clock, both figures.
    func time(_ span: TimeSpan, businessClock: Bool) -> String {
        TimeComparison.describe(span, businessClock: businessClock, businessDay: businessDay)
    }

    /// `log 10m -> (within 30m) -> wait-for-carrier 4h by its timer -> loop {diagnose, test} 3h once -> resolve untimed`.
    /// A long path shows its first and last steps and how many lie between: a message is read, not searched.
    package func path(_ path: TargetAnalysis.TimedPath) -> String {
        let shown = Self.shownParts(path.parts.count)
        var words: [String] = []
        for (position, part) in path.parts.enumerated() {
            if position == shown.head, shown.hidden > 0 {
                words.append("… \(shown.hidden) more steps …")
            }
            if position >= shown.head && position < shown.head + shown.hidden { continue }
            let ids = part.activities.map { context.activities[$0].id.value }
            if part.isLoop {
                let listed =
                    ids.count > 8 ? ids.prefix(4).joined(separator: ", ") + " and \(ids.count - 4) more" : ids.joined(separator: ", ")
                words.append("loop {\(listed)} \(part.time.map { $0.text(businessDay: businessDay) } ?? "0m") once")
            } else if let time = part.time {
                words.append("\(ids[0]) \(time.text(businessDay: businessDay))\(part.byTimer ? " by its timer" : "")")
            } else {
                words.append("\(ids[0]) untimed")
            }
            if let within = part.within { words.append("(handoff within \(within.text(businessDay: businessDay)))") }
        }
        return words.joined(separator: " -> ")
    }

    /// How many parts a message shows at its start, and how many it leaves out after them (the rest show at the end).
    static func shownParts(_ count: Int) -> (head: Int, hidden: Int) {
        let limit = 12
        guard count > limit else { return (count, 0) }
        return (limit / 2, count - limit)
    }

    /// The witness steps of a path, one per activity, for SARIF's code flows and the JSON output; a long path keeps
    /// its first and last steps, as its message does.
    func witness(_ path: TargetAnalysis.TimedPath) -> [WitnessStep] {
        let shown = Self.shownParts(path.parts.count)
        let parts = path.parts.enumerated().filter { $0.offset < shown.head || $0.offset >= shown.head + shown.hidden }.map(\.element)
        return parts.flatMap { part in
            part.activities.map { a in
                let activity = context.activities[a]
                let time = part.isLoop ? "in a loop counted once" : part.time.map { $0.text(businessDay: businessDay) } ?? "untimed"
                return WitnessStep(file: context.process.file, range: activity.id.range, message: "'\(activity.id.value)': \(time)")
            }
        }
    }

    /// `; the loop {a, b} has no timer that leaves it, so its real worst case is unbounded`, or nothing.
    func unboundedLoops(_ path: TargetAnalysis.TimedPath) -> String {
        guard !path.unboundedLoops.isEmpty else { return "" }
        let loops = path.unboundedLoops.map { "{\($0.map { context.activities[$0].id.value }.joined(separator: ", "))}" }
        let subject = loops.count == 1 ? "the loop \(loops[0]) has" : "the loops \(loops.joined(separator: " and ")) have"
        return "; \(subject) no timer that leaves it, so the real worst case is unbounded"
    }

    /// Where a target's finding points: its `within`, else its id.
    func range(_ target: ServiceTarget) -> SourceRange {
        target.within?.range ?? target.id.range
    }
}
