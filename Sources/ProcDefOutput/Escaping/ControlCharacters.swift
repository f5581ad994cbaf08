extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL, and the invisible characters that reorder a line: never shown
    /// as they are in a runbook or a diagram.
    ///
    /// Bidirectional embeddings, overrides and isolates make a reader see other text than is there ("Trojan Source",
    /// CVE-2021-42574: `Desk U+202E gnp.exe` reads as `Desk exe.png`), as the terminal renderer knows
    /// (`TerminalEscaping.isUnsafe`). Line and paragraph separators are line breaks to the escapers, not here.
    var isControlCharacter: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
