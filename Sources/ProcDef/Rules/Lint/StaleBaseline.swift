/// A baselined finding that no longer occurs: the baseline can shrink.
/// Raised in `Baseline/BaselineFilter.swift`, where the finding comes up; this file holds its description.
package enum StaleBaseline: Rule {
    package static let descriptor = RuleDescriptor(
        id: "lint/stale-baseline",
        defaultSeverity: .note,
        summary: "a finding the baseline lists no longer occurs",
        explanation: """
            The baseline (`.procdef-baseline.json`, written by `procdef check --write-baseline`) lists the findings a \
            repository accepted as known when it adopted procdef, by rule, file and the ids each finding is about, \
            with a count. When fewer such findings occur than the baseline counts, some were fixed: this note, on the \
            baseline's line, says how many. Run `procdef check --write-baseline` to prune them, so the file shrinks \
            and a fixed defect cannot come back unnoticed. Staleness is judged only within the run's scope: a check of \
            some paths, or with `--select` or `--ignore`, says nothing about the other entries.
            """,
        failingExample: """
            # .procdef-baseline.json lists a gap that was since fixed:
            #   {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident-management", "activities": ["log", "diagnose"], "roles": ["service-desk", "resolver-group"], "count": 1}
            # procdef check then notes, on that line:
            #   .procdef-baseline.json:5:5: note: 1 baselined 'handoff/gap' finding in Processes/incident.yaml no longer occurs (process incident-management, activities log, diagnose; roles service-desk, resolver-group) [lint/stale-baseline]
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
            """,
        fixedExample: """
            # procdef check --write-baseline prunes the entry; the baseline now lists only findings that occur.
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
            """
    )
}
