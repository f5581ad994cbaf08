/// A rule named by the id it had before it was renamed: the old id still works, and the note says the new one.
/// Raised in `Config/ConfigResolver.swift`, `Suppressions/SuppressionFilter.swift`, where the finding comes up; this file holds its description and the renames.
package enum RenamedRule: Rule {
    package static let descriptor = RuleDescriptor(
        id: "lint/renamed-rule",
        defaultSeverity: .note,
        summary: "a configuration or suppression names a rule by its old id",
        explanation: """
            Rules are sometimes renamed, to give them a family of their own or a clearer name. The old id keeps \
            working where people write rule ids (in `.procdef.yaml` under `rules:`, and in inline suppressions \
            `# procdef: ignore RULE -- reason`), so that an upgrade changes no result; each use is reported with this \
            note, naming the new id. Write the new id when you next touch the line.

            Renamed so far: `policy/waiver-expired` is now `waiver/expired`, and `policy/waiver-unused` is now \
            `waiver/unused` (every policy is a rule `policy/<policy-id>`, so the built-in waiver rules took ids that a \
            policy could want). When a policy's id makes `policy/<id>` an old id (a policy `waiver-expired`), the id \
            means that policy: the policy wins, in configurations and in suppressions alike, and no note is reported.
            """,
        failingExample: """
            kind: config
            rules:
              policy/waiver-unused: off
            """,
        fixedExample: """
            kind: config
            rules:
              waiver/unused: off
            """
    )

    /// Old id and new id of every renamed rule (the new ids are checked against the registry by its tests).
    package static let renames: [(old: String, new: String)] = [
        (old: "policy/waiver-expired", new: "waiver/expired"),
        (old: "policy/waiver-unused", new: "waiver/unused"),
    ]

    /// The id a renamed rule has now, for its old id; nil for any other id.
    package static func currentID(of id: String) -> String? {
        renames.first { $0.old == id }?.new
    }

    /// The note's message.
    package static func message(oldID: String, currentID: String) -> String {
        "'\(oldID)' is now '\(currentID)'; the old id still works"
    }
}
