import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef diff OLD NEW` and `procdef diff --git REV [PATH...]`: what a change does to roles, RACI, flow and
/// handoffs, for a reviewer.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a change does to accountability, RACI, flow, handoffs, policies and findings.",
        usage: """
            procdef diff <old> <new> [--format <format>] [--config <file>] [--today <YYYY-MM-DD>]
            procdef diff --git <rev> [<path> ...] [--format <format>] [--config <file>] [--today <YYYY-MM-DD>]
            """,
        discussion: """
            procdef diff OLD NEW compares two files or folders. procdef diff --git REV [PATH...] compares the working \
            tree with a git revision (read with git; nothing is checked out); PATH defaults as for check. Both sides \
            are checked with the same configuration and date.

            Exit codes: 0 the change introduces no error finding, 1 it introduces an error finding that the old side \
            did not have (a new handoff gap, say), 2 usage or I/O problems (a missing path, no git, an unknown \
            revision).
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("Compare the working tree with this git revision (a branch, tag or commit).", valueName: "rev"))
    var git: String?

    @Option(help: "Output format: text (for people), markdown (a pull-request comment) or json (for scripts).")
    var format: DiffFormat = .text

    func validate() throws {
        if inputs.baseline != nil || inputs.noBaseline {
            throw ValidationError(
                "diff compares the findings of two checks, whatever a baseline lists: leave out --baseline and --no-baseline")
        }
        if git == nil && inputs.paths.count != 2 {
            throw ValidationError("expected two paths, OLD and NEW (or --git REV [PATH...]); got \(inputs.paths.count)")
        }
    }

    func run() throws {
        let setup = try inputs.setUp()
        let options = setup.options
        let active = setup.active
        let old: Workspace
        let new: Workspace
        if let revision = git {
            // Find git before reading anything, so a missing tool costs nothing.
            guard let executable = GitRevision.findGit() else {
                throw Terminal.fail(
                    "--git needs git, and no 'git' was found on PATH", help: "install git, or compare two folders: procdef diff OLD NEW")
            }
            let paths = try CheckSession.inputPaths(inputs.paths, active: active)
            new = try load(paths, options: options)
            do {
                old = try GitRevision(revision, git: executable).load(paths: paths, options: options)
            } catch {
                throw Terminal.fail(error.description)
            }
        } else {
            old = try load([inputs.paths[0]], options: options)
            new = try load([inputs.paths[1]], options: options)
        }
        let diff = ProcessDiff.compare(
            old: Checker.check(old, config: active, options: options),
            new: Checker.check(new, config: active, options: options)
        )
        Terminal.write(format.render(diff))
        if !diff.introducedErrors.isEmpty { throw ExitCode(ExitStatus.findings) }
    }

    private func load(_ paths: [String], options: CheckOptions) throws -> Workspace {
        do {
            return try Workspace.load(paths: paths, options: options)
        } catch {
            throw Terminal.fail(error.description)
        }
    }
}

/// How `procdef diff` prints the comparison.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json

    func render(_ diff: WorkspaceDiff) -> String {
        switch self {
        case .text: DiffTextRenderer().render(diff)
        case .markdown: DiffMarkdownRenderer().render(diff)
        case .json: DiffJSONRenderer().render(diff)
        }
    }
}
