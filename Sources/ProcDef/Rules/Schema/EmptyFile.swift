/// `schema/empty`: a file with no YAML document in it.
/// Raised in `Decode/DecodedFile.swift`, where the finding comes up; this file holds its description.
package struct EmptyFile: Rule {
    package static let descriptor = RuleDescriptor(
        id: "schema/empty",
        defaultSeverity: .error,
        summary: "a file holds no YAML document (empty, or only comments and blank lines)",
        explanation: """
            Every `.yaml` file procdef reads should define something. An empty file is usually a definition whose \
            content was lost (a bad merge, an editor crash, a generator that failed), and treating it as "nothing to \
            check" would let that loss pass review. Restore the content, or delete the file.
            """,
        failingExample: """
            # Password reset: to be written.
            """,
        fixedExample: """
            # Password reset: the role catalogue comes first.
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """
    )
}
