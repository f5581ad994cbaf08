/// `flow/unfinished-branch`: an end that closes the case while another branch is still running.
enum UnfinishedBranch: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/unfinished-branch",
        defaultSeverity: .warning,
        summary: "an end reached while another branch of the case is still running, which closes it unfinished",
        explanation: """
            `end: true` closes the case, and every branch still running closes with it. When a fork's branches are \
            not joined again, the first one to reach an end closes the case while the others are still at work: the \
            situation report that was being written is never sent, the customer who was being updated is never told \
            how it ended, and reporting shows a closed case whose work goes on.

            procdef finds this by exploring the states of the case. The finding is reported at the end, once, with a \
            witness run (each step, and the branch it ran on) and the branches still running there. Two branches \
            that each reach an end, with nothing joining them, are this finding too. A cancellation (`cancel`) ends \
            the running branches on purpose and is not reported.

            Meet the branches again with `join: all` before the end, so the case closes once all the work is done; \
            if a branch may really cut the case short, write it as a `cancel` entry.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              communications-lead: {name: Communications Lead, kind: practitioner}
            ---
            kind: process
            id: major-incident
            name: Major Incident
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: declare
                name: Declare the major incident
                responsible: incident-manager
                next:
                  all:
                    - restore
                    - to: publish-updates
                      handoff: {artifact: incident-brief, expectation: The first notice goes out within 15 minutes.}
              - id: restore
                name: Restore the service
                responsible: incident-manager
                end: true
              - id: publish-updates
                name: Publish the scheduled updates
                responsible: communications-lead
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              communications-lead: {name: Communications Lead, kind: practitioner}
            ---
            kind: process
            id: major-incident
            name: Major Incident
            owner: incident-process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: declare
                name: Declare the major incident
                responsible: incident-manager
                next:
                  all:
                    - restore
                    - to: publish-updates
                      handoff: {artifact: incident-brief, expectation: The first notice goes out within 15 minutes.}
              - id: restore
                name: Restore the service
                responsible: incident-manager
                next: review
              - id: publish-updates
                name: Publish the scheduled updates
                responsible: communications-lead
                next: review
                handoff: {artifact: communications-timeline, expectation: The review is held within 5 business days.}
              - id: review
                name: Review the major incident
                join: all
                responsible: incident-manager
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let wording = SoundnessWording(context)
        let activities = context.activities
        for unfinished in context.soundness.unfinishedBranches {
            let end = activities[unfinished.end]
            let running = unfinished.running.map { step in
                let at = "at '\(activities[step.activity].id.value)'"
                return step.branch.map { "\(wording.branch($0)) (\(at))" } ?? "a branch \(at)"
            }
            let still =
                running.count == 1
                ? "\(running[0]) is still running"
                : "\(running.dropLast().joined(separator: ", ")) and \(running[running.count - 1]) are still running"
            findings.report(
                Self.self, at: end.id.range,
                "the case can close at \(context.describe(end)) while \(still): ending here stops that work unfinished (run: \(wording.runText(unfinished.run)))",
                help:
                    "meet the branches with `join: all` before the end, so the case closes once all the work is done; if this way really cuts the case short, write it as a `cancel` entry",
                activities: [end.id.value] + unfinished.running.map { activities[$0.activity].id.value },
                path: wording.witness(unfinished.run, last: "the case closes at '\(end.id.value)' while \(still)"))
        }
    }
}
