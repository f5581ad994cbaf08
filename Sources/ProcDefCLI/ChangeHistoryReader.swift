import ArgumentParser
import Foundation
import ProcDefOutput

/// `build --history`: one `git log` over the whole working tree, read into each definition file's last commits.
enum ChangeHistoryReader {
    /// The history of `files` (paths as the check read them, relative to the working directory). Exits with 2 when
    /// git is missing or the working directory is not in a repository: the flag asked for what cannot be given.
    static func read(files: Set<String>) throws -> ChangeHistory {
        guard let git = findGit() else {
            throw Terminal.fail("--history needs git, and no 'git' was found on PATH", help: "install git, or build without --history")
        }
        let top = try run(git, ["rev-parse", "--show-toplevel"], in: nil).trimmingCharacters(in: .newlines)
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        // Each definition by its path in the repository, which is how git prints it, wherever the check found it.
        var inRepository: [String: String] = [:]
        for file in files {
            let absolute = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: here, isDirectory: true))
                .resolvingSymlinksInPath().standardizedFileURL.path
            guard absolute.hasPrefix(root + "/") else { continue }
            inRepository[String(absolute.dropFirst(root.count + 1))] = file
        }
        guard !inRepository.isEmpty else { return ChangeHistory() }
        // Every file at once: one walk of the history, whatever the number of processes.
        let output = try run(git, ChangeHistory.gitArguments + ["--"] + inRepository.keys.sorted(), in: root)
        return ChangeHistory.parse(output, files: inRepository)
    }

    /// `git arguments...` in `directory`; exits with 2 and git's message when it fails.
    private static func run(_ git: String, _ arguments: [String], in directory: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Terminal.fail("--history could not run git: \((error as NSError).localizedDescription)")
        }
        let errorReader = errors.fileHandleForReading
        let errorText = PipeContents()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorText.set(errorReader.readDataToEndOfFile()) }
        let produced = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = String(decoding: errorText.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Terminal.fail(
                "--history could not read the change history: git \(arguments.first == "rev-parse" ? "rev-parse" : "log") failed: \(message)",
                help: "build inside a git repository, or without --history")
        }
        return String(decoding: produced, as: UTF8.self)
    }

    private static func findGit() -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
