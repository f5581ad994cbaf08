import ProcDef

/// The role catalogue and policies every fuzzer input is checked with, so that fuzzed processes link against real
/// roles and every kind of policy requirement runs. Kept small: the fuzzer pays for them on every input.
enum FixedWorkspaceFiles {
    static var all: [SourceFile] {
        [
            SourceFile(path: "Processes/roles.yaml", bytes: Array(roles.utf8)),
            SourceFile(path: "Policies/policies.yaml", bytes: Array(policies.utf8)),
        ]
    }

    static let roles = """
        kind: roles
        roles:
          incident-process-owner: {name: Incident Process Owner, kind: owner, team: SMO, contact: "#owners"}
          problem-process-owner: {name: Problem Process Owner, kind: owner}
          incident-manager: {name: Incident Manager, kind: manager, team: Operations}
          problem-manager: {name: Problem Manager, kind: manager}
          service-desk: {name: Service Desk Analyst, kind: practitioner, team: Service Desk, contact: "#service-desk"}
          application-support: {name: Application Support, kind: practitioner}
          infrastructure-ops: {name: Infrastructure Operations, kind: practitioner}
          communications-lead: {name: Communications Lead, kind: practitioner}
          affected-user: {name: Affected User, kind: customer}
          user: {name: User, kind: customer}
          business-stakeholder: {name: Business Owner, kind: stakeholder}
          network-carrier: {name: Carrier NOC, kind: supplier, contact: noc@example.net}

        """

    static let policies = """
        kind: policy
        id: incidents-are-logged
        title: All incidents must be logged
        severity: error
        applies-to: {tags: [incident]}
        require:
          before: {first: {records: incident}, then: {any: true}}
        ---
        kind: policy
        id: customer-informed-at-close
        title: The customer is informed when a case ends
        severity: error
        applies-to: {tags: [customer-facing]}
        require:
          all: {of: {end: true}, match: {informs-kind: customer}}
        ---
        kind: policy
        id: fixing-and-telling
        title: Firefighting and communication are separate duties
        severity: warning
        applies-to: {all: true}
        require:
          separate: [{tag: fix}, {tag: [communicate, notify]}]
          exists: {responsible-kind: practitioner}
          visits: {end: true}
          process: {has: [case-owner, manager]}
          max: {consulted: 4, informed: 8, activities: 50}
        ---
        kind: policy
        id: owners-approve
        title: The process owner approves
        severity: warning
        applies-to: {ids: [incident-management, problem-management]}
        require:
          exists: {accountable: [incident-process-owner, problem-process-owner], start: true, consults: service-desk, informs: user, id: log}

        """
}
