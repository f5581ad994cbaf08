/// A `.procdef.yaml` entry for a rule that does not exist: the setting would silently do nothing.
/// Raised in `Config/ConfigResolver.swift`, where the finding comes up; this file holds its description.
package enum UnknownConfiguredRule: Rule {
    package static let descriptor = RuleDescriptor(
        id: "config/unknown-rule",
        defaultSeverity: .error,
        summary: "`.procdef.yaml` sets a rule or family that does not exist",
        explanation: """
            Every key under `rules:` in `.procdef.yaml` must be a rule id (`raci/too-many-consulted`), a family \
            (`handoff/*`) or a policy (`policy/<policy-id>`). A misspelt id would otherwise be ignored, and the rule \
            you meant to tune or silence would go on as before. `procdef rules` lists every id.
            """,
        failingExample: """
            kind: config
            rules:
              raci/too-many-consultd: {max: 3}
            """,
        fixedExample: """
            kind: config
            rules:
              raci/too-many-consulted: {max: 3}
            """
    )
}
