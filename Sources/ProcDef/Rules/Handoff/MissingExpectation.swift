import YAMLTree

/// `handoff/missing-expectation`: a handoff that does not say what the receiver commits to.
enum MissingExpectation: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/missing-expectation",
        defaultSeverity: .warning,
        summary: "a handoff that does not say what the receiver commits to",
        explanation: """
            Expectations must be defined for every transaction: a handoff that says what passes but not what the \
            receiver promises (acknowledge within 30 minutes, a problem record within 2 business days, confirmation \
            with the user within 1 business day) is a hand-over into silence. The sender cannot tell when to chase, \
            and the customer gets no answer to "when will I hear back?". A blank `expectation` counts as missing.

            Add `expectation:` with what the receiving role commits to, ideally with a time, and agree it with that \
            team (for a supplier, it belongs in the `agreement`). Every declared handoff is checked; a handoff on an \
            activity that applies to no transition is reported by `handoff/unneeded` only. A handoff to a `system` \
            role (a merge that starts the pipeline) needs its artifact and no expectation: a machine commits to \
            nothing. A handoff from a system role to people needs both: someone has to pick up what it produced.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                handoff:
                  artifact: incident-record
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        // A handoff written around a fork holds for several branches: it is reported once.
        var reported = Set<SourceRange>()
        for point in context.handoffs.points {
            guard let handoff = point.handoff, handoff.statedExpectation == nil else { continue }
            // A machine commits to nothing: a handoff to a system role needs its artifact only.
            if point.isToSystem { continue }
            guard reported.insert(handoff.range).inserted else { continue }
            findings.report(
                Self.self, at: handoff.range,
                "the handoff \(HandoffWording.edge(point, context)) does not say what the receiver commits to",
                help:
                    "add `expectation:` with what \(HandoffWording.receiver(point)) \(point.target.roles.count > 1 ? "commit" : "commits") to, e.g. `expectation: Acknowledged within 30 minutes.`",
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }
}
