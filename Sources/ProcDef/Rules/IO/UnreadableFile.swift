/// `io/unreadable`: a file found while walking a folder that cannot be read.
/// Raised in `Workspace/FileDiscovery.swift`, `Workspace/WorkspaceLoading.swift`, where the finding comes up; this file holds its description.
package struct UnreadableFile: Rule {
    package static let descriptor = RuleDescriptor(
        id: "io/unreadable",
        defaultSeverity: .error,
        summary: "a file or folder found while reading the inputs cannot be read",
        explanation: """
            A `.yaml` or `.yml` file (or a folder) under the paths procdef reads could not be read: no permission, a \
            broken symbolic link, or something that is not a regular file (a FIFO, a socket, a device) given a YAML \
            name. Checking would otherwise pass without looking at it, so it is an error. The run goes on with the \
            other files. Fix the permissions or the link, or remove the entry. (A path named on the command line that \
            does not exist at all is a usage error instead: exit code 2.)
            """,
        failingExample: """
            # Processes/secret.yaml, with permissions 000 (not readable by the user running procdef):
            # chmod 000 Processes/secret.yaml
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """,
        fixedExample: """
            # Processes/secret.yaml, readable again:
            # chmod 644 Processes/secret.yaml
            kind: roles
            roles:
              request-owner: {name: Request Process Owner, kind: owner}
            """
    )
}
