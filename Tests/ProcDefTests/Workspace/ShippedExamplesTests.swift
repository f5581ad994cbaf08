import Foundation
import XCTest
@testable import ProcDef

/// The repository's own `Processes/` and `Policies/` are the default input and the format's showcase: they decode cleanly.
final class ShippedExamplesTests: XCTestCase {
    func testShippedExamplesHaveNoDecodingFindings() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let paths = ["Processes", "Policies"].map { packageRoot.appendingPathComponent($0).path }
        try XCTSkipUnless(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "the examples are not in this checkout")
        let workspace = try Workspace.load(paths: paths)
        XCTAssertEqual(workspace.diagnostics.map { "\($0.file):\($0.range.start.line):\($0.range.start.column) [\($0.rule)] \($0.message)" }, [])
        XCTAssertFalse(workspace.processes.isEmpty)
        XCTAssertFalse(workspace.policies.isEmpty)
    }
}
