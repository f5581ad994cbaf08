import ArgumentParser
import Foundation
import ProcDef

/// The `procdef` command: parses arguments, runs a subcommand, and turns every outcome into one of three exit codes.
@main
struct ProcdefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procdef",
        abstract: "Check IT service management process definitions kept as YAML.",
        discussion: """
            Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings that fail the run, \
            2 usage or I/O problems.
            """,
        version: ProcdefVersion.withCommit,
        subcommands: [
            CheckCommand.self, BuildCommand.self, RulesCommand.self, ExplainCommand.self, RaciCommand.self, GraphCommand.self,
            DiffCommand.self, HandoffsCommand.self, SchemaCommand.self, InitCommand.self, ConfigCommand.self, LSPCommand.self,
        ]
    )

    /// Replaces ArgumentParser's own `main()`, whose usage errors exit with 64 (EX_USAGE) and whose other errors
    /// exit with 1, which CI would read as "findings". Here usage and I/O problems, and any error nobody expected,
    /// exit with 2, and nothing escapes as a crash.
    static func main() {
        let status: Int32
        do {
            var command = try parseAsRoot(Self.optionalValues(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            status = ExitStatus.clean
        } catch let exit as ExitCode {
            status = exit.rawValue
        } catch {
            status = report(error)
        }
        Foundation.exit(status)
    }

    /// `--write-baseline [FILE]`: ArgumentParser has no option whose value may be left out, so the flag stays a flag
    /// and its file, the next argument when it ends in `.json` (any other is a path to check) or the value of
    /// `--write-baseline=FILE`, is passed on as the hidden `--write-baseline-file FILE`. Nothing after `--` is touched.
    static func optionalValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            if argument == "--write-baseline" {
                result.append(argument)
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if let next, next.hasSuffix(".json"), !next.hasPrefix("-") {
                    result.append("--write-baseline-file=" + next)
                    index += 1
                }
            } else if argument.hasPrefix("--write-baseline=") {
                let file = argument.dropFirst("--write-baseline=".count)
                result += file.isEmpty ? ["--write-baseline"] : ["--write-baseline", "--write-baseline-file=" + file]
            } else {
                result.append(argument)
            }
            index += 1
        }
        return result
    }

    /// Prints help or an error as ArgumentParser would, with procdef's `procdef: error:` prefix on standard error.
    private static func report(_ error: any Error) -> Int32 {
        let text = fullMessage(for: error)
        if exitCode(for: error) == .success {
            print(text)
            return ExitStatus.clean
        }
        // ArgumentParser writes "Error: Unknown option ...", "Help:  ..." and usage lines; keep them (the usage shows
        // the right subcommand) in procdef's own lower-case style.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first {
            lines[0] = "error: " + lowercasingFirstWord(first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
        }
        lines = lines.map { $0.hasPrefix("Help:  ") ? "help: " + $0.dropFirst(7) : $0 }
        Terminal.writeError(lines.joined(separator: "\n"))
        return ExitStatus.usage
    }

    /// "Unknown option" becomes "unknown option", but an acronym such as "ID" stays as it is.
    private static func lowercasingFirstWord(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count >= 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}

/// The three outcomes CI distinguishes.
enum ExitStatus {
    static let clean: Int32 = 0
    /// Error findings, or warnings under `--strict`.
    static let findings: Int32 = 1
    /// A bad flag or argument, a path that cannot be read, anything that stopped the check from running.
    static let usage: Int32 = 2
}
