/// `ref/unknown-process`: a trigger that names no process, or an activity its process does not have.
/// Raised in `Workspace/WorkspaceLinking.swift`, where the finding comes up; this file holds its description.
package struct UnknownProcess: Rule {
    package static let descriptor = RuleDescriptor(
        id: "ref/unknown-process",
        defaultSeverity: .error,
        summary: "`triggers.process` names no process (or `activity` not in it)",
        explanation: """
            A trigger hands a case to another process, optionally at a given entry activity. If that process (or \
            activity) does not exist among the files checked, the case is handed to nobody: the cross-process handoff \
            that service management depends on is broken. Check the id against the other process's file; the help \
            suggests the closest one. Check the whole repository at once, so that every process is known. A process \
            defined elsewhere (`kind: external-process`) can be triggered too, but it has no activities: a trigger \
            that names an `activity` of it is reported as well.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              process-owner: {name: Process Owner, kind: owner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                accountable: process-owner
                triggers:
                  - process: problem-mangement
            ---
            kind: process
            id: problem-management
            name: Problem Management
            owner: process-owner
            activities:
              - id: record
                name: Record the problem
                responsible: service-desk
                accountable: process-owner
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              process-owner: {name: Process Owner, kind: owner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
                accountable: process-owner
                triggers:
                  - process: problem-management
            ---
            kind: process
            id: problem-management
            name: Problem Management
            owner: process-owner
            activities:
              - id: record
                name: Record the problem
                responsible: service-desk
                accountable: process-owner
            """
    )
}
