import YAMLTree

/// A `system` role used as a person (accountable, consulted, informed, or on a step that is not automated), or an
/// automated step done by a person.
enum SystemRoleMisuse: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/system-role-misuse",
        defaultSeverity: .error,
        summary: "a `system` role accountable, consulted or informed, or a step's type and its responsible roles disagree",
        explanation: """
            A CI/CD pipeline, a monitoring tool or a workflow engine does work: it can be responsible for an \
            automated step. It cannot answer for the result, give advice or read a notice, so a `system` role is \
            never accountable, consulted or informed; a pipeline answers to someone, and that someone is the \
            accountable role of the step (`raci/accountable-required` asks for one as for any step).

            The step's `type` and its responsible roles must agree: a `system` role is responsible only on a step of \
            `type: automated`, and every responsible role of an automated step is a `system` role. Otherwise the \
            runbook tells a person to wait for a machine that is not told to act, or asks a machine to follow a \
            procedure written for people.

            The rule reports each entry at its place: an accountable, consulted or informed `system` role (also \
            through `defaults.accountable`, a handoff's `informed` and `case-owner`), a `system` role responsible on \
            a step that is not automated, and a person responsible on an automated step.
            """,
        failingExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              developer: {name: Developer, kind: practitioner}
              ci-pipeline: {name: CI/CD Pipeline, kind: system}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-process-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: merge
                name: Merge the change
                responsible: developer
                informed: [ci-pipeline]
                handoff:
                  artifact: merge-commit
              - id: deploy
                name: Deploy to production
                responsible: ci-pipeline
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
              developer: {name: Developer, kind: practitioner}
              ci-pipeline: {name: CI/CD Pipeline, kind: system}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-process-owner
            manager: change-manager
            defaults:
              accountable: change-manager
            activities:
              - id: merge
                name: Merge the change
                responsible: developer
                handoff:
                  artifact: merge-commit
              - id: deploy
                name: Deploy to production
                type: automated
                responsible: ci-pipeline
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        func isSystem(_ id: String) -> Bool { context.role(id)?.kind.value.isSystem == true }
        let process = context.process
        if let caseOwner = process.caseOwner, isSystem(caseOwner.value) {
            findings.report(
                Self.self, at: caseOwner.range,
                "system role \(context.describeRole(caseOwner.value)) is the case owner of process \(Quoting.quoted(process.id.value))",
                help: "the case owner answers for the whole case: name a person's role, and let the system do automated steps",
                roles: [caseOwner.value])
        }
        var inheriting: [Activity] = []
        for (index, activity) in context.activities.enumerated() {
            let activityID = activity.id.value
            let automated = activity.stepType == .automated
            for reference in activity.responsible {
                guard let role = context.role(reference.value) else { continue }
                if role.kind.value.isSystem, !automated {
                    findings.report(
                        Self.self, at: reference.range,
                        "system role \(context.describeRole(reference.value)) is responsible for \(context.describe(activity)), "
                            + "which is not an automated step",
                        help: "mark the step `type: automated`, or make a person's role responsible for it",
                        activities: [activityID], roles: [reference.value])
                } else if automated, !role.kind.value.isSystem {
                    findings.report(
                        Self.self, at: reference.range,
                        "\(role.kind.value.rawValue) role \(context.describeRole(reference.value)) is responsible for automated "
                            + "\(context.describe(activity)); an automated step is done by a system role",
                        help: "make a `system` role (the pipeline, the tool) responsible, or drop `type: automated` if a person does it",
                        activities: [activityID], roles: [reference.value])
                }
            }
            // The default's own share is reported once, at the default, below.
            if activity.accountable.isEmpty { inheriting.append(activity) }
            let ownAccountable = activity.accountable.isEmpty ? [] : context.activityRoles[index].accountable
            for reference in ownAccountable where isSystem(reference.value) {
                findings.report(
                    Self.self, at: reference.range,
                    "system role \(context.describeRole(reference.value)) is accountable for \(context.describe(activity))",
                    help: "a system answers to someone: make that person's role accountable, and keep the system responsible",
                    activities: [activityID], roles: [reference.value])
            }
            for (list, word) in [(activity.consulted, "consulted"), (activity.informed, "informed")] {
                for reference in list where isSystem(reference.value) {
                    findings.report(
                        Self.self, at: reference.range,
                        "system role \(context.describeRole(reference.value)) is \(word) on \(context.describe(activity))",
                        help: help(word),
                        activities: [activityID], roles: [reference.value])
                }
            }
            let handoffs =
                [activity.handoff].compactMap { $0 } + (activity.next?.branchHandoffs ?? []) + activity.triggers.compactMap(\.handoff)
                + activity.timeouts.compactMap(\.handoff)
            for handoff in handoffs {
                for reference in handoff.informed where isSystem(reference.value) {
                    findings.report(
                        Self.self, at: reference.range,
                        "system role \(context.describeRole(reference.value)) is informed of a handoff of \(context.describe(activity))",
                        help: help("informed"),
                        activities: [activityID], roles: [reference.value])
                }
            }
        }
        for cancellation in process.cancellations {
            for reference in cancellation.handoff?.informed ?? [] where isSystem(reference.value) {
                findings.report(
                    Self.self, at: reference.range,
                    "system role \(context.describeRole(reference.value)) is informed of the handoff of the cancellation to "
                        + "\(Quoting.quoted(cancellation.to.value))",
                    help: help("informed"),
                    activities: [cancellation.to.value], roles: [reference.value])
            }
        }
        guard let fallback = process.defaultAccountable, let first = inheriting.first, isSystem(fallback.value) else { return }
        let others = inheriting.count > 1 ? " and \(inheriting.count - 1) more" : ""
        findings.report(
            Self.self, at: fallback.range,
            "system role \(context.describeRole(fallback.value)) is accountable, through `defaults.accountable`, for "
                + "\(inheriting.count == 1 ? "activity" : "activities") \(context.describe(first))\(others)",
            help: "a system answers to someone: make that person's role the default accountable",
            activities: inheriting.map(\.id.value), roles: [fallback.value])
    }

    private static func help(_ word: String) -> String {
        word == "consulted"
            ? "a system gives no advice: consult the people who run it, or make the query an automated step of its own"
            : "a system reads no notice: inform the people who run it, or make the call to it an automated step"
    }
}
