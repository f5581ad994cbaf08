import YAMLTree

/// `raci/self-approval`: separation of duties built in; whoever raised a request does not approve it.
enum SelfApproval: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "raci/self-approval",
        defaultSeverity: .error,
        summary: "an approval done or answered for by the role that raised the request",
        explanation: """
            Separation of duties is the oldest control in the book: whoever asks for something does not approve it. \
            An auditor reads an approval step whose responsible or accountable role also raised the request as no \
            approval at all, and so should the process owner: a developer who authorises their own change, or a \
            manager who approves their own access, is exactly the case the approval exists for.

            The rule looks at every `approval` step. A role responsible for it, or accountable for it on the step \
            itself, must not be responsible for the activity that raised the request: the start of the process, or \
            a step of `type: request` from which the case can reach the approval. A request step the case reaches \
            only after the approval does not count, and neither does one that an earlier approval already decided \
            before work was done on it: a peer review of a merge request, after the change authority approved the \
            change, judges the merge request, not the request for change. Accountability through \
            `defaults.accountable` does not count: the default answers for every step, and it is not read as \
            approving its own request. When the process names its `requester`, that role must not approve either \
            (unless the approval declares `other-person-than` the start).

            When the same role may approve as long as another person does (a second developer reviews a \
            developer's change), say so on the approval with `other-person-than: REQUEST-ID`, naming the request \
            step: the four-eyes rule is then written, and the runbook prints it. Otherwise make another role \
            responsible for the approval.
            """,
        failingExample: """
            kind: roles
            roles:
              access-process-owner: {name: Access Process Owner, kind: owner}
              access-manager: {name: Access Manager, kind: manager}
              line-manager: {name: Line Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: access-management
            name: Access Management
            owner: access-process-owner
            defaults:
              accountable: access-manager
            activities:
              - id: request-access
                name: Request the access
                type: request
                responsible: line-manager
              - id: approve
                name: Approve the access
                type: approval
                responsible: line-manager
                next:
                  - to: grant
                    when: The access is approved.
                    handoff:
                      artifact: approved-request
                      expectation: The service desk grants the access within 4 hours.
                  - to: close
                    when: The access is rejected.
                    handoff:
                      artifact: rejected-request
                      expectation: The service desk closes the request within 1 business day.
              - id: grant
                name: Grant the access
                responsible: service-desk
                next: close
              - id: close
                name: Close the request
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              access-process-owner: {name: Access Process Owner, kind: owner}
              access-manager: {name: Access Manager, kind: manager}
              line-manager: {name: Line Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: access-management
            name: Access Management
            owner: access-process-owner
            defaults:
              accountable: access-manager
            activities:
              - id: request-access
                name: Request the access
                type: request
                responsible: line-manager
                handoff:
                  artifact: access-request
                  expectation: The access manager decides within 1 business day.
              - id: approve
                name: Approve the access
                type: approval
                responsible: access-manager
                next:
                  - to: grant
                    when: The access is approved.
                    handoff:
                      artifact: approved-request
                      expectation: The service desk grants the access within 4 hours.
                  - to: close
                    when: The access is rejected.
                    handoff:
                      artifact: rejected-request
                      expectation: The service desk closes the request within 1 business day.
              - id: grant
                name: Grant the access
                responsible: service-desk
                next: close
              - id: close
                name: Close the request
                responsible: service-desk
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        check(context, requester: context.process.requester, into: &findings)
    }

    /// The check, with the process's `requester` role when it names one.
    static func check(_ context: ProcessContext, requester: Located<String>?, into findings: inout Findings) {
        // The roles that can raise a request at all: an approval by none of them needs no search of the flow.
        var raisingRoles: Set<String> = []
        for (index, activity) in context.activities.enumerated() where index == context.graph.start || activity.stepType == .request {
            raisingRoles.formUnion(context.activityRoles[index].responsible.map(\.value))
        }
        for (index, activity) in context.activities.enumerated() where activity.stepType == .approval {
            let approvers = approvingRoles(activity, at: index, context)
            guard !approvers.isEmpty else { continue }
            var reported: Set<String> = []
            let mayRaise = approvers.contains { raisingRoles.contains($0.value) }
            for request in mayRaise ? requests(before: index, context) : []
            where activity.otherPersonThan?.value != context.activities[request].id.value {
                let raiser = context.activities[request]
                let raisers = RoleLookup(context.activityRoles[request].responsible)
                for approver in approvers where raisers.contains(approver.value) && reported.insert(approver.value).inserted {
                    findings.report(
                        Self.self, at: approver.range,
                        "\(context.describeRole(approver.value)) approves its own request: it is \(approver.involvement) for "
                            + "approval \(context.describe(activity)) and responsible for \(context.describe(raiser)), which raised it",
                        help:
                            "make another role responsible for the approval; if another person of the same role approves, "
                            + "write `other-person-than: \(raiser.id.value)` on it",
                        activities: [activity.id.value, raiser.id.value], roles: [approver.value])
                }
            }
            checkRequester(requester, approval: activity, approvers: approvers, skipping: reported, context, into: &findings)
        }
    }

    /// The process's requester among the approvers. Apart from the rest so that the process field `requester` can
    /// be passed in where the model has it.
    static func checkRequester(
        _ requester: Located<String>?, approval: Activity, approvers: [Approver], skipping reported: Set<String>, _ context: ProcessContext,
        into findings: inout Findings
    ) {
        guard let requester, !reported.contains(requester.value),
            let approver = approvers.first(where: { $0.value == requester.value })
        else { return }
        // Four eyes declared against the start: another person of the requester's role approves.
        if let start = context.activities.first, approval.otherPersonThan?.value == start.id.value { return }
        findings.report(
            Self.self, at: approver.range,
            "\(context.describeRole(approver.value)) approves its own request: it is the process's requester and "
                + "\(approver.involvement) for approval \(context.describe(approval))",
            help: "make another role responsible for the approval: a requester never approves what they asked for",
            activities: [approval.id.value], roles: [approver.value])
    }

    /// A role that decides an approval: responsible for it, or accountable for it on the step itself.
    struct Approver {
        var value: String
        var range: SourceRange
        /// `responsible` or `accountable`.
        var involvement: String
    }

    static func approvingRoles(_ activity: Activity, at index: Int, _ context: ProcessContext) -> [Approver] {
        let roles = context.activityRoles[index]
        var approvers = roles.responsible.map { Approver(value: $0.value, range: $0.range, involvement: "responsible") }
        // `defaults.accountable` answers for every step; only accountability written on the approval is judged.
        if !activity.accountable.isEmpty {
            for reference in roles.accountable where !approvers.contains(where: { $0.value == reference.value }) {
                approvers.append(Approver(value: reference.value, range: reference.range, involvement: "accountable"))
            }
        }
        return approvers
    }

    /// The activities that raised the request the approval at `approval` decides, in position order: the start and
    /// the `request` steps from which the case reaches the approval, without an earlier approval having decided it
    /// and work having been done since (the later approval then judges that work).
    static func requests(before approval: Int, _ context: ProcessContext) -> [Int] {
        let graph = context.graph
        let activities = context.activities
        // States: (activity, whether work lies between it and the approval), searched backwards from the approval.
        var seen = Array(repeating: [false, false], count: activities.count)
        var found = Array(repeating: false, count: activities.count)
        var queue: [(Int, Bool)] = [(approval, false)]
        var head = 0
        while head < queue.count {
            let (node, afterWork) = queue[head]
            head += 1
            for edge in graph.incoming[node] {
                let source = graph.transitions[edge].source
                guard source != approval else { continue }
                let type = activities[source].stepType
                if type == .approval && afterWork { continue }
                if source == graph.start || type == .request { found[source] = true }
                let work = afterWork || type == .task || type == .automated || type == .request
                let slot = work ? 1 : 0
                guard !seen[source][slot] else { continue }
                seen[source][slot] = true
                queue.append((source, work))
            }
        }
        return found.indices.filter { found[$0] }
    }
}
