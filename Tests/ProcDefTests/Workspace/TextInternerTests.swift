import XCTest
@testable import ProcDef

/// The workspace's table of texts: equal texts share one copy, and nothing else about them changes.
final class TextInternerTests: XCTestCase {
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    func testEqualTextsShareOneCopy() {
        let interner = TextInterner()
        let first = interner.intern(String(repeating: "service-desk-", count: 3))
        let second = interner.intern(String(repeating: "service-desk-", count: 3))
        XCTAssertEqual(first, second)
        XCTAssertEqual(storage(first), storage(second))
        XCTAssertNotEqual(storage(first), storage(interner.intern(String(repeating: "service-desk+", count: 3))))
    }

    /// Canonically equivalent is not the same: a precomposed é and e with a combining accent stay as written.
    func testTextsAreComparedByBytesNotByCanonicalEquivalence() {
        let interner = TextInterner()
        let composed = interner.intern("Vérifier la demande du client")
        let decomposed = interner.intern("Ve\u{301}rifier la demande du client")
        XCTAssertEqual(Array(composed.utf8), Array("Vérifier la demande du client".utf8))
        XCTAssertEqual(Array(decomposed.utf8), Array("Ve\u{301}rifier la demande du client".utf8))
    }

    func testManyTextsAllComeBackUnchanged() {
        let interner = TextInterner()
        let texts = (0..<20_000).map { "role-number-\($0)-of-the-catalogue" }
        XCTAssertEqual(texts.map(interner.intern), texts)
        XCTAssertEqual(texts.map(interner.intern), texts)
        XCTAssertEqual(interner.intern("short"), "short")
        XCTAssertEqual(interner.intern(""), "")
    }

    func testTextsSharedAcrossFilesOfOneWorkspace() {
        let role = "incident-process-owner"
        let files = (0..<4).map { index in
            SourceFile(path: "p\(index).yaml", bytes: Array("""
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
