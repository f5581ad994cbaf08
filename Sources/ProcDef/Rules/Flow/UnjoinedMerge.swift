/// `flow/unjoined-merge`: two branches of one fork reach an activity that does not join them, so it runs twice.
enum UnjoinedMerge: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/unjoined-merge",
        defaultSeverity: .warning,
        summary: "two branches of one fork reach an activity without `join: all`, so it runs once for each",
        explanation: """
            Without `join: all`, an activity runs once for every branch that arrives at it. When two branches of \
            one fork both lead to the same activity, it runs twice: the customer gets two closure notices, the \
            change is deployed twice, the review is held twice. Almost always the author meant the branches to \
            meet there.

            The finding is reported at the activity where the branches first meet, with a witness run naming the \
            two branches. A branch that arrives at an activity already holding one (a fork inside a loop, started \
            again before its earlier branch moved on) is this finding too.

            Add `join: all` to the activity if it should start once, after every branch of the fork; or, if each \
            branch really needs the step, give each its own activity.
            """,
        failingExample: """
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

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let wording = SoundnessWording(context)
        let activities = context.activities
        for merge in context.soundness.unjoinedMerges {
            let activity = activities[merge.activity]
            if merge.atJoin {
                findings.report(
                    Self.self, at: activity.id.range,
                    "a branch arrives twice at \(context.describe(activity)): it forks again without a `join: all` of its own, so its parts arrive one by one and the join may start before the other branches are done (run: \(wording.runText(merge.run)))",
                    help: "add `join: all` where the parts of that branch meet, before '\(activity.id.value)'",
                    activities: [activity.id.value],
                    path: wording.witness(merge.run, last: "a second part of the same branch arrives at '\(activity.id.value)'"))
                continue
            }
            let branches = merge.branches.map(wording.branch)
            let who: String
            if let fork = merge.fork, branches.count >= 2, Set(merge.branches).count >= 2 {
                who = "\(branches[0]) and \(branches[1]) of \(wording.fork(fork)) both reach"
            } else {
                who = "a second branch arrives at"
            }
            findings.report(
                Self.self, at: activity.id.range,
                "\(who) \(context.describe(activity)), which has no `join: all`: it runs once for each (run: \(wording.runText(merge.run)))",
                help:
                    "add `join: all` to '\(activity.id.value)' if it should start once, after every branch; or give each branch its own activity",
                activities: [activity.id.value],
                path: wording.witness(merge.run, last: "'\(activity.id.value)' runs again for another branch"))
        }
    }
}
