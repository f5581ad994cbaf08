/// `schema/type`: a value of the wrong shape, or not one of the allowed words.
/// Raised in `Config/ConfigResolver.swift`, `Decode/ActivityDecoding.swift`, `Decode/ConfigDecoding.swift`, `Decode/DatesAndDurations.swift`, `Decode/ExternalProcessDecoding.swift`, `Decode/ModelDecoder.swift`, `Decode/PolicyDecoding.swift`, `Decode/ProcessDecoding.swift`, where the finding comes up; this file holds its description.
package struct WrongType: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/type",
        defaultSeverity: .error,
        summary: "a value of the wrong shape (list where a string is expected...)",
        explanation: """
            Each key takes values of one shape: text, a list of texts (where a single text also counts as a list of \
            one), a mapping, `true`/`false`, a whole number, or one word out of a fixed set (a role's `kind`, a \
            policy's `severity`, a handoff's `escalation`). The message says what was expected and what was found, and \
            lists the allowed words. Note that YAML 1.1 spellings such as `yes`, `no` and `on` are text, not booleans: \
            write `true` or `false`.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                end: yes
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                end: true
            """
    )
}
