/// `yaml/syntax`: the file is not valid YAML.
/// Raised in `Decode/DecodedFile.swift`, where the finding comes up; this file holds its description.
package struct YAMLSyntax: Rule {
    package static let descriptor = RuleDescriptor(
        id: "yaml/syntax",
        defaultSeverity: .error,
        summary: "the file is not valid YAML",
        explanation: """
            libyaml could not parse the file. The finding points where the parser gave up, and a note often names the \
            structure it was reading (a block mapping, a flow sequence). Common causes are an unclosed bracket or quote, \
            a key indented differently from its neighbours, and a tab used for indentation. Nothing after the error in \
            that document is checked, so fix it first: the other findings may change once it parses.
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
              user: {name: Requesting User, kind: customer}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                informed: [user
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
              user: {name: Requesting User, kind: customer}
            ---
            kind: process
            id: password-reset
            name: Password reset
            owner: request-owner
            activities:
              - id: reset
                name: Reset the password
                responsible: service-desk
                accountable: request-owner
                informed: [user]
            """
    )
}
