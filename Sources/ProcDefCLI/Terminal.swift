import ArgumentParser
import Foundation
import ProcDefOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and error as the commands use them.
enum Terminal {
    /// Colour only for a person at a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org).
    static var wantsColor: Bool { ColorChoice.auto.enabled(for: STDOUT_FILENO) }

    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes `procdef: <text>` to standard error; every line is made safe, since it may echo arguments or paths.
    static func writeError(_ text: String) {
        let safe = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalEscaping.sanitized(String($0)) }
            .joined(separator: "\n")
        var message = "procdef: " + safe
        if !message.hasSuffix("\n") { message += "\n" }
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Reports a problem that stops the command (`procdef: error: ...`, then `help: ...`) and gives the exit code
    /// to throw.
    static func fail(_ message: String, help: String? = nil) -> ExitCode {
        var text = "error: \(message)"
        if let help { text += "\nhelp: \(help)" }
        writeError(text)
        return ExitCode(ExitStatus.usage)
    }
}

/// `--color`: whether findings are coloured.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto`: colour when `FORCE_COLOR` is set to anything but `0` or `false` (https://force-color.org), else when
    /// `NO_COLOR` is unset or empty (https://no-color.org) and `descriptor` is a terminal. `always` and `never` win
    /// over both variables.
    func enabled(for descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force.lowercased() != "false" { return true }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(descriptor) != 0
        }
    }
}
