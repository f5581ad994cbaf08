/// An inline suppression that silenced nothing: it hides nothing today and would hide a new problem tomorrow.
/// Raised in `Suppressions/SuppressionFilter.swift`, where the finding comes up; this file holds its description.
package enum UnusedSuppression: Rule {
    package static let descriptor = RuleDescriptor(
        id: "lint/unused-suppression",
        defaultSeverity: .warning,
        summary: "an inline suppression that suppressed nothing",
        explanation: """
            `# procdef: ignore RULE -- reason` silences findings of RULE on its own line (after content) or on the \
            next line (on a line of its own). When nothing is silenced, the suppression is stale: the problem was \
            fixed or moved, or the rule id is misspelt. A stale suppression would silently swallow the next real \
            finding on that line, so procdef reports it. Remove it, fix the rule id, or move it next to the finding.

            `procdef check --fix` removes it: a safe fix, since it silenced nothing. A comment alone on its line goes \
            with its line (the line stays, empty, when another suppression above aims at it), a comment after \
            content goes with the space before it, and when only some of the rules it names are stale, only those \
            go. For an id that is no rule but close to one, an unsafe fix that writes that rule comes first \
            (`--unsafe-fixes`): it may silence what the suppression was meant for.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            activities:
              # procdef: ignore handoff/gap -- the desk does both steps
              - id: log
                name: Log the incident
                responsible: service-desk
                accountable: incident-owner
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: incident-owner
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                accountable: incident-owner
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: incident-owner
            """
    )
}
