/// `yaml/encoding`: the file is not UTF-8 text.
/// Raised in `Decode/DecodedFile.swift`, where the finding comes up; this file holds its description.
package struct InvalidEncoding: Rule {
    package static let descriptor = RuleDescriptor(
        id: "yaml/encoding",
        defaultSeverity: .error,
        summary: "the file is not UTF-8 text",
        explanation: """
            Process definitions are UTF-8 text. A file that is not is usually a binary file given a `.yaml` name, a \
            file saved in a legacy code page (Latin-1, Windows-1252) or in UTF-16. The finding points at the first \
            byte that is not UTF-8. Save the file as UTF-8. (Control characters in otherwise valid text are \
            `yaml/syntax` findings: libyaml refuses them.)
            """,
        // Examples are Swift strings, which are always valid UTF-8: the failing one can only describe its bytes.
        failingExample: """
            # Saved as Windows-1252: the "é" of "Équipe" is the single byte 0xC9, which is not UTF-8.
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner, team: Équipe ITSM}
            """,
        fixedExample: """
            # Saved as UTF-8: "é" is the two bytes 0xC3 0x89.
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner, team: Équipe ITSM}
            """
    )
}
