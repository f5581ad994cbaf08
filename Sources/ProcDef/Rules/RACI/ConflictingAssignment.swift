import YAMLTree

/// A role that does or answers for an activity is also consulted or informed on it: two parts that exclude each other.
enum ConflictingAssignment: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/conflicting-assignment",
        defaultSeverity: .warning,
        summary: "a role consulted or informed on an activity it is responsible or accountable for",
        explanation: """
            The RACI letters are a ladder: the responsible role does the work, the accountable role answers for it, a \
            consulted role is asked before the decision (two-way), an informed role is told after it (one-way). \
            Consulted and informed roles stand outside the work; the roles that do or own it cannot also be the ones \
            asked for advice on it or told about it afterwards. A role on both sides of that line is a sign the matrix \
            was filled in by copying rather than by thinking, and readers of the runbook cannot tell which part the \
            role really plays: whether it decides, or waits to be asked.

            The rule reports the entry on the outside: a `consulted` or `informed` entry for a role that is also \
            responsible or accountable. The accountable role counts with `defaults.accountable` applied. Remove that \
            entry, or, if the role really plays the outside part, remove it from the stronger list instead.

            A role both consulted and informed is not a conflict but a redundancy, reported by \
            `raci/redundant-informed` (a note), which was split out of this rule. An entry in `.procdef.yaml` or an \
            inline suppression that names `raci/conflicting-assignment` also names `raci/redundant-informed`, so \
            suppressions written on a C and I line before the split keep working.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              comms: {name: Communications Lead, kind: practitioner}
              service-owner: {name: Business Service Owner, kind: stakeholder}
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
                consulted: [service-owner]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-owner, incident-manager]
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              comms: {name: Communications Lead, kind: practitioner}
              service-owner: {name: Business Service Owner, kind: stakeholder}
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
                consulted: [service-owner]
              - id: publish
                name: Publish the status update
                responsible: comms
                informed: [service-owner]
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

            // A role both consulted and informed is `raci/redundant-informed`'s finding, not a conflict.
            func stronger(_ role: String) -> [Letter] {
                var letters: [Letter] = []
                if responsible.contains(role) { letters.append(.responsible) }
                if accountable.contains(role) { letters.append(.accountable) }
                return letters
            }

            for reference in roles.consulted {
                let letters = stronger(reference.value)
                guard !letters.isEmpty else { continue }
                report(
                    reference, as: .consulted, alsoAs: letters, on: activity, accountableByDefault: accountableByDefault, context,
                    into: &findings)
            }
            for reference in roles.informed {
                let letters = stronger(reference.value)
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
        let strongest = letters[0]
        let source = strongest == .accountable && accountableByDefault ? " (through `defaults.accountable`)" : ""
        let part = strongest == .responsible ? "does it" : "answers for it"
        let why = "\(redundant.word) roles stand outside the work, and the \(strongest.word) role \(part)"
        let because = "as the \(strongest.word) role\(source) it already takes part in the activity"
        findings.report(
            Self.self, at: reference.range,
            "\(context.describeRole(reference.value)) is \(parts) on \(context.describe(activity)) (\(codes)): \(why)",
            help: "remove '\(reference.value)' from `\(redundant.word)`: \(because)",
            activities: [activity.id.value], roles: [reference.value]
        )
    }
}
