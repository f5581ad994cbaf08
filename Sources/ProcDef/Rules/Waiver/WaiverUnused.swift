/// A waiver for a policy that holds anyway, or does not apply: dead exemptions hide real ones.
/// Raised in `Policies/PolicyEvaluator.swift`, where the finding comes up; this file holds its description.
package enum WaiverUnused: Rule {
    package static let descriptor = RuleDescriptor(
        id: "waiver/unused",
        defaultSeverity: .warning,
        summary: "a waiver for a policy that holds anyway",
        explanation: """
            A waiver that exempts a process from a policy it already satisfies (or that does not apply to it) says \
            nothing true: reviewers read it as a known exception that does not exist. Such waivers pile up after the \
            process is fixed. Remove the waiver; if the policy fails again later, the check will say so. Permanent \
            waivers are judged the same way.

            This rule was `policy/waiver-unused`; the old id still works in `.procdef.yaml` and in inline \
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
            case-owner: service-desk
            tags: [customer-facing]
            activities:
              - id: fulfil
                name: Fulfil the request
                responsible: service-desk
                accountable: desk-owner
            waivers:
              - policy: case-owner-named
                reason: The desk rota is being reorganised.
                until: 2999-12-31
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
