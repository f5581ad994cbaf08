import ProcDef

/// ANSI styling for terminal output, or none at all: the caller decides (a terminal, and `NO_COLOR` unset).
struct TerminalStyle {
    enum Color: String {
        case bold = "1"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "1;36"
    }

    var enabled: Bool

    func paint(_ text: String, _ color: Color) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }
}

extension Severity {
    var color: TerminalStyle.Color {
        switch self {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }
}
