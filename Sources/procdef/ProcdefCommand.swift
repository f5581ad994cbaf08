import ArgumentParser
import Foundation
import ProcDefOutput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A minimal root until the `cli` branch's root command (with `check`, `rules`, `explain`) is merged; its
// `ProcdefCommand`, `ExitStatus` and `Terminal` replace these.

/// The `procdef` command: parses arguments, runs a subcommand, and turns every outcome into one of three exit codes.
@main
struct ProcdefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procdef",
        abstract: "Check IT service management process definitions kept as YAML.",
        subcommands: [BuildCommand.self, RaciCommand.self, GraphCommand.self]
    )

    /// Usage errors exit with 2 (ArgumentParser's own `main()` would use 64), and nothing escapes as a crash.
    static func main() {
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = ExitStatus.clean
        } catch let exit as ExitCode {
            status = exit.rawValue
        } catch {
            let text = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(text)
                status = ExitStatus.clean
            } else {
                Terminal.writeError(text)
                status = ExitStatus.usage
            }
        }
        Foundation.exit(status)
    }
}

/// The three outcomes CI distinguishes.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
}

/// Standard output and error as the commands use them.
enum Terminal {
    static var wantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return noColor.isEmpty && isatty(STDOUT_FILENO) != 0
    }

    static func write(_ text: String) {
        print(text, terminator: "")
    }

    static func writeError(_ text: String) {
        let safe = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalEscaping.sanitized(String($0)) }
            .joined(separator: "\n")
        var message = "procdef: " + safe
        if !message.hasSuffix("\n") { message += "\n" }
        FileHandle.standardError.write(Data(message.utf8))
    }

    static func fail(_ message: String, help: String? = nil) -> ExitCode {
        var text = "error: \(message)"
        if let help { text += "\nhelp: \(help)" }
        writeError(text)
        return ExitCode(ExitStatus.usage)
    }
}
