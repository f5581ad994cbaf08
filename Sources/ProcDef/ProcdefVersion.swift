/// procdef's own version, shown by `--version` and written into SARIF reports.
package enum ProcdefVersion {
    package static let current = "0.1.0"
}
