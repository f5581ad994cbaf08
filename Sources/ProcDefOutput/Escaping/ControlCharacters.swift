extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL: never shown as they are in a runbook or a diagram.
    var isControlCharacter: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
