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
    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return noColor.isEmpty && isatty(STDOUT_FILENO) != 0
    }

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
