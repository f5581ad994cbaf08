import Dispatch
import XCTest

@testable import ProcDef

/// The workspace's table of texts: equal texts share one copy, and nothing else about them changes.
final class TextInternerTests: XCTestCase {
    /// What the decoder does: the table's copy of a scalar's bytes.
    private func intern(_ text: String, in interner: TextInterner) -> String {
        var text = text
        return text.withUTF8 { interner.intern(bytes: $0) }
    }

    private func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    func testEqualTextsShareOneCopy() {
        let interner = TextInterner()
        let first = intern(String(repeating: "service-desk-", count: 3), in: interner)
        let second = intern(String(repeating: "service-desk-", count: 3), in: interner)
        XCTAssertEqual(first, second)
        XCTAssertEqual(storage(first), storage(second))
        XCTAssertNotEqual(storage(first), storage(intern(String(repeating: "service-desk+", count: 3), in: interner)))
    }

    /// Canonically equivalent is not the same: a precomposed é and e with a combining accent stay as written.
    func testTextsAreComparedByBytesNotByCanonicalEquivalence() {
        let interner = TextInterner()
        let composed = intern("Vérifier la demande du client", in: interner)
        let decomposed = intern("Ve\u{301}rifier la demande du client", in: interner)
        XCTAssertEqual(Array(composed.utf8), Array("Vérifier la demande du client".utf8))
        XCTAssertEqual(Array(decomposed.utf8), Array("Ve\u{301}rifier la demande du client".utf8))
    }

    func testManyTextsAllComeBackUnchanged() {
        let interner = TextInterner()
        let texts = (0..<20_000).map { "role-number-\($0)-of-the-catalogue" }
        XCTAssertEqual(texts.map { intern($0, in: interner) }, texts)
        XCTAssertEqual(texts.map { intern($0, in: interner) }, texts)
        XCTAssertEqual(intern("short", in: interner), "short")
        XCTAssertEqual(intern("", in: interner), "")
        XCTAssertEqual(intern("nul \u{0} inside a long text", in: interner), "nul \u{0} inside a long text")
    }

    /// Files are decoded on several threads at once, all interning into the one table.
    func testThreadsInterningTheSameTextsGetOneCopy() {
        let interner = TextInterner()
        let texts = (0..<2_000).map { "artifact-number-\($0)-handed-over" }
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: 8 * texts.count)
        results.initialize(repeating: "")
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for (i, text) in texts.enumerated() {
                var text = text
                shared[thread * texts.count + i] = text.withUTF8 { interner.intern(bytes: $0) }
            }
        }
        for (i, text) in texts.enumerated() {
            let copies = (0..<8).map { results[$0 * texts.count + i] }
            XCTAssertEqual(Set(copies), [text])
            XCTAssertEqual(Set(copies.map(storage)).count, 1, text)
        }
    }

    func testTextsSharedAcrossFilesOfOneWorkspace() {
        let role = "incident-process-owner"
        let files = (0..<4).map { index in
            SourceFile(
                path: "p\(index).yaml",
                bytes: Array(
                    """
                    kind: process
                    id: p-\(index)
                    name: P
                    owner: \(role)
                    activities:
                      - {id: a, name: A, responsible: \(role), end: true}

                    """.utf8))
        }
        let workspace = Workspace.load(files: files)
        let owners = workspace.processes.compactMap { $0.owner?.value }
        XCTAssertEqual(owners, Array(repeating: role, count: 4))
        XCTAssertEqual(Set(owners.map(storage)).count, 1)
        XCTAssertEqual(storage(workspace.processes[0].activities[0].responsible[0].value), storage(owners[0]))
    }
}
