import ProcDef

extension JSONSchemaRenderer {
    static var process: SchemaObject {
        SchemaObject(
            "One ITSM process: incident, problem, change, service request and so on.",
            [
                kindProperty("process", "process: this document is a process."),
                SchemaProperty("id", """
                    The process id (kebab-case): unique across the repository; used by triggers, policies and output \
                    file names.
                    """, SchemaShape.id, required: true),
                SchemaProperty("name", "The process's title.", SchemaShape.text, required: true),
                SchemaProperty("version", "The owner's revision number, shown in runbooks.", SchemaShape.count),
                SchemaProperty("purpose", "Why the process exists.", SchemaShape.text),
                SchemaProperty("owner", "The Process Owner, exactly one role; its kind should be owner.", SchemaShape.id),
                SchemaProperty("manager", "The Process Manager, who runs the process day to day; its kind should be manager or owner.", SchemaShape.id),
                SchemaProperty("case-owner", """
                    The role that owns each case end to end, from first contact to closure: after a handoff away from \
                    it, the receiving activity keeps it responsible, accountable, consulted or informed.
                    """, SchemaShape.id),
                SchemaProperty("tags", "Labels that policies' applies-to selects processes by.", SchemaShape.textList),
                SchemaProperty("trigger", "What starts a case.", SchemaShape.text),
                SchemaProperty("outcome", "What a finished case looks like.", SchemaShape.text),
                SchemaProperty("defaults", "Defaults for the process's activities.", SchemaObject(
                    "Defaults for the process's activities.",
                    [SchemaProperty("accountable", "The accountable role of every activity that names none.", SchemaShape.id)]
                ).schema),
                SchemaProperty("roles", """
                    Process-local roles, the same shape as the catalogue's; a local role may not reuse a catalogue \
                    role's id.
                    """, roleMap),
                SchemaProperty("activities", "The steps, in order; the first is the start.", .object([
                    ("type", .string("array")),
                    ("items", SchemaShape.ref("activity")),
                ]), required: true),
                SchemaProperty("policies", "Policies to opt in to, besides those that apply by tag.", SchemaShape.idList),
                SchemaProperty("waivers", "Exemptions from policies, each with a reason and an end date.", listOrOne("waiver")),
            ]
        )
    }

    /// A list of mappings, where a single mapping counts as a list of one (`triggers: {process: x}`).
    static func listOrOne(_ definition: String) -> JSONValue {
        .object([("anyOf", .array([
            SchemaShape.ref(definition),
            .object([("type", .string("array")), ("items", SchemaShape.ref(definition))]),
        ]))])
    }

    static var activity: SchemaObject {
        SchemaObject(
            "One step of the process.",
            [
                SchemaProperty("id", "The activity id (kebab-case): unique in the process; the target of next.", SchemaShape.id, required: true),
                SchemaProperty("name", "The step's title.", SchemaShape.text, required: true),
                SchemaProperty("responsible", "Who does the work (R): a role, or a list of them.", SchemaShape.idList),
                SchemaProperty("accountable", "Who answers for it (A): exactly one role; falls back to defaults.accountable.", SchemaShape.idList),
                SchemaProperty("consulted", "Asked before or during the work (C); two-way.", SchemaShape.idList),
                SchemaProperty("informed", "Told of the result (I); one-way.", SchemaShape.idList),
                SchemaProperty("records", "What the activity records (incident, problem...); policies select on it.", SchemaShape.textList),
                SchemaProperty("inputs", "The artifacts the activity needs.", SchemaShape.textList),
                SchemaProperty("outputs", "The artifacts it produces.", SchemaShape.textList),
                SchemaProperty("target", "The time target for the step: digits and a unit, s, m, h or d (90s, 10m, 4h, 2d).", SchemaShape.duration),
                SchemaProperty("tags", "Free labels; policies select on them.", SchemaShape.textList),
                SchemaProperty("procedure", "The steps a practitioner follows, in order.", SchemaShape.textList),
                SchemaProperty("next", """
                    Where the flow goes next: one activity id, or a list of branches, each an activity id or \
                    {to, when, handoff}. Two or more branches make a decision. Omitted: the flow falls through to \
                    the following activity.
                    """, next),
                SchemaProperty("end", "true: the process ends here (not together with next).", SchemaShape.flag),
                SchemaProperty("handoff", "The handoff on the fall-through or the single next target.", SchemaShape.ref("handoff")),
                SchemaProperty("triggers", "Other processes this activity starts; this flow goes on as well.", listOrOne("trigger")),
            ]
        )
    }

    /// `next: confirm`, `next: [a, b]`, `next: [{to: a, when: ...}, b]`, or a single `{to, when}` mapping.
    static var next: JSONValue {
        let branch = JSONValue.object([("anyOf", .array([SchemaShape.id, SchemaShape.ref("branch")]))])
        return .object([("anyOf", .array([
            SchemaShape.id,
            SchemaShape.ref("branch"),
            .object([("type", .string("array")), ("items", branch)]),
        ]))])
    }

    static var branch: SchemaObject {
        SchemaObject(
            "A branch of next: its target, the condition for taking it, and its handoff.",
            [
                SchemaProperty("to", "The target activity.", SchemaShape.id, required: true),
                SchemaProperty("when", "The condition for taking this branch; every branch of a decision should say it.", SchemaShape.text),
                SchemaProperty("handoff", "The handoff on this branch, where responsibility changes.", SchemaShape.ref("handoff")),
            ]
        )
    }

    static var handoff: SchemaObject {
        SchemaObject(
            """
            What is handed over on a transition where responsibility changes, and what the receiver commits to.
            """,
            [
                SchemaProperty("artifact", "What is handed over (incident-record, resolution-notes).", SchemaShape.text),
                SchemaProperty("expectation", "What the receiver commits to, with a time where there is one.", SchemaShape.text),
                SchemaProperty("informed", "Who is told of the handoff.", SchemaShape.idList),
                SchemaProperty("escalation", """
                    functional: the case moves to a team with more expertise; hierarchic: it moves up the management \
                    line.
                    """, SchemaShape.oneOf(Escalation.allCases.map(\.rawValue))),
                SchemaProperty("agreement", "The OLA or underpinning contract that binds the receiver; required towards a supplier.", SchemaShape.text),
            ]
        )
    }

    static var trigger: SchemaObject {
        SchemaObject(
            "Another process this activity starts: a cross-process handoff.",
            [
                SchemaProperty("process", "The process started.", SchemaShape.id, required: true),
                SchemaProperty("activity", "Its entry point; default its start.", SchemaShape.id),
                SchemaProperty("when", "The condition for starting it.", SchemaShape.text),
                SchemaProperty("handoff", "What is handed to the other process, where responsibility changes.", SchemaShape.ref("handoff")),
            ]
        )
    }

    static var waiver: SchemaObject {
        SchemaObject(
            "An exemption of the process from one policy.",
            [
                SchemaProperty("policy", "The policy waived.", SchemaShape.id, required: true),
                SchemaProperty("reason", "Why the process may break it, for the reviewer.", SchemaShape.text, required: true),
                SchemaProperty("until", "The last day the waiver holds (YYYY-MM-DD); after it, the policy applies again.", SchemaShape.date, required: true),
            ]
        )
    }
}
