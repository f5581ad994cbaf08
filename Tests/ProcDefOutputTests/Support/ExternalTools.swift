import Foundation
import XCTest

/// Runs a real tool on emitted text; a test skips (naming the tool) only when the tool is not installed.
enum ExternalTool {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// `tool arguments...` with `input` on standard input; throws XCTSkip when the tool is missing, and fails on a
    /// non-zero exit with what the tool printed.
    static func run(_ name: String, _ arguments: [String], input: String) throws -> String {
        guard let path = find(name) else { throw XCTSkip("\(name) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        let data = Data(input.utf8)
        let errors = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        let errorReader = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { errors.set(errorReader.readDataToEndOfFile()) }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let errorText = String(decoding: errors.get(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(errorText)")
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.withLock { data = value } }
        func get() -> Data { lock.withLock { data } }
    }
}

/// `cmark-gfm --unsafe -e table`: what a permissive renderer (a wiki import) lets through.
enum CmarkGFM {
    static func html(_ markdown: String) throws -> String {
        try ExternalTool.run("cmark-gfm", ["--unsafe", "-e", "table"], input: markdown)
    }
}

/// Graphviz `dot`, which must accept every DOT file procdef writes.
enum GraphvizTool {
    static func svg(_ dot: String) throws -> String {
        try ExternalTool.run("dot", ["-Tsvg"], input: dot)
    }
}
