/// `schema/invalid-duration`: a duration (`target`, `review.every`, `review-every`) that is not a whole number with a unit.
/// Raised in `Decode/DatesAndDurations.swift`, where the finding comes up; this file holds its description.
package struct InvalidDuration: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/invalid-duration",
        defaultSeverity: .error,
        summary: "a duration not like `90s`, `10m`, `4h`, `2d`, `3w`, `12mo`",
        explanation: """
            A duration (an activity's time target, a process's review cycle `review.every`, the config's \
            `review-every`) is a whole number followed by one unit: `s` (seconds), `m` (minutes), `h` (hours), `d` \
            (days), `w` (weeks) or `mo` (months of 30 days; `12m` is twelve minutes). One short, unambiguous form \
            lets runbooks show durations uniformly and lets tools compare them; "10 minutes", "1h30m" and "ASAP" \
            cannot be compared. Write `90m` rather than `1h30m`. A review cycle counts whole days, so it must be at \
            least a day: `every: 12h` is reported too.
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
