/// A witness run as a policy message shows it: the text of its `(path: ...)` and its steps.
///
/// The text lists the run as a path does, with each fork's branches in brackets, separated by `&` since all of them
/// run: `assess -> [contain -> verify & send-sitrep] -> retrospective`. A branch the run does not follow (it started
/// and goes on in parallel) ends with `...`; a cancellation shows as `(cancelled)` before the activity it goes to.
struct RunWitness {
    var text: String
    var steps: [WitnessStep]

    init(_ items: [RunSearch.Item], process: ProcessDefinition, graph: FlowGraph, last: String) {
        let activities = process.activities
        text = Self.text(items, activities: activities)
        var steps: [WitnessStep] = []
        func name(_ index: Int) -> String { activities[index].id.value }
        func step(_ index: Int, _ message: String) {
            steps.append(WitnessStep(file: process.file, range: activities[index].id.range, message: message))
        }
        func flatten(_ items: [RunSearch.Item], branch: String?) {
            var branch = branch
            var afterFork = false
            for item in items {
                switch item {
                case .activity(let a):
                    if steps.isEmpty {
                        step(a, "the case starts at '\(name(a))'")
                    } else if afterFork {
                        step(a, "the branches meet at '\(name(a))'")
                    } else if let branch {
                        step(a, "on \(branch), the case passes '\(name(a))'")
                    } else {
                        step(a, "the case passes '\(name(a))'")
                    }
                    afterFork = false
                case .parallel(_, let branches):
                    // The branches the run does not follow first, so the step that fails stays the last one.
                    for open in branches where open.isOpen {
                        for first in open.firstActivities { step(first, "the branch to '\(name(first))' starts in parallel") }
                    }
                    for followed in branches where !followed.isOpen {
                        let named = followed.firstActivities.first.map { "the branch to '\(name($0))'" }
                        flatten(followed.items, branch: named ?? branch)
                    }
                    afterFork = true
                case .cancel(let entry):
                    let cancel = graph.cancellations[entry]
                    steps.append(
                        WitnessStep(
                            file: process.file, range: cancel.cancellation.range,
                            message:
                                "the case is cancelled: every running branch ends and the case goes to '\(cancel.cancellation.to.value)'"
                        ))
                    branch = nil
                    afterFork = false
                }
            }
        }
        flatten(items, branch: nil)
        if !steps.isEmpty { steps[steps.count - 1].message = last }
        self.steps = steps
    }

    private static func text(_ items: [RunSearch.Item], activities: [Activity]) -> String {
        var parts: [String] = []
        var prefix = ""
        for item in items {
            switch item {
            case .activity(let a):
                parts.append(prefix + activities[a].id.value)
                prefix = ""
            case .parallel(_, let branches):
                let shown = branches.map { branch -> String in
                    let body = text(branch.items, activities: activities)
                    guard branch.isOpen else { return body }
                    return body.isEmpty ? "..." : body + " ..."
                }
                parts.append(prefix + "[" + shown.joined(separator: " & ") + "]")
                prefix = ""
            case .cancel:
                prefix = "(cancelled) "
            }
        }
        return parts.joined(separator: " -> ")
    }
}
