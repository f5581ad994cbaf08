/// Did-you-mean suggestions: the known name closest to a misspelt one, by Damerau-Levenshtein distance.
package enum Suggestion {
    /// Names longer than this get no suggestion: the distance table grows with the product of the lengths, and input is untrusted.
    package static let maxComparedLength = 64

    /// The candidate closest to `name`, if one is close enough to be a plausible typo: at most `max(1, name.count / 3)`
    /// edits (insertions, deletions, substitutions, swaps of neighbours), ignoring case. Ties go to the candidate that
    /// sorts first, so the answer never depends on the order of `candidates`.
    package static func closest<S: Sequence>(to name: String, among candidates: S) -> String? where S.Element == String {
        let typed = Array(name.lowercased().unicodeScalars)
        guard !typed.isEmpty, typed.count <= maxComparedLength else { return nil }
        let threshold = max(1, typed.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let known = Array(candidate.lowercased().unicodeScalars)
            guard !known.isEmpty, known.count <= maxComparedLength, abs(known.count - typed.count) <= threshold else { continue }
            let distance = editDistance(typed, known)
            guard distance <= threshold else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// `did you mean 'x'?` for the closest candidate, or nil.
    package static func didYouMean<S: Sequence>(_ name: String, among candidates: S) -> String? where S.Element == String {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// The optimal-string-alignment distance: Levenshtein plus the swap of two neighbouring characters, the commonest typo.
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
