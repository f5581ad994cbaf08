import Foundation
import XCTest

/// Compares `actual` with the golden file `Golden/<name>` beside this test file, byte for byte.
///
/// To accept new output, run `RECORD_GOLDEN=1 swift test`: every golden compared in that run is rewritten with
/// the actual output (and the test passes), then read the diff in git before committing it.
func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    assertGolden(actual, at: url, file: file, line: line)
}

/// Compares `actual` with the file at `url` byte for byte, and re-records it the same way: for an output that is
/// also committed elsewhere in the repository, such as `schema/procdef.schema.json`.
func assertGolden(_ actual: String, at url: URL, file: StaticString = #filePath, line: UInt = #line) {
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
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
        XCTFail("output differs from \(url.lastPathComponent) (RECORD_GOLDEN=1 re-records it):\n\(lineDiff(expected: expectedText, actual: actual))", file: file, line: line)
    }
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
