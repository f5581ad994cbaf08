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
        // On macOS the bundle is `debug/procdefPackageTests.xctest`; on Linux the test executable is a plain file
        // and its "bundle" is the `debug` folder itself.
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    static var binary: URL { productsDirectory.appendingPathComponent("procdef") }

    /// The test target's own folder, for fixtures and golden files.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Runs `procdef arguments...` in `directory` with `NO_COLOR` set, unless `environment` says otherwise.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: Data? = nil) throws
        -> ProcdefRun
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // FORCE_COLOR would win over NO_COLOR: a CI that sets it must not colour the output the tests compare.
        env["FORCE_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        // Read both pipes before waiting so a large output never blocks the child.
        let collected = CollectedOutput()
        let group = DispatchGroup()
        group.enter()
        let reader = out.fileHandleForReading
        DispatchQueue.global().async {
            collected.stdout = reader.readDataToEndOfFile()
            group.leave()
        }
        // Fed once stdout is being drained, so a child that prints before reading cannot block on a full pipe.
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcdefRun(
            status: process.terminationStatus, stdout: String(decoding: collected.stdout, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
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

/// Written by one reader thread and read after `DispatchGroup.wait()`, which orders the two.
private final class CollectedOutput: @unchecked Sendable {
    var stdout = Data()
}
