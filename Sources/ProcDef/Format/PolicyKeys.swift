extension KeyTable {
    /// A `kind: policy` document.
    package static let policy = KeyTable([
        .kind("policy", "`policy`: this document is a policy"),
        FormatKey("id", "id", .required, invalid: InvalidID.self, "unique across the repository; findings use the rule id `policy/<id>`"),
        FormatKey("title", "text", .required, "the rule in one line"),
        FormatKey("rationale", "text", "why the organisation has the rule; shown when it fails"),
        FormatKey("severity", oneOf: ModelDecoder.PolicySeverity.allCases.map(\.rawValue), .required, "the severity of its findings"),
        FormatKey("applies-to", "map", "which processes the policy governs (below); a process can also opt in with `policies`"),
        FormatKey(
            "when", "run condition",
            "limits the requirements to the runs of the case that pass an activity or take a transition (see [Runs in scope](#runs-in-scope)); a process with no such run holds"
        ),
        FormatKey(
            "unless", "run condition",
            "leaves the runs of the case that pass an activity or take a transition out of the requirements"),
        FormatKey(
            "require", "map of requirements", .required,
            "one or more requirements, all of which must hold; to use one kind of requirement twice, write a list of such maps"),
    ])

    /// A policy's `applies-to`: a process is governed when any key selects it.
    package static let appliesTo = KeyTable([
        FormatKey("tags", "list of names", "the processes with any of these tags"),
        FormatKey("ids", "list of process ids", invalid: UnknownProcess.self, "these processes"),
        FormatKey("all", "boolean", "`true`: every process"),
    ])

    /// A policy's `when` or `unless`: one key, what the run does.
    package static let runCondition = KeyTable([
        FormatKey("passes", "selector", written: "passes: SEL", "the run passes an activity that matches the selector"),
        FormatKey(
            "takes", "map of two activity ids", written: "takes: {from: ID, to: ID}",
            "the run goes from the activity `from` straight to the activity `to` (a branch of a decision, a fork branch or a `next`)"),
    ])

    /// `takes: {from, to}`: both ids are required.
    package static let takes = KeyTable([
        FormatKey("from", "activity id", .required, invalid: InvalidID.self, "the activity the run leaves"),
        FormatKey("to", "activity id", .required, invalid: InvalidID.self, "the activity it goes to next"),
    ])

    /// A mapping under a policy's `require`: each key is one kind of requirement.
    package static let requirements = KeyTable(
        [
            FormatKey("exists", "selector", written: "exists: SEL", "at least one activity matches"),
            FormatKey(
                "visits", "selector", written: "visits: SEL",
                "every path from the start to an end passes a matching activity; with forks, every run, any branch of it counting (see [Parallel work](#parallel-work))"
            ),
            FormatKey(
                "before", "map of two selectors", written: "before: {first: SEL, then: SEL}",
                "every path from the start to an activity matching `then` passes an activity matching `first` before it (an activity matching both is fine); with forks, `first` has ended before `then` starts in every run, so activities on concurrent branches are not ordered"
            ),
            FormatKey(
                "all", "map of two selectors", written: "all: {of: SEL, match: SEL}",
                "every activity that matches `of` also matches `match`"),
            FormatKey(
                "separate", "list of two selectors", written: "separate: [SEL, SEL]",
                "no role is responsible both for an activity matching the first and for one matching the second (separation of duties: requester and approver; firefighting and communication)"
            ),
            FormatKey(
                "process", "map", written: "process: {has: [FIELD...]}",
                "the process sets these top-level fields (e.g. `case-owner`, `manager`)"),
            FormatKey(
                "max", "map of counts", written: "max: {consulted: N, informed: N, activities: N}",
                "no activity has more consulted or informed roles than N, and the process has no more than N activities"),
        ], summaryLead: "holds when")

    /// `before: {first, then}`: both selectors are required.
    package static let before = KeyTable([
        FormatKey("first", "selector", .required, "the activity that must come first"),
        FormatKey("then", "selector", .required, "the activity it must come before"),
    ])

    /// `all: {of, match}`: both selectors are required.
    package static let allOf = KeyTable([
        FormatKey("of", "selector", .required, "the activities the requirement is about"),
        FormatKey("match", "selector", .required, "what each of them must also match"),
    ])

    /// `process: {has: [...]}`.
    package static let processRequirement = KeyTable([
        FormatKey("has", "list of process fields", .required, "the top-level fields the process sets")
    ])

    /// `max: {...}`: at least one of the keys, which the decoder checks itself (none is required on its own).
    package static let max = KeyTable([
        FormatKey("consulted", "integer", "the most consulted roles of one activity"),
        FormatKey("informed", "integer", "the most informed roles of one activity"),
        FormatKey("activities", "integer", "the most activities in the process"),
    ])

    /// A selector over activities: an activity matches when every key holds.
    package static let selector = KeyTable(
        [
            FormatKey("any", "boolean", written: "any: true", "is any activity"),
            FormatKey("id", "list of activity ids", invalid: InvalidID.self, "has this id"),
            FormatKey("tag", "list of names", "has this tag"),
            FormatKey("records", "list of names", "records this"),
            FormatKey(
                "type", oneOf: ActivityType.allCases.map(\.rawValue), "is a step of this type (`task` includes steps that give no `type`)"),
            FormatKey("responsible", "role list", "has this role responsible"),
            FormatKey("responsible-kind", oneOf: RoleKind.allCases.map(\.rawValue), "has a responsible role of this kind"),
            FormatKey("accountable", "role list", "has this role accountable (its own or the default)"),
            FormatKey("informs", "role list", "has this role informed"),
            FormatKey("informs-kind", oneOf: RoleKind.allCases.map(\.rawValue), "has an informed role of this kind"),
            FormatKey("consults", "role list", "has this role consulted"),
            FormatKey("end", "boolean", written: "end: true", "ends the process"),
            FormatKey("start", "boolean", written: "start: true", "is the start"),
        ], summaryLead: "matches an activity that")
}
