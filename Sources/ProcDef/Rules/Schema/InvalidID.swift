/// `schema/invalid-id`: an id, or a reference to one, that is not kebab-case or is longer than `Identifier.maxLength`.
/// Raised in `Decode/ModelDecoder.swift`, `Decode/ProcessDecoding.swift`, where the finding comes up; this file holds its description.
package struct InvalidID: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/invalid-id",
        defaultSeverity: .error,
        summary: "an id that is not kebab-case `[a-z0-9]+(-[a-z0-9]+)*` or is longer than \(Identifier.maxLength) characters",
        explanation: """
            Process, activity, role and policy ids are referred to from other files, become file names \
            (`runbooks/<id>.md`) and node names in diagrams, and appear in rule ids (`policy/<id>`). Keeping them to \
            lowercase letters and digits joined by single hyphens makes them safe in all of those places and avoids \
            near-duplicates such as `Service_Desk` and `service-desk`. The help shows the kebab-case spelling; rename \
            the id and every reference to it.

            An id is also at most \(Identifier.maxLength) characters long, so that every file name made from it fits \
            any file system: `procdef check` refuses a longer one, rather than `procdef build` leaving its process \
            out. A reference of that length is refused where it is written, since no valid id can match it.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: Password_Reset
            name: Password reset
            owner: request-owner
            activities:
              - id: reset
                name: Reset the password
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
            """
    )
}
