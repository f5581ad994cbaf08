import YAMLTree

/// A role that carries too large a share of a process: the squeaky wheel everything waits on.
enum OverloadedRole: ProcessRule {
    /// `min-activities`, whose default the explanation quotes from here.
    static let minActivitiesOption = RuleOptionDescriptor(
        name: "min-activities", defaultValue: 6,
        summary: "the fewest activities a process needs before the shares are checked", allowed: 1...1_000_000
    )

    static let descriptor = RuleDescriptor(
        id: "raci/overloaded-role",
        defaultSeverity: .note,
        summary:
            "a role accountable for more than \(percentText(fraction: Share.accountable.defaultLimit))%, responsible for more than \(percentText(fraction: Share.responsible.defaultLimit))% or consulted on more than \(percentText(fraction: Share.consulted.defaultLimit))% of a process's activities (limits configurable)",
        explanation: """
            Balance is a service-management virtue: no role should be swamped. A role that does most of a process's \
            work is its bottleneck and its single point of failure (when that team is busy with a major incident, every \
            other case waits); a role accountable for most of it owns nothing in particular; a role consulted on most of \
            it is the squeaky wheel every decision waits for. Each is legitimate sometimes, which is why this is a note.

            For each role, the rule counts the activities it is responsible for, accountable for (with \
            `defaults.accountable` applied) and consulted on, and reports each share over its limit once, at the role's \
            first assignment of that kind (for accountability given through `defaults.accountable`, at the default; \
            a `system` role is not counted: a pipeline that runs every automated step is nobody's workload). \
            The process's `owner` and `manager` may be accountable for any share: answering for the whole process is \
            their job. \
            Spread the work over more specific roles, give parts of the process their own accountable role, or consult \
            the role only where its input can change the outcome.

            In a small process one role doing everything is normal, so the rule only looks at processes with at least \
            `min-activities` activities. Options, as fractions of the process's activities, a share exactly at the \
            limit being fine: `accountable-share` (default \(Share.accountable.defaultLimit)), `responsible-share` \
            (default \(Share.responsible.defaultLimit)), `consulted-share` (default \(Share.consulted.defaultLimit)), and \
            `min-activities` (default \(Int(minActivitiesOption.defaultValue))).
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
              - id: diagnose
                name: Investigate and diagnose
                responsible: service-desk
              - id: resolve
                name: Resolve the incident
                responsible: service-desk
              - id: confirm
                name: Confirm with the user
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
              - id: resolve
                name: Resolve the incident
                responsible: resolver
                handoff:
                  artifact: resolution-notes
                  expectation: Service desk confirms with the user within 1 business day.
              - id: confirm
                name: Confirm with the user
                responsible: service-desk
              - id: close
                name: Close the incident
                responsible: service-desk
            """,
        options: Share.allCases.map(\.descriptor) + [minActivitiesOption]
    )

    private enum Share: CaseIterable {
        case accountable, responsible, consulted

        /// The share's position in `allCases`.
        var column: Int {
            switch self {
            case .accountable: 0
            case .responsible: 1
            case .consulted: 2
            }
        }

        var option: String {
            switch self {
            case .accountable: "accountable-share"
            case .responsible: "responsible-share"
            case .consulted: "consulted-share"
            }
        }

        var defaultLimit: Double {
            switch self {
            case .accountable: 0.5
            case .responsible: 0.7
            case .consulted: 0.6
            }
        }

        var descriptor: RuleOptionDescriptor {
            RuleOptionDescriptor(
                name: option, defaultValue: defaultLimit,
                summary: "the largest share of a process's activities a role may be \(phrase), as a fraction", allowed: 0...1
            )
        }

        var phrase: String {
            switch self {
            case .accountable: "accountable for"
            case .responsible: "responsible for"
            case .consulted: "consulted on"
            }
        }

        func help(_ role: String) -> String {
            switch self {
            case .accountable:
                "give parts of the process their own accountable role (e.g. the lead of the team doing that part), so accountability stays meaningful"
            case .responsible:
                "spread the work: make other roles responsible for some of these activities, or split '\(role)' into roles with narrower jobs"
            case .consulted:
                "consult '\(role)' only where its input can change the outcome, and move it to `informed` elsewhere"
            }
        }
    }

    /// How often a role holds one kind of assignment, and where its first one is.
    private struct Tally {
        var count = 0
        var first: SourceRange

        init(first: SourceRange) {
            self.first = first
        }
    }

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        let process = context.process
        let total = context.activities.count
        guard total >= context.countOption(minActivitiesOption, of: Self.self) else { return }

        // One slot per role, in order of first assignment, with its tally per share: a reference costs one hash.
        // A system role does automated steps by design: its share of the work is no one's workload (slot -1).
        var slots: [String: Int] = [:]
        var order: [String] = []
        var tallies: [[Tally?]] = []
        var usesDefault = false
        for (index, activity) in context.activities.enumerated() {
            let roles = context.activityRoles[index]
            for (references, share) in [
                (roles.responsible, Share.responsible), (roles.accountable, .accountable), (roles.consulted, .consulted),
            ] {
                for reference in references {
                    let slot: Int
                    if let known = slots[reference.value] {
                        slot = known
                    } else if context.role(reference.value)?.kind.value.isSystem == true {
                        slot = -1
                        slots[reference.value] = slot
                    } else {
                        slot = order.count
                        slots[reference.value] = slot
                        order.append(reference.value)
                        tallies.append(Array(repeating: nil, count: Share.allCases.count))
                    }
                    guard slot >= 0 else { continue }
                    if tallies[slot][share.column] == nil { tallies[slot][share.column] = Tally(first: reference.range) }
                    tallies[slot][share.column]?.count += 1
                }
            }
            if activity.accountable.isEmpty { usesDefault = true }
        }
        // Answering for the whole process is the Process Owner's and the Process Manager's job, so their
        // accountable share is theirs by design.
        let processRoles = Set([process.owner, process.manager].compactMap { $0?.value })

        let limits = Share.allCases.map { context.shareOption($0.descriptor, of: Self.self) }
        for (slot, role) in order.enumerated() {
            for share in Share.allCases {
                guard let tally = tallies[slot][share.column] else { continue }
                if share == .accountable && processRoles.contains(role) { continue }
                let limit = limits[share.column]
                // Counts are whole numbers; the tolerance keeps a share exactly at the limit (7 of 10 at 0.7) from
                // counting as over it through floating-point rounding.
                guard Double(tally.count) - limit * Double(total) > 1e-9 * Double(total) else { continue }
                var place = tally.first
                // A role that is accountable through the default is changed at the default, so the finding points there.
                if share == .accountable, usesDefault, let fallback = process.defaultAccountable, fallback.value == role {
                    place = fallback.range
                }
                findings.report(
                    Self.self, at: place,
                    "\(context.describeRole(role)) is \(share.phrase) \(tally.count) of \(total) activities (\(percentText(tally.count, of: total))%, over the \(percentText(fraction: limit))% limit)",
                    help: share.help(role),
                    roles: [role]
                )
            }
        }
    }
}
