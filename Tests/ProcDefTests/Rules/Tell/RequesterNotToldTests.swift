import XCTest

@testable import ProcDef

final class RequesterNotToldTests: XCTestCase {
    private let rule: Set<String> = ["tell/requester-not-told"]

    private let header = """
        kind: process
        id: service-request
        name: Service Request Fulfilment
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:

        """

    private func help(_ role: String, at places: String) -> String {
        "add `\(role)` to the `informed:` of \(places), or add a `type: notification` step that informs `\(role)` after the last handoff"
    }

    /// The witness of the rule's only finding in `text`, as `line:column message` lines.
    private func witness(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let report = try RuleFixtureRunner.run(["fixture.yaml": MarkedFixture(text).text])
        let findings = report.diagnostics.filter { $0.rule == "tell/requester-not-told" }
        XCTAssertEqual(findings.count, 1, file: file, line: line)
        let finding = try XCTUnwrap(findings.first, file: file, line: line)
        return finding.path.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" }
    }

    // MARK: The requester

    private var untold: String {
        header + """
              - id: log
                name: Log the request
                responsible: service-desk
                informed: [user]
                handoff: {artifact: request-record, expectation: Picked up within 1 day.}
              - id: fulfil
                name: Fulfil the request
                responsible: resolver
              - id: 1️⃣close
                name: Close the request
                responsible: resolver
            """
    }

    func testAnEndThatTellsTheRequesterNothingIsReported() throws {
        XCTAssertFindings(
            untold, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'close' (Close the request) without telling the requester 'user' (Affected User) how it ended (path: log -> fulfil -> close)",
                    severity: .warning, help: help("user", at: "'close' or 'fulfil' before it"))
            ])
        XCTAssertEqual(
            try witness(untold),
            [
                "8:9 the case starts at 'log'",
                "13:9 the case passes to 'fulfil': responsibility changes (the run's last handoff)",
                "16:9 the case ends at 'close': 'user' is not informed, consulted or responsible here or at 'fulfil' before it, and no notification informs it after the run's last handoff",
            ])
        let report = try RuleFixtureRunner.run(["fixture.yaml": MarkedFixture(untold).text])
        let finding = try XCTUnwrap(report.diagnostics.first { $0.rule == "tell/requester-not-told" })
        XCTAssertEqual(finding.subjects.activities, ["close", "fulfil"])
        XCTAssertEqual(finding.subjects.roles, ["user"])
    }

    func testTheRequesterInformedAtTheEndIsTold() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                  - id: close
                    name: Close the request
                    responsible: resolver
                    informed: [user]
                """, rules: rule, [])
    }

    /// A closing notice under a condition tells the requester on some runs only.
    func testAConditionalNoticeAtTheEndDoesNotTellEveryRun() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                  - id: 1️⃣close
                    name: Close the request
                    responsible: resolver
                    informed: [{role: user, when: The request failed.}]
                """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'close' (Close the request) without telling the requester 'user' (Affected User) how it ended (path: log -> fulfil -> close)",
                    severity: .warning, help: help("user", at: "'close' or 'fulfil' before it"))
            ])
    }

    func testTheRequesterConsultedDirectlyBeforeTheEndIsTold() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request and check it with the user
                    responsible: resolver
                    consulted: [user]
                  - id: close
                    name: Close the request
                    responsible: resolver
                """, rules: rule, [])
    }

    func testTheRequesterIsTheCustomerResponsibleAtTheStart() {
        XCTAssertFindings(
            header + """
                  - id: ask
                    name: Ask for the software
                    type: request
                    responsible: user
                    accountable: service-desk
                    handoff: {artifact: request-form, expectation: Picked up within 1 day.}
                  - id: install
                    name: Install the software
                    responsible: resolver
                  - id: 1️⃣close
                    name: Close the request
                    responsible: resolver
                """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'close' (Close the request) without telling the requester 'user' (Affected User) how it ended (path: ask -> install -> close)"
                )
            ])
    }

    func testAProcessWithoutARequesterOrCustomerOwesNothing() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: close
                    name: Close the request
                    responsible: resolver
                """, rules: rule, [])
    }

    func testAnUnknownRoleAtTheEndMayBeTheRequesterMisspelt() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: close
                    name: Close the request
                    responsible: resolver
                    informed: [1️⃣usr]
                """, rules: rule.union(["ref/unknown-role"]),
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'usr' in 'informed' of activity 'close'", help: "did you mean 'user'?")
            ])
    }

    // MARK: Notifications and the last handoff

    func testANotificationBeforeTheLastHandoffDoesNotTellHowItEnded() throws {
        let text =
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                  - id: acknowledge
                    name: Tell the user the request is queued
                    type: notification
                    responsible: service-desk
                    informed: [user]
                  - id: triage
                    name: Triage the request
                    responsible: service-desk
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                  - id: record
                    name: Record the work done
                    responsible: resolver
                  - id: 1️⃣close
                    name: Close the request
                    responsible: resolver
                """
        XCTAssertFindings(
            text, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'close' (Close the request) without telling the requester 'user' (Affected User) how it ended (path: log -> acknowledge -> triage -> fulfil -> record -> close)",
                    help: help("user", at: "'close' or 'record' before it"))
            ])
        XCTAssertEqual(
            try witness(text),
            [
                "8:9 the case starts at 'log'",
                "12:9 'acknowledge' informs 'user', before the run's last handoff",
                "17:9 the case passes 'triage'",
                "21:9 the case passes to 'fulfil': responsibility changes (the run's last handoff)",
                "24:9 the case passes 'record'",
                "27:9 the case ends at 'close': 'user' is not informed, consulted or responsible here or at 'record' before it, and no notification informs it after the run's last handoff",
            ])
    }

    func testANotificationAfterTheLastHandoffTellsHowItEnded() {
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                  - id: notify-done
                    name: Tell the user the request is fulfilled
                    type: notification
                    responsible: resolver
                    informed: [user]
                  - id: record
                    name: Record the work done
                    responsible: resolver
                  - id: close
                    name: Close the request
                    responsible: resolver
                """, rules: rule, [])
    }

    func testOnlyTheRunsThatMissTheNotificationAreReported() {
        // The decision sends one run past the closure notice: that run, and only its end, is reported.
        XCTAssertFindings(
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                    next:
                      - {to: notify-done, when: The request is fulfilled.}
                      - {to: withdraw, when: The request cannot be fulfilled.}
                  - id: notify-done
                    name: Tell the user the request is fulfilled
                    type: notification
                    responsible: resolver
                    informed: [user]
                  - id: record
                    name: Record the work done
                    responsible: resolver
                  - id: close
                    name: Close the request
                    responsible: resolver
                    end: true
                  - id: withdraw
                    name: Withdraw the request
                    responsible: resolver
                    next: archive
                  - id: 1️⃣archive
                    name: Archive the withdrawn request
                    responsible: resolver
                    end: true
                """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'archive' (Archive the withdrawn request) without telling the requester 'user' (Affected User) how it ended (path: log -> fulfil -> withdraw -> archive)"
                )
            ])
    }

    func testACancellationIsARunOfTheCaseToo() throws {
        // Withdrawn while the resolver works on it, the request closes at the desk without a word to the user.
        let text =
            header + """
                  - id: log
                    name: Log the request
                    responsible: service-desk
                    informed: [user]
                    handoff: {artifact: request-record, expectation: Picked up within 1 day.}
                  - id: fulfil
                    name: Fulfil the request
                    responsible: resolver
                  - id: close
                    name: Close the request
                    responsible: resolver
                    informed: [user]
                    end: true
                  - id: 1️⃣withdrawn
                    name: Record the withdrawal
                    responsible: service-desk
                    end: true
                cancel:
                  - when: The user withdraws the request.
                    to: withdrawn
                    handoff: {artifact: request-record, expectation: The desk records the withdrawal within 1 day.}
                """
        XCTAssertFindings(
            text, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'withdrawn' (Record the withdrawal) without telling the requester 'user' (Affected User) how it ended (path: log -> fulfil -> (cancelled) withdrawn)",
                    help: help("user", at: "'withdrawn' or 'fulfil' before it"))
            ])
        XCTAssertEqual(
            try witness(text),
            [
                "8:9 the case starts at 'log'",
                "13:9 the case passes 'fulfil'",
                "21:9 the case is cancelled and ends at 'withdrawn': 'user' is not informed, consulted or responsible here or at 'fulfil' before it, and no notification informs it after the run's last handoff",
            ])
    }

    // MARK: Customers told along the way

    func testACustomerInformedMidRunIsOwedAnAllClear() throws {
        let text = """
            kind: process
            id: outage
            name: Planned Outage
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: plan
                name: Plan the outage
                responsible: network
              - id: announce
                name: Announce the downtime
                type: notification
                responsible: comms
                informed: [user]
                handoff: {artifact: outage-notice, expectation: The network team starts at the announced time.}
              - id: work
                name: Do the maintenance
                responsible: network
              - id: 1️⃣verify
                name: Verify the service
                responsible: network
            """
        XCTAssertFindings(
            text, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'verify' (Verify the service) without telling 'user' (Affected User), informed at 'announce', how it ended (path: plan -> announce -> work -> verify)",
                    help: help("user", at: "'verify' or 'work' before it"))
            ])
        XCTAssertEqual(
            try witness(text),
            [
                "8:9 the case starts at 'plan'",
                "11:9 'announce' informs 'user', before the run's last handoff",
                "17:9 the case passes to 'work': responsibility changes (the run's last handoff)",
                "20:9 the case ends at 'verify': 'user' is not informed, consulted or responsible here or at 'work' before it, and no notification informs it after the run's last handoff",
            ])
    }

    func testAnAllClearAfterTheWorkTellsTheCustomer() {
        XCTAssertFindings(
            """
            kind: process
            id: outage
            name: Planned Outage
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: plan
                name: Plan the outage
                responsible: network
              - id: announce
                name: Announce the downtime
                type: notification
                responsible: comms
                informed: [user]
                handoff: {artifact: outage-notice, expectation: The network team starts at the announced time.}
              - id: work
                name: Do the maintenance
                responsible: network
                handoff: {artifact: maintenance-report, expectation: The all-clear goes out within 15 minutes.}
              - id: all-clear
                name: Publish the all-clear
                type: notification
                responsible: comms
                informed: [user]
              - id: archive
                name: Archive the outage record
                responsible: comms
              - id: close
                name: Close the outage
                responsible: comms
            """, rules: rule, [])
    }

    func testACustomerNeverInformedIsOwedNothing() {
        // `user` is informed only under a condition, after the start: no run is sure to have told it anything.
        XCTAssertFindings(
            """
            kind: process
            id: outage
            name: Planned Outage
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: plan
                name: Plan the outage
                responsible: network
                handoff: {artifact: outage-plan, expectation: Done in the window.}
              - id: work
                name: Do the maintenance
                responsible: resolver
                informed:
                  - {role: user, when: The outage is longer than an hour.}
                handoff: {artifact: maintenance-report, expectation: Closed within a day.}
              - id: check
                name: Check the monitoring
                responsible: network
              - id: close
                name: Close the outage
                responsible: network
            """, rules: rule, [])
    }

    // MARK: An explicit requester

    func testAnExplicitRequesterIsOwedTheEnd() {
        XCTAssertFindings(
            """
            kind: process
            id: project-request
            name: Project Request
            owner: process-owner
            requester: sponsor
            defaults:
              accountable: incident-manager
            activities:
              - id: intake
                name: Take the request in
                responsible: service-desk
                handoff: {artifact: project-brief, expectation: Estimated within 5 days.}
              - id: estimate
                name: Estimate the work
                responsible: resolver
              - id: 1️⃣file
                name: File the estimate
                responsible: resolver
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'file' (File the estimate) without telling the requester 'sponsor' (Business Sponsor) how it ended (path: intake -> estimate -> file)",
                    help: help("sponsor", at: "'file' or 'estimate' before it"))
            ])
    }

    func testAnExplicitRequesterToldAtTheEndIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: project-request
            name: Project Request
            owner: process-owner
            requester: sponsor
            defaults:
              accountable: incident-manager
            activities:
              - id: intake
                name: Take the request in
                responsible: service-desk
                handoff: {artifact: project-brief, expectation: Estimated within 5 days.}
              - id: estimate
                name: Estimate the work
                responsible: resolver
              - id: file
                name: Send the estimate
                responsible: resolver
                informed: [sponsor]
            """, rules: rule, [])
    }

    func testAnUnknownRequesterIsOnlyAReferenceError() {
        XCTAssertFindings(
            """
            kind: process
            id: project-request
            name: Project Request
            owner: process-owner
            requester: 1️⃣sponsr
            defaults:
              accountable: incident-manager
            activities:
              - id: intake
                name: Take the request in
                responsible: service-desk
            """, rules: rule.union(["ref/unknown-role"]),
            [
                ExpectedFinding(
                    "1️⃣", "ref/unknown-role", "unknown role 'sponsr' in 'requester' of process 'project-request'",
                    help: "did you mean 'sponsor'?")
            ])
    }

    // MARK: Forks

    private let forkHeader = """
        kind: process
        id: major-incident
        name: Major Incident
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
          - id: declare
            name: Declare the major incident
            responsible: incident-manager
            informed: [user]
            next:
              all:
                - to: restore
                  handoff: {artifact: incident-brief, expectation: The resolvers join the bridge within 15 minutes.}
                - to: notify-progress
                  handoff: {artifact: incident-brief, expectation: The first notice goes out within 15 minutes.}
          - id: restore
            name: Restore the service
            responsible: resolver
            handoff: {artifact: restoration-report, expectation: Reviewed within 5 days.}
            next: review
          - id: notify-progress
            name: Publish the progress updates
            type: notification
            responsible: comms
            informed: [user]
          - id: update-status-page
            name: Update the status page
            responsible: comms
            handoff: {artifact: update-log, expectation: Reviewed within 5 days.}
            next: review

        """

    func testAProgressNoticeOnAParallelBranchIsNotTheEnd() throws {
        // The notice on the telling branch is not ordered with the restoration's handoff: it may go out before the fix.
        let text =
            forkHeader + """
                  - id: 1️⃣review
                    name: Review the major incident
                    join: all
                    responsible: incident-manager
                    end: true
                """
        XCTAssertFindings(
            text, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'review' (Review the major incident) without telling the requester 'user' (Affected User) how it ended (path: declare -> restore [the branch to 'restore'] -> review)",
                    help: help("user", at: "'review' or 'restore' before it"))
            ])
        XCTAssertEqual(
            try witness(text),
            [
                "8:9 the case starts at 'declare'",
                "18:9 the case passes 'restore' on the branch to 'restore'",
                "33:9 the case ends at 'review': 'user' is not informed, consulted or responsible here or at 'restore' before it, and no notification informs it after the run's last handoff",
            ])
    }

    func testAnAllClearAtTheJoinTellsTheEnd() {
        XCTAssertFindings(
            forkHeader + """
                  - id: review
                    name: Publish the all-clear and review
                    type: notification
                    join: all
                    responsible: incident-manager
                    informed: [user]
                    end: true
                """, rules: rule, [])
    }

    func testANotificationOnAParallelBranchCountsWhenNoOtherBranchHandsOff() {
        // The restoration stays with the incident manager, who coordinates the join: the notice is after every
        // handoff of the parallel work.
        XCTAssertFindings(
            """
            kind: process
            id: major-incident
            name: Major Incident
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: declare
                name: Declare the major incident
                responsible: incident-manager
                informed: [user]
                next:
                  all:
                    - restore
                    - to: notify-restored
                      handoff: {artifact: incident-brief, expectation: The notice goes out when service is back.}
              - id: restore
                name: Restore the service
                responsible: incident-manager
                next: review
              - id: notify-restored
                name: Tell the users the service is back
                type: notification
                responsible: comms
                informed: [user]
              - id: update-status-page
                name: Update the status page
                responsible: comms
                next: review
              - id: review
                name: Review the major incident
                join: all
                responsible: incident-manager
                end: true
            """, rules: rule, [])
    }

    func testAHandoffOnAParallelBranchComesAfterANoticeBeforeTheFork() {
        // The declaration tells the user the incident is being worked; the network team takes part of the work over
        // on the other branch, after that notice.
        XCTAssertFindings(
            """
            kind: process
            id: major-incident
            name: Major Incident
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: declare
                name: Declare the major incident and tell the users
                type: notification
                responsible: incident-manager
                informed: [user]
                next:
                  all:
                    - restore
                    - to: diagnose
                      handoff: {artifact: incident-brief, expectation: The resolvers join the bridge within 15 minutes.}
              - id: restore
                name: Coordinate the restoration
                responsible: incident-manager
                next: review
              - id: diagnose
                name: Diagnose the fault
                responsible: resolver
                handoff: {artifact: diagnosis, expectation: The network team fixes the link within 2 hours.}
              - id: fix
                name: Fix the network link
                responsible: network
                next: review
              - id: 1️⃣review
                name: Review the major incident
                join: all
                responsible: incident-manager
                end: true
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "tell/requester-not-told",
                    "the case can end at 'review' (Review the major incident) without telling the requester 'user' (Affected User) how it ended (path: declare -> restore [the branch to 'restore'] -> review)"
                )
            ])
    }
}
