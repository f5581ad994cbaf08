import Foundation
import XCTest

/// Runs the built `procdef` binary, as a user would, and captures what it prints.
struct ProcdefRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Procdef {
    /// The folder holding the built products (the binary sits beside the test bundle).
    static var productsDirectory: URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        return bundle.deletingLastPathComponent()
    }

    static var binary: URL { productsDirectory.appendingPathComponent("procdef") }

    /// The test target's own folder, for fixtures and golden files.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Runs `procdef arguments...` in `directory` with `NO_COLOR` set, unless `environment` says otherwise.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: Data? = nil) throws -> ProcdefRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a large output never blocks the child.
        let outData = ReadResult()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData.set(out.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcdefRun(status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

private final class BundleMarker {}

/// What the background reader read, handed to the waiting thread under a lock (Swift 6 forbids a captured `var`).
private final class ReadResult: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
