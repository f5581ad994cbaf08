import Foundation
import ProcDef
import ProcDefFuzz
import XCTest

/// Every input the fuzzer found a problem with, replayed through the same pipeline the fuzz target runs.
///
/// `Regressions/` holds the inputs as the fuzzer wrote them (one file each, named after what went wrong). A crash
/// here crashes the test run, which is the point: the pipeline must take every one of them.
final class FuzzRegressionTests: XCTestCase {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static func input(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: regressions.appendingPathComponent(name)))
    }

    func testEveryRegressionInputRunsThroughThePipeline() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let outcome = FuzzPipeline.run(try Self.input(name))
            XCTAssertFalse(outcome.diagnosticOutput.isEmpty, name)
        }
    }

    // MARK: The fuzz input format

    func testPercentLinesSplitTheInputIntoFiles() {
        let files = FuzzInput.files(from: Array("kind: roles\n%%\nkind: process\n%%\n".utf8))
        XCTAssertEqual(files.map(\.path), ["Processes/fuzz-1.yaml", "Processes/fuzz-2.yaml", "Processes/fuzz-3.yaml"])
        XCTAssertEqual(files.map { String(decoding: $0.bytes, as: UTF8.self) }, ["kind: roles", "kind: process", ""])
    }

    func testAtMostEightFilesTheRestStaysInTheLast() {
        let files = FuzzInput.files(from: Array(String(repeating: "x\n%%\n", count: 10).utf8))
        XCTAssertEqual(files.count, 8)
        XCTAssertEqual(String(decoding: files[7].bytes, as: UTF8.self), "x\n%%\nx\n%%\nx\n%%\n")
    }

    func testEmptyInputIsOneEmptyFile() {
        let outcome = FuzzPipeline.run([])
        XCTAssertEqual(outcome.diagnostics.map(\.rule), ["schema/empty"])
        XCTAssertEqual(outcome.diagnostics.first?.file, "Processes/fuzz-1.yaml")
    }

    /// The hostile-names fixture, as two files of one input: every output invariant of the fuzz target holds.
    func testHostileNamesKeepEveryOutputInvariant() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let names = root.appendingPathComponent("ProcDefCLITests/Fixtures/hostile/names")
        let roles = Array(try Data(contentsOf: names.appendingPathComponent("roles.yaml")))
        let process = Array(try Data(contentsOf: names.appendingPathComponent("hostile-names.yaml")))
        let outcome = FuzzPipeline.run(roles + FuzzInput.separator + process)
        guard case .success(let tree) = outcome.build else { return XCTFail("\(outcome.build)") }
        XCTAssertNotNil(tree.text(at: "runbooks/hostile-names.md"))
    }

    func testTheShippedIncidentProcessBuildsInTheFuzzWorkspace() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent("Processes/incident-management.yaml")))
        let outcome = FuzzPipeline.run(bytes)
        guard case .success(let tree) = outcome.build else { return XCTFail("\(outcome.build)") }
        XCTAssertNotNil(tree.text(at: "runbooks/incident-management.md"))
        XCTAssertNotNil(tree.text(at: "diagrams/incident-management.dot"))
    }
}
