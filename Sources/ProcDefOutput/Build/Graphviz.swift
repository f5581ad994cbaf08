import Foundation
import ProcDef

/// Graphviz's `dot`, found on `PATH`, turning DOT text into SVG or PNG.
package struct Graphviz: Sendable {
    package let executable: String

    package init(executable: String) {
        self.executable = executable
    }

    /// The first executable `dot` on `path` (a `PATH` value: folders separated by `:`), or nil.
    package static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Graphviz? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return Graphviz(executable: candidate)
            }
        }
        return nil
    }

    /// Runs `dot -T<format>` on `dot` and returns what it printed.
    package func render(_ dot: String, format: DiagramImageFormat) throws(GraphvizError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format.rawValue)"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .launchFailed(executable, (error as NSError).localizedDescription)
        }
        // Feed and drain the pipes on separate threads: a large graph fills a pipe buffer either way.
        let writer = input.fileHandleForWriting
        let source = Data(dot.utf8)
        let errorText = PipeContents()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            try? writer.write(contentsOf: source)
            try? writer.close()
        }
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorText.set(errorReader.readDataToEndOfFile())
        }
        let produced = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, message: String(decoding: errorText.get(), as: UTF8.self))
        }
        return Array(produced)
    }
}

/// Why Graphviz could not render a diagram.
package enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    case launchFailed(String, String)
    case failed(status: Int32, message: String)

    package var description: String {
        switch self {
        case .launchFailed(let path, let reason): "cannot run '\(path)': \(reason)"
        case .failed(let status, let message): "dot failed (exit status \(status)): \(message.trimmingWhitespace())"
        }
    }
}

/// What a reader thread read, handed to the waiting thread under a lock (Graphviz's and git's standard error).
package final class PipeContents: @unchecked Sendable {
    private let lock = Lock()
    private var data = Data()

    package init() {}

    package func set(_ value: Data) { lock.withLock { data = value } }
    package func get() -> Data { lock.withLock { data } }
}
