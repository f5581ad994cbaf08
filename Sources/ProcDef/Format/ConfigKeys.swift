extension KeyTable {
    /// A `kind: config` document, the optional `.procdef.yaml`.
    package static let config = KeyTable([
        .kind("config", "`config`: this document is the config"),
        FormatKey(
            "extends", "path or list of paths",
            "configs this one builds on (an organisation's standards), each relative to this file and merged in order; settings here win (see [Shared configs](configuration.md#one-config-for-many-repositories))"
        ),
        FormatKey("paths", "list of paths", "what `procdef check` reads when no path is given"),
        FormatKey(
            "exclude", "list of globs",
            "files and folders never read when a folder is walked (`Processes/archive/**`, `**/*.draft.yaml`); a file named on the command line is still read"
        ),
        FormatKey("out", "path", "where generated output goes by default"),
        FormatKey(
            "baseline", "path",
            "the baseline of known findings that are neither reported nor fail the run; default `.procdef-baseline.json` beside the config"
        ),
        FormatKey(
            "docs-url", "URL",
            "where docs/rules.md is published: the rule links (`helpUri`, `url`) of the SARIF and JSON reports point into it"),
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
            "overrides", "list of overrides",
            "rule settings for some files (see [Overrides](#overrides)); a later entry wins over an earlier one and over `rules`"
        ),
        FormatKey(
            "limits", "map of limit to value",
            "safety limits lowered for everyone who checks the repository (see [Limits](#limits)); never above the default"),
    ])

    /// One entry of the config's `overrides`.
    package static let override = KeyTable([
        FormatKey("paths", "list of globs", .required, "the files the entry applies to: globs relative to the config's folder"),
        FormatKey(
            "rules", "map of rule id to setting", .required, invalid: UnknownConfiguredRule.self,
            "rule settings as under the config's `rules`, for those files only"),
    ])

    /// The config's `limits`: one key per safety limit, described by `InputLimit`, which the flags share.
    package static let limits = KeyTable(
        InputLimit.all.map { limit in
            FormatKey(limit.name, limit.syntax == .size ? "size" : "count", limit.summary)
        })
}
