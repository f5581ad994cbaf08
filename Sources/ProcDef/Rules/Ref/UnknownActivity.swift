/// `ref/unknown-activity`: a `next` target that is not an activity of the process.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct UnknownActivity: Rule {
    package static let descriptor = RuleDescriptor(
        id: "ref/unknown-activity",
        defaultSeverity: .error,
        summary: "`next.to` names no activity of the process; did-you-mean",
        explanation: """
            A transition must lead to an activity of the same process: a `next` target that does not exist leaves \
            the case nowhere, the moment a practitioner follows the runbook. To start another process, use \
            `triggers:` instead. The help suggests the closest activity id. The same holds for every other place \
            that names an activity of the process: a cancellation's `to` and `from`, `other-person-than` and \
            `same-person-as` (four eyes), a timer's `to` and `from`, and `until` (a cadence or a continuous duty).
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
            defaults:
              accountable: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                next: cofnirm
              - id: confirm
                name: Confirm with the user
                responsible: service-desk
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
            defaults:
              accountable: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                next: confirm
              - id: confirm
                name: Confirm with the user
                responsible: service-desk
            """
    )
}
