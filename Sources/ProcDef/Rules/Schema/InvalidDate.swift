/// `schema/invalid-date`: a waiver's `until`, a process's `effective` or `review.last` that is not a real `YYYY-MM-DD` date.
/// Raised in `Decode/DatesAndDurations.swift`, `Decode/ProcessDecoding.swift`, where the finding comes up; this file holds its description.
package struct InvalidDate: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/invalid-date",
        defaultSeverity: .error,
        summary: "a date (waiver `until`, `effective`, `review.last`) not a real day written YYYY-MM-DD",
        explanation: """
            A waiver exempts a process from a policy until a date, after which `waiver/expired` fails the run. \
            The date is written as ISO 8601 `YYYY-MM-DD` so that it reads the same everywhere (`03/04/2027` means \
            different days in different countries) and must be a day that exists: `2027-02-30` would never expire as \
            its author expects. The only other value is `permanent`, for a risk accepted for good by the owner named \
            in `approved-by:` (`waiver/permanent`).

            A process's `effective` date and the day of its last review, `review.last`, are written the same way: \
            `governance/review-overdue` counts from that day.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: policy
            id: requests-are-recorded
            title: Every request is recorded
            severity: error
            applies-to: {all: true}
            require:
              exists: {records: request}
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
            waivers:
              - policy: requests-are-recorded
                reason: Resets are counted by the identity system.
                until: 2027-02-30
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: policy
            id: requests-are-recorded
            title: Every request is recorded
            severity: error
            applies-to: {all: true}
            require:
              exists: {records: request}
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
            waivers:
              - policy: requests-are-recorded
                reason: Resets are counted by the identity system.
                until: 2027-02-28
            """
    )
}
