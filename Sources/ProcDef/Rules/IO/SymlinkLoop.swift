/// `io/symlink-loop`: a symbolic link that leads back into a folder being read.
/// Raised in `Workspace/FileDiscovery.swift`, where the finding comes up; this file holds its description.
package struct SymlinkLoop: Rule {
    package static let descriptor = RuleDescriptor(
        id: "io/symlink-loop",
        defaultSeverity: .error,
        summary: "a symbolic link to a folder leads back to one of its own parents",
        explanation: """
            procdef follows symbolic links while walking folders, and remembers the real folders it is inside of. A \
            link that leads back to one of them (or a chain of links that never ends) would make the walk endless; \
            procdef reports it and does not follow it, and the run goes on with the other files. Remove the link, or \
            point it at a folder outside the tree being read.
            """,
        failingExample: """
            # Processes/again -> .. (a link from inside Processes back to its parent):
            # ln -s .. Processes/again
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """,
        fixedExample: """
            # The link removed:
            # rm Processes/again
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """
    )
}
