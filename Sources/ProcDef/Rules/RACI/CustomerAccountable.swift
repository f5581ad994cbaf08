import YAMLTree

/// A customer or supplier held accountable for one of the organisation's activities.
enum CustomerAccountable: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/customer-accountable",
        defaultSeverity: .error,
        summary: "a customer or supplier role accountable for an activity",
        explanation: """
            Accountability cannot be handed outside the organisation. The customer is who the service is for: the \
            service provider answers to them, not the other way round ("we own the problem end to end"; the customer \
            never has to chase their own case). A supplier can be responsible for work under an underpinning contract, \
            but the organisation stays accountable to its customers for what its suppliers deliver, which is why \
            supplier management exists.

            The rule reports a role of kind `customer` or `supplier` that is accountable for an activity: at the \
            `accountable` entry, or once at `defaults.accountable` when the default makes it accountable for activities \
            that name no accountable role of their own. Make an internal role accountable (the Process Manager, the team \
            lead, the supplier manager for outsourced work) and keep the customer or supplier as `responsible`, \
            `consulted` or `informed`, as fits.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                accountable: user
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              user: {name: Affected User, kind: customer}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: confirm
                name: Confirm resolution with the user
                responsible: service-desk
                consulted: [user]
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        var inheriting: [Activity] = []
        for (index, activity) in context.activities.enumerated() {
            if activity.accountable.isEmpty {
                inheriting.append(activity)
                continue
            }
            for reference in context.activityRoles[index].accountable {
                guard let role = context.role(reference.value), role.kind.value.isExternal else { continue }
                findings.report(
                    Self.self, at: reference.range,
                    "\(role.kind.value.rawValue) role \(context.describeRole(reference.value)) is accountable for \(context.describe(activity))",
                    help: help(for: role),
                    activities: [activity.id.value], roles: [reference.value]
                )
            }
        }
        guard let fallback = context.process.defaultAccountable, let first = inheriting.first,
            let role = context.role(fallback.value), role.kind.value.isExternal
        else { return }
        let others = inheriting.count > 1 ? " and \(inheriting.count - 1) more" : ""
        findings.report(
            Self.self, at: fallback.range,
            "\(role.kind.value.rawValue) role \(context.describeRole(fallback.value)) is accountable, through `defaults.accountable`, for \(inheriting.count == 1 ? "activity" : "activities") \(context.describe(first))\(others)",
            help: help(for: role),
            activities: inheriting.map(\.id.value), roles: [fallback.value]
        )
    }

    private static func help(for role: Role) -> String {
        let id = role.id.value
        return role.kind.value == .supplier
            ? "make an internal role accountable (e.g. the supplier manager) and keep '\(id)' `responsible` under its underpinning contract"
            : "make an internal role accountable (e.g. the process manager) and keep '\(id)' `consulted` or `informed`"
    }
}
