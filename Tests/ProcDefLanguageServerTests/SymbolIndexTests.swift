import Foundation
import XCTest

@testable import ProcDef
@testable import ProcDefLanguageServer

/// The ids definition, references and rename work on, collected from the shipped examples.
final class SymbolIndexTests: XCTestCase {
    private func index() throws -> (SymbolIndex, Workspace) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let paths = ["Processes", "Policies"].map { root.appendingPathComponent($0).path }
        try XCTSkipUnless(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "the examples are not in this checkout")
        let workspace = try Workspace.load(paths: paths)
        var files: [String: [SymbolOccurrence]] = [:]
        for (file, model) in SymbolIndex.FileModel.byFile(workspace) {
            files[file] = SymbolIndex.occurrences(in: model, workspace: workspace)
        }
        return (SymbolIndex(files: files), workspace)
    }

    func testEveryPlaceIsListedOnce() throws {
        let (index, _) = try index()
        for (file, occurrences) in index.occurrencesByFile {
            var places: Set<String> = []
            for occurrence in occurrences {
                let place = "\(occurrence.symbol) \(occurrence.range.start.offset)"
                XCTAssertTrue(places.insert(place).inserted, "\(file): \(place) twice (a conditional entry, or an alias)")
            }
        }
    }

    func testAConditionalInvolvementIsAReferenceOfItsRole() throws {
        let (index, workspace) = try index()
        let process = try XCTUnwrap(workspace.processes.first { $0.activities.contains { !$0.conditions.isEmpty } })
        let condition = try XCTUnwrap(process.activities.lazy.flatMap(\.conditions).first)
        let symbol = Symbol.role(condition.role.value, as: process)
        XCTAssertTrue(
            index.occurrences(of: symbol).contains { $0.file == process.file && $0.range == condition.role.range },
            "\(condition.role.value) in \(process.id.value)")
    }

    func testAProcesssApproverIsAReference() throws {
        let (index, workspace) = try index()
        let process = try XCTUnwrap(workspace.processes.first { $0.governance.approvedBy != nil })
        let approver = try XCTUnwrap(process.governance.approvedBy)
        XCTAssertTrue(index.occurrences(of: Symbol.role(approver.value, as: process)).contains { $0.range == approver.range })
    }

    func testAnActivityIsDefinedOnceAndReferredToByItsTransitions() throws {
        let (index, workspace) = try index()
        let process = try XCTUnwrap(workspace.process(id: "incident-management"))
        let symbol = Symbol.activity(id: "categorize", process: "incident-management")
        XCTAssertEqual(
            index.definitions(of: symbol).map(\.range), [try XCTUnwrap(process.activities.first { $0.id.value == "categorize" }).id.range])
        XCTAssertFalse(index.occurrences(of: symbol).filter { !$0.isDefinition }.isEmpty)
    }
}
