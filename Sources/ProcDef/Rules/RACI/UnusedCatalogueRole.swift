import YAMLTree

/// A catalogue role that nothing in the workspace names: no process, policy, waiver or process defined elsewhere.
/// Raised in `Workspace/Checker.swift`, where the finding comes up; this file holds its description and its check.
package enum UnusedCatalogueRole: Rule {
    package static let descriptor = RuleDescriptor(
        id: "raci/unused-catalogue-role",
        defaultSeverity: .note,
        summary: "a catalogue role that no process, policy or waiver names",
        explanation: """
            The role catalogue is the organisation's list of who takes part in its processes. A role that no process, \
            policy or waiver names is a promise nobody keeps: an approver defined for a control that was never \
            written down, a team renamed in the processes but not in the catalogue, a role kept after its process was \
            retired. Readers of the catalogue take it for a part someone plays, and the runbooks never show where.

            The rule reports the role's id in the catalogue. A role is named when it is a process's `owner`, \
            `manager`, `case-owner` or `defaults.accountable`; responsible, accountable, consulted or informed for \
            an activity (conditional `{role, when}` entries included) or informed of a handoff; the `approved-by` of \
            a waiver; the `owner` or `receiver` of a process defined elsewhere (`kind: external-process`); or named \
            by a policy's selector (`responsible`, `accountable`, `informs`, `consults`). `.procdef.yaml` names no \
            roles. Use the role where the organisation needs it, or remove it from the catalogue.

            The rule judges the catalogue only when the check sees every use a role may have: when it reads the \
            whole repository (the config's `paths`, the default folders, or folders named on the command line; not \
            files named one by one, as an editor or a pre-commit hook on changed files does), holds at least one \
            process, and was read without an error (a file that does not decode, or a misspelt role id, hides a use: \
            fix those first). A check that does not judge the catalogue leaves its suppressions of this rule (and of \
            `raci/idle-role` in the catalogue) alone: they are not unused. A role that is named, but only ever \
            consulted or informed, is `raci/idle-role`'s finding; a role that nothing names gets this note only.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              duty-manager: {name: Duty Manager, kind: manager}
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
                next: assess
              - id: assess
                name: Assess the impact
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              duty-manager: {name: Duty Manager, kind: manager}
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
                next: assess
              - id: assess
                name: Assess the impact
                responsible: service-desk
                accountable: duty-manager
                end: true
            """
    )

    /// The notes for the catalogue's roles that `use` shows nobody names, one per role (its first definition).
    package static func diagnostics(_ use: CatalogueRoleUse, in workspace: Workspace, scopes: RuleScopes) -> [Diagnostic] {
        guard use.isJudged else { return [] }
        var diagnostics: [Diagnostic] = []
        for catalogue in workspace.catalogues {
            var findings = Findings(file: catalogue.file, configuration: scopes.configuration(for: catalogue.file))
            for role in catalogue.roles
            where workspace.catalogueRoles[role.id.value].map({ $0.file == role.file && $0.id.range == role.id.range }) == true {
                let id = role.id.value
                guard !use.mentioned.contains(id) else { continue }
                findings.report(
                    Self.self, at: role.id.range,
                    "catalogue role '\(id)' (\(role.name.value)) is named by no process, policy or waiver",
                    help: "use '\(id)' where it takes part in a process, or remove it from the catalogue",
                    roles: [id]
                )
            }
            diagnostics += findings.diagnostics
        }
        return diagnostics
    }
}
