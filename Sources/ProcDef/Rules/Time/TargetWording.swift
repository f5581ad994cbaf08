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
    package func path(_ path: TargetAnalysis.TimedPath) -> String {
        var words: [String] = []
        for part in path.parts {
            let ids = part.activities.map { context.activities[$0].id.value }
            if part.isLoop {
                words.append("loop {\(ids.joined(separator: ", "))} \(part.time.map { $0.text(businessDay: businessDay) } ?? "0m") once")
            } else if let time = part.time {
                words.append("\(ids[0]) \(time.text(businessDay: businessDay))\(part.byTimer ? " by its timer" : "")")
            } else {
                words.append("\(ids[0]) untimed")
            }
            if let within = part.within { words.append("(handoff within \(within.text(businessDay: businessDay)))") }
        }
        return words.joined(separator: " -> ")
    }

    /// The witness steps of a path, one per activity, for SARIF's code flows and the JSON output.
    func witness(_ path: TargetAnalysis.TimedPath) -> [WitnessStep] {
        path.parts.flatMap { part in
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
