/// A waiver past its `until` date: the exemption has lapsed and the policy applies again.
/// Raised in `Policies/PolicyEvaluator.swift`, where the finding comes up; this file holds its description.
package enum WaiverExpired: Rule {
    package static let descriptor = RuleDescriptor(
        id: "waiver/expired",
        defaultSeverity: .error,
        summary: "a waiver past its `until` date",
        explanation: """
            A waiver exempts one process from one policy for a while, with a reason. Exemptions that never end become \
            the real policy, so every waiver has an `until` date and fails the run once that date has passed. When this \
            fires, either fix what the policy asks for and remove the waiver, or agree a new date with the policy's \
            owner and write it down with the reason. `--today YYYY-MM-DD` fixes the date a check runs on, for \
            reproducible CI and tests. A risk accepted for good is `until: permanent` with `approved-by:` \
            (`waiver/permanent`), which never expires.

            This rule was `policy/waiver-expired`; the old id still works in `.procdef.yaml` and in inline \
            suppressions, with a note (`lint/renamed-rule`).
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
                reason: The desk rota is being reorganised.
                until: 2001-01-31
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
}
