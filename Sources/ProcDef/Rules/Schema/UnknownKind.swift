/// `schema/unknown-kind`: a document without a `kind`, or with one procdef does not know.
/// Raised in `Config/ConfigResolver.swift`, `Decode/DocumentKinds.swift`, where the finding comes up; this file holds its description.
package struct UnknownKind: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/unknown-kind",
        defaultSeverity: .error,
        summary: "`kind` missing or not one of roles, process, policy, config or external-process",
        explanation: """
            Every YAML document procdef reads says what it is with `kind`: `roles` (the role catalogue), `process`, \
            `policy`, `config` or `external-process` (a process defined elsewhere). Without it procdef cannot tell which keys belong, so the rest of the document is not \
            checked at all. A YAML file of another tool that happens to sit among the process definitions gets this \
            finding too: move it out of the folders procdef reads.
            """,
        failingExample: """
            kind: role
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """,
        fixedExample: """
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """
    )
}
