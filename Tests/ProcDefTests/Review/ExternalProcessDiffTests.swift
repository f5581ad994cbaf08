import XCTest

@testable import ProcDef

/// `procdef diff` shows a process defined elsewhere added, removed or changed, and the trigger into it as an edge.
final class ExternalProcessDiffTests: XCTestCase {
    private let agency = """
        kind: external-process
        id: agency-incident-response
        name: Agency Incident Response
        link: https://agency.example.org/ir
        receiver: user

        """

    private func workspace(_ files: [String: String]) -> CheckReport {
        ReviewFixture.check(files.merging(["roles.yaml": ReviewFixture.roles]) { a, _ in a })
    }

    func testAddedRemovedAndChanged() {
        let hoster = """
            kind: external-process
            id: hoster-incident
            name: Hoster Incident Handling

            """
        let old = workspace(["agency.yaml": agency, "hoster.yaml": hoster])
        let changed =
            agency
            .replacingOccurrences(of: "https://agency.example.org/ir", with: "https://agency.example.org/report")
            .replacingOccurrences(of: "receiver: user", with: "receiver: network")
        let carrier = """
            kind: external-process
            id: carrier-incident
            name: Carrier Incident Handling

            """
        let new = workspace(["agency.yaml": changed, "carrier.yaml": carrier])
        let diff = ProcessDiff.compare(old: old, new: new)
        XCTAssertFalse(diff.isEmpty)
        XCTAssertEqual(diff.processes.map(\.id), [])
        XCTAssertEqual(
            diff.externalProcesses,
            [
                ExternalProcessChange(
                    kind: .changed, id: "agency-incident-response", name: "Agency Incident Response",
                    fields: [
                        FieldChange(field: "link", before: "https://agency.example.org/ir", after: "https://agency.example.org/report"),
                        FieldChange(field: "receiver", before: "user", after: "network"),
                    ]),
                ExternalProcessChange(kind: .added, id: "carrier-incident", name: "Carrier Incident Handling"),
                ExternalProcessChange(kind: .removed, id: "hoster-incident", name: "Hoster Incident Handling"),
            ])
        XCTAssertTrue(ProcessDiff.compare(old: old, new: old).isEmpty)
    }

    /// A receiver that takes over from someone else opens a gap on the trigger into it.
    func testANewReceiverOpensAGapOnTheTrigger() throws {
        let process = ReviewFixture.process(
            """
              - id: notify
                name: Notify the agency
                responsible: desk
                triggers:
                  - process: agency-incident-response

            """)
        let withoutReceiver = agency.replacingOccurrences(of: "receiver: user\n", with: "")
        let diff = ProcessDiff.compare(
            old: workspace(["agency.yaml": withoutReceiver, "process.yaml": process]),
            new: workspace(["agency.yaml": agency, "process.yaml": process]))
        XCTAssertEqual(diff.externalProcesses.map(\.kind), [.changed])
        let change = try XCTUnwrap(diff.processes.first)
        XCTAssertEqual(change.gaps.map(\.kind), [.introduced])
        XCTAssertEqual(change.findings.introduced.map(\.rule), ["handoff/gap"])
        XCTAssertEqual(change.findings.resolved.map(\.rule), ["handoff/external-without-receiver"])
    }
}
