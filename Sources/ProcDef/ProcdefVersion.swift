/// procdef's own version, shown by `--version` and written into SARIF reports.
public enum ProcdefVersion {
    public static let current = "0.1.0"
}
