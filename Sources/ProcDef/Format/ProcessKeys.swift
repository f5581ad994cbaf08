extension KeyTable {
    /// A `kind: process` document.
    package static let process = KeyTable([
        .kind("process", "`process`: this document is a process"),
        FormatKey(
            "id", "id", .required, invalid: InvalidID.self,
            "unique across the repository; used by `triggers`, policies and output file names"),
        FormatKey("name", "text", .required, "the process's title"),
        FormatKey("version", "integer", "the owner's revision number, shown in runbooks"),
        FormatKey("purpose", "text", "why the process exists"),
        FormatKey(
            "owner", "role reference", .optionalReported(by: OwnerRequired.self), invalid: UnknownRole.self,
            "the Process Owner, exactly one; its kind should be `owner`"),
        FormatKey("manager", "role reference", invalid: UnknownRole.self, "the Process Manager; its kind should be `manager` or `owner`"),
        FormatKey(
            "case-owner", "role reference", invalid: UnknownRole.self,
            "the role that owns each case end to end, from first contact to closure (see [Handoffs](#handoffs))"),
        FormatKey(
            "requester", "role reference", invalid: UnknownRole.self,
            "the role that raises each case and must hear how it ended (`tell/requester-not-told`); default: the `customer` roles responsible or informed at the start"
        ),
        FormatKey(
            "priorities", "list of priority ids", invalid: InvalidID.self,
            "the classes of case (`[p1, p2, p3]`) that durations may be given per (see [Time](#time))"),
        FormatKey(
            "targets", "list of targets",
            "service and operational level targets: the time from one activity to another, within a budget (see [Time](#time))"),
        FormatKey(
            "max-silence", "duration", invalid: InvalidDuration.self,
            "the longest a customer may go without news of an open case; default the config's `max-silence`, else `1d`"),
        FormatKey("tags", "list of names", "used by policies' `applies-to`"),
        FormatKey("trigger", "text", "what starts a case"),
        FormatKey("outcome", "text", "what a finished case looks like"),
        // The reference documents the one key of `defaults` on the process's own row.
        FormatKey(
            "defaults", "role reference", invalid: UnknownRole.self, written: "defaults.accountable",
            "the accountable role of every activity that names none"),
        FormatKey(
            "roles", "map of id to role", invalid: InvalidID.self,
            "process-local roles, same shape as the catalogue; a local role may not reuse a catalogue role's id"),
        FormatKey("activities", "list of activities", .required, "the steps, in order; the first is the start"),
        FormatKey(
            "cancel", "list of cancellations",
            "ways to cut the case short from many steps at once, ending every running branch (see [Cancellation](#cancellation))"),
        FormatKey("policies", "list of policy ids", invalid: UnknownPolicy.self, "opt in to policies that do not apply by tag"),
        FormatKey(
            "waivers", "list of waivers", "exemptions from policies, each with a reason and an end date (or `permanent`, with its approver)"
        ),
        FormatKey("effective", "date", invalid: InvalidDate.self, "the day this version took effect, `YYYY-MM-DD`; shown in runbooks"),
        FormatKey(
            "approved-by", "role reference", invalid: UnknownRole.self,
            "the role that approved this version, of kind `owner` (`ownership/owner-kind`); shown in runbooks"),
        FormatKey(
            "review", "review",
            "the owner's review cycle, `{last: YYYY-MM-DD, every: 12mo}` (see [Review cycle](#review-cycle)); `governance/review-overdue` and `governance/no-review` judge it"
        ),
    ])

    /// `defaults:` of a process.
    package static let defaults = KeyTable([
        FormatKey("accountable", "role reference", invalid: UnknownRole.self, "the accountable role of every activity that names none")
    ])

    /// One item of a process's `cancel`.
    package static let cancel = KeyTable([
        FormatKey("when", "text", .required, "the condition that cuts the case short"),
        FormatKey("to", "activity id", .required, invalid: UnknownActivity.self, "where the case goes: every running branch ends"),
        FormatKey(
            "from", "list of activity ids", invalid: UnknownActivity.self,
            "the activities it interrupts; default every activity that is not an end, other than `to` and those only reachable after it"
        ),
        FormatKey(
            "handoff", "handoff", .optionalReported(by: HandoffGap.self, when: "when responsibility changes"),
            "one handoff for all of the entry's branches"),
    ])

    /// `review:` of a process.
    package static let review = KeyTable([
        FormatKey("last", "date", invalid: InvalidDate.self, "the day of the last review, `YYYY-MM-DD`"),
        FormatKey(
            "every", "duration", invalid: InvalidDuration.self,
            "the time between reviews, at least a day (`12mo`, `26w`); default the config's `review-every`"),
    ])

    /// One item of a process's `waivers`.
    package static let waiver = KeyTable([
        FormatKey("policy", "policy id", .required, invalid: UnknownPolicy.self, "the policy waived"),
        FormatKey("reason", "text", .required, "why the process may break it, for the reviewer"),
        FormatKey(
            "until", "date or `permanent`", .required, invalid: InvalidDate.self,
            "the last day the waiver holds; after it, the policy applies again (`waiver/expired`); a day that does not exist (`2027-02-30`) is `schema/invalid-date`; `permanent` never lapses, needs `approved-by`, and is listed by `waiver/permanent`"
        ),
        FormatKey(
            "approved-by", "role reference", .optionalReported(by: MissingField.self, when: "when `until` is `permanent`"),
            invalid: UnknownRole.self,
            "the Process Owner who accepted the risk, a role of kind `owner` (`ownership/owner-kind`); shown in runbooks, with a date too"
        ),
    ])

    /// One item of a process's `targets`: a service or operational level target.
    package static let target = KeyTable([
        FormatKey("id", "id", .required, invalid: InvalidID.self, "unique among the process's targets"),
        FormatKey("name", "text", .required, "the target's title (`Restore service`)"),
        FormatKey(
            "from", "activity id or `{end: ID}`", .required, invalid: UnknownActivity.self,
            "the clock starts when this activity starts; `{end: ID}`: when it ends"),
        FormatKey(
            "to", "activity id or `{start: ID}`", .required, invalid: UnknownActivity.self,
            "the clock stops when this activity ends; `{start: ID}`: when it starts"),
        FormatKey(
            "within", "duration or per-priority durations", .required, invalid: InvalidDuration.self,
            "the time allowed: one duration, or one per priority"),
        FormatKey(
            "when", "text",
            "a declared priority (in any case: `P1` names `p1`) limits the target to cases of that priority; any other text is a label, shown in outputs"
        ),
        FormatKey(
            "clock", oneOf: ServiceTarget.Clock.allCases.map(\.rawValue),
            "`business`: the target counts business time, where `bd` counts `business-day` hours; default elapsed time"),
    ])
}
