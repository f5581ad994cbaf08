import XCTest
import YAMLTree

@testable import ProcDef

/// The fixes findings carry as data: which findings offer one, what it edits, and how sure procdef is of it.
final class FixOfferTests: XCTestCase {
    private static let roles = """
        kind: roles
        roles:
          owner: {name: Owner, kind: owner}
          service-desk: {name: Service Desk, kind: practitioner}
        ---

        """

    private func check(_ yaml: String) -> [Diagnostic] {
        Checker.check(
            files: [SourceFile(path: "p.yaml", bytes: Array((Self.roles + yaml).utf8))],
            options: CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        ).diagnostics
    }

    private func fixes(_ rule: String, in yaml: String) -> [String] {
        check(yaml).filter { $0.rule == rule }.flatMap(\.fixes).map(FixFixture.describe)
    }

    func testAMisspeltKeyIsASafeReplacement() {
        let yaml = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              - id: a
                name: A
                resposible: service-desk
                accountable: owner
                end: true

            """
        XCTAssertEqual(
            fixes("schema/unknown-key", in: yaml),
            ["[safe] Replace 'resposible' with 'responsible': p.yaml:13:5-13:15 -> responsible"])
    }

    func testAQuotedKeyOrAKeyThatIsAlreadyThereGetsNoFix() {
        let quoted = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              - id: a
                name: A
                "resposible": service-desk
                accountable: owner
                end: true

            """
        XCTAssertEqual(fixes("schema/unknown-key", in: quoted), [])
        let twice = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              - id: a
                name: A
                responsible: service-desk
                resposible: service-desk
                accountable: owner
                end: true

            """
        XCTAssertEqual(check(twice).filter { $0.rule == "schema/unknown-key" }.count, 1)
        XCTAssertEqual(fixes("schema/unknown-key", in: twice), [], "renaming would write the key twice")
        // A key that is there with no value is there all the same.
        let empty = twice.replacingOccurrences(of: "responsible: service-desk\n    resposible", with: "responsible:\n    resposible")
        XCTAssertEqual(check(empty).filter { $0.rule == "schema/unknown-key" }.count, 1)
        XCTAssertEqual(fixes("schema/unknown-key", in: empty), [], "renaming would write the key twice")
        // Two misspellings of one key: renaming both would write it twice, so the first is renamed first.
        let misspeltTwice = twice.replacingOccurrences(
            of: "responsible: service-desk\n    resposible", with: "responsibl: service-desk\n    resposible")
        XCTAssertEqual(
            fixes("schema/unknown-key", in: misspeltTwice),
            ["[safe] Replace 'responsibl' with 'responsible': p.yaml:13:5-13:15 -> responsible"])
    }

    func testAnUnknownReferenceIsAnUnsafeGuess() {
        let yaml = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              - id: log
                name: Log
                responsible: service-dek
                accountable: owner
                next: clos
              - id: close
                name: Close
                responsible: service-desk
                accountable: owner
                end: true

            """
        XCTAssertEqual(
            fixes("ref/unknown-role", in: yaml),
            ["[unsafe] Replace 'service-dek' with 'service-desk': p.yaml:13:18-13:29 -> service-desk"])
        XCTAssertEqual(
            fixes("ref/unknown-activity", in: yaml),
            ["[unsafe] Replace 'clos' with 'close': p.yaml:15:11-15:15 -> close"])
    }

    func testNoGuessNoFix() {
        let yaml = """
            kind: process
            id: p
            name: P
            owner: owner
            activities:
              - id: log
                name: Log
                responsible: change-advisory-board
                accountable: owner
                end: true

            """
        XCTAssertEqual(check(yaml).filter { $0.rule == "ref/unknown-role" }.map(\.fixes), [[]])
    }
}
