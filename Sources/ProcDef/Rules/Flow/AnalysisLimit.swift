/// `flow/analysis-limit`: the soundness of a process's parallel work was not decided.
package enum AnalysisLimit: ProcessRule {
    package static let descriptor = RuleDescriptor(
        id: "flow/analysis-limit",
        defaultSeverity: .note,
        summary: "the soundness of a process's parallel work was not decided: the exploration reached its limit",
        explanation: """
            `flow/deadlock`, `flow/unfinished-branch` and `flow/unjoined-merge` are decided by exploring the states \
            of the case. Well-structured forks (each branch stays inside its block and can always reach the join) \
            are stepped over, so hand-written processes need few states; but forks whose branches cross, leave \
            their block or merge without a join are explored branch by branch, and their states multiply. Past the \
            limit (`--max-states`, or `max-states` under `limits:` in `.procdef.yaml`, which may only lower it), the \
            exploration stops and this note says that soundness was not decided: a deadlock may remain unreported. \
            The findings made before the limit stand. A fork explored branch by branch may have at most 16 branches; \
            past that the note says so too.

            Give the forks clear joins, so each block is decided on its own, or split the process and start the \
            parts from one another with `triggers:`.
            """,
        failingExample: """
            # With this .procdef.yaml beside it:
            #   kind: config
            #   limits:
            #     max-states: 3
            # the branches of this fork meet at `close` without a join, so the check explores them branch by branch.
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities:
              - id: approve
                name: Approve the change
                responsible: change-manager
                next:
                  all: [update-docs, notify-service-desk]
              - id: update-docs
                name: Update the service documentation
                responsible: change-manager
                next: close
              - id: notify-service-desk
                name: Notify the service desk
                responsible: change-manager
                next: close
              - id: close
                name: Close the change
                responsible: change-manager
                end: true
            """,
        fixedExample: """
            # The same .procdef.yaml: with `join: all` the fork is one block, stepped over from fork to join.
            kind: roles
            roles:
              change-process-owner: {name: Change Process Owner, kind: owner}
              change-manager: {name: Change Manager, kind: manager}
            ---
            kind: process
            id: change-enablement
            name: Change Enablement
            owner: change-process-owner
            defaults:
              accountable: change-manager
            activities:
              - id: approve
                name: Approve the change
                responsible: change-manager
                next:
                  all: [update-docs, notify-service-desk]
              - id: update-docs
                name: Update the service documentation
                responsible: change-manager
                next: close
              - id: notify-service-desk
                name: Notify the service desk
                responsible: change-manager
                next: close
              - id: close
                name: Close the change
                join: all
                responsible: change-manager
                end: true
            """
    )

    package static func check(_ context: ProcessContext, into findings: inout Findings) {
        guard let undecided = context.soundness.undecided else { return }
        let process = context.process
        let why: String
        let help: String
        switch undecided {
        case .stateLimit(let limit):
            why = "exploring its parallel work took more than \(limit) states (the `max-states` limit)"
            help =
                "give each fork a `join: all` its branches always reach, so each block is decided on its own; or raise the limit with `--max-states`"
        case .tooManyBranches(let fork):
            why =
                "\(SoundnessWording(context).fork(fork)) has more than \(SoundnessAnalysis.widestExploredFork) branches and no `join: all` they all reach"
            help = "give the fork a `join: all` every branch reaches, or group the branches into nested forks of fewer branches each"
        }
        findings.report(
            Self.self, at: process.headerRange,
            "the soundness of process '\(process.id.value)' was not decided: \(why); deadlocks and unfinished branches may remain unreported",
            help: help)
    }
}
