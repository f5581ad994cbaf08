import Foundation
import XCTest

/// The tools the tests use when they are installed, and skip (naming the tool) when they are not: none of them is
/// needed to build or run procdef, so a machine set up as the README says has none of them.
///
/// `PROCDEF_TESTS_HIDE_OPTIONAL_TOOLS=1` hides every one of them, as on such a machine, even where they are
/// installed: `.ci/run` runs the suite once that way, so a test that fails instead of skipping is seen.
public enum OptionalTool: String, CaseIterable, Sendable {
    /// Graphviz, which must accept every DOT file procdef writes (and `build --render` calls).
    case dot
    /// GitHub's Markdown renderer, which must show every runbook and report as written.
    case cmarkGFM = "cmark-gfm"
    /// A JSON Schema validator, which must agree with the decoder on `procdef schema`.
    case checkJSONSchema = "check-jsonschema"
    /// A real browser, headless, in which Mermaid itself parses and draws each runbook's flowchart.
    case chromium
    /// Python, which runs the Mermaid check's script (Tests/mermaid/check-mermaid.py).
    case python3

    /// The variable that hides every optional tool.
    public static let hidingVariable = "PROCDEF_TESTS_HIDE_OPTIONAL_TOOLS"

    /// True when `hidingVariable` is set to anything but empty or `0`.
    public static var areHidden: Bool {
        let value = ProcessInfo.processInfo.environment[hidingVariable] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The tool's path on `PATH`; nil when it is missing or hidden.
    public var path: String? {
        if Self.areHidden { return nil }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(rawValue)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The tool's path; throws XCTSkip, with the reason, when it is missing or hidden. Call it outside any
    /// `XCTAssert...` autoclosure: a skip thrown in there is recorded as a failure.
    @discardableResult
    public func require() throws -> String {
        if let path { return path }
        if Self.areHidden { throw XCTSkip("\(rawValue) is hidden by \(Self.hidingVariable)") }
        throw XCTSkip("\(rawValue) is not installed")
    }
}

/// Runs a real tool on emitted text; a test skips (naming the tool) only when the tool is missing or hidden.
public enum ExternalTool {
    /// `tool arguments...` with `input` on standard input; throws XCTSkip when the tool is missing, and fails on a
    /// non-zero exit with what the tool printed.
    public static func run(_ tool: OptionalTool, _ arguments: [String], input: String) throws -> String {
        try runKeepingErrors(tool, arguments, input: input).output
    }

    /// `run`, and what the tool wrote on standard error when it succeeded (Graphviz's warnings).
    public static func runKeepingErrors(_ tool: OptionalTool, _ arguments: [String], input: String) throws -> (
        output: String, errors: String
    ) {
        let name = tool.rawValue
        let path = try tool.require()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
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
            throw ToolFailure(
                description: "\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(errorText)")
        }
        return (String(decoding: output, as: UTF8.self), errorText)
    }

    public struct ToolFailure: Error, CustomStringConvertible {
        public var description: String
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.withLock { data = value } }
        func get() -> Data { lock.withLock { data } }
    }
}

/// `cmark-gfm --unsafe -e table`: what a permissive renderer (a wiki import) lets through.
public enum CmarkGFM {
    /// The HTML of `markdown`; throws XCTSkip when cmark-gfm is missing or hidden.
    public static func html(_ markdown: String) throws -> String {
        try ExternalTool.run(.cmarkGFM, ["--unsafe", "-e", "table"], input: markdown)
    }
}

/// Graphviz `dot`, which must accept every DOT file procdef writes.
public enum GraphvizTool {
    /// The SVG of `dot`; throws XCTSkip when Graphviz is missing or hidden.
    public static func svg(_ dot: String) throws -> String {
        try ExternalTool.run(.dot, ["-Tsvg"], input: dot)
    }

    /// The layout of `dot` as Graphviz's JSON (`-Tjson`), and its warnings; throws XCTSkip when Graphviz is missing.
    public static func layout(_ dot: String) throws -> (json: String, warnings: String) {
        let (json, warnings) = try ExternalTool.runKeepingErrors(.dot, ["-Tjson"], input: dot)
        return (json, warnings)
    }
}
