import ProcDef
import ProcDefOutput
import YAMLTree

/// Builds model values directly, so emitter tests need no YAML and show only what they render.
enum Model {
    static let here = SourceRange.fileStart

    static func at<T: Sendable>(_ value: T) -> Located<T> { Located(value, at: here) }
    static func ids(_ values: [String]) -> [Located<String>] { values.map { at($0) } }

    static func role(
        _ id: String, _ name: String, _ kind: RoleKind, team: String? = nil, contact: String? = nil, local processID: String? = nil
    ) -> Role {
        Role(
            id: at(id), name: at(name), kind: at(kind), team: team.map { at($0) }, contact: contact.map { at($0) },
            scope: processID.map { .local(processID: $0) } ?? .catalogue, file: "Processes/roles.yaml", range: here
        )
    }

    static func handoff(
        _ artifact: String?, _ expectation: String?, informed: [String] = [], escalation: Escalation? = nil, agreement: String? = nil
    ) -> Handoff {
        Handoff(
            artifact: artifact.map { at($0) }, expectation: expectation.map { at($0) }, informed: ids(informed),
            escalation: escalation.map { at($0) }, agreement: agreement.map { at($0) }, range: here)
    }

    static func branch(_ to: String, when: String?, handoff: Handoff? = nil) -> Branch {
        Branch(to: at(to), when: when.map { at($0) }, handoff: handoff, range: here)
    }

    static func trigger(_ process: String, activity: String? = nil, when: String? = nil, handoff: Handoff? = nil) -> Trigger {
        Trigger(process: at(process), activity: activity.map { at($0) }, when: when.map { at($0) }, handoff: handoff, range: here)
    }

    static func activity(
        _ id: String, _ name: String, responsible: [String], accountable: [String] = [], consulted: [String] = [],
        informed: [String] = [], records: [String] = [], inputs: [String] = [], outputs: [String] = [],
        target: String? = nil, procedure: [String] = [], next: NextClause? = nil, end: Bool = false, join: Bool = false,
        handoff: Handoff? = nil, triggers: [Trigger] = []
    ) -> Activity {
        Activity(
            id: at(id), name: at(name), responsible: ids(responsible), accountable: ids(accountable),
            consulted: ids(consulted), informed: ids(informed), records: ids(records), inputs: ids(inputs),
            outputs: ids(outputs), target: target.flatMap(TimeTarget.init(parsing:)).map { TimeBudget(at($0)) },
            procedure: ids(procedure), next: next, end: end ? at(true) : nil, join: join ? at(.all) : nil, handoff: handoff,
            triggers: triggers,
            range: here
        )
    }

    static func next(_ target: String) -> NextClause { .single(at(target)) }
    static func branches(_ branches: Branch...) -> NextClause { .branches(branches, range: here) }
    /// `next: {all: [...]}`.
    static func all(_ branches: Branch...) -> NextClause { .fork(Fork(branches: branches, range: here)) }
    /// A fork branch to one activity (no `when`).
    static func to(_ target: String, handoff: Handoff? = nil) -> Branch { Branch(to: at(target), handoff: handoff, range: here) }
    /// A branch that forks: in a decision with `when`, or nested in another `all` list without.
    static func forking(when: String? = nil, handoff: Handoff? = nil, _ branches: Branch...) -> Branch {
        Branch(fork: Fork(branches: branches, range: here), when: when.map { at($0) }, handoff: handoff, range: here)
    }
    static func cancel(when: String?, to: String, from: [String]? = nil, handoff: Handoff? = nil) -> Cancellation {
        Cancellation(when: when.map { at($0) }, to: at(to), from: from.map(ids), handoff: handoff, range: here)
    }

    static func process(
        _ id: String, _ name: String, purpose: String? = nil, owner: String? = nil, manager: String? = nil,
        caseOwner: String? = nil, version: Int? = nil, tags: [String] = [], trigger: String? = nil,
        outcome: String? = nil, defaultAccountable: String? = nil, roles: [Role] = [], activities: [Activity],
        cancellations: [Cancellation] = []
    ) -> ProcessDefinition {
        ProcessDefinition(
            id: at(id), name: at(name), version: version.map { at($0) }, purpose: purpose.map { at($0) },
            owner: owner.map { at($0) }, manager: manager.map { at($0) }, caseOwner: caseOwner.map { at($0) },
            tags: ids(tags), trigger: trigger.map { at($0) }, outcome: outcome.map { at($0) },
            defaultAccountable: defaultAccountable.map { at($0) }, roles: roles, activities: activities,
            cancellations: cancellations, file: "Processes/\(id).yaml", range: here, headerRange: here
        )
    }

    static func report(
        catalogue: [Role], processes: [ProcessDefinition], statuses: [String: [PolicyStatus]] = [:], diagnostics: [Diagnostic] = []
    ) -> CheckReport {
        let workspace = Workspace(
            catalogues: [RoleCatalogue(roles: catalogue, file: "Processes/roles.yaml", range: here)],
            processes: processes.sorted { $0.id.value < $1.id.value }
        )
        return CheckReport(workspace: workspace, diagnostics: diagnostics, policyStatuses: statuses)
    }

    static func checked(_ report: CheckReport, _ id: String) -> CheckedProcess? {
        CheckedProcess.all(in: report).first { $0.id == id }
    }
}

/// A small but complete service process: a decision, handoffs with every field, a loop back, a default
/// accountable role, a local role, a trigger into a second process, and one policy in each state.
enum ServiceFixture {
    static let catalogue: [Role] = [
        Model.role("service-owner", "Service Process Owner", .owner, team: "Service Management Office", contact: "#itsm-owners"),
        Model.role("duty-manager", "Duty Manager", .manager, team: "Service Operations", contact: "#duty"),
        Model.role("desk", "Service Desk Analyst", .practitioner, team: "Service Desk", contact: "#service-desk"),
        Model.role("resolver", "Resolver Engineer", .practitioner, team: "Application Support", contact: "#app-support"),
        Model.role("carrier", "Carrier NOC", .supplier, team: "Carrier (external)", contact: "noc@carrier.example.net"),
        Model.role("user", "Affected User", .customer, team: "Business units"),
        Model.role("problem-owner", "Problem Process Owner", .owner, team: "Service Management Office"),
    ]

    static let service = Model.process(
        "service-restoration", "Service Restoration",
        purpose: "Restore the service quickly and keep the user informed.",
        owner: "service-owner", manager: "duty-manager", caseOwner: "desk", version: 3,
        tags: ["incident", "customer-facing"],
        trigger: "A user reports that the service is down.",
        outcome: "The service works again and the user has confirmed it.",
        defaultAccountable: "duty-manager",
        roles: [Model.role("scribe", "Incident Scribe", .practitioner, team: "Service Operations", local: "service-restoration")],
        activities: [
            Model.activity(
                "log", "Log the incident", responsible: ["desk"], accountable: ["desk"], informed: ["user"],
                records: ["incident"], inputs: ["user-report"], outputs: ["incident-record"], target: "10m",
                procedure: ["Create the incident record.", "Give the user the incident number."]
            ),
            Model.activity(
                "triage", "Triage", responsible: ["desk"], consulted: ["scribe"], target: "15m",
                procedure: ["Set the priority."],
                next: Model.branches(
                    Model.branch("workaround", when: "A known workaround applies."),
                    Model.branch(
                        "diagnose", when: "No workaround is known and the cause must be found by the resolver group.",
                        handoff: Model.handoff(
                            "incident-record", "The resolver acknowledges within 30 minutes.", informed: ["user"], escalation: .functional))
                )
            ),
            Model.activity("workaround", "Apply the workaround", responsible: ["desk"], target: "1h", next: Model.next("confirm")),
            Model.activity(
                "diagnose", "Diagnose", responsible: ["resolver", "scribe"], consulted: ["carrier"], informed: ["desk"],
                outputs: ["diagnosis", "fault-report"], target: "4h",
                procedure: ["Reproduce the fault.", "Write every finding in the work notes."],
                next: Model.branches(
                    Model.branch(
                        "confirm", when: "The fix is applied.",
                        handoff: Model.handoff("diagnosis", "The desk confirms with the user within 1 day.")),
                    Model.branch(
                        "carrier-repair", when: "The fault is on the carrier's circuit.",
                        handoff: Model.handoff(
                            "fault-report", "The carrier restores the circuit within 4 hours.", escalation: .hierarchic, agreement: "UC-7"))
                ),
                triggers: [
                    Model.trigger(
                        "problem-analysis", when: "The incident recurs.",
                        handoff: Model.handoff("incident-record", "A problem is recorded within 2 days."))
                ]
            ),
            Model.activity(
                "carrier-repair", "Carrier repairs the circuit", responsible: ["carrier"], informed: ["desk"],
                target: "4h", next: Model.next("diagnose"),
                handoff: Model.handoff("repair-report", "The resolver verifies within 30 minutes.")
            ),
            Model.activity(
                "confirm", "Confirm with the user", responsible: ["desk"], accountable: ["desk"], informed: ["user"],
                target: "1d",
                next: Model.branches(
                    Model.branch("close", when: "The user confirms."),
                    Model.branch(
                        "diagnose", when: "It still fails.",
                        handoff: Model.handoff("incident-record", "The resolver resumes within 30 minutes."))
                )
            ),
            Model.activity(
                "close", "Close the incident", responsible: ["desk"], accountable: ["desk"], informed: ["user"], records: ["closure"],
                end: true),
        ]
    )

    static let problem = Model.process(
        "problem-analysis", "Problem Analysis", purpose: "Find and remove the causes of incidents.",
        owner: "problem-owner", defaultAccountable: "problem-owner",
        activities: [
            Model.activity("record", "Record the problem", responsible: ["resolver"], records: ["problem"]),
            Model.activity("analyse", "Analyse the cause", responsible: ["resolver"], end: true),
        ]
    )

    static let statuses: [String: [PolicyStatus]] = [
        "service-restoration": [
            PolicyStatus(policyID: "incidents-are-logged", title: "All incidents must be logged", severity: .error, state: .holds),
            PolicyStatus(
                policyID: "customer-informed-at-close", title: "The customer is informed at close", severity: .error,
                state: .waived(
                    until: .date(CalendarDate(year: 2027, month: 3, day: 31) ?? .unixEpoch), reason: "The user confirms in 'confirm'.",
                    approvedBy: nil)),
            PolicyStatus(policyID: "comms-separate", title: "Fixing and telling are separate", severity: .warning, state: .fails(count: 2)),
        ]
    ]

    static var report: CheckReport {
        Model.report(catalogue: catalogue, processes: [service, problem], statuses: statuses)
    }
}

/// Hostile strings in every field an emitter shows: quotes, backslashes (one trailing), `|`, `<script>`, line
/// breaks, braces, Markdown and DOT syntax, entities and non-ASCII text.
enum HostileFixture {
    static let name = "Ev\"il | <script>alert(1)</script> {x} \\"
    static let catalogue: [Role] = [
        Model.role(
            "owner", "O'Brien \"Boss\" <b>bold</b> & co \\", .owner, team: "Team | Pipe\nSecond line",
            contact: "<script>alert('c')</script>"),
        Model.role(
            "desk", "Desk *star* _under_ [link](http://x) `code` # hash", .practitioner, team: "Ünïcødé 日本 — team", contact: "a\\b\\"),
        Model.role("other", "- leading dash\r\n= equals", .practitioner, team: "{braces} \\N \\l \\\"", contact: "=cmd|' /C calc'!A0"),
    ]

    static let process = Model.process(
        "hostile", name,
        purpose: "# Not a heading\n> not a quote\n1. not a list\n<img src=x onerror=alert(1)>",
        owner: "owner", manager: "desk", caseOwner: "desk", version: 1, tags: ["tag"],
        trigger: "Line one\nLine two | with pipe \\",
        outcome: "&amp; stays &amp; and &lt;script&gt; stays too",
        defaultAccountable: "owner",
        activities: [
            Model.activity(
                "first", "1. Start <script>alert(\"x\")</script> \\", responsible: ["desk", "owner"], informed: ["other"],
                records: ["rec|ord"], inputs: ["in\"put"], outputs: ["out\\put"], target: "90s",
                procedure: [
                    "Step with | pipe and \\ backslash\nand a newline", "<script>alert(2)</script>", "- not a bullet", "$5 and $10",
                ],
                next: Model.branches(
                    Model.branch(
                        "second", when: "When \"quoted\" {braced} <angled> | piped and very long indeed, longer than thirty characters \\",
                        handoff: Model.handoff("art\"ifact\\", "Expect | this\nand <that> \\", informed: ["other"], agreement: "OLA|1 <x>")),
                    Model.branch("third", when: nil)
                ),
                triggers: [Model.trigger("missing-process", when: "Never \"really\"")]
            ),
            Model.activity("second", "Second {step} \\", responsible: ["other"], target: "2d", next: Model.next("third")),
            // other -> desk with no handoff: a gap, which only a build with --allow-errors gets to draw.
            Model.activity("third", "Third & last | \\", responsible: ["desk"], informed: ["owner"], end: true),
        ]
    )

    static let statuses: [String: [PolicyStatus]] = [
        "hostile": [
            PolicyStatus(
                policyID: "p", title: "Title | <script>x</script> \\", severity: .error,
                state: .waived(
                    until: .date(CalendarDate(year: 2030, month: 1, day: 2) ?? .unixEpoch), reason: "Reason | with\nnewline <b> \\",
                    approvedBy: nil))
        ]
    ]

    static var report: CheckReport {
        Model.report(catalogue: catalogue, processes: [process], statuses: statuses)
    }
}

/// Parallel work and a way to cut the case short, as in a security incident: assessment forks into containment and
/// the situation report, which meet at the retrospective; triage can start both at once (a decision branch that
/// forks, with a handoff gap on one of its branches); a false alarm ends the case from any of the running steps.
enum ParallelFixture {
    static let catalogue: [Role] = [
        Model.role("security-owner", "Security Process Owner", .owner, team: "Security Office"),
        Model.role("analyst", "Security Analyst", .practitioner, team: "Security Operations Centre", contact: "#soc"),
        Model.role("incident-commander", "Incident Commander", .manager, team: "Security Operations", contact: "#sec-ic"),
        Model.role("responders", "Responders", .practitioner, team: "Platform Engineering", contact: "#responders"),
        Model.role("legal", "Legal Counsel", .practitioner, team: "Legal"),
    ]

    static let incidentDoc = Model.handoff("incident-doc", "Responders start containment within 15 minutes.", informed: ["legal"])

    static let process = Model.process(
        "security-incident", "Security Incident Response",
        purpose: "Contain an attack and keep everyone who must know informed while the work goes on.",
        owner: "security-owner", manager: "incident-commander", caseOwner: "incident-commander", version: 1,
        trigger: "A detection rule raises an alert.", outcome: "The attack is contained and its lessons are recorded.",
        defaultAccountable: "incident-commander",
        activities: [
            Model.activity(
                "triage", "Triage the alert", responsible: ["analyst"], target: "15m",
                next: Model.branches(
                    Model.forking(
                        when: "Data is leaving the network now.",
                        Model.to("contain", handoff: incidentDoc),
                        Model.to("send-sitrep")),
                    Model.branch(
                        "assess", when: "The alert needs a closer look.",
                        handoff: Model.handoff("alert-record", "The incident commander assesses within 30 minutes."))
                )
            ),
            Model.activity(
                "assess", "Confirm and assess the incident", responsible: ["incident-commander"], target: "30m",
                next: Model.all(Model.to("contain", handoff: incidentDoc), Model.to("send-sitrep"))
            ),
            Model.activity(
                "contain", "Contain and remediate", responsible: ["responders"], records: ["incident-doc"],
                procedure: ["Isolate the affected hosts.", "Rotate every exposed credential."], next: Model.next("retrospective")),
            Model.activity(
                "send-sitrep", "Send the situation report", responsible: ["incident-commander"], informed: ["legal"], target: "1h",
                next: Model.next("retrospective")),
            Model.activity(
                "retrospective", "Hold the retrospective", responsible: ["incident-commander"], consulted: ["responders"], end: true,
                join: true),
            Model.activity("close-false-alarm", "Close as a false alarm", responsible: ["analyst"], records: ["alert"], end: true),
        ],
        cancellations: [
            Model.cancel(
                when: "The alarm proves false.", to: "close-false-alarm", from: ["assess", "contain", "send-sitrep"],
                handoff: Model.handoff("incident-doc", "The analyst closes the alert within 1 hour."))
        ]
    )

    static var report: CheckReport {
        Model.report(catalogue: catalogue, processes: [process])
    }
}
