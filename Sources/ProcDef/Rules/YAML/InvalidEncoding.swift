/// `yaml/encoding`: the file is not UTF-8 text.
public struct InvalidEncoding: Rule {
    public static let descriptor = RuleDescriptor(
        id: "yaml/encoding",
        defaultSeverity: .error,
        summary: "the file is not UTF-8 text, or holds control characters",
        explanation: """
            Process definitions are text: UTF-8, without control characters other than tab and line breaks. A file \
            that is not, is usually a binary file given a `.yaml` name, a file saved in a legacy code page (Latin-1, \
            Windows-1252), or text pasted with invisible control characters. The finding points at the first offending \
            byte. Save the file as UTF-8 and remove the control characters.
            """,
        failingExample: """
            kind: roles
            roles:
              request-owner: {name: "Request \u{7}Process Owner", kind: owner}
            """,
        fixedExample: """
            kind: roles
            roles:
              request-owner: {name: "Request Process Owner", kind: owner}
            """
    )
}
