import YAMLTree

/// `handoff/supplier-agreement`: a handoff to a supplier that names no OLA or underpinning contract.
enum SupplierAgreement: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/supplier-agreement",
        defaultSeverity: .warning,
        summary: "a handoff to a supplier role names no `agreement` (OLA or underpinning contract)",
        explanation: """
            Inside the organisation a receiving team's expectation is backed by an operational level agreement; a \
            supplier's is backed only by its underpinning contract. A handoff to a supplier that names no \
            `agreement` promises the customer a response time nobody can enforce: when the carrier misses it, \
            there is no contract clause to escalate on, and the service level towards the customer rests on hope.

            Add `agreement:` to the handoff with the contract or OLA that binds the supplier to the expectation \
            (for example `agreement: UC-12`), and make sure the expectation matches it. The rule applies when a \
            responsible role of the target activity has `kind: supplier` and is not already responsible at the \
            source; a handoff that is missing altogether is a `handoff/gap`.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              network: {name: Network Engineer, kind: practitioner}
              carrier: {name: Network Carrier, kind: supplier}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: diagnose-link
                name: Diagnose the WAN link
                responsible: network
                handoff:
                  artifact: incident-record
                  expectation: Carrier restores the link within 4 hours.
              - id: repair-link
                name: Repair the WAN link
                responsible: carrier
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              network: {name: Network Engineer, kind: practitioner}
              carrier: {name: Network Carrier, kind: supplier}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: diagnose-link
                name: Diagnose the WAN link
                responsible: network
                handoff:
                  artifact: incident-record
                  expectation: Carrier restores the link within 4 hours.
                  agreement: UC-12
              - id: repair-link
                name: Repair the WAN link
                responsible: carrier
                timeout:
                  after: 4h
                  to: escalate-to-carrier
                  handoff: {artifact: incident-record, expectation: The incident manager calls the carrier's duty manager within 30 minutes.}
                next: test-link
                handoff: {artifact: carrier-repair-report, expectation: The network engineer tests the link within 30 minutes.}
              - id: escalate-to-carrier
                name: Escalate to the carrier's duty manager
                responsible: incident-manager
                handoff: {artifact: escalation-record, expectation: The network engineer tests the link within 30 minutes of the carrier's fix.}
              - id: test-link
                name: Test the WAN link
                responsible: network
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        // A handoff written around a fork holds for several branches: it is reported once.
        var reported = Set<SourceRange>()
        for point in context.handoffs.points {
            guard let handoff = point.handoff, handoff.statedAgreement == nil, point.target.roles.contains(where: \.isSupplier) else {
                continue
            }
            let sourceRoles = Set(point.sourceRoles.map(\.identity))
            let suppliers = point.target.roles.filter { $0.isSupplier && !sourceRoles.contains($0.identity) }
            guard !suppliers.isEmpty, reported.insert(handoff.range).inserted else { continue }
            let named = HandoffWording.roles(suppliers)
            findings.report(
                Self.self, at: handoff.range,
                "the handoff \(HandoffWording.edge(point, context)) names no agreement, though \(named) \(suppliers.count == 1 ? "is a supplier" : "are suppliers")",
                help:
                    "add `agreement:` with the underpinning contract or OLA that binds \(named) to the expectation, e.g. `agreement: UC-12`",
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }
}
