/// `governance/no-review`: a review cycle is asked for, and no review is recorded.
enum NoReview: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "governance/no-review",
        defaultSeverity: .note,
        summary: "a review cycle is asked for, but no `review.last` is recorded",
        explanation: """
            A review cycle is a promise that the Process Owner looks at the process again before it decays. Once a \
            cycle is asked for (by the process's `review.every`, or for every process by `review-every` in \
            `.procdef.yaml`), a process without `review.last` gives no sign that it has ever been reviewed, and \
            `governance/review-overdue` has no day to count from. Record the day of the last review (the approval of \
            the first version counts), `review: {last: YYYY-MM-DD}`.

            The note does not fail a run, even under `--strict`: a repository can ask for a cycle first and record \
            the reviews as they are held.
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
        let process = context.process
        let review = process.governance.review
        guard review?.last == nil, let cycle = process.governance.cycle(default: context.reviewEvery) else { return }
        // A `review` whose `last` was written but is not a date is `schema/invalid-date`'s, not a review never held.
        guard review.map({ !$0.lastWritten }) ?? true else { return }
        let asked =
            review?.every != nil
            ? "asks for a review every \(cycle.text)" : "is to be reviewed every \(cycle.text) (`review-every` in the config)"
        findings.report(
            Self.self, at: review?.every?.range ?? review?.range ?? process.headerRange,
            "process '\(process.id.value)' \(asked), but records no review",
            help: "write the day of the last review in `review: {last: YYYY-MM-DD}`",
            roles: process.owner.map { [$0.value] } ?? []
        )
    }
}
