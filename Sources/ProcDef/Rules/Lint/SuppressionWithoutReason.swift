/// An inline suppression that does not say why: the next reader cannot tell an accepted risk from a shortcut.
/// Raised in `Suppressions/SuppressionFilter.swift`, where the finding comes up; this file holds its description.
package enum SuppressionWithoutReason: Rule {
    package static let descriptor = RuleDescriptor(
        id: "lint/suppression-without-reason",
        defaultSeverity: .warning,
        summary: "an inline suppression without a `-- reason`",
        explanation: """
            A suppression is a decision that a finding is acceptable here. Write the decision down after `--`, as \
            `# procdef: ignore raci/too-many-consulted -- the CAB is consulted as one body`, so that reviewers and \
            auditors can judge it and the next process owner knows whether it still holds.
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
              - id: log
                name: Log the incident
                responsible: service-desk
                accountable: incident-owner
                informed: [service-desk]  # procdef: ignore raci/conflicting-assignment
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
                informed: [service-desk]  # procdef: ignore raci/conflicting-assignment -- the desk's shift lead reads the digest
            """
    )
}
