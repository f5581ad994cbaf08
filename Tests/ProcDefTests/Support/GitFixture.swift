import Foundation
import XCTest
import YAMLTree

@testable import ProcDef

/// A git repository made in a temporary folder for one test, and stand-ins for git that misbehave on cue.
struct GitFixture {
    let root: URL
    /// The real git, which every stand-in runs for what it does not fake.
    let git: String

    /// A fresh repository; the test is skipped when git is not installed.
    init(_ test: XCTestCase) throws {
        guard let git = GitRevision.findGit() else { throw XCTSkip("git is not installed") }
        self.git = git
        root = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let root = root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try run(["init", "-q"])
    }

    /// Runs git in the repository and returns its standard output; a failure fails the test.
    @discardableResult
    func run(_ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments =
            ["-c", "user.name=procdef tests", "-c", "user.email=tests@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(Data(input))
            try feed.fileHandleForWriting.close()
        }
        let messages = ErrorText()
        let group = DispatchGroup()
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { messages.data = errorReader.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFixtureError(
                description: "git \(arguments.joined(separator: " ")) failed: \(String(decoding: messages.data, as: UTF8.self))")
        }
        return Array(data)
    }

    /// Writes `bytes` at `path` (folders made as needed).
    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Array(text.utf8))
    }

    /// Stages everything and commits it.
    func commit(_ message: String = "change") throws {
        try run(["add", "-A"])
        try run(["commit", "-q", "-m", message])
    }

    /// Commits `files` on top of HEAD's branch through one `git fast-import`: thousands of files in a second,
    /// with nothing written to the working tree.
    func commit(_ files: [(path: String, bytes: [UInt8])]) throws {
        let branch = String(decoding: try run(["symbolic-ref", "HEAD"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        var stream = Array("commit \(branch)\ncommitter procdef tests <tests@example.com> 0 +0000\ndata 0\n".utf8)
        for file in files {
            stream += Array("M 100644 inline \(file.path)\ndata \(file.bytes.count)\n".utf8) + file.bytes + [0x0A]
        }
        try run(["fast-import", "--quiet"], input: stream)
    }

    /// A blob's content as `git show` prints it: what the old side read before `cat-file --batch`.
    func show(_ path: String, at revision: String = "HEAD") throws -> [UInt8] {
        try run(["show", "--no-textconv", "\(revision):./\(path)"])
    }

    /// An executable stand-in for git that runs `catFile` (a POSIX shell script, with `$GIT` the real git) for
    /// `git cat-file` and the real git for everything else.
    func standIn(catFile: String) throws -> String {
        // Inside `.git`: removed with the repository, and never part of a tree.
        let url = root.appendingPathComponent(".git/stand-in-\(UUID().uuidString)")
        let script = """
            #!/bin/sh
            GIT='\(git)'
            if [ "$1" = "cat-file" ]; then
            \(catFile)
            fi
            exec "$GIT" "$@"

            """
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    /// The definition files at `revision` as `procdef diff --git` reads them, through `git` (a stand-in or the real one).
    func load(_ paths: [String] = ["."], at revision: String = "HEAD", git: String? = nil, maxFileSize: Int = 8 * 1024 * 1024) throws
        -> Workspace
    {
        try GitRevision(revision, git: git ?? self.git, directory: root.path)
            .load(paths: paths, options: CheckOptions(limits: YAMLLimits(maxFileSize: maxFileSize)))
    }
}

struct GitFixtureError: Error, CustomStringConvertible {
    let description: String
}

/// Written by the error reader thread, read after `DispatchGroup.wait()`, which orders the two.
private final class ErrorText: @unchecked Sendable {
    var data = Data()
}
