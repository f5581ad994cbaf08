/// Fixtures shared by the handoff rule tests, all against `standardCatalogue`.
enum HandoffFixtures {
    /// Every handoff/* rule, for tests that show a whole process's handoff findings.
    static let allRules: Set<String> = [
        "handoff/gap", "handoff/missing-artifact", "handoff/missing-expectation", "handoff/artifact-not-produced",
        "handoff/artifact-not-consumed", "handoff/unneeded", "handoff/supplier-agreement", "handoff/external-without-receiver",
        "handoff/shift-handover-missing", "handoff/expectation-without-time",
    ]

    /// An incident process around `activities` (list entries indented two spaces, markers allowed).
    static func incident(_ activities: String) -> String {
        """
        kind: process
        id: incident-management
        name: Incident Management
        owner: process-owner
        manager: incident-manager
        defaults:
          accountable: incident-manager
        activities:
        \(activities)
        """
    }

    /// A second process that triggers point into: it starts with the resolver group recording the problem.
    static let problemManagement = """
        kind: process
        id: problem-management
        name: Problem Management
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
          - id: record-problem
            name: Record the problem
            responsible: resolver
            inputs: [incident-record]
            handoff:
              artifact: incident-record
              expectation: Root cause analysed within 5 business days.
          - id: analyse
            name: Analyse the root cause
            responsible: network
            inputs: [incident-record, monitoring-data]

        """
}
