/// `handoff/external-without-receiver`: a trigger starts a process defined elsewhere that names no receiver.
enum ExternalWithoutReceiver: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/external-without-receiver",
        defaultSeverity: .note,
        summary: "a trigger starts a process defined elsewhere (`kind: external-process`) that names no `receiver`",
        explanation: """
            A process defined elsewhere (a national CERT's incident response, a supplier's own incident process) \
            is started like any other, with `triggers:`. The handoff to it exists, but procdef can only check it \
            when the external process names its `receiver`: the role on the other side that takes a case in, as a \
            role of the catalogue. Without one, nobody is named to take the case in, no `handoff/gap` can be found \
            and the runbook cannot say whom to call.

            Name the `receiver` in the `kind: external-process` document (the agency's duty desk, the supplier's \
            service desk), and declare the trigger's `handoff:` with what is handed over and what the receiver \
            commits to. The finding is a note: some organisations only know the other side's address.
            """,
        failingExample: """
            kind: roles
            roles:
              security-owner: {name: Security Process Owner, kind: owner}
              security-analyst: {name: Security Analyst, kind: practitioner}
              agency-duty-desk: {name: Agency Duty Desk, kind: supplier}
            ---
            kind: external-process
            id: agency-incident-response
            name: Agency Incident Response
            ---
            kind: process
            id: security-incident
            name: Security Incident Management
            owner: security-owner
            defaults:
              accountable: security-owner
            activities:
              - id: notify-agency
                name: Notify the agency
                responsible: security-analyst
                triggers:
                  - process: agency-incident-response
            """,
        fixedExample: """
            kind: roles
            roles:
              security-owner: {name: Security Process Owner, kind: owner}
              security-analyst: {name: Security Analyst, kind: practitioner}
              agency-duty-desk: {name: Agency Duty Desk, kind: supplier}
            ---
            kind: external-process
            id: agency-incident-response
            name: Agency Incident Response
            receiver: agency-duty-desk
            ---
            kind: process
            id: security-incident
            name: Security Incident Management
            owner: security-owner
            defaults:
              accountable: security-owner
            activities:
              - id: notify-agency
                name: Notify the agency
                responsible: security-analyst
                outputs: [incident-notification]
                triggers:
                  - process: agency-incident-response
                    handoff:
                      artifact: incident-notification
                      expectation: The duty desk confirms receipt within 24 hours.
                      agreement: National notification duty (NIS2 article 23)
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for point in context.handoffs.points {
            guard let external = point.target.external, external.receiver == nil else { continue }
            findings.report(
                Self.self, at: point.range,
                "\(context.describe(point.sourceActivity)) starts \(HandoffWording.externalProcess(external)), which names no receiver: "
                    + "nobody is named to take the case in",
                help: "add `receiver:` to external process '\(external.id.value)' with the role that takes a case in",
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }
}
