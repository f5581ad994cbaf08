extension KeyTable {
    /// A `kind: config` document, the optional `.procdef.yaml`.
    package static let config = KeyTable([
        .kind("config", "`config`: this document is the config"),
        FormatKey("paths", "list of paths", "what `procdef check` reads when no path is given"),
        FormatKey("out", "path", "where generated output goes by default"),
        FormatKey(
            "rules", "map of rule id to setting", invalid: UnknownConfiguredRule.self,
            "each key a rule id (`raci/too-many-consulted`), a family (`handoff/*`) or a policy (`policy/<id>`); each value a severity (`error`, `warning`, `note`, `off`), or a map with `severity` and the rule's options (e.g. `max`)"
        ),
        FormatKey(
            "review-every", "duration", invalid: InvalidDuration.self,
            "the review cycle of every process that gives no `review.every`, at least a day (`12mo`); `governance/no-review` then asks each for `review.last`"
        ),
        FormatKey(
            "business-day", "duration", invalid: InvalidDuration.self,
            "the working hours of a business day, which a `bd` counts; at most `24h`; default `8h`"),
        FormatKey(
            "max-silence", "duration", invalid: InvalidDuration.self,
            "the longest a customer may go without news, in every process that gives no `max-silence`; default `1d`"),
        FormatKey(
            "limits", "map of limit to value",
            "safety limits lowered for everyone who checks the repository (see [Limits](#limits)); never above the default"),
    ])

    /// The config's `limits`: one key per safety limit, described by `InputLimit`, which the flags share.
    package static let limits = KeyTable(
        InputLimit.all.map { limit in
            FormatKey(limit.name, limit.syntax == .size ? "size" : "count", limit.summary)
        })
}
