import ProcDef

/// The registered rule id closest to a mistyped one, for `help: did you mean '...'?`.
enum RuleSuggestion {
    /// The id `Suggestion` finds closest; failing that, for input without a family, the rule whose name alone is
    /// closest (`gap` or `gapp` suggests `handoff/gap`), since people remember a rule by its name more than by its
    /// family. A name two families share suggests nothing rather than a guess.
    static func closest(to input: String, among ids: [String]) -> String? {
        if let id = Suggestion.closest(to: input, among: ids) { return id }
        guard !input.contains("/") else { return nil }
        let idsByName = Dictionary(grouping: ids) { id in
            id.firstIndex(of: "/").map { String(id[id.index(after: $0)...]) } ?? id
        }
        let typed = input.lowercased()
        let name = idsByName[typed] != nil ? typed : Suggestion.closest(to: typed, among: idsByName.keys)
        guard let name, let matches = idsByName[name], matches.count == 1 else { return nil }
        return matches.first
    }
}
