/// `ref/unknown-policy`: a `policies` entry or waiver that names no policy.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct UnknownPolicy: Rule {
    package static let descriptor = RuleDescriptor(
        id: "ref/unknown-policy",
        defaultSeverity: .error,
        summary: "`policies` or a waiver names no policy",
        explanation: """
            A process opts in to policies under `policies:` and is exempted from them by `waivers:`. Naming a policy \
            that does not exist means the process is not governed the way its author thinks: an opt-in that checks \
            nothing, or a waiver for a policy that was renamed. Check the id against `Policies/` (and check the \
            policies together with the processes); the help suggests the closest one.
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
            require:
              exists: {records: request}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            policies: [requests-are-recoded]
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                records: [request]
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
            require:
              exists: {records: request}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            policies: [requests-are-recorded]
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                records: [request]
            """
    )
}
