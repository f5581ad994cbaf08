import XCTest
import YAMLTree

@testable import ProcDef

/// `handoff/gap`'s fix: a `handoff:` with placeholders, written where the transition takes its handoff from, in the
/// layout of the mapping it goes into, every other byte kept.
final class HandoffTemplateFixTests: XCTestCase {
    private static let header = FixFixture.processHeader
    /// The handoff as one more entry of a flow mapping.
    private static let flow =
        #"handoff: {artifact: "TODO: what is passed on", expectation: "TODO: what the receiver must do, and by when"}"#

    /// The handoff on lines of their own, `indentation` spaces in.
    private static func block(_ indentation: Int, agreement: Bool = false) -> String {
        let pad = String(repeating: " ", count: indentation)
        return """
            \(pad)handoff:
            \(pad)  artifact: "TODO: what is passed on"
            \(pad)  expectation: "TODO: what the receiver must do, and by when"

            """ + (agreement ? "\(pad)  agreement: \"TODO: the OLA or underpinning contract\"\n" : "")
    }

    /// The first gap's fix, and the file it makes, which parses and has that gap no more.
    private func fixed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (fix: String, after: String)? {
        FixFixture.resolving("handoff/gap", in: text, applicability: .unsafe, file: file, line: line)
    }

    /// Asserts that the first gap's fix makes of `text` what replacing `old` with `new` does (appending `new`, when
    /// `old` is empty), and is described as `description`, when given.
    private func assertFix(
        _ text: String, described description: String? = nil, replacing old: String, with new: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertTrue(old.isEmpty || text.contains(old), file: file, line: line)
        let result = fixed(text, file: file, line: line)
        XCTAssertEqual(result?.after, old.isEmpty ? text + new : text.replacingOccurrences(of: old, with: new), file: file, line: line)
        if let description { XCTAssertEqual(result?.fix, description, file: file, line: line) }
    }

    func testAFallThroughGetsTheHandoffOnItsActivityAfterItsLastLine() throws {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk   # who logs
                    procedure:
                      - Record the caller.
                  # the resolver takes over
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver

                """
        assertFix(
            before,
            described: "[unsafe] Add a handoff to fill in to activity 'log' (it applies to its fall-through to 'diagnose'): "
                + "p.yaml:12:1-12:1 -> " + Self.block(4),
            replacing: "Record the caller.\n", with: "Record the caller.\n" + Self.block(4))
        // The placeholder promises no time, which the handoff rules say until it is filled in.
        let after = try XCTUnwrap(fixed(before)).after
        XCTAssertEqual(FixFixture(after).findings("handoff/expectation-without-time").count, 1)
    }

    func testTheArtifactIsFilledInWhenTheTargetTakesInWhatTheSourcePutsOut() throws {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    outputs: [incident-record]
                    next: diagnose
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver
                    inputs: [incident-record]

                """
        XCTAssertEqual(
            try XCTUnwrap(fixed(before)).fix,
            "[unsafe] Add a handoff to fill in to activity 'log' (it applies to its `next`): p.yaml:12:1-12:1 -> "
                + Self.block(4).replacingOccurrences(of: "\"TODO: what is passed on\"", with: "\"incident-record\""))
    }

    func testABranchMappingGetsItsOwnHandoffAtItsIndentation() {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      - to: diagnose
                        when: A resolver is needed.
                      - to: close
                        when: Resolved at once.
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver
                    end: true
                  - id: close
                    name: Close
                    responsible: service-desk
                    end: true

                """
        assertFix(before, replacing: "needed.\n", with: "needed.\n" + Self.block(8))
    }

    func testABareBranchIdBecomesAMappingInABlockListAndTowardsASupplierTheAgreementIsAskedFor() throws {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next:
                      - carry   # the carrier's queue
                      - close
                  - id: close
                    name: Close
                    responsible: service-desk
                    end: true
                  - id: carry
                    name: Carry
                    responsible: carrier
                    end: true

                """
        assertFix(
            before,
            described: "[unsafe] Add a handoff to fill in to this `next` entry: p.yaml:11:9-11:9 -> to: ; p.yaml:12:1-12:1 -> "
                + Self.block(8, agreement: true),
            replacing: "- carry   # the carrier's queue\n", with: "- to: carry   # the carrier's queue\n" + Self.block(8, agreement: true))
        XCTAssertEqual(FixFixture(try XCTUnwrap(fixed(before)).after).findings("handoff/supplier-agreement").count, 0)
    }

    func testInFlowStyleTheHandoffIsOneMoreEntry() throws {
        let branch =
            Self.header + """
                  - {id: log, name: Log, responsible: service-desk, next: [diagnose, close]}
                  - {id: diagnose, name: Diagnose, responsible: resolver, end: true}
                  - {id: close, name: Close, responsible: service-desk}

                """
        XCTAssertEqual(
            try XCTUnwrap(fixed(branch)).fix,
            "[unsafe] Add a handoff to fill in to this `next` entry: p.yaml:7:60-7:60 -> {to: ; p.yaml:7:68-7:68 -> , \(Self.flow)}")
        assertFix(branch, replacing: "[diagnose,", with: "[{to: diagnose, \(Self.flow)},")

        let fallThrough =
            Self.header + """
                  - {id: log, name: Log, responsible: service-desk}
                  - {id: diagnose, name: Diagnose, responsible: resolver}

                """
        assertFix(fallThrough, replacing: "service-desk}", with: "service-desk, \(Self.flow)}")
    }

    func testATriggerAndACancellationGetTheirOwn() {
        let trigger =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    triggers:
                      - process: q
                  - id: close
                    name: Close
                    responsible: service-desk
                ---
                kind: process
                id: q
                name: Q
                owner: process-owner
                defaults: {accountable: incident-manager}
                activities:
                  - {id: work, name: Work, responsible: resolver}

                """
        assertFix(trigger, replacing: "- process: q\n", with: "- process: q\n" + Self.block(8))

        let cancellation = """
            kind: process
            id: p
            name: P
            owner: process-owner
            defaults: {accountable: incident-manager}
            cancel:
              - {when: The user withdraws., to: close, from: [log]}
            activities:
              - id: log
                name: Log
                responsible: resolver
                next: close
                handoff: {artifact: record, expectation: Closed within 1 day.}
              - id: close
                name: Close
                responsible: service-desk

            """
        assertFix(cancellation, replacing: "[log]}", with: "[log], \(Self.flow)}")
    }

    func testAForkBranchAndATimeoutGetTheirOwn() {
        let fork =
            Self.header + """
                  - id: assess
                    name: Assess
                    responsible: service-desk
                    next: {all: [fix, tell]}
                  - id: fix
                    name: Fix
                    responsible: resolver
                    next: done
                  - id: tell
                    name: Tell
                    responsible: service-desk
                    next: done
                  - id: done
                    name: Done
                    join: all
                    responsible: service-desk
                    end: true

                """
        assertFix(fork, replacing: "[fix,", with: "[{to: fix, \(Self.flow)},")

        let timeout =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    timeout: {after: 1h, to: escalate}
                    next: close
                  - id: close
                    name: Close
                    responsible: service-desk
                    end: true
                  - id: escalate
                    name: Escalate
                    responsible: resolver
                    end: true

                """
        assertFix(timeout, replacing: "to: escalate}", with: "to: escalate, \(Self.flow)}")
    }

    func testABlockTextKeepsItsTrailingLinesAndCRLFStays() throws {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    procedure: |+
                      Record the caller.

                  - id: diagnose
                    name: Diagnose
                    responsible: resolver

                """
        let after = try XCTUnwrap(fixed(before)).after
        XCTAssertEqual(after, before.replacingOccurrences(of: "caller.\n\n", with: "caller.\n\n" + Self.block(4)))
        let procedure = { (text: String) in FixFixture(text).report.workspace.process(id: "p")?.activities.first?.procedure.map(\.value) }
        XCTAssertEqual(procedure(after), procedure(before))

        let crlf = before.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try XCTUnwrap(fixed(crlf)).after, after.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testAtTheEndOfAFileWithoutALastLineBreakALineBreakComesFirst() throws {
        let before =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    handoff: {artifact: record, expectation: Diagnosed within 1 hour.}
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver
                    next: log
                """
        assertFix(
            before,
            described: "[unsafe] Add a handoff to fill in to activity 'diagnose' (it applies to its `next`): p.yaml:14:14-14:14 -> \n"
                + Self.block(4),
            replacing: "", with: "\n" + Self.block(4))
    }

    func testNoFixWhereTheLayoutIsNotCertain() {
        // An activity with `handoff:` and nothing in it has the key already: a second would be a repeated key.
        let empty =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    handoff:
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver

                """
        XCTAssertEqual(FixFixture(empty).findings("handoff/gap").count, 1)
        XCTAssertEqual(FixFixture(empty).fixes("handoff/gap").count, 0)
        // A key the format does not know may be the handoff misspelt, which its own fix names `handoff`: with both
        // applied, the key would be there twice.
        let misspelt = empty.replacingOccurrences(of: "    handoff:\n", with: "    handof: {artifact: record}\n")
        XCTAssertEqual(FixFixture(misspelt).fixes("schema/unknown-key").map(\.description), ["Replace 'handof' with 'handoff'"])
        XCTAssertEqual(FixFixture(misspelt).findings("handoff/gap").count, 1)
        XCTAssertEqual(FixFixture(misspelt).fixes("handoff/gap").count, 0)
        // An anchored node would take the handoff into every alias of it.
        let anchored =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: &desk service-desk
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver
                  - id: close
                    name: Close
                    responsible: *desk

                """
        XCTAssertEqual(FixFixture(anchored).findings("handoff/gap").count, 2)
        XCTAssertEqual(FixFixture(anchored).fixes("handoff/gap").count, 0)
        // A block text that ends the file with no line break would take the break the new lines need.
        let blockText =
            Self.header + """
                  - id: log
                    name: Log
                    responsible: service-desk
                    next: diagnose
                  - id: diagnose
                    name: Diagnose
                    responsible: resolver
                    next: log
                    procedure: |
                      Diagnose.
                """
        let fixture = FixFixture(blockText)
        XCTAssertEqual(fixture.findings("handoff/gap").count, 2)
        XCTAssertEqual(fixture.fixes("handoff/gap").count, 1, "only the gap from 'log' has a place for its handoff")
    }
}
