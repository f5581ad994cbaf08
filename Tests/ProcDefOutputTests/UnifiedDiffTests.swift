import Foundation
import XCTest

@testable import ProcDefOutput

final class UnifiedDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff.render(path: "f.yaml", old: Array(old.utf8), new: Array(new.utf8))
    }

    func testTheSameTextHasNoDiff() {
        XCTAssertEqual(diff("a\nb\n", "a\nb\n"), "")
    }

    func testOneChangedLineWithItsContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(
            diff(old, new),
            """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testFarApartChangesAreTwoHunksAndNearOnesOne() {
        let old = (1...20).map { "l\($0)\n" }.joined()
        let far = old.replacingOccurrences(of: "l2\n", with: "L2\n").replacingOccurrences(of: "l18\n", with: "L18\n")
        XCTAssertEqual(diff(old, far).components(separatedBy: "\n@@").count - 1, 2)
        let near = old.replacingOccurrences(of: "l5\n", with: "L5\n").replacingOccurrences(of: "l10\n", with: "L10\n")
        XCTAssertEqual(diff(old, near).components(separatedBy: "\n@@").count - 1, 1)
    }

    func testInsertionsDeletionsAndAMissingFinalNewline() {
        XCTAssertEqual(
            diff("a\nb\n", "a\nx\nb\n"),
            """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -1,2 +1,3 @@
             a
            +x
             b

            """)
        XCTAssertEqual(
            diff("a\nb\nc", "a\nc"),
            """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -1,3 +1,2 @@
             a
            -b
             c
            \\ No newline at end of file

            """)
        XCTAssertEqual(
            diff("", "a\n"),
            """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -0,0 +1 @@
            +a

            """)
    }

    /// The output is a patch `git apply` takes: applied to the old text, it gives the new.
    func testGitAppliesIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let old = (1...30).map { "key\($0): value \($0)  # comment\n" }.joined()
        var new = old.replacingOccurrences(of: "key3:", with: "key-three:")
        new = new.replacingOccurrences(of: "key20: value 20  # comment\n", with: "")
        new += "added: true\n"
        try old.write(to: directory.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
        try diff(old, new).write(to: directory.appendingPathComponent("fix.patch"), atomically: true, encoding: .utf8)
        let process = Process()
        // git is part of every machine procdef is built on (`procdef diff --git` needs it too).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "apply", "--unsafe-paths", "fix.patch"]
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("f.yaml"), encoding: .utf8), new)
    }
}
