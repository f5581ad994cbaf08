import YAMLTree

/// `flow/one-sided-decision`: a condition with no other branch, or an approval the approver cannot say no to.
enum OneSidedDecision: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "flow/one-sided-decision",
        defaultSeverity: .warning,
        summary: "a step whose only way out is conditioned, or an approval with no way out for a no",
        explanation: """
            A decision has two sides. A step whose only way out is a branch with `when` says where the case goes when \
            the condition holds, and nothing about when it does not: the practitioner holding a case that does not \
            match has no next step, and the case waits in a queue until someone notices. An `approval` step is a \
            decision by definition: an approver who can only say yes approves nothing, and the requester of a \
            rejected case is never told.

            The rule reports a step whose `next` list leads to one target only, every entry with a `when`, and an \
            `approval` step with fewer than two ways out. Each target of the `next` list is one way out (a branch \
            that forks counts once, and two entries to the same activity count once); `end: true`, a single `next`, \
            `next: {all: [...]}` and the fall-through to the following activity are one way out each. A `cancel` \
            entry is not a way out of the decision: it cuts the case short whatever the approver says.

            A branch of an approval may say which answer takes it: `outcome: approved` or `outcome: rejected`. Once \
            one branch says it, both answers need a branch, so an approval whose every branch is `approved` is \
            one-sided too. `outcome` on a branch of a step that is not an approval is `schema/unknown-key`.

            Fix it by adding the other branch, with its own `when` (for an approval, where a rejected case goes and \
            who tells the requester), or, when the case always goes on, by dropping the `when` (or `type: approval`).
            """,
        failingExample: """
            kind: roles
            roles:
              access-process-owner: {name: Access Process Owner, kind: owner}
              access-manager: {name: Access Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              line-manager: {name: Line Manager, kind: manager}
            ---
            kind: process
            id: access-management
            name: Access Management
            owner: access-process-owner
            defaults:
              accountable: access-manager
            activities:
              - id: log-request
                name: Log the access request
                type: request
                responsible: service-desk
                handoff:
                  artifact: access-request
                  expectation: The line manager decides within 1 business day.
              - id: approve
                name: Approve the access
                type: approval
                responsible: line-manager
                next:
                  - to: grant
                    when: The line manager approves.
                    outcome: approved
                    handoff:
                      artifact: approved-request
                      expectation: The service desk grants the access within 4 hours.
              - id: grant
                name: Grant the access
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              access-process-owner: {name: Access Process Owner, kind: owner}
              access-manager: {name: Access Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              line-manager: {name: Line Manager, kind: manager}
              user: {name: User, kind: customer}
            ---
            kind: process
            id: access-management
            name: Access Management
            owner: access-process-owner
            defaults:
              accountable: access-manager
            activities:
              - id: log-request
                name: Log the access request
                type: request
                responsible: service-desk
                handoff:
                  artifact: access-request
                  expectation: The line manager decides within 1 business day.
              - id: approve
                name: Approve the access
                type: approval
                responsible: line-manager
                next:
                  - to: grant
                    when: The line manager approves.
                    outcome: approved
                    handoff:
                      artifact: approved-request
                      expectation: The service desk grants the access within 4 hours.
                  - to: reject
                    when: The line manager rejects the request.
                    outcome: rejected
                    handoff:
                      artifact: rejected-request
                      expectation: The service desk tells the user why within 1 business day.
              - id: grant
                name: Grant the access
                responsible: service-desk
                end: true
              - id: reject
                name: Tell the user the request was rejected
                responsible: service-desk
                informed: [user]
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        for (index, activity) in context.activities.enumerated() {
            if activity.stepType == .approval {
                checkApproval(activity, at: index, context, into: &findings)
            } else if !activity.isEnd, case .branches(let branches, _)? = activity.next, let first = branches.first,
                waysOut(activity, at: index, context).count == 1,
                branches.allSatisfy({ $0.when.map { !$0.value.isBlank } ?? false })
            {
                let target = describe(first, context)
                findings.report(
                    Self.self, at: first.range,
                    "the only way out of \(context.describe(activity)) is the branch to \(target), taken when "
                        + "\(Quoting.quoted(first.when?.value ?? "")); when that does not hold, the case has nowhere to go",
                    help: "add the other branch, with `when:` for the other case, or drop `when` if the case always goes to \(target)",
                    activities: [activity.id.value] + first.targets.map(\.value))
            }
        }
    }

    private static func checkApproval(_ activity: Activity, at index: Int, _ context: ProcessContext, into findings: inout Findings) {
        let ways = waysOut(activity, at: index, context)
        let anchor = nextRange(activity) ?? activity.end?.range ?? activity.type?.range ?? activity.id.range
        if ways.count < 2 {
            findings.report(
                Self.self, at: anchor,
                "approval \(context.describe(activity)) has one way out, \(ways.first ?? "none"): "
                    + "the case has nowhere to go when the approver says no",
                help:
                    "add the other branch, with `when:` and `outcome: rejected`, that says where a rejected case goes and who tells the requester; "
                    + "or drop `type: approval` if nobody decides here",
                activities: [activity.id.value])
            return
        }
        guard case .branches(let branches, _)? = activity.next else { return }
        let outcomes = Set(branches.compactMap { $0.outcome?.value })
        guard !outcomes.isEmpty else { return }
        for missing in ApprovalOutcome.allCases where !outcomes.contains(missing) {
            let answer = missing == .rejected ? "no" : "yes"
            findings.report(
                Self.self, at: anchor,
                "approval \(context.describe(activity)) has no branch with `outcome: \(missing.rawValue)`: "
                    + "the case has nowhere to go when the approver says \(answer)",
                help: "add the branch the case takes when the approver says \(answer), with `when:` and `outcome: \(missing.rawValue)`",
                activities: [activity.id.value])
        }
    }

    /// How each way out of the activity is named in a message, one entry per way out, in the order written.
    private static func waysOut(_ activity: Activity, at index: Int, _ context: ProcessContext) -> [String] {
        var ways: [String] = []
        switch activity.next {
        case .single(let target)?:
            ways.append("to \(describe(target.value, context))")
        case .fork(let fork)?:
            ways.append("to the fork to \(fork.branches.flatMap(\.targets).map { "'\($0.value)'" }.joined(separator: ", "))")
        case .branches(let branches, _)?:
            var seen: Set<String> = []
            for (position, branch) in branches.enumerated() {
                // A branch that forks is a way of its own; two entries to one activity are one way.
                let key = branch.to.map { "to " + $0.value } ?? "fork \(position)"
                if seen.insert(key).inserted { ways.append("to \(describe(branch, context))") }
            }
        case nil:
            if !activity.isEnd && index + 1 < context.activities.count {
                ways.append("the fall-through to \(context.describe(context.activities[index + 1]))")
            }
        }
        if activity.isEnd || (activity.next == nil && index + 1 == context.activities.count) { ways.append("the end of the case") }
        return ways
    }

    private static func describe(_ branch: Branch, _ context: ProcessContext) -> String {
        if let to = branch.to { return describe(to.value, context) }
        return "the fork to " + branch.targets.map { "'\($0.value)'" }.joined(separator: ", ")
    }

    private static func describe(_ id: String, _ context: ProcessContext) -> String {
        context.graph.index(of: id).map { context.describe(context.activities[$0]) } ?? "'\(id)'"
    }

    /// The `next` value, where the missing branch is written.
    private static func nextRange(_ activity: Activity) -> SourceRange? {
        switch activity.next {
        case .single(let target)?: target.range
        case .branches(_, let range)?: range
        case .fork(let fork)?: fork.range
        case nil: nil
        }
    }
}
