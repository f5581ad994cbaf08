/// `waiver/permanent`: lists every waiver with `until: permanent`, so that accepted risks stay in view.
enum WaiverPermanent: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "waiver/permanent",
        defaultSeverity: .note,
        summary: "a waiver that never expires: an accepted risk, listed",
        explanation: """
            Some exceptions are not temporary: the process owner has weighed the risk and accepted it for good, with \
            compensating controls. Such a waiver is written `until: permanent`, and it must name who accepted it with \
            `approved-by:`, a role of kind `owner` (without it, `schema/missing-field`; a role of another kind is \
            `ownership/owner-kind`). A permanent waiver never expires, so nothing would ever bring it up again: this \
            note lists each one on every check, with its approver and reason, and the runbook's policy table shows \
            it as permanent. Review the list from time to time (in an audit, or when the owner changes); when the \
            reason no longer holds, give the waiver a date or remove it.

            The note is informational and does not fail a run, even under `--strict`. To keep it out of the output \
            of a repository that has reviewed its accepted risks, set `waiver/permanent: off` in `.procdef.yaml`.
            """,
        failingExample: """
            kind: policy
            id: case-owner-named
            title: Customer-facing processes name a case owner
            severity: warning
            applies-to: {tags: [customer-facing]}
            require:
              process: {has: [case-owner]}
            ---
            kind: roles
            roles:
              desk-owner: {name: Service Desk Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: request-fulfilment
            name: Request Fulfilment
            owner: desk-owner
            tags: [customer-facing]
            activities:
              - id: fulfil
                name: Fulfil the request
                responsible: service-desk
                accountable: desk-owner
            waivers:
              - policy: case-owner-named
                reason: Requests are fulfilled in one step by whoever picks them up.
                until: permanent
                approved-by: desk-owner
            """,
        fixedExample: """
            kind: policy
            id: case-owner-named
            title: Customer-facing processes name a case owner
            severity: warning
            applies-to: {tags: [customer-facing]}
            require:
              process: {has: [case-owner]}
            ---
            kind: roles
            roles:
              desk-owner: {name: Service Desk Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: request-fulfilment
            name: Request Fulfilment
            owner: desk-owner
            case-owner: service-desk
            tags: [customer-facing]
            activities:
              - id: fulfil
                name: Fulfil the request
                responsible: service-desk
                accountable: desk-owner
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        for waiver in process.waivers {
            guard let until = waiver.until, until.value == .permanent else { continue }
            let approval = waiver.approvedBy.map { "approved by \(context.describeRole($0.value))" } ?? "with no approver"
            let reason = waiver.reason.map { ": \($0.value)" } ?? ""
            findings.report(
                Self.self, at: until.range,
                "process '\(process.id.value)' waives policy '\(waiver.policy.value)' permanently, \(approval)\(reason)",
                help: "an accepted risk; when the reason no longer holds, give the waiver a date or remove it",
                roles: waiver.approvedBy.map { [$0.value] } ?? [],
                policy: waiver.policy.value, waiver: WaiverSubject(process: process.id.value, policy: waiver.policy.value)
            )
        }
    }
}
