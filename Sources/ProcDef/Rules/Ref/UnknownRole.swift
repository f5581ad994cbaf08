/// `ref/unknown-role`: a role id that neither the catalogue nor the process's local roles define.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct UnknownRole: Rule {
    package static let descriptor = RuleDescriptor(
        id: "ref/unknown-role",
        defaultSeverity: .error,
        summary: "a role id that no catalogue or local role defines; did-you-mean",
        explanation: """
            Every role a process names (owner, manager, case owner, default accountable, the RACI of each activity, \
            those informed at a handoff) must be defined, in a role catalogue (`kind: roles`) or under the process's \
            own `roles:`. An undefined role is usually a typo or a role renamed in the catalogue; either way nobody \
            would actually do the work. The help suggests the closest defined role. Fix the reference, or define the \
            role.
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
                responsible: servce-desk
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
