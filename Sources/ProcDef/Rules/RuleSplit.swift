/// Rules split out of another rule: where people write rule ids (`.procdef.yaml`, inline suppressions), the older
/// rule's id names the split-out rules too, so that settings and suppressions written before the split keep their effect.
package enum RuleSplit {
    /// The older rule's id and the id of a rule split out of it (the ids are checked against the registry by its tests).
    package static let splits: [(from: String, to: String)] = [
        (from: "raci/conflicting-assignment", to: "raci/redundant-informed")
    ]

    /// The rules split out of the rule `id`, which `id` names too; empty for most ids.
    package static func alsoNamed(by id: String) -> [String] {
        splits.filter { $0.from == id }.map(\.to)
    }

    /// Whether the rule id written in an inline suppression (possibly a family, `raci/*`) names the rule `ruleID`,
    /// directly or through a split. (`ConfigResolver` copies a split rule's level itself.)
    static func names(_ written: String, _ ruleID: String) -> Bool {
        InlineSuppression.pattern(written, matches: ruleID) || alsoNamed(by: written).contains(ruleID)
    }
}
