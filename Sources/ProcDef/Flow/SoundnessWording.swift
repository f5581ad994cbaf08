import YAMLTree

/// How the soundness findings name branches and witness runs, shared by the rules that report them.
package struct SoundnessWording {
    let context: ProcessContext

    package init(_ context: ProcessContext) {
        self.context = context
    }

    private var activities: [Activity] { context.activities }
    private var graph: FlowGraph { context.graph }

    /// `the branch to 'contain'`, or `the branch that forks to 'a' and 'b'` for a branch that forks again.
    package func branch(_ label: SoundnessAnalysis.BranchLabel) -> String {
        branch(site: Int(label.site), index: Int(label.branch))
    }

    package func branch(site: Int, index: Int) -> String {
        let fork = graph.forks[site]
        guard fork.branches.indices.contains(index) else { return "a branch" }
        let targets = leafTargets(fork.branches[index])
        switch fork.branches[index] {
        case .activity: return "the branch to \(quotedList(targets))"
        case .fork: return "the branch that forks to \(quotedList(targets))"
        case .unknown: return "a branch"
        }
    }

    /// `the branch to 'contain'`, or `the branches to 'a' and to 'b'`.
    package func quotedBranches(_ indices: [Int], of site: Int) -> String {
        let names = indices.map { branch(site: site, index: $0) }
        guard let last = names.last else { return "a branch" }
        if names.count == 1 { return last }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `the fork at 'assess'`.
    package func fork(_ site: Int) -> String {
        "the fork at '\(activities[graph.forks[site].source].id.value)'"
    }

    /// `assess -> contain [branch to 'contain'] -> send-sitrep [branch to 'send-sitrep']`: each step, with its branch
    /// named when it differs from the step before.
    package func runText(_ run: [SoundnessAnalysis.Step]) -> String {
        var parts: [String] = []
        var previous: SoundnessAnalysis.BranchLabel?
        for step in run {
            var part = activities[step.activity].id.value
            if let label = step.branch, label != previous {
                part += " [\(branch(label))]"
            }
            previous = step.branch
            parts.append(part)
        }
        return parts.joined(separator: " -> ")
    }

    /// The run as witness steps, the last one saying what goes wrong.
    package func witness(_ run: [SoundnessAnalysis.Step], last: String) -> [WitnessStep] {
        run.enumerated().map { offset, step in
            let id = activities[step.activity].id
            var message = offset == run.count - 1 ? last : "'\(id.value)' runs"
            if offset != run.count - 1, let label = step.branch { message += " on \(branch(label))" }
            return WitnessStep(file: context.process.file, range: id.range, message: message)
        }
    }

    private func leafTargets(_ start: FlowGraph.ForkSite.Start) -> [String] {
        switch start {
        case .activity(let t, _): [activities[t].id.value]
        case .fork(let inner): graph.forks[inner].branches.flatMap(leafTargets)
        case .unknown: []
        }
    }

    package func quotedList(_ ids: [String]) -> String {
        let quoted = ids.map { "'\($0)'" }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " and " + last
    }
}
