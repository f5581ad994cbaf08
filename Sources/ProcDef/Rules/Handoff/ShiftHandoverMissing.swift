/// `handoff/shift-handover-missing`: a role with a `shift` and no `handover`, at its steps that can outlast a shift.
enum ShiftHandoverMissing: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/shift-handover-missing",
        defaultSeverity: .warning,
        summary: "a role with a `shift` and no `handover`, at its steps that can outlast the shift",
        explanation: """
            A role that works in shifts (`shift: 8h`) hands the case from one person to the next whenever a step \
            runs past the end of a shift: the same-role handover that real rotas have and that the flow does not \
            show. Without a `handover` on the role, nothing says what the outgoing person passes on or what the next \
            one commits to, and the case waits while someone reconstructs it.

            The finding points at each step the role is responsible for that can outlast a shift: its `target`, for \
            some priority, is longer than the shift, or it has no `target` at all (a priority a per-priority \
            `target` without `default` leaves out has none). Add `handover: {artifact, expectation}` to the role.
            """,
        failingExample: """
            kind: roles
            roles:
              on-call-engineer: {name: On-call Engineer, kind: practitioner, shift: 8h}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
            ---
            kind: process
            id: major-incident
            name: Major incident
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: restore
                name: Restore the service
                responsible: on-call-engineer
                target: 12h
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              on-call-engineer:
                name: On-call Engineer
                kind: practitioner
                shift: 8h
                handover: {artifact: shift-log, expectation: The next engineer reads the log before taking the pager.}
              incident-process-owner: {name: Incident Process Owner, kind: owner}
            ---
            kind: process
            id: major-incident
            name: Major incident
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: restore
                name: Restore the service
                responsible: on-call-engineer
                target: 12h
                end: true
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let businessDay = context.businessDaySeconds
        let declared = context.process.priorities.map(\.value)
        for activity in context.activities {
            var seen: Set<String> = []
            for responsible in activity.responsible where seen.insert(responsible.value).inserted {
                guard let role = context.role(responsible.value), let shift = role.shift, role.handover == nil else { continue }
                let shiftSeconds = shift.value.seconds(businessDay: businessDay)
                let reason: String
                if let target = activity.target {
                    // The longest budget of any priority, and whether some priority has none.
                    var longest: (text: String, seconds: Int, priority: String?)?
                    for entry in target.entries {
                        let seconds = entry.duration.value.seconds(businessDay: businessDay)
                        if seconds > longest?.seconds ?? -1 { longest = (entry.duration.value.text, seconds, entry.priority.value) }
                    }
                    if let fallback = target.fallback {
                        let seconds = fallback.value.seconds(businessDay: businessDay)
                        if seconds > longest?.seconds ?? -1 { longest = (fallback.value.text, seconds, nil) }
                    }
                    let untimed =
                        target.fallback == nil
                        ? declared.first { priority in !target.entries.contains { $0.priority.value == priority } } : nil
                    if let longest, longest.seconds > shiftSeconds {
                        let forPriority = longest.priority.map { " (for \($0))" } ?? ""
                        reason = "its target of \(longest.text)\(forPriority) is longer than the shift"
                    } else if let untimed {
                        reason = "it has no target for priority \(untimed)"
                    } else if target.fallback == nil && declared.isEmpty && longest == nil {
                        reason = "it has no target"
                    } else {
                        continue
                    }
                } else {
                    reason = "it has no target"
                }
                findings.report(
                    Self.self, at: responsible.range,
                    "role \(context.describeRole(role.id.value)) works \(shift.value.text) shifts and has no `handover`, and activity \(context.describe(activity)) can outlast a shift: \(reason)",
                    help:
                        "add `handover: {artifact, expectation}` to role '\(role.id.value)': what one person of the shift hands the case over with, and what the next commits to",
                    activities: [activity.id.value], roles: [role.id.value]
                )
            }
        }
    }
}
