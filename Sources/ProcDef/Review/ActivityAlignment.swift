/// Which activity of the old process is which of the new: the same id first; then, among the rest, renames; then
/// which of the paired activities moved.
///
/// A rename is an activity that disappears and one that appears **at the same place**, that is after the same
/// activity kept by id (or both first), and that are **similar** (`RenameBasis`, strongest first): the same name
/// (ignoring case and spacing), else the same non-empty procedure, else the same responsible roles and accountable
/// role. Within one place, the strongest similarities pair first, then the earliest activities. Anything else is
/// a removal and an addition.
///
/// An activity moved when the order of the paired activities changed around it: the moved ones are those outside a
/// longest run of pairs that kept their relative order (of those, the run whose activities moved least), so
/// inserting or removing an activity moves nothing, and of two activities that swapped places across others, the
/// one that went further is the one that moved.
struct ActivityAlignment {
    struct Pair: Hashable {
        let old: Int
        let new: Int
        /// nil: paired by id.
        let basis: RenameBasis?
    }

    /// In new-side order.
    let pairs: [Pair]
    /// Old positions with no partner, in order.
    let removed: [Int]
    /// New positions with no partner, in order.
    let added: [Int]
    /// The pairs whose position changed relative to the others, in new-side order.
    let moved: [Pair]
    /// Old id to new id, for every paired activity (the first of a duplicated id).
    let newIDs: [String: String]

    /// A missing side (a process added or removed) has no activities: everything is added or removed.
    init(old: ProcessDefinition?, new: ProcessDefinition?) {
        let before = old?.activities ?? []
        let after = new?.activities ?? []
        var partnerOfOld = [Int?](repeating: nil, count: before.count)
        var partnerOfNew = [Int?](repeating: nil, count: after.count)
        var pairs: [Pair] = []
        // Only the first activity of an id pairs by id; a duplicate (schema/duplicate-id) may still pair as a rename.
        for (i, activity) in before.enumerated() where old?.activityIndex(activity.id.value) == i {
            guard let j = new?.activityIndex(activity.id.value) else { continue }
            partnerOfOld[i] = j
            partnerOfNew[j] = i
            pairs.append(Pair(old: i, new: j, basis: nil))
        }

        // The place of an unpaired activity: the new position of the nearest activity before it kept by id, or -1.
        var oldPlaces: [Int: [Int]] = [:]
        var place = -1
        for i in before.indices {
            if let j = partnerOfOld[i] { place = j } else { oldPlaces[place, default: []].append(i) }
        }
        var newPlaces: [Int: [Int]] = [:]
        place = -1
        for j in after.indices {
            if partnerOfNew[j] != nil { place = j } else { newPlaces[place, default: []].append(j) }
        }
        for (place, olds) in oldPlaces.sorted(by: { $0.key < $1.key }) {
            guard let old, let new, let news = newPlaces[place] else { continue }
            var candidates: [Pair] = []
            for i in olds {
                for j in news {
                    if let basis = Self.similarity(before[i], in: old, after[j], in: new) {
                        candidates.append(Pair(old: i, new: j, basis: basis))
                    }
                }
            }
            candidates.sort { a, b in
                let rankA = RenameBasis.allCases.firstIndex(of: a.basis ?? .name) ?? 0
                let rankB = RenameBasis.allCases.firstIndex(of: b.basis ?? .name) ?? 0
                return (rankA, a.old, a.new) < (rankB, b.old, b.new)
            }
            for candidate in candidates where partnerOfOld[candidate.old] == nil && partnerOfNew[candidate.new] == nil {
                partnerOfOld[candidate.old] = candidate.new
                partnerOfNew[candidate.new] = candidate.old
                pairs.append(candidate)
            }
        }

        self.pairs = pairs.sorted { $0.new < $1.new }
        self.removed = before.indices.filter { partnerOfOld[$0] == nil }
        self.added = after.indices.filter { partnerOfNew[$0] == nil }
        let kept = Self.longestOrderedRun(pairs.sorted { $0.old < $1.old })
        self.moved = self.pairs.filter { !kept.contains($0) }
        var ids: [String: String] = [:]
        for pair in self.pairs where ids[before[pair.old].id.value] == nil {
            ids[before[pair.old].id.value] = after[pair.new].id.value
        }
        self.newIDs = ids
    }

    /// The strongest reason to take `a` and `b` for the same activity, or nil.
    static func similarity(_ a: Activity, in old: ProcessDefinition, _ b: Activity, in new: ProcessDefinition) -> RenameBasis? {
        let nameA = normalized(a.name.value)
        let nameB = normalized(b.name.value)
        if !nameA.isEmpty && nameA == nameB { return .name }
        let stepsA = a.procedure.values().map(normalized)
        let stepsB = b.procedure.values().map(normalized)
        if !stepsA.isEmpty && stepsA == stepsB { return .procedure }
        let responsibleA = Set(a.responsible.values())
        let responsibleB = Set(b.responsible.values())
        if !responsibleA.isEmpty && responsibleA == responsibleB && accountable(a, old) == accountable(b, new) { return .roles }
        return nil
    }

    private static func accountable(_ activity: Activity, _ process: ProcessDefinition) -> [String] {
        activity.accountable.isEmpty ? (process.defaultAccountable.map { [$0.value] } ?? []) : activity.accountable.values().sorted()
    }

    /// Lower-cased, with runs of white space as one space and none at the ends.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A longest subsequence of `pairs` (sorted by old position) whose new positions increase. Among runs of that
    /// length, the one whose activities moved least is kept, so an activity that jumped far is the one reported as
    /// moved, not the neighbours it jumped over. Quadratic, which the activity limit per process keeps small; past
    /// `exactLimit` pairs, patience sorting (O(n log n)) finds a longest run without that preference.
    static func longestOrderedRun(_ pairs: [Pair], exactLimit: Int = 2000) -> Set<Pair> {
        guard pairs.count <= exactLimit else { return patienceRun(pairs) }
        var length = [Int](repeating: 1, count: pairs.count)
        var displacement = pairs.map { abs($0.new - $0.old) }
        var previous = [Int?](repeating: nil, count: pairs.count)
        for k in pairs.indices {
            let own = abs(pairs[k].new - pairs[k].old)
            for j in 0..<k where pairs[j].new < pairs[k].new {
                let candidate = (length[j] + 1, displacement[j] + own)
                if candidate.0 > length[k] || (candidate.0 == length[k] && candidate.1 < displacement[k]) {
                    (length[k], displacement[k]) = candidate
                    previous[k] = j
                }
            }
        }
        var best: Int?
        for k in pairs.indices {
            guard let b = best else {
                best = k
                continue
            }
            if length[k] > length[b] || (length[k] == length[b] && displacement[k] < displacement[b]) { best = k }
        }
        var run: Set<Pair> = []
        var cursor = best
        while let k = cursor {
            run.insert(pairs[k])
            cursor = previous[k]
        }
        return run
    }

    /// A longest run by patience sorting.
    private static func patienceRun(_ pairs: [Pair]) -> Set<Pair> {
        var tails: [Int] = []
        var previous = [Int?](repeating: nil, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].new < pair.new { low = mid + 1 } else { high = mid }
            }
            previous[k] = low > 0 ? tails[low - 1] : nil
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var run: Set<Pair> = []
        var cursor = tails.last
        while let k = cursor {
            run.insert(pairs[k])
            cursor = previous[k]
        }
        return run
    }
}
