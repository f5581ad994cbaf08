/// `yaml/limits`: the input exceeds a safety limit (file size, nesting depth, aliases, activities per process).
/// Raised in `Decode/DecodedFile.swift`, `Decode/ProcessDecoding.swift`, `Review/GitRevision.swift`, `Workspace/WorkspaceLoading.swift`, where the finding comes up; this file holds its description.
package struct SafetyLimits: Rule {
    package static let descriptor = RuleDescriptor(
        id: "yaml/limits",
        defaultSeverity: .error,
        summary: "file size, nesting depth, alias count or activities per process over the safety limits",
        explanation: """
            procdef reads untrusted input (any pull request), so it refuses input that could make it slow or exhaust \
            memory: files over 8 MiB, nesting deeper than 64 levels, more than 100 aliases in one document or alias \
            expansions that would visit more than 10,000 nodes ("billion laughs"), and more than 1000 activities in one \
            process. Nothing a real process definition needs comes near these limits: split the file or the process, \
            and write lists out instead of building them from aliases.

            A repository lowers a limit for everyone who checks it under `limits:` in `.procdef.yaml` \
            (\(InputLimit.all.map { "`\($0.name)`" }.joined(separator: ", ")), written as the flags are: `32`, \
            `512KiB`). The config may never raise a limit above its default, since a pull request can change it: \
            a higher value is a `schema/type` finding and is not applied. Raising a limit is a decision for the \
            command line (`--max-depth 128`), and a flag beats the config. `procdef explain yaml/limits` shows the \
            limits in effect and where each comes from.
            """,
        failingExample: """
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
              nested: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
            """,
        fixedExample: """
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """
    )
}
