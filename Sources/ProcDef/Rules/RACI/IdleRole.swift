import YAMLTree

/// A role that does no work: a local role in the process it was defined for, or a catalogue role in the whole workspace.
enum IdleRole: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/idle-role",
        defaultSeverity: .warning,
        summary: "a local or catalogue role that is neither responsible nor accountable anywhere",
        explanation: """
            A process defines local roles under `roles:` for the people who work in it and nowhere else: the resolver \
            group of one service, the vendor liaison of one contract. A local role that is neither responsible nor \
            accountable for any activity does no work here: it is left over from an earlier version, a typo that \
            another role id took over, or a stakeholder that belongs in the organisation's role catalogue. Either way \
            the runbook lists a role that nobody can find a job for.

            The rule reports the role's id in the process's `roles:` mapping. Accountability through \
            `defaults.accountable` counts, and so does being the process's `owner` or `manager` (the Process Owner is \
            accountable for the process, the Process Manager runs it). Make the role responsible or accountable where \
            it does the work, or remove it; a role that is only consulted or informed belongs in the role catalogue.

            A catalogue role of the people kinds (`owner`, `manager`, `practitioner`) is idle too when, across every \
            process of the workspace, it is only ever consulted or informed: an approver that is only ever consulted \
            approves nothing. Being a process's owner or manager, a waiver's `approved-by`, or the owner or receiver \
            of a process defined elsewhere counts as work. The rule reports the role's id in the catalogue; make the \
            role responsible or accountable where it does the work, or give it `kind: stakeholder` if it only needs \
            to be asked or told. A catalogue role that nothing names is `raci/unused-catalogue-role`'s note instead, \
            and, as for that rule, catalogue roles are judged only when the checked paths are folders holding a process \
            and every file was read without an error.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            roles:
              duty-officer: {name: Duty Officer, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [duty-officer]
              - id: close
                name: Close the incident
                responsible: service-desk
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            roles:
              duty-officer: {name: Duty Officer, kind: practitioner}
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                informed: [duty-officer]
              - id: close
                name: Close the incident
                responsible: service-desk
                accountable: duty-officer
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        guard !process.roles.isEmpty else { return }
        var working: Set<String> = []
        var consulted: Set<String> = []
        var informed: Set<String> = []
        for id in [process.owner, process.manager].compactMap({ $0?.value }) {
            working.insert(id)
        }
        for activity in context.activities {
            working.formUnion(activity.responsible.values())
            working.formUnion(context.accountable(activity).values())
            consulted.formUnion(activity.consulted.values())
            informed.formUnion(activity.informed.values())
            for handoff in handoffs(of: activity) {
                informed.formUnion(handoff.informed.values())
            }
        }
        for cancellation in process.cancellations {
            if let handoff = cancellation.handoff { informed.formUnion(handoff.informed.values()) }
        }
        var seen: Set<String> = []
        for role in process.roles where seen.insert(role.id.value).inserted && !working.contains(role.id.value) {
            let id = role.id.value
            let usage: String
            switch (consulted.contains(id), informed.contains(id)) {
            case (true, true): usage = "it is only consulted and informed"
            case (true, false): usage = "it is only consulted"
            case (false, true): usage = "it is only informed"
            case (false, false): usage = "no activity names it"
            }
            findings.report(
                Self.self, at: role.id.range,
                "local role \(context.describeRole(id)) is neither responsible nor accountable for any activity of '\(process.id.value)'; \(usage)",
                help:
                    "make '\(id)' `responsible` or `accountable` where it does the work, or remove it from `roles:` (a role that is only consulted or informed belongs in the role catalogue)",
                roles: [id]
            )
        }
    }

    /// The kinds of role that are meant to do work; customers, suppliers, stakeholders and systems may be only told.
    private static let peopleKinds: Set<RoleKind> = [.owner, .manager, .practitioner]

    /// Catalogue roles of the people kinds that the workspace names but only ever consults or informs, judged once
    /// per check (from `Workspace/Checker.swift`), one finding per role at its first definition.
    package static func catalogueFindings(_ use: CatalogueRoleUse, in workspace: Workspace, scopes: RuleScopes)
        -> [Diagnostic]
    {
        guard use.isJudged else { return [] }
        var diagnostics: [Diagnostic] = []
        for catalogue in workspace.catalogues {
            var findings = Findings(file: catalogue.file, configuration: scopes.configuration(for: catalogue.file))
            for role in catalogue.roles where peopleKinds.contains(role.kind.value) {
                let id = role.id.value
                guard workspace.catalogueRoles[id].map({ $0.file == role.file && $0.id.range == role.id.range }) == true,
                    use.mentioned.contains(id), !use.working.contains(id)
                else { continue }
                let usage: String
                switch (use.consulted.contains(id), use.informed.contains(id)) {
                case (true, true): usage = "it is only consulted and informed"
                case (true, false): usage = "it is only consulted"
                case (false, true): usage = "it is only informed"
                // Named only by a policy or as a case owner: not idle, just not at work in a step.
                case (false, false): continue
                }
                findings.report(
                    Self.self, at: role.id.range,
                    "catalogue role '\(id)' (\(role.name.value)) is neither responsible nor accountable for any activity of the workspace; \(usage)",
                    help:
                        "make '\(id)' `responsible` or `accountable` where it does the work, or give it `kind: stakeholder` if it only needs to be asked or told",
                    roles: [id]
                )
            }
            diagnostics += findings.diagnostics
        }
        return diagnostics
    }

    /// Every handoff declared on an activity: on its fall-through or single `next`, its branches (forks' too) and its
    /// triggers.
    private static func handoffs(of activity: Activity) -> [Handoff] {
        var result: [Handoff] = []
        if let handoff = activity.handoff { result.append(handoff) }
        result += activity.next?.branchHandoffs ?? []
        result += activity.triggers.compactMap(\.handoff)
        result += activity.timeouts.compactMap(\.handoff)
        return result
    }
}
