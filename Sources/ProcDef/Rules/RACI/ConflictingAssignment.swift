import YAMLTree

/// A role appears in two RACI letters of one activity where one of them makes the other redundant.
enum ConflictingAssignment: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/conflicting-assignment",
        defaultSeverity: .warning,
        summary: "a role both consulted and informed, or consulted/informed while responsible/accountable",
        explanation: """
            The RACI letters are a ladder: the responsible role does the work, the accountable role answers for it, a \
            consulted role is asked before the decision (two-way), an informed role is told after it (one-way). A role \
            on two rungs of one activity is a sign the matrix was filled in by copying rather than by thinking: a \
            consulted role is necessarily informed, and the roles that do or own the work need neither a consultation \
            nor a notification about it. Worse, readers of the runbook cannot tell which part the role really plays.

            The rule reports the redundant entry: a `consulted` entry for a role that is also responsible or \
            accountable, and an `informed` entry for a role that is also responsible, accountable or consulted. The \
            accountable role counts with `defaults.accountable` applied. Remove the redundant entry, or, if the role \
            really plays the weaker part, remove it from the stronger list instead.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              comms: {name: Communications Lead, kind: practitioner}
            ---
            kind: process
            id: major-incident-communication
            name: Major Incident Communication
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: draft
                name: Draft the status update
                responsible: comms
                consulted: [service-desk]
                informed: [service-desk]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-desk]
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              comms: {name: Communications Lead, kind: practitioner}
            ---
            kind: process
            id: major-incident-communication
            name: Major Incident Communication
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: draft
                name: Draft the status update
                responsible: comms
                consulted: [service-desk]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-desk]
            """
    )

    private enum Letter: String {
        case responsible = "R"
        case accountable = "A"
        case consulted = "C"
        case informed = "I"

        var word: String {
            switch self {
            case .responsible: "responsible"
            case .accountable: "accountable"
            case .consulted: "consulted"
            case .informed: "informed"
            }
        }
    }

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() {
            let roles = context.activityRoles[index]
            // Nearly every activity has a role on one rung only: nothing to compare.
            if roles.consulted.isEmpty && roles.informed.isEmpty { continue }
            let responsible = RoleLookup(roles.responsible)
            let accountable = RoleLookup(roles.accountable)
            let accountableByDefault = activity.accountable.isEmpty
            let consulted = roles.consulted
            let consultedIDs = RoleLookup(consulted)

            func stronger(_ role: String, includingConsulted: Bool) -> [Letter] {
                var letters: [Letter] = []
                if responsible.contains(role) { letters.append(.responsible) }
                if accountable.contains(role) { letters.append(.accountable) }
                if includingConsulted && consultedIDs.contains(role) { letters.append(.consulted) }
                return letters
            }

            for reference in consulted {
                let letters = stronger(reference.value, includingConsulted: false)
                guard !letters.isEmpty else { continue }
                report(
                    reference, as: .consulted, alsoAs: letters, on: activity, accountableByDefault: accountableByDefault, context,
                    into: &findings)
            }
            for reference in roles.informed {
                // A role consulted only under a condition is not kept in the loop on the other runs: informing it
                // then is not redundant (unless the informing has the same condition).
                let consultedWhen = activity.conditions.isEmpty ? nil : activity.condition(consulted: reference.value)
                let consultedAlways = consultedWhen == nil || consultedWhen?.value == activity.condition(informed: reference.value)?.value
                let letters = stronger(reference.value, includingConsulted: consultedAlways)
                guard !letters.isEmpty else { continue }
                report(
                    reference, as: .informed, alsoAs: letters, on: activity, accountableByDefault: accountableByDefault, context,
                    into: &findings)
            }
        }
    }

    private static func report(
        _ reference: Located<String>, as redundant: Letter, alsoAs letters: [Letter], on activity: Activity,
        accountableByDefault: Bool, _ context: ProcessContext, into findings: inout Findings
    ) {
        let all = letters + [redundant]
        let words = all.map(\.word)
        let parts = all.count == 2 ? "both \(words[0]) and \(words[1])" : listText(words)
        let codes = listText(all.map(\.rawValue))
        let because: String
        if letters == [.consulted] {
            because = "a consulted role is already informed"
        } else {
            let strongest = letters[0]
            let source = strongest == .accountable && accountableByDefault ? " (through `defaults.accountable`)" : ""
            because = "as the \(strongest.word) role\(source) it already takes part in the activity"
        }
        findings.report(
            Self.self, at: reference.range,
            "\(context.describeRole(reference.value)) is \(parts) on \(context.describe(activity)) (\(codes))",
            help: "remove '\(reference.value)' from `\(redundant.word)`: \(because)",
            activities: [activity.id.value], roles: [reference.value]
        )
    }
}
