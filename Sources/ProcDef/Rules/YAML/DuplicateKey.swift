/// `yaml/duplicate-key`: a mapping holds the same key twice.
/// Raised in `Decode/DecodedFile.swift`, where the finding comes up; this file holds its description.
package struct DuplicateKey: Rule {
    package static let descriptor = RuleDescriptor(
        id: "yaml/duplicate-key",
        defaultSeverity: .error,
        summary: "a mapping has the same key twice",
        explanation: """
            YAML forbids a key appearing twice in one mapping, but libyaml accepts it silently and most tools keep \
            whichever value comes last, so the earlier one is lost without anyone noticing: typically a second \
            `responsible:` added in a merge. procdef reads the first value and reports the second; a note points at the \
            first. Merge the two into one key (a list, where the key takes one).
            """,
        failingExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              field-support: {name: Field Support Technician, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: laptop-swap
            name: Laptop swap
            owner: request-owner
            activities:
              - id: swap
                name: Swap the laptop
                responsible: service-desk
                responsible: field-support
                accountable: request-owner
            """,
        fixedExample: """
            kind: roles
            roles:
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              field-support: {name: Field Support Technician, kind: practitioner}
              request-owner: {name: Request Process Owner, kind: owner}
            ---
            kind: process
            id: laptop-swap
            name: Laptop swap
            owner: request-owner
            activities:
              - id: swap
                name: Swap the laptop
                responsible: [service-desk, field-support]
                accountable: request-owner
            """
    )
}
