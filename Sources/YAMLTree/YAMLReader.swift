import CYAML

/// Reads YAML bytes into documents of nodes through libyaml's event API.
public enum YAMLReader {
    /// Parses a whole file. Never traps on any input: every problem becomes a `YAMLProblem`.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
        // Replaced by the composer in the next commit.
        YAMLParseResult(documents: [], problems: [])
    }
}
