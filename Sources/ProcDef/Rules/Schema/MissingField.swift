/// `schema/missing-field`: a required field is absent (or null).
/// Raised in `Decode/ActivityDecoding.swift`, `Decode/ModelDecoder.swift`, `Decode/PolicyDecoding.swift`, `Decode/ProcessDecoding.swift`, where the finding comes up; this file holds its description.
package struct MissingField: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/missing-field",
        defaultSeverity: .error,
        summary: "a required field is absent (`id`, `name`, `activities`...)",
        explanation: """
            Some fields carry the whole meaning of what they belong to: a process needs `id`, `name` and \
            `activities` (a missing `owner` is `ownership/owner-required`); an activity `id` and `name`; a role `name` and `kind`; a policy `id`, `title` and `require`; \
            a branch `to`; a trigger `process`; a waiver `policy`, `reason` and `until`, and `approved-by` when \
            `until` is `permanent`. A key written with no value \
            (`name:` or `name: ~`) counts as absent. The finding points at the parent key, or at the start of the \
            mapping that lacks the field. Add the field.
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
