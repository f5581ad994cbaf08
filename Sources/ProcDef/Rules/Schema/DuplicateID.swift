/// `schema/duplicate-id`: two processes, policies, roles, or activities of one process share an id.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct DuplicateID: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/duplicate-id",
        defaultSeverity: .error,
        summary: "two processes, policies, roles or activities (in one process) share an id",
        explanation: """
            An id names exactly one thing: references (`next`, `triggers`, role assignments, `policies`) would \
            otherwise be ambiguous, and two runbooks would be written to the same file. Process and policy ids are \
            unique across the repository, role ids across all catalogues, and activity ids within their process. A \
            process's local role may not reuse the id of a catalogue role either: a local role that redefines a \
            catalogue role would silently change who does the work. The finding points at the second definition, \
            and a note at the first. Rename one of them, or delete the copy.
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
              - id: reset
                name: Tell the user
                responsible: service-desk
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
              - id: tell-user
                name: Tell the user
                responsible: service-desk
                accountable: request-owner
            """
    )
}
