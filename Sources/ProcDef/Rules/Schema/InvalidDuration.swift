/// `schema/invalid-duration`: a `target` that is not a whole number with a unit.
/// Raised in `Decode/ActivityDecoding.swift`, where the finding comes up; this file holds its description.
package struct InvalidDuration: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/invalid-duration",
        defaultSeverity: .error,
        summary: "`target` not like `90s`, `10m`, `4h`, `2d`",
        explanation: """
            An activity's time target is a whole number followed by one unit: `s` (seconds), `m` (minutes), `h` \
            (hours) or `d` (days). One short, unambiguous form lets runbooks show targets uniformly and lets tools \
            compare them; "10 minutes", "1h30m" and "ASAP" cannot be compared. Write `90m` rather than `1h30m`.
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
                target: 10 minutes
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
                target: 10m
            """
    )
}
