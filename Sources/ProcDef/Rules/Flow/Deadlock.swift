/// `flow/deadlock`: a `join: all` that can wait forever for a branch that never arrives.
enum Deadlock: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/deadlock",
        defaultSeverity: .error,
        summary: "a `join: all` that can wait forever for a branch of its fork that never arrives",
        explanation: """
            A `join: all` waits for every branch of the fork it closes. When one of those branches can take a way \
            that never brings it to the join (a decision inside it leads to an end, it loops back to the fork, or it \
            waits at another join that never starts), the join never starts and the case is stuck: the work that \
            should follow (the retrospective, the closure, the customer's answer) never happens, and nothing in the \
            runbook tells anyone.

            procdef decides this by exploring the states of the case, as workflow-net theory does for soundness: a \
            state is the set of activities holding a running branch, and the finding is reported at the join, with a \
            witness run (each step, and the branch it ran on) and the branch that never arrives. Forks whose \
            branches stay inside their block and can always reach the join are sound by construction and are not \
            explored branch by branch, so nested forks stay cheap. A branch caught in a loop with no way out is \
            `flow/no-end`'s finding, not this one, and a process whose `next` names an activity it does not have is \
            not explored until `ref/unknown-activity` is fixed.

            Make every branch of the fork reach the join on every path: send the decision's other way to the join \
            too, or, when a branch may really close the case on its own, do not make the join wait for it (take \
            that branch out of the fork, or use a cancellation, which ends every running branch).
            """,
        failingExample: """
            kind: roles
            roles:
              security-process-owner: {name: Security Process Owner, kind: owner}
              incident-commander: {name: Incident Commander, kind: manager}
              responders: {name: Responders, kind: practitioner}
            ---
            kind: process
            id: security-incident
            name: Security Incident Response
            owner: security-process-owner
            defaults:
              accountable: incident-commander
            activities:
              - id: assess
                name: Confirm and assess the incident
                responsible: incident-commander
                next:
                  all:
                    - to: contain
                      handoff: {artifact: incident-doc, expectation: Responders start containment within 15 minutes.}
                    - send-sitrep
              - id: contain
                name: Contain and remediate
                responsible: responders
                next:
                  - {to: retrospective, when: The threat is removed.}
                  - {to: hand-to-agency, when: The attacker is a state actor.}
              - id: hand-to-agency
                name: Hand the case to the national agency
                responsible: responders
                end: true
              - id: send-sitrep
                name: Send the situation report
                responsible: incident-commander
                next: retrospective
              - id: retrospective
                name: Hold the retrospective
                join: all
                responsible: incident-commander
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              security-process-owner: {name: Security Process Owner, kind: owner}
              incident-commander: {name: Incident Commander, kind: manager}
              responders: {name: Responders, kind: practitioner}
            ---
            kind: process
            id: security-incident
            name: Security Incident Response
            owner: security-process-owner
            defaults:
              accountable: incident-commander
            activities:
              - id: assess
                name: Confirm and assess the incident
                responsible: incident-commander
                next:
                  all:
                    - to: contain
                      handoff: {artifact: incident-doc, expectation: Responders start containment within 15 minutes.}
                    - send-sitrep
              - id: contain
                name: Contain and remediate
                responsible: responders
                next:
                  - {to: retrospective, when: The threat is removed.}
                  - {to: hand-to-agency, when: The attacker is a state actor.}
              - id: hand-to-agency
                name: Hand the case to the national agency
                responsible: responders
                next: retrospective
              - id: send-sitrep
                name: Send the situation report
                responsible: incident-commander
                next: retrospective
              - id: retrospective
                name: Hold the retrospective
                join: all
                responsible: incident-commander
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let wording = SoundnessWording(context)
        let activities = context.activities
        for deadlock in context.soundness.deadlocks {
            let join = activities[deadlock.join]
            let missing = wording.quotedBranches(deadlock.missing, of: deadlock.fork)
            let waitsFor = "\(context.describe(join)) waits for every branch of \(wording.fork(deadlock.fork))"
            let message: String
            let last: String
            let help: String
            switch deadlock.cause {
            case .branchEnds(let end):
                let endID = activities[end].id.value
                message =
                    "\(waitsFor), but \(missing) can end the case at '\(endID)' first, so the join never starts (run: \(wording.runText(deadlock.run)))"
                last = "the case ends at '\(endID)': '\(join.id.value)' never gets \(missing)"
                help =
                    "send \(missing) on to '\(join.id.value)' on every path, or, if the case may really close at '\(endID)', cut it short with a `cancel` entry, which ends every running branch"
            case .neverArrives:
                message =
                    "\(waitsFor), but \(missing) never arrives, so the join never starts (run: \(wording.runText(deadlock.run)))"
                last = "'\(join.id.value)' waits for \(missing), which never arrives"
                help = "make every path of \(missing) lead to '\(join.id.value)'"
            case .loopsBack:
                let source = activities[context.graph.forks[deadlock.fork].source].id.value
                message =
                    "\(waitsFor), but \(missing) can go back to '\(source)' before it arrives, so the join never starts (run: \(wording.runText(deadlock.run)))"
                last = "\(missing) is back at '\(source)' and starts the fork again: '\(join.id.value)' never gets it"
                help = "loop inside the branch, or loop back to '\(source)' only after '\(join.id.value)'"
            }
            findings.report(
                Self.self, at: join.id.range, message, help: help,
                activities: [join.id.value, activities[context.graph.forks[deadlock.fork].source].id.value],
                path: wording.witness(deadlock.run, last: last))
        }
    }
}
