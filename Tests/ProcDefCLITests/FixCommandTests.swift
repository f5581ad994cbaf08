import Foundation
import ProcDefTestSupport
import XCTest

/// `procdef check --fix`: the safe fixes applied, every other byte kept, a second run changing nothing.
final class FixCommandTests: XCTestCase {
    private static let roles = """
        kind: roles
        roles:
          owner: {name: Owner, kind: owner}
          service-desk: {name: Service Desk, kind: practitioner}

        """

    private static let process = """
        kind: process   # the incident process
        id: p
        name: P
        owner: owner
        activities:
          - id: log
            name: Log
            resposible: service-desk   # who logs
            accountable: owner
            next: clos
          - id: close
            name: Close
            responsible: service-dek
            accountable: owner
            end: true

        """

    private func repository() throws -> URL {
        let root = try Procdef.temporaryDirectory(self)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        try Self.roles.write(to: processes.appendingPathComponent("roles.yaml"), atomically: true, encoding: .utf8)
        try Self.process.write(to: processes.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    private func text(_ root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Processes/p.yaml"), encoding: .utf8)
    }

    func testSafeFixesOnlyAndEveryOtherByteKept() throws {
        let root = try repository()
        let run = try Procdef.run(["check", "--fix", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(run.status, 1, "the unsafe guesses are still findings")
        XCTAssertEqual(
            run.stderr,
            """
            procdef: fixed Processes/p.yaml:8:5: Replace 'resposible' with 'responsible' [schema/unknown-key]
            procdef: applied 1 fix in 1 file; checking again

            """)
        XCTAssertEqual(try text(root), Self.process.replacingOccurrences(of: "resposible:", with: "responsible:"))
        XCTAssertEqual(run.stdout.split(separator: "\n").last, "2 errors in 2 files")
        // A second run changes nothing.
        let again = try Procdef.run(["check", "--fix", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try text(root), Self.process.replacingOccurrences(of: "resposible:", with: "responsible:"))
    }

    func testUnsafeFixesWhenAskedAndThenNothingIsLeft() throws {
        let root = try repository()
        let run = try Procdef.run(["check", "--fix", "--unsafe-fixes", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(
            try text(root),
            Self.process.replacingOccurrences(of: "resposible:", with: "responsible:")
                .replacingOccurrences(of: "next: clos\n", with: "next: close\n")
                .replacingOccurrences(of: "service-dek", with: "service-desk"))
        XCTAssertEqual(run.stdout, "no problems in 2 files\n")
    }

    func testDiffWritesNothing() throws {
        let root = try repository()
        let run = try Procdef.run(["check", "--fix", "--diff", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stdout,
            """
            --- a/Processes/p.yaml
            +++ b/Processes/p.yaml
            @@ -5,7 +5,7 @@
             activities:
               - id: log
                 name: Log
            -    resposible: service-desk   # who logs
            +    responsible: service-desk   # who logs
                 accountable: owner
                 next: clos
               - id: close

            """)
        XCTAssertEqual(run.stderr, "procdef: 1 fix in 1 file to apply (--diff: nothing written)\n")
        XCTAssertEqual(try text(root), Self.process)
    }

    /// The fixes of the handoff, text and suppression rules, through the command line: `--fix` removes what
    /// silenced nothing; `--unsafe-fixes` adds a handoff to fill in and quotes a text; no finding is suppressed.
    func testAStaleSuppressionGoesSafelyAHandoffAndAQuotedTextUnsafely() throws {
        let root = try Procdef.temporaryDirectory(self)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.createDirectory(at: processes, withIntermediateDirectories: true)
        let roles = Self.roles + "  resolver: {name: Resolver, kind: practitioner}\n"
        try roles.write(to: processes.appendingPathComponent("roles.yaml"), atomically: true, encoding: .utf8)
        let process = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              # procdef: ignore flow/self-loop -- it loops
              - id: log
                name: Log
                responsible: service-desk
                accountable: owner
                procedure:
                  - Post in #bridge
              - id: fix
                name: Fix
                responsible: resolver
                accountable: owner

            """
        let file = processes.appendingPathComponent("p.yaml")
        try process.write(to: file, atomically: true, encoding: .utf8)
        let safe = try Procdef.run(["check", "--fix", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(
            safe.stderr,
            """
            procdef: fixed Processes/p.yaml:6:21: Remove the unused suppression [lint/unused-suppression]
            procdef: applied 1 fix in 1 file; checking again

            """)
        let withoutSuppression = process.replacingOccurrences(of: "  # procdef: ignore flow/self-loop -- it loops\n", with: "")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), withoutSuppression)
        let unsafe = try Procdef.run(["check", "--fix", "--unsafe-fixes", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(unsafe.status, 0, unsafe.stdout)
        XCTAssertEqual(
            try String(contentsOf: file, encoding: .utf8),
            withoutSuppression.replacingOccurrences(
                of: "      - Post in #bridge\n",
                with: """
                          - "Post in #bridge"
                        handoff:
                          artifact: "TODO: what is passed on"
                          expectation: "TODO: what the receiver must do, and by when"

                    """))
        XCTAssertFalse(unsafe.stdout.contains("error"), unsafe.stdout)
    }

    /// The fixture Fixtures/fix holds one of each fixable finding; the files after `--fix`, and after
    /// `--fix --unsafe-fixes` on the result, are golden files, as are the lines saying what was fixed. The unsafe run
    /// takes two rounds: the misspelt activity, once fixed, makes a transition between two teams, whose handoff gap
    /// gets its template in the next round. A second run of each changes nothing.
    func testGoldenFilesBeforeAndAfter() throws {
        let root = try Procdef.temporaryDirectory(self)
        let processes = root.appendingPathComponent("Processes")
        try FileManager.default.copyItem(at: Procdef.testsDirectory.appendingPathComponent("Fixtures/fix/Processes"), to: processes)
        let file = processes.appendingPathComponent("incident.yaml")
        let arguments = ["check", "--fix", "--today", "2026-06-01"]

        let safe = try Procdef.run(arguments, in: root)
        assertGolden(safe.stderr, named: "fix/safe.stderr.txt")
        assertGolden(try String(contentsOf: file, encoding: .utf8), named: "fix/after-safe-incident.yaml")
        XCTAssertEqual(try Procdef.run(arguments, in: root).stderr, "", "a second --fix has nothing left to do")

        let unsafe = try Procdef.run(arguments + ["--unsafe-fixes"], in: root)
        assertGolden(unsafe.stderr, named: "fix/unsafe.stderr.txt")
        assertGolden(unsafe.stdout, named: "fix/unsafe.stdout.txt")
        assertGolden(try String(contentsOf: file, encoding: .utf8), named: "fix/after-unsafe-incident.yaml")
        let again = try Procdef.run(arguments + ["--unsafe-fixes"], in: root)
        XCTAssertEqual(again.stderr, "", "a second --fix --unsafe-fixes has nothing left to do")
        XCTAssertEqual(
            try String(contentsOf: processes.appendingPathComponent("roles.yaml"), encoding: .utf8),
            try String(
                contentsOf: Procdef.testsDirectory.appendingPathComponent("Fixtures/fix/Processes/roles.yaml"), encoding: .utf8))
    }

    func testAFixedFileKeepsItsPermissions() throws {
        let root = try repository()
        let file = root.appendingPathComponent("Processes/p.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        _ = try Procdef.run(["check", "--fix", "--today", "2026-06-01"], in: root)
        XCTAssertEqual(try text(root), Self.process.replacingOccurrences(of: "resposible:", with: "responsible:"))
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
    }

    /// A baseline may hide a file's syntax error from the report; the file is still not valid YAML, and not touched.
    func testAFileWhoseSyntaxErrorTheBaselineHidesIsLeftAlone() throws {
        let root = try repository()
        let file = root.appendingPathComponent("Processes/p.yaml")
        let broken = Self.process.replacingOccurrences(of: "resposible:", with: "responsible:") + "---\nkind: process\nname: [broken\n"
        try broken.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Procdef.run(["check", "--write-baseline", "--today", "2026-06-01"], in: root).status, 0)
        let misspelt = broken.replacingOccurrences(
            of: "responsible: service-desk   # who logs", with: "resposible: service-desk   # who logs")
        try misspelt.write(to: file, atomically: true, encoding: .utf8)
        let run = try Procdef.run(["check", "--fix", "--today", "2026-06-01"], in: root)
        XCTAssertTrue(run.stderr.contains("warning: Processes/p.yaml is left as it is: it is not valid YAML"), run.stderr)
        XCTAssertEqual(try text(root), misspelt)
    }

    func testFlagsThatDoNotGoWithFix() throws {
        let root = try repository()
        XCTAssertEqual(try Procdef.run(["check", "--diff"], in: root).status, 2)
        XCTAssertEqual(try Procdef.run(["check", "--unsafe-fixes"], in: root).status, 2)
        XCTAssertEqual(try Procdef.run(["check", "--fix", "--write-baseline"], in: root).status, 2)
    }
}
