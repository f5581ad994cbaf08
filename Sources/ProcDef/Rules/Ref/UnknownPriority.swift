/// `ref/unknown-priority`: a priority that the process's `priorities` does not declare.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct UnknownPriority: Rule {
    package static let descriptor = RuleDescriptor(
        id: "ref/unknown-priority",
        defaultSeverity: .error,
        summary: "a per-priority duration or a branch's `priorities` names a priority the process does not declare; did-you-mean",
        explanation: """
            A process that gives durations per priority (`target: {p1: 10m, default: 30m}`) or sends only some \
            priorities down a branch (`priorities: [p1]`) declares its priorities once, in `priorities: [p1, p2, p3]`. \
            A priority it does not declare is usually a typo (`P1` for `p1`) and would silently never apply: the cases \
            of the intended priority would get the `default` budget, or no branch. The help suggests the closest \
            declared priority. Fix the key, or declare the priority. A process without `priorities` has none, so every \
            key of a per-priority mapping but `default` is reported.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-owner: {name: Incident Process Owner, kind: owner}
            ---
            kind: process
            id: incident
            name: Incident management
            owner: incident-owner
            priorities: [p1, p2]
            defaults:
              accountable: incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                target: {P1: 10m, default: 30m}
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              incident-owner: {name: Incident Process Owner, kind: owner}
            ---
            kind: process
            id: incident
            name: Incident management
            owner: incident-owner
            priorities: [p1, p2]
            defaults:
              accountable: incident-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                target: {p1: 10m, default: 30m}
            """
    )
}
