import XCTest

@testable import ProcDef

final class CaseOwnerContinuityTests: XCTestCase {
    private let rule: Set<String> = ["ownership/case-owner-continuity"]

    private func message(to receivers: String, at activity: String) -> String {
        "the case owner 'service-desk' (Service Desk Analyst) hands the case to \(receivers) at \(activity) and is not responsible, accountable, consulted or informed there: the customer loses their single point of contact"
    }

    func testFallThroughAwayFromTheCaseOwner() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: 1️⃣log
                name: Log the incident
                responsible: service-desk
                handoff: {artifact: incident-record, expectation: Acknowledged within 30 minutes.}
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                handoff: {artifact: resolution-notes, expectation: Confirmed with the user within 1 day.}
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity",
                    message(to: "'resolver' (Resolver Group)", at: "'diagnose' (Investigate and diagnose)"),
                    severity: .warning,
                    help:
                        "keep the case owner in the loop: add `service-desk` to the `informed:` of 'diagnose', or to the `informed:` of the handoff on this transition (`handoff: {artifact: ..., expectation: ..., informed: [service-desk]}`)"
                )
            ])
    }

    func testBranchAndSingleNextAwayFromTheCaseOwner() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: categorize
                name: Categorize and prioritize
                responsible: service-desk
                next:
                  - to: workaround
                    when: A known error matches.
                  - 1️⃣to: diagnose
                    when: No workaround is known.
                    handoff: {artifact: incident-record, expectation: Acknowledged within 30 minutes.}
              - id: workaround
                name: Apply the workaround
                responsible: service-desk
                next: 2️⃣network-check
                handoff: {artifact: incident-record, expectation: Checked within 1 hour.}
              - id: diagnose
                name: Investigate and diagnose
                responsible: [resolver, network]
                next: close
              - id: network-check
                name: Check the network path
                responsible: network
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity",
                    message(to: "'resolver' (Resolver Group), 'network' (Network Engineer)", at: "'diagnose' (Investigate and diagnose)")),
                ExpectedFinding(
                    "2️⃣", "ownership/case-owner-continuity",
                    message(to: "'network' (Network Engineer)", at: "'network-check' (Check the network path)")),
            ])
    }

    /// Informed, consulted or accountable (also through `defaults.accountable`) at the receiving activity, or told
    /// by the handoff's `informed:`: in every case the case owner still knows where the case is.
    func testCaseOwnerStillInvolvedAtTheReceivingActivityIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                next:
                  - to: informed
                    when: The user reports a disruption.
                  - to: consulted
                    when: Monitoring raises an event.
                  - to: accountable
                    when: The user asks for a change.
                  - to: told-by-handoff
                    when: A supplier reports a fault.
                    handoff: {artifact: incident-record, expectation: Acknowledged within 1 hour., informed: [service-desk]}
              - id: informed
                name: Diagnose the disruption
                responsible: resolver
                informed: [service-desk, user]
                next: close
              - id: consulted
                name: Diagnose the event
                responsible: network
                consulted: [service-desk]
                next: close
              - id: accountable
                name: Route the request
                responsible: incident-manager
                accountable: service-desk
                next: close
              - id: told-by-handoff
                name: Work with the supplier
                responsible: carrier
                next: close
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule, [])
    }

    func testDefaultAccountableCountsAsInvolved() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: service-desk
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """, rules: rule, [])
    }

    /// Only handoffs away from the case owner count: resolver to network is not the case owner's to watch, and
    /// keeping the case owner among several responsible roles is no handoff away from it.
    func testHandoffsNotAwayFromTheCaseOwnerAreClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: diagnose
                name: Investigate and diagnose
                responsible: [service-desk, resolver]
              - id: fix
                name: Fix the fault
                responsible: resolver
                informed: [service-desk]
              - id: reroute
                name: Reroute the traffic
                responsible: network
              - id: close
                name: Close the incident
                responsible: service-desk
            """, rules: rule, [])
    }

    /// A trigger starts another process while this flow goes on with the case owner: it is not a handoff away.
    func testTriggersAreNotHandoffsAway() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                triggers:
                  - process: problem-management
                    when: The incident recurs.
                    handoff: {artifact: incident-record, expectation: Problem recorded within 2 days.}
              - id: close
                name: Close the incident
                responsible: service-desk
            ---
            kind: process
            id: problem-management
            name: Problem Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: record
                name: Record the problem
                responsible: resolver
            """, rules: rule, [])
    }

    func testNoCaseOwnerIsClean() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff: {artifact: incident-record, expectation: Acknowledged within 30 minutes.}
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """, rules: rule, [])
    }

    /// An activity with nobody responsible is `raci/responsible-required`'s finding, not a handoff away.
    func testReceivingActivityWithoutResponsibleRoleIsLeftToRACI() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
              - id: diagnose
                name: Investigate and diagnose
            """, rules: rule, [])
    }

    func testForkBranchesAreTransitionsAndAReturnToTheJoinIsNoHandoffAway() {
        // The branch to the resolvers hands part of the case away; the desk's own branch comes back to the incident
        // manager's review, whose role ran the coordinating branch: that is a return, not a handoff away.
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: triage
                name: Triage
                responsible: service-desk
                next:
                  all:
                    - 1️⃣to: fix
                      handoff: {artifact: incident-record, expectation: Started within 15 minutes.}
                    - to: tell
                    - to: coordinate
                      handoff: {artifact: incident-record, expectation: Coordinated at once., informed: [service-desk]}
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: tell
                name: Tell the users
                responsible: service-desk
                next: review
              - id: coordinate
                name: Coordinate the response
                responsible: incident-manager
                next: review
              - id: review
                name: Review the incident
                join: all
                responsible: incident-manager
                end: true
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity", message(to: "'resolver' (Resolver Group)", at: "'fix' (Restore the service)"),
                    help:
                        "keep the case owner in the loop: add `service-desk` to the `informed:` of 'fix', or to the `informed:` of the handoff on this transition (`handoff: {artifact: ..., expectation: ..., informed: [service-desk]}`)"
                )
            ])
    }

    func testAnArrivalAtAJoinFromTheCaseOwnerIsAHandoffAwayWhenTheJoinsRoleRanNoBranch() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            case-owner: service-desk
            defaults:
              accountable: incident-manager
            activities:
              - id: triage
                name: Triage
                responsible: service-desk
                handoff: {artifact: incident-record, expectation: Started within 15 minutes., informed: [service-desk]}
                next:
                  all:
                    - to: fix
                    - to: tell
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: tell
                name: Tell the users
                responsible: service-desk
                next: 1️⃣review
              - id: review
                name: Review the incident
                join: all
                responsible: incident-manager
                end: true
            """, rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "ownership/case-owner-continuity",
                    message(to: "'incident-manager' (Incident Manager)", at: "'review' (Review the incident)"))
            ])
    }
}
