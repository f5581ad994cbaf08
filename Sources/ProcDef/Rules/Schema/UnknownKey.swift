/// `schema/unknown-key`: a key the format does not know at that spot.
/// Raised in `Config/ConfigResolver.swift`, `Decode/ModelDecoder.swift`, where the finding comes up; this file holds its description.
package struct UnknownKey: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/unknown-key",
        defaultSeverity: .error,
        summary: "a key the format does not know; `help: did you mean 'responsible'?`",
        explanation: """
            procdef never ignores a key silently: a misspelt `resposible:` would otherwise leave the activity without \
            a responsible role while the author believes it has one. The finding points at the key and suggests the \
            closest valid key at that spot, or lists the valid keys when none is close. Fix the spelling, or move the \
            key to where it belongs (`when` goes on a branch under `next`, not on the activity).
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
                resposible: service-desk
                accountable: request-owner
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
            """
    )
}
