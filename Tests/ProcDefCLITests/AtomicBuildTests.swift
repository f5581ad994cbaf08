import Foundation
import XCTest

/// A build that fails or dies while writing leaves the previous output exactly as it was.
///
/// A kill mid-write is simulated with the test hook `PROCDEF_TEST_CRASH_AFTER_FILES=N`: the build exits at once
/// (status 70) after writing N files of the new tree into its temporary directory `.out.tmp-<pid>` beside `out`.
/// That directory is the one thing such a build may leave behind, and the next build removes it.
final class AtomicBuildTests: XCTestCase {
    /// A copy of the clean fixture repository, built once into `out`.
    func builtRepository() throws -> (root: URL, out: URL) {
        let root = try Procdef.temporaryDirectory(self)
        for folder in ["Processes", "Policies"] {
            try FileManager.default.copyItem(
                at: CommandLineTests.fixtures.appendingPathComponent("clean").appendingPathComponent(folder),
                to: root.appendingPathComponent(folder))
        }
        let first = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(first.status, 0, first.stderr)
        return (root, root.appendingPathComponent("out"))
    }

    /// Renames the process, so that a new build differs from the one in `out`.
    func editProcess(in root: URL) throws {
        let file = root.appendingPathComponent("Processes/incident-management.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "name: Incident Management", with: "name: Incident Management, edited").write(
            to: file, atomically: true, encoding: .utf8)
    }

    func testBuildKilledMidWriteLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let (root, out) = try builtRepository()
        let before = try folderSnapshot(out)
        try editProcess(in: root)

        let killed = try Procdef.run(["build", "--today", "2026-01-15"], in: root, environment: ["PROCDEF_TEST_CRASH_AFTER_FILES": "3"])
        XCTAssertEqual(killed.status, 70, killed.stdout + killed.stderr)
        XCTAssertEqual(killed.stdout, "")
        XCTAssertEqual(try folderSnapshot(out), before, "the killed build changed out/")
        let leftovers = try hidden(in: root)
        XCTAssertEqual(leftovers.count, 1, "\(leftovers)")
        XCTAssertTrue(leftovers.first?.hasPrefix(".out.tmp-") ?? false, "\(leftovers)")
        if let leftover = leftovers.first {
            XCTAssertEqual(try folderSnapshot(root.appendingPathComponent(leftover)).count, 3, "the hook stops after 3 files")
        }

        let next = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(try hidden(in: root), [], "the next build removes the leftover")
        let after = try folderSnapshot(out)
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        XCTAssertTrue(
            String(decoding: after["runbooks/incident-management.md"] ?? [], as: UTF8.self).contains("Incident Management, edited"))
    }

    func testFirstBuildKilledMidWriteCreatesNoOutput() throws {
        let root = try Procdef.temporaryDirectory(self)
        try FileManager.default.copyItem(
            at: CommandLineTests.fixtures.appendingPathComponent("clean/Processes"), to: root.appendingPathComponent("Processes"))
        let killed = try Procdef.run(["build", "--today", "2026-01-15"], in: root, environment: ["PROCDEF_TEST_CRASH_AFTER_FILES": "1"])
        XCTAssertEqual(killed.status, 70, killed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    /// A failing check writes nothing, so a killed earlier build's leftover stays for the next successful one.
    func testFailingBuildLeavesOutputAndLeftoverAlone() throws {
        let (root, out) = try builtRepository()
        let before = try folderSnapshot(out)
        let file = root.appendingPathComponent("Processes/incident-management.yaml")
        try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
            of: "responsible: resolver-group", with: "responsible: resolver-grup"
        ).write(to: file, atomically: true, encoding: .utf8)
        let failing = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(try folderSnapshot(out), before)
        XCTAssertEqual(try hidden(in: root), [])
    }

    /// Only leftovers of processes that are gone are removed: another build may be writing right now.
    func testLeftoversOfLiveProcessesAreKept() throws {
        let (root, _) = try builtRepository()
        let dead = root.appendingPathComponent(".out.tmp-999999999")
        let live = root.appendingPathComponent(".out.tmp-1")
        let deadOld = root.appendingPathComponent(".out.old-999999998")
        let other = root.appendingPathComponent(".out.tmp-x1")
        for folder in [dead, live, deadOld, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let run = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try hidden(in: root), [".out.tmp-1", ".out.tmp-x1"])
    }

    /// A rebuild of unchanged definitions links every file of the previous tree instead of writing it again; a file
    /// that changed is written anew, and each file ends with one name (the previous tree is gone).
    func testRebuildLinksUnchangedFilesAndRewritesChangedOnes() throws {
        let (root, out) = try builtRepository()
        let runbook = out.appendingPathComponent("runbooks/incident-management.md").path
        let csv = out.appendingPathComponent("raci/incident-management.csv").path
        let before = try folderSnapshot(out)
        let csvInode = try inode(csv)

        let again = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try folderSnapshot(out), before)
        XCTAssertEqual(try inode(csv), csvInode, "an unchanged file is linked, not rewritten")
        XCTAssertEqual(try linkCount(csv), 1, "the previous tree's name is gone")

        try editProcess(in: root)
        let runbookInode = try inode(runbook)
        let edited = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertNotEqual(try inode(runbook), runbookInode, "a changed file is written anew")
        XCTAssertTrue(
            String(decoding: try folderSnapshot(out)["runbooks/incident-management.md"] ?? [], as: UTF8.self).contains(
                "Incident Management, edited"))
        XCTAssertEqual(try hidden(in: root), [])
    }

    /// A file of the previous tree that someone edited in place, or whose mode changed, is written again rather
    /// than linked, so the new tree is exactly what procdef renders.
    func testRebuildRewritesFilesChangedInPlaceOrByMode() throws {
        let (root, out) = try builtRepository()
        let before = try folderSnapshot(out)
        let runbook = out.appendingPathComponent("runbooks/incident-management.md")
        let csv = out.appendingPathComponent("raci/incident-management.csv")
        // The same length, other bytes: only a comparison of the contents tells.
        var bytes = before["runbooks/incident-management.md"] ?? []
        bytes[0] = bytes[0] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
        try Data(bytes).write(to: runbook)
        XCTAssertEqual(chmod(csv.path, 0o600), 0)
        // A stray folder inside a folder of the old tree: removing the old tree must not trip over it.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("diagrams/extra"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("diagrams/extra/file.txt"))

        let again = try Procdef.run(["build", "--today", "2026-01-15"], in: root)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try folderSnapshot(out), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: csv.path)[.posixPermissions] as? Int, 0o644 & ~Int(currentUmask()))
        XCTAssertEqual(try hidden(in: root), [])
    }

    // MARK: Helpers

    func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return UInt64(info.st_ino)
    }

    func linkCount(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return Int(info.st_nlink)
    }

    func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// The names starting with `.out.` in `folder`: temporary and retired trees of builds.
    func hidden(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.") }.sorted()
    }
}
