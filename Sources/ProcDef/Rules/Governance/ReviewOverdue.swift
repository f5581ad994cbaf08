/// `governance/review-overdue`: the last review plus the review cycle lies before today.
enum ReviewOverdue: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "governance/review-overdue",
        defaultSeverity: .warning,
        summary: "the process's review is past due: `review.last` plus the cycle is before today",
        explanation: """
            An ungoverned process will always decay. Teams change, tools are replaced, agreements are renegotiated, \
            and the runbook keeps describing the way things were done; a runbook nobody has looked at for two years is \
            worse than none, because people still follow it. So the Process Owner reviews the process on a cycle, \
            with the people who run it, and records the day in `review: {last: YYYY-MM-DD, every: 12mo}`.

            This rule fires when the last review plus the cycle (`review.every`, else `review-every` in \
            `.procdef.yaml`) is before today: the message says by how many days. Hold the review, update what has \
            changed, and write the day of the review in `review.last`. A month in a cycle is 30 days, so `12mo` is \
            360 days. `--today YYYY-MM-DD` fixes the date a check runs on, for reproducible CI and tests: a \
            repository checked in CI with a fixed date stays green, while a check on the real date shows the honest \
            warning, which fails a run only under `--strict`.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            review:
              last: 2024-03-12
              every: 12mo
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            review:
              last: 2026-05-19
              every: 12mo
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let governance = context.process.governance
        guard let last = governance.review?.last, let cycle = governance.cycle(default: context.reviewEvery),
            let due = governance.nextReview(default: context.reviewEvery), due < context.today
        else { return }
        let overdue = due.days(until: context.today)
        let source = governance.review?.every == nil ? " (`review-every` in the config)" : ""
        findings.report(
            Self.self, at: last.range,
            "the review of process '\(context.process.id.value)' is \(overdue) \(overdue == 1 ? "day" : "days") overdue: last reviewed on \(last.value), every \(cycle.text)\(source), so due on \(due) (today is \(context.today))",
            help: "review the process with its owner and the people who run it, then record the day in `review.last`",
            roles: context.process.owner.map { [$0.value] } ?? []
        )
    }
}
