/// procdef's own version, shown by `--version` and written into SARIF reports.
package enum ProcdefVersion {
    package static let current = "0.1.0"

    /// What `procdef --version` prints: the version and the commit it was built from.
    package static var withCommit: String {
        "\(current) (commit \(ProcdefBuildCommit.commit))"
    }
}
