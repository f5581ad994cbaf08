/// A fork branch, a cancellation or a join added or removed: where parallel work starts, how it is cut short, and
/// where it meets again.
///
/// The edges of a fork branch or a cancellation are also `EdgeChange`s, with their handoffs; this is the shape of
/// the parallel work itself: a cancellation is one entry however many steps it interrupts, and a join, which is no
/// edge, shows at all.
package struct ParallelChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// One branch of an `all` list.
        case forkBranch = "fork-branch"
        /// One entry of the process's `cancel` list, by its target and condition.
        case cancellation
        /// A `join: all` activity.
        case join
    }

    package enum Change: String, Sendable, Hashable {
        case added, removed
    }

    package var change: Change
    package var kind: Kind
    /// For a fork branch, the activity that forks; for a cancellation, the activities it interrupts; for a join, the
    /// activities whose forks it closes (empty when it closes none). New ids on both sides.
    package var from: [String]
    /// The fork branch's target, the cancellation's `to`, the join activity.
    package var to: String
    /// The condition of the decision entry that forks, or the cancellation's `when`.
    package var when: String?

    package init(change: Change, kind: Kind, from: [String], to: String, when: String? = nil) {
        self.change = change
        self.kind = kind
        self.from = from
        self.to = to
        self.when = when
    }

    /// Fork branches, then cancellations, then joins; of each, those added in the new flow order, then those removed
    /// in the old one. A fork branch is the same when it joins the same activities under the same condition; a
    /// cancellation when it has the same target, preferably the same condition too (the steps it interrupts and its
    /// condition may change: those are edge changes); a join when its activity is the same.
    static func compare(_ old: ProcessDefinition?, _ new: ProcessDefinition?, _ alignment: ActivityAlignment) -> [ParallelChange] {
        let before = old.map { Self.parts(of: $0, newIDs: alignment.newIDs) } ?? []
        let after = new.map { Self.parts(of: $0, newIDs: [:]) } ?? []
        var oldMatched = Array(repeating: false, count: before.count)
        var newMatched = Array(repeating: false, count: after.count)
        // Alike first; then a cancellation whose condition alone changed is the same cancellation (the edges say how
        // its condition changed). Each pass pairs the earliest unpaired parts.
        for loose in [false, true] {
            var unmatched: [Key: [Int]] = [:]
            for (i, part) in before.enumerated() where !oldMatched[i] {
                unmatched[part.key.matching(loosely: loose), default: []].append(i)
            }
            for (j, part) in after.enumerated() where !newMatched[j] {
                let key = part.key.matching(loosely: loose)
                guard let i = unmatched[key]?.first else { continue }
                unmatched[key]?.removeFirst()
                oldMatched[i] = true
                newMatched[j] = true
            }
        }
        let added = after.indices.filter { !newMatched[$0] }.map { after[$0].change(.added) }
        let removed = before.indices.filter { !oldMatched[$0] }.map { before[$0].change(.removed) }
        let changes = added + removed
        return Kind.allCases.flatMap { kind in changes.filter { $0.kind == kind } }
    }

    private struct Key: Hashable {
        var kind: Kind
        var from: [String]
        var to: String
        var when: String?

        /// Loosely, a cancellation is its target alone.
        func matching(loosely: Bool) -> Key {
            guard loosely, kind == .cancellation else { return self }
            return Key(kind: kind, from: from, to: to, when: nil)
        }
    }

    private struct Part {
        var key: Key
        var from: [String]

        func change(_ change: Change) -> ParallelChange {
            ParallelChange(change: change, kind: key.kind, from: from, to: key.to, when: key.when)
        }
    }

    /// The fork branches, cancellations and joins of one process as written, with activity ids through `newIDs`.
    private static func parts(of process: ProcessDefinition, newIDs: [String: String]) -> [Part] {
        func id(_ id: String) -> String { newIDs[id] ?? id }
        let activities = process.activities
        var parts: [Part] = []
        func collect(_ fork: Fork, from source: String, when: String?) {
            for branch in fork.branches {
                if let to = branch.to {
                    let from = [id(source)]
                    parts.append(Part(key: Key(kind: .forkBranch, from: from, to: id(to.value), when: when), from: from))
                } else if let nested = branch.fork {
                    collect(nested, from: source, when: when)
                }
            }
        }
        for activity in activities {
            switch activity.next {
            case .fork(let all)?:
                collect(all, from: activity.id.value, when: nil)
            case .branches(let branches, _)?:
                for branch in branches {
                    if let all = branch.fork { collect(all, from: activity.id.value, when: branch.when?.value) }
                }
            case .single?, nil:
                break
            }
        }
        let hasParallelWork = !process.cancellations.isEmpty || activities.contains(where: \.isJoin)
        let graph = hasParallelWork ? FlowGraph(process: process) : nil
        for entry in graph?.cancellations ?? [] {
            let key = Key(kind: .cancellation, from: [], to: id(entry.cancellation.to.value), when: entry.cancellation.when?.value)
            parts.append(Part(key: key, from: entry.sources.map { id(activities[$0].id.value) }))
        }
        for (j, activity) in activities.enumerated() where activity.isJoin {
            var sources: [String] = []
            for site in graph?.forks ?? [] where site.join == j {
                let source = id(activities[site.source].id.value)
                if !sources.contains(source) { sources.append(source) }
            }
            parts.append(Part(key: Key(kind: .join, from: [], to: id(activity.id.value)), from: sources))
        }
        return parts
    }
}
