import Foundation
import XCTest

/// Compares `actual` with the golden file `Golden/<name>` of the calling test target, byte for byte.
///
/// The golden folder is found from the calling test file (`file`): the `Golden` folder at the top of its target,
/// `Tests/<Target>/Golden`, wherever in the target the test file sits.
///
/// To accept new output, run `RECORD_GOLDEN=1 swift test`: every golden compared in that run is rewritten with
/// the actual output (and the test passes), then read the diff in git before committing it.
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let folder = goldenFolder(of: file) else {
        XCTFail("\(file) is not inside Tests/<Target>/, so it has no Golden folder", file: file, line: line)
        return
    }
    assertGolden(actual, at: folder.appendingPathComponent(name), file: file, line: line)
}

/// Compares `actual` with the file at `url` byte for byte, and re-records it the same way: for an output that is
/// also committed elsewhere in the repository, such as `schema/procdef.schema.json`.
public func assertGolden(_ actual: String, at url: URL, file: StaticString = #filePath, line: UInt = #line) {
    if isRecordingGoldenFiles {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        } catch {
            XCTFail("could not record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? Data(contentsOf: url) else {
        XCTFail("no golden file \(url.path); record it with RECORD_GOLDEN=1 swift test", file: file, line: line)
        return
    }
    let expectedText = String(decoding: expected, as: UTF8.self)
    if expectedText != actual {
        XCTFail(
            "output differs from \(url.lastPathComponent) (RECORD_GOLDEN=1 re-records it):\n\(lineDiff(expected: expectedText, actual: actual))",
            file: file, line: line)
    }
}

/// True when `RECORD_GOLDEN=1`: golden files (and outputs committed elsewhere that tests compare) are rewritten.
public var isRecordingGoldenFiles: Bool {
    ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
}

/// `Tests/<Target>/Golden` for a test file anywhere under `Tests/<Target>/`.
private func goldenFolder(of testFile: StaticString) -> URL? {
    var folder = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
        if folder.deletingLastPathComponent().lastPathComponent == "Tests" {
            return folder.appendingPathComponent("Golden")
        }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}

/// The first differing line and its neighbours: enough to see what changed without a diff tool.
private func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    var out = "first difference at line \(first + 1)\n"
    for index in max(0, first - 2)..<min(max(e.count, a.count), first + 3) {
        out += "  expected: \(index < e.count ? String(reflecting: String(e[index])) : "<none>")\n"
        out += "  actual:   \(index < a.count ? String(reflecting: String(a[index])) : "<none>")\n"
    }
    return out
}
