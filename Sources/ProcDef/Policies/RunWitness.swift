/// A witness run as a policy message shows it: the text of its `(path: ...)` and its steps.
///
/// The text lists the run the way the soundness findings do: each step in turn, the branches of a fork one after the
/// other, a step's branch named where it changes (`assess -> contain [the branch to 'contain'] -> send-sitrep [the
/// branch to 'send-sitrep'] -> retrospective`). A cancellation shows as `(cancelled)` before the activity it goes
/// to. Branches the run does not follow (they started and run on in parallel) are left out of the text; the steps
/// say that they started.
struct RunWitness {
    var text: String
    var steps: [WitnessStep]

    private struct Entry {
        enum Kind {
            case start, passes, meets
            /// A branch the run does not follow starts here.
            case startsInParallel(String)
            case cancel(Int)
        }

        var activity: Int
        var kind: Kind
        var branch: (site: Int, index: Int)?
    }

    init(_ items: [RunSearch.Item], context: ProcessContext, last: String) {
        let wording = SoundnessWording(context)
        let activities = context.activities
        let graph = context.graph
        var entries: [Entry] = []

        func walk(_ items: [RunSearch.Item], branch: (site: Int, index: Int)?) {
            var branch = branch
            var afterFork = false
            for item in items {
                switch item {
                case .activity(let a):
                    entries.append(Entry(activity: a, kind: entries.isEmpty ? .start : afterFork ? .meets : .passes, branch: branch))
                    afterFork = false
                case .parallel(let f, let branches):
                    // The branches the run does not follow first, so the step that fails stays the last one.
                    for (i, open) in branches.enumerated() where open.isOpen {
                        guard let first = open.firstActivities.first else { continue }
                        entries.append(
                            Entry(activity: first, kind: .startsInParallel(wording.branch(site: f, index: i)), branch: (f, i)))
                    }
                    for (i, followed) in branches.enumerated() where !followed.isOpen {
                        walk(followed.items, branch: (f, i))
                    }
                    afterFork = true
                case .cancel(let c):
                    let target = graph.cancellations[c].target ?? 0
                    entries.append(Entry(activity: target, kind: .cancel(c), branch: nil))
                    // A cancellation ends every running branch: the case goes on alone.
                    branch = nil
                    afterFork = false
                }
            }
        }
        walk(items, branch: nil)

        var parts: [String] = []
        var previous: (site: Int, index: Int)?
        var prefix = ""
        for entry in entries {
            switch entry.kind {
            case .startsInParallel:
                continue
            case .cancel:
                prefix = "(cancelled) "
                continue
            case .start, .passes, .meets:
                var part = prefix + activities[entry.activity].id.value
                if let branch = entry.branch, previous.map({ $0 != branch }) ?? true {
                    part += " [\(wording.branch(site: branch.site, index: branch.index))]"
                }
                previous = entry.branch
                prefix = ""
                parts.append(part)
            }
        }
        text = parts.joined(separator: " -> ")

        let file = context.process.file
        steps = entries.map { entry in
            let id = activities[entry.activity].id
            let on = entry.branch.map { " on \(wording.branch(site: $0.site, index: $0.index))" } ?? ""
            switch entry.kind {
            case .start:
                return WitnessStep(file: file, range: id.range, message: "the case starts at '\(id.value)'")
            case .passes:
                return WitnessStep(file: file, range: id.range, message: "the case passes '\(id.value)'\(on)")
            case .meets:
                return WitnessStep(file: file, range: id.range, message: "the branches meet at '\(id.value)'\(on)")
            case .startsInParallel(let name):
                return WitnessStep(file: file, range: id.range, message: "\(name) starts in parallel")
            case .cancel(let c):
                let cancel = graph.cancellations[c].cancellation
                return WitnessStep(
                    file: file, range: cancel.range,
                    message: "the case is cancelled: every running branch ends and the case goes to '\(cancel.to.value)'")
            }
        }
        if !steps.isEmpty { steps[steps.count - 1].message = last }
    }
}
