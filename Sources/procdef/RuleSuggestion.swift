/// The registered rule id closest to a mistyped one, for `help: did you mean '...'?`.
enum RuleSuggestion {
    /// The closest of `ids` to `input` by edit distance, ignoring case, when close enough to be a likely typo
    /// (at most a third of the input's length, at least one edit). A rule's name alone also matches
    /// (`gap` suggests `handoff/gap`), as people remember rules by name more than by family.
    static func closest(to input: String, among ids: [String]) -> String? {
        let typed = Array(input.lowercased())
        let allowed = max(1, typed.count / 3)
        var best: (id: String, distance: Int)?
        for id in ids.sorted() {
            let full = Array(id.lowercased())
            var distance = editDistance(typed, full)
            if !input.contains("/"), let slash = full.firstIndex(of: "/") {
                distance = min(distance, editDistance(typed, Array(full[(slash + 1)...])))
            }
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (id, distance)
            }
        }
        return best?.id
    }

    /// Levenshtein distance with two rows: insertions, deletions and substitutions each cost one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
